import type { Lang, Text } from "../../core/model";
import { ModelError } from "../../core/validate";
import { stringsFor } from "../../i18n/strings";

function isText(v: unknown): v is Text {
  return typeof v === "object" && v !== null && typeof (v as Text)["zh-CN"] === "string" && typeof (v as Text)["en-US"] === "string";
}

/** Whether an error is a cancellation (AbortController), however the host reports it. */
export function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === "AbortError" || (e as { code?: unknown }).code === "cancelled");
}

/**
 * What to tell the user about an error. Host, reader and mapping errors carry a
 * bilingual message saying what to do (`HostError.userMessage`, `.text`); anything
 * else is unexpected and says so, with its own message.
 */
export function errorMessage(e: unknown, lang: Lang): string {
  if (typeof e === "object" && e !== null) {
    const withText = e as { userMessage?: unknown; text?: unknown };
    if (isText(withText.userMessage)) return withText.userMessage[lang];
    if (isText(withText.text)) return withText.text[lang];
  }
  if (e instanceof ModelError) return e.problems.map((p) => p.message[lang]).join(lang === "zh-CN" ? "；" : "; ");
  const message = e instanceof Error ? e.message : String(e);
  return stringsFor(lang).unexpected(message);
}
