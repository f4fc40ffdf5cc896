import type { Lang, Text } from "../core/model";
import { MESSAGES } from "./messages";

type Messages = typeof MESSAGES;

/** The messages in one language: plain strings, and functions that return strings. */
export type Strings = {
  [K in keyof Messages]: Messages[K] extends (...args: infer A) => Text ? (...args: A) => string : string;
};

const cache = new Map<Lang, Strings>();

export function stringsFor(lang: Lang): Strings {
  let s = cache.get(lang);
  if (s) return s;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(MESSAGES)) {
    out[key] = typeof entry === "function" ? (...args: never[]) => (entry as (...a: never[]) => Text)(...args)[lang] : (entry as Text)[lang];
  }
  s = out as Strings;
  cache.set(lang, s);
  return s;
}
