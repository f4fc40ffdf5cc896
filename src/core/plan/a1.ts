/**
 * A1 addresses from the plan's 0-based positions, in one place: column letters,
 * cell and range addresses, sheet-qualified references with quoted sheet names.
 */
import { columnLetter } from "../sheet/columns";
import type { CellRange } from "../sheet/types";

// Column letters are the sheet reader's (one implementation for reading and writing).
export { columnIndex, columnLetter } from "../sheet/columns";

export interface Absolute {
  row?: boolean;
  col?: boolean;
}

const ABSOLUTE: Absolute = { row: true, col: true };

/** `C5` for (4, 2); `$C$5` with `absolute`. */
export function cellAddress(row: number, col: number, absolute: Absolute | boolean = false): string {
  const abs = absolute === true ? ABSOLUTE : absolute || {};
  return `${abs.col ? "$" : ""}${columnLetter(col)}${abs.row ? "$" : ""}${row + 1}`;
}

/** `A1:C5` (a single cell stays `A1`). */
export function rangeAddress(range: CellRange, absolute: Absolute | boolean = false): string {
  const first = cellAddress(range.row, range.col, absolute);
  if (range.rows === 1 && range.cols === 1) return first;
  return `${first}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1, absolute)}`;
}

/** Last row (0-based) of a range. */
export function lastRow(range: CellRange): number {
  return range.row + range.rows - 1;
}

/** Names Excel would read as something else unquoted: cell references (AB12), R1C1 forms, booleans. */
const NEEDS_QUOTES_ANYWAY = /^([A-Z]{1,3}\d+|R\d*C?\d*|C\d*|TRUE|FALSE)$/i;

/**
 * A sheet name as it must appear in a formula: quoted (`'客户 分级'`, quotes
 * doubled) unless it is a plain ASCII word. CJK names are always quoted: Excel
 * accepts both forms, other engines are safer with quotes.
 */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !NEEDS_QUOTES_ANYWAY.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'分级规则'!$C$5` or `'分级规则'!$C$5:$C$9`. */
export function sheetRef(sheet: string, range: CellRange | { row: number; col: number }, absolute: Absolute | boolean = true): string {
  const r = "rows" in range ? range : { ...range, rows: 1, cols: 1 };
  return `${quoteSheetName(sheet)}!${rangeAddress(r, absolute)}`;
}

/** A range of one column from `firstRow` to `lastRow` (0-based, inclusive). */
export function columnRange(col: number, firstRow: number, last: number): CellRange {
  return { row: firstRow, col, rows: Math.max(1, last - firstRow + 1), cols: 1 };
}
