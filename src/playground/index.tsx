/** The playground page: the task pane over a workbook held in the page (`npm run playground`). */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/model";
import { browserLang } from "../i18n/lang";
import { stringsFor } from "../i18n/strings";
import { Shell } from "../taskpane/Shell";
import { Playground } from "./Playground";
import { SAMPLE_URL } from "./sample";

function App() {
  const [lang, setLang] = useState<Lang>(() => browserLang(location.search, navigator.language));
  const switchLang = (next: Lang) => {
    setLang(next);
    const url = new URL(location.href);
    url.searchParams.set("lang", next);
    history.replaceState(null, "", url);
  };
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = stringsFor(lang).playgroundTitle;
  }, [lang]);
  return (
    <Shell lang={lang}>
      <Playground lang={lang} onLang={switchLang} sampleUrl={SAMPLE_URL} />
    </Shell>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<App />);
