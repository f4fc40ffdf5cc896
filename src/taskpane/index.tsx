// Placeholder entry: replaced by the real task pane.
import { createRoot } from "react-dom/client";

function mount(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<h1>CustTier</h1>);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => mount());
} else {
  mount();
}
