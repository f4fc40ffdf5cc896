/**
 * The add-in's task pane inside Excel. office.js is loaded by taskpane.html;
 * the pane mounts once Office is ready, in Office's display language.
 */
import { createRoot } from "react-dom/client";
import { createExcelHost, excelCapabilities } from "../hosts/open";
import { officeLang } from "../i18n/lang";
import { Shell } from "./Shell";
import { ExcelPane } from "./ExcelPane";

function mount(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = officeLang();
  // What this Excel supports of the requirement sets the host uses (manifest.xml declares the minimum).
  const capabilities = excelCapabilities(Office.context.requirements);
  document.documentElement.lang = lang;
  createRoot(container).render(
    <Shell lang={lang}>
      <main style={{ height: "100%" }}>
        <ExcelPane capabilities={capabilities} host={createExcelHost(undefined, { mergedAreas: capabilities.mergedAreas })} />
      </main>
    </Shell>,
  );
}

void Office.onReady(() => mount());
