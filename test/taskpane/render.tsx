import { render } from "@testing-library/react";
import type { Lang } from "../../src/core/model";
import type { WorkbookHost } from "../../src/hosts/host";
import { Shell } from "../../src/taskpane/Shell";
import { TaskPane } from "../../src/taskpane/TaskPane";

export function renderPane(host: WorkbookHost, lang: Lang = "en-US", props: Partial<Parameters<typeof TaskPane>[0]> = {}) {
  return render(
    <Shell lang={lang}>
      <TaskPane host={host} {...props} />
    </Shell>,
  );
}
