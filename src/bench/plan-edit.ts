/**
 * The benchmarks' baselines are our own workbook plans with some columns'
 * formulas swapped: the header texts of a sheet, and a sheet with the formulas
 * of some columns replaced (in its tables and in its cell blocks alike).
 */
import { formulaColumn } from "../core/plan/columns";
import type { Cell, SheetPlan } from "../core/plan/types";

function cellText(cell: Cell): string {
  if (typeof cell === "string") return cell;
  if (cell !== null && typeof cell === "object" && cell.kind === "text") return cell.text;
  return "";
}

/** Header text per column of the sheet's header row (0-based `headerRow`). */
export function headerTexts(sheet: SheetPlan, headerRow: number): string[] {
  const out: string[] = [];
  for (const block of sheet.blocks) {
    const row = block.cells[headerRow - block.at.row];
    if (!row) continue;
    row.forEach((cell, c) => (out[block.at.col + c] = cellText(cell)));
  }
  return out;
}

/** The column (0-based) headed `header`, or a clear error naming the headers there are. */
export function columnOf(head: string[], header: string, what: string): number {
  const i = head.indexOf(header);
  if (i < 0) throw new Error(`${what}: no column "${header}" in ${head.join(", ")}`);
  return i;
}

/** The sheet with the data from `firstDataRow` (0-based) of the given columns made of `formulas` (1-based sheet row → formula). */
export function withFormulas(sheet: SheetPlan, firstDataRow: number, formulas: ReadonlyMap<number, (row: number) => string>): SheetPlan {
  const firstRow = firstDataRow + 1;
  const tables = sheet.tables?.map((t) =>
    t.at.row !== firstDataRow ? t : { ...t, columns: t.columns.map((c, i) => (formulas.has(t.at.col + i) ? formulaColumn(formulas.get(t.at.col + i)!(firstRow)) : c)) },
  );
  const blocks = sheet.blocks.map((b) => {
    if (b.at.row !== firstDataRow) return b;
    const cells = b.cells.map((row, r) => row.map((cell, c) => (formulas.has(b.at.col + c) ? ({ kind: "formula", formula: formulas.get(b.at.col + c)!(firstRow + r) } as Cell) : cell)));
    return { ...b, cells };
  });
  return { ...sheet, blocks, ...(tables ? { tables } : {}) };
}
