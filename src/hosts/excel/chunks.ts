import { columnCells, exceptionsIn, toR1C1 } from "../../core/plan/columns";
import type { Cell, CellBlock, ColumnBlock, FormulaColumn, WorkbookPlan } from "../../core/plan/types";
import { BlockSlice } from "./slice";

/** The rows of one request: slices of one or more sources, together under the byte budget. */
export interface Chunk {
  slices: BlockSlice[];
  bytes: number;
  /** Source rows in the chunk, for progress. */
  rows: number;
}

/** A rectangle of cells to send row by row: a cell block, a run of a table's data columns, or a formula column's exceptions. */
interface Source {
  sheet: number;
  at: { row: number; col: number };
  width: number;
  rows: number;
  row(r: number): Cell[];
}

/** One formula over a whole column range of a table: one call, whatever the number of rows. */
export interface FormulaFill {
  sheet: number;
  at: { row: number; col: number };
  rows: number;
  /** R1C1 with the leading `=`, the same for every row. */
  r1c1: string;
}

/** Columns a block spans (its longest row); 0 = nothing to write. */
export function blockWidth(block: CellBlock): number {
  let width = 0;
  for (const row of block.cells) if (row.length > width) width = row.length;
  return width;
}

/** Rows of a table's data pulled at a time from its columns' sources. */
const PAGE_ROWS = 2048;
/** Exceptions of a formula column closer than this many rows go in one write (nulls between them leave the formula). */
const EXCEPTION_GAP = 32;

/** The formula columns of every table: written once each, before the cells. */
export function formulaFills(plan: WorkbookPlan): FormulaFill[] {
  return plan.sheets.flatMap((sheet, s) =>
    (sheet.tables ?? []).flatMap((t) =>
      t.rows === 0
        ? []
        : t.columns.flatMap((c, i) => {
            if (c.kind !== "formula") return [];
            const at = { row: t.at.row, col: t.at.col + i };
            return [{ sheet: s, at, rows: t.rows, r1c1: "=" + toR1C1(c.formula, at.row, at.col) }];
          }),
    ),
  );
}

function* sources(plan: WorkbookPlan): Generator<Source> {
  for (let s = 0; s < plan.sheets.length; s++) {
    const sheet = plan.sheets[s];
    for (const block of sheet.blocks) {
      const width = blockWidth(block);
      if (width > 0) yield { sheet: s, at: block.at, width, rows: block.cells.length, row: (r) => block.cells[r] };
    }
    for (const table of sheet.tables ?? []) {
      if (table.rows === 0) continue;
      yield* dataRuns(s, table);
      for (const [i, c] of table.columns.entries()) if (c.kind === "formula") yield* exceptionRuns(s, table, i, c);
    }
  }
}

/** Adjacent data columns of a table, sent together as one rectangle per request, pulled a page of rows at a time. */
function* dataRuns(sheet: number, table: ColumnBlock): Generator<Source> {
  for (let first = 0; first < table.columns.length; ) {
    if (table.columns[first].kind !== "data") {
      first++;
      continue;
    }
    let end = first;
    while (end < table.columns.length && table.columns[end].kind === "data") end++;
    const columns = table.columns.slice(first, end);
    let page: Cell[][] = [];
    let pageStart = -1;
    yield {
      sheet,
      at: { row: table.at.row, col: table.at.col + first },
      width: end - first,
      rows: table.rows,
      row: (r) => {
        if (pageStart < 0 || r < pageStart || r >= pageStart + PAGE_ROWS) {
          pageStart = r - (r % PAGE_ROWS);
          page = columns.map((c) => columnCells(c, pageStart, Math.min(table.rows, pageStart + PAGE_ROWS)));
        }
        return page.map((col) => col[r - pageStart]);
      },
    };
    first = end;
  }
}

/**
 * A formula column's exceptions, in runs of nearby rows: each run is one
 * write over the rows it spans, null (leave the formula) between exceptions.
 * A blank exception is written as `""`, which clears the cell.
 */
function exceptionRuns(sheet: number, table: ColumnBlock, index: number, column: FormulaColumn): Source[] {
  const all = exceptionsIn(column, 0, table.rows);
  const runs: Source[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && all[j].row - all[j - 1].row <= EXCEPTION_GAP) j++;
    const run = all.slice(i, j);
    const first = run[0].row;
    const byRow = new Map(run.map((e) => [e.row - first, e.cell ?? ""]));
    runs.push({ sheet, at: { row: table.at.row + first, col: table.at.col + index }, width: 1, rows: run[run.length - 1].row - first + 1, row: (r) => [byRow.get(r) ?? null] });
    i = j;
  }
  return runs;
}

/** Every source row the chunks will write, to report progress against. */
export function countRows(plan: WorkbookPlan): number {
  let n = 0;
  for (const source of sources(plan)) n += source.rows;
  return n;
}

/**
 * Cuts the plan's cells into requests of at most `budget` bytes, filling
 * each request before starting the next (small sources share one). Lazy, so
 * only one chunk of converted rows is held at a time. A row larger than the
 * budget on its own still goes, alone.
 */
export function* planChunks(plan: WorkbookPlan, budget: number): Generator<Chunk> {
  let chunk: Chunk = { slices: [], bytes: 0, rows: 0 };
  for (const source of sources(plan)) {
    let slice: BlockSlice | undefined;
    for (let r = 0; r < source.rows; ) {
      if (!slice) {
        slice = new BlockSlice(source.sheet, source, r, source.width);
        chunk.slices.push(slice);
      }
      const grew = slice.addRow(source.row(r));
      if (chunk.bytes + grew > budget && chunk.rows > 0) {
        // Over budget: this row starts the next request instead.
        slice.dropLastRow();
        if (slice.rows === 0) chunk.slices.pop();
        yield chunk;
        chunk = { slices: [], bytes: 0, rows: 0 };
        slice = undefined;
        continue;
      }
      chunk.bytes += grew;
      chunk.rows++;
      r++;
    }
  }
  if (chunk.rows > 0) yield chunk;
}
