import { FluentProvider, makeStaticStyles, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Lang } from "../core/model";
import { I18nProvider } from "../i18n/react";
import { ErrorBoundary } from "./components/ErrorBoundary";

/** Headings are styled by Fluent's typography components; the browser's margins would only misalign them. */
const useGlobalStyles = makeStaticStyles({ "h1, h2, h3, h4": { margin: 0 } });

/** Theme, language and the error boundary around everything the pane and the playground show. */
export function Shell({ lang, children }: { lang: Lang; children: ReactNode }) {
  useGlobalStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={lang} style={{ minHeight: "100%" }}>
      <I18nProvider lang={lang}>
        <ErrorBoundary lang={lang}>{children}</ErrorBoundary>
      </I18nProvider>
    </FluentProvider>
  );
}
