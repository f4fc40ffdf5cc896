/** How values read by the engine are shown in the pane. */
import type { Lang, Model } from "../../core/model";
import { isBlank, shownValue, type CellValue } from "../../core/parse/cell";
import { formatNumber } from "../../core/text/format";
import type { ScoredRow } from "../../core/sheet/types";

/** `25%`, `2.5%`: one decimal for small shares so that 0.4% does not read as none. */
export function percent(share: number): string {
  const p = share * 100;
  return `${formatNumber(p >= 10 || p === 0 ? Math.round(p) : Math.round(p * 10) / 10)}%`;
}

export type ReadValue = { kind: "blank" } | { kind: "ok"; text: string } | { kind: "bad"; text: string };

/**
 * What the engine made of one field of a scored row: `2万` → `20,000`, a category
 * by its label, a date by its day, or why it could not be read.
 */
export function readValue(model: Model, row: ScoredRow, raw: CellValue, field: string, lang: Lang): ReadValue {
  if (isBlank(raw)) return { kind: "blank" };
  const v = row.values[field];
  if (typeof v === "number") return { kind: "ok", text: formatNumber(v) };
  if (v instanceof Date) return { kind: "ok", text: shownValue(v) };
  if (typeof v === "string") return { kind: "ok", text: categoryLabel(model, field, v, lang) ?? v };
  const issue = row.issues.find((i) => i.field === field);
  return issue ? { kind: "bad", text: issue.message[lang] } : { kind: "ok", text: shownValue(raw) };
}

function categoryLabel(model: Model, field: string, id: string, lang: Lang): string | undefined {
  for (const c of model.criteria) {
    const options = c.kind === "categories" && c.field === field ? c.categories : c.kind === "table" ? (c.rowField === field ? c.rows : c.colField === field ? c.cols : []) : [];
    const hit = options.find((o) => o.id === id);
    if (hit) return hit.label[lang];
  }
  return undefined;
}
