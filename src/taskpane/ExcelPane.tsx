/**
 * The pane inside Excel: first what this Excel lacks of the requirement sets
 * the host uses (checked at start-up), then the pane — unless Excel is older
 * than the declared minimum, where only the message is shown.
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { WorkbookHost } from "../hosts/host";
import type { ExcelCapabilities } from "../hosts/open";
import { useStrings } from "../i18n/react";
import { TaskPane } from "./TaskPane";

export function ExcelPane({ capabilities, host }: { capabilities: ExcelCapabilities; host: WorkbookHost }) {
  const { tx } = useStrings();
  return (
    <>
      {capabilities.notices.map((notice) => (
        <MessageBar key={notice["en-US"]} intent={capabilities.minimum ? "warning" : "error"} layout="multiline">
          <MessageBarBody>{tx(notice)}</MessageBarBody>
        </MessageBar>
      ))}
      {capabilities.minimum && <TaskPane host={host} />}
    </>
  );
}
