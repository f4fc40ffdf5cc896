import { configure, render } from "@testing-library/react";
import type { Lang } from "../../src/core/model";
import type { WorkbookHost } from "../../src/hosts/host";
import { Shell } from "../../src/taskpane/Shell";
import { TaskPane } from "../../src/taskpane/TaskPane";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (browsers all have it).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Scoring and building plans take longer on a busy 2-core machine than the default 1 s of findBy/waitFor.
configure({ asyncUtilTimeout: 10_000 });

export function renderPane(host: WorkbookHost, lang: Lang = "en-US", props: Partial<Parameters<typeof TaskPane>[0]> = {}) {
  return render(
    <Shell lang={lang}>
      <TaskPane host={host} {...props} />
    </Shell>,
  );
}
