/**
 * Figure 4's baseline, from the same plan: the request bytes of writing every
 * row's cells — each formula as its own text, as the Excel host did before
 * formula columns were written once per column. Counted with the host's own
 * measure (`BlockSlice`: UTF-8 bytes of the JSON of values, formulas and
 * number formats), one chunk of rows at a time so a million rows fit.
 */
import { expandRows } from "../core/plan/columns";
import type { Cell, CellBlock, WorkbookPlan } from "../core/plan/types";
import { blockWidth } from "../hosts/excel/chunks";
import { BlockSlice } from "../hosts/excel/slice";

const CHUNK = 10_000;

function rowsBytes(block: CellBlock, rows: Cell[][], width: number): number {
  let total = 0;
  for (let first = 0; first < rows.length; first += CHUNK) {
    const slice = new BlockSlice(0, block, first, width);
    for (let r = first; r < Math.min(rows.length, first + CHUNK); r++) slice.addRow(rows[r]);
    total += slice.bytes();
  }
  return total;
}

export function perRowFormulaBytes(plan: WorkbookPlan): number {
  let total = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) total += rowsBytes(block, block.cells, blockWidth(block));
    for (const table of sheet.tables ?? []) {
      const block: CellBlock = { at: table.at, cells: [] };
      for (const { cells } of expandRows(table, CHUNK)) total += rowsBytes(block, cells, table.columns.length);
    }
  }
  return total;
}
