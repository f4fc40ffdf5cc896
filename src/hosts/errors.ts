import type { Text } from "../core/model";

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
