/** Reading a template plan as a user would see the sheets: headers, columns by header, cells by reference. */
import { rangeFromA1 } from "../../../src/core/sheet/columns";
import { cellText } from "../../../src/core/plan/cells";
import { cellBlocks } from "../../../src/core/plan/columns";
import type { Cell, CellRange, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";

/** Header row of the customer sheet (0-based), as the layout has it: title, legend, header. */
export const HEADER_ROW = 2;

export const isFormula = (c: Cell): c is { kind: "formula"; formula: string } => typeof c === "object" && c !== null && c.kind === "formula";

/** The cell at a 0-based position of a sheet's blocks and tables (null when none). */
export function cellAt(sheet: SheetPlan, row: number, col: number): Cell {
  for (const b of cellBlocks(sheet)) {
    const r = b.cells[row - b.at.row];
    if (r && col >= b.at.col && col - b.at.col < r.length) return r[col - b.at.col] ?? null;
  }
  return null;
}

/** `'Sheet name'!$A$3:$A$6` → the sheet and the 0-based range. */
export function parseRef(ref: string): { sheet: string; range: CellRange } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet reference: ${ref}`);
  const range = rangeFromA1(m[3].replace(/\$/g, ""));
  if (!range) throw new Error(`not a range: ${ref}`);
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range };
}

/** The texts of a one-column range of the plan, by reference. */
export function valuesAt(plan: WorkbookPlan, ref: string): string[] {
  const { sheet, range } = parseRef(ref);
  const target = plan.sheets.find((s) => s.name === sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  const out: string[] = [];
  for (let r = range.row; r < range.row + range.rows; r++) out.push(cellText(cellAt(target, r, range.col)));
  return out;
}

export function customerSheet(plan: WorkbookPlan): SheetPlan {
  return plan.sheets[0];
}

/** The customer sheet: header texts, and a column's data cells by header. */
export function table(plan: WorkbookPlan) {
  const sheet = customerSheet(plan);
  const header = (sheet.blocks[0].cells[HEADER_ROW] ?? []).map(cellText);
  const data = cellBlocks(sheet).find((b) => b.at.row > HEADER_ROW)!;
  const col = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`no column "${h}" in ${header.join(", ")}`);
    return i;
  };
  return { sheet, header, data, col, column: (h: string) => data.cells.map((row) => row[col(h)] ?? null) };
}
