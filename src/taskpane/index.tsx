/**
 * The add-in's task pane inside Excel. office.js is loaded by taskpane.html;
 * the pane mounts once Office is ready, in Office's display language.
 */
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../hosts/open";
import { officeLang } from "../i18n/lang";
import { Shell } from "./Shell";
import { TaskPane } from "./TaskPane";

function mount(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = officeLang();
  document.documentElement.lang = lang;
  createRoot(container).render(
    <Shell lang={lang}>
      <main style={{ height: "100%" }}>
        <TaskPane host={createExcelHost()} />
      </main>
    </Shell>,
  );
}

void Office.onReady(() => mount());
