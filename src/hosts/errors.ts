import { text, type Text } from "../core/model";
import type { CancelSignal } from "./host";

/** A failure a host can explain to the user: what happened and what to do, in both languages. */
export class HostError extends Error {
  constructor(
    readonly userMessage: Text,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage["en-US"], options);
    this.name = "HostError";
  }
}

/** The user cancelled a run; whatever it added has been removed. The one cancellation error of every host. */
export function cancelledError(): HostError {
  return new HostError(text("已取消，工作簿未做任何修改", "Cancelled: the workbook was left as it was"), "cancelled");
}

/** Throws `cancelledError()` once the signal has fired: hosts call it between steps of a run. */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
