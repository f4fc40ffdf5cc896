import type { Lang } from "../core";

/**
 * The language of messages and explanations: Office's UI language when the
 * functions run inside Office, else English. Any Chinese UI gets zh-CN, the
 * only Chinese the product ships. Read on each call (not cached), because
 * `Office.context` is only filled in after `Office.onReady`.
 */
export function displayLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const ui = office?.context?.displayLanguage;
  return typeof ui === "string" && /^zh(?![a-z])/i.test(ui) ? "zh-CN" : "en-US";
}
