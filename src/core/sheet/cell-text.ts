import { shownValue, type CellValue } from "../parse/values";

/**
 * A cell as text, whole: customer names and headers are kept as typed
 * (`shownValue` cuts long text, which suits messages but not names).
 */
export function cellText(v: CellValue): string {
  return typeof v === "string" ? v.trim() : shownValue(v);
}

/** The cell as an issue carries it: error cells as their code (`#N/A`), everything else unchanged. */
export function issueValue(v: CellValue): unknown {
  return v !== null && typeof v === "object" && !(v instanceof Date) ? shownValue(v) : v;
}
