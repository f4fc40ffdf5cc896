import type { Lang } from "../core/model";
import { LANGS } from "../core/model";
import { displayLang } from "../functions/language";

/** The pane's language inside Office: the same rule as the custom functions (Chinese UI → zh-CN). */
export const officeLang: () => Lang = displayLang;

/** `?lang=zh-CN` wins; otherwise the browser's language, Chinese → zh-CN, anything else en-US. */
export function browserLang(search: string, navigatorLanguage: string | undefined): Lang {
  const asked = new URLSearchParams(search).get("lang");
  const exact = LANGS.find((l) => l.toLowerCase() === asked?.toLowerCase());
  if (exact) return exact;
  return /^zh(?![a-z])/i.test(asked ?? navigatorLanguage ?? "") ? "zh-CN" : "en-US";
}
