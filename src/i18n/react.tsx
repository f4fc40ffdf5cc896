import { createContext, useContext, type ReactNode } from "react";
import type { Lang, Text } from "../core/model";
import { stringsFor, type Strings } from "./strings";

const LangContext = createContext<Lang>("en-US");

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** The UI strings in the current language, and `tx` for bilingual texts from the model and core. */
export function useStrings(): { s: Strings; lang: Lang; tx: (t: Text) => string } {
  const lang = useLang();
  return { s: stringsFor(lang), lang, tx: (t: Text) => t[lang] };
}
