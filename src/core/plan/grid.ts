/** A sheet being laid out row by row: cells plus the styles of ranges, turned into one block. */
import type { CellBlock, Cell, CellRange, RangeStyle } from "./types";

export class Grid {
  readonly rows: Cell[][] = [];
  readonly styles: RangeStyle[] = [];

  /** Next free row (0-based). */
  get next(): number {
    return this.rows.length;
  }

  /** Appends a row starting in column A; returns its 0-based index. */
  add(cells: Cell[] = []): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  /** Puts one cell anywhere, growing the grid as needed. */
  set(row: number, col: number, cell: Cell): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length < col) r.push(null);
    r[col] = cell;
  }

  style(range: CellRange, style: Omit<RangeStyle, "range">): void {
    this.styles.push({ range, ...style });
  }

  block(): CellBlock {
    return { at: { row: 0, col: 0 }, cells: this.rows };
  }
}

export function range(row: number, col: number, rows = 1, cols = 1): CellRange {
  return { row, col, rows: Math.max(1, rows), cols: Math.max(1, cols) };
}
