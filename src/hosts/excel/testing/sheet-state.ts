/**
 * What the recording fake keeps of one worksheet: cells (values, formulas,
 * per-cell number formats), formats by range, rules, charts, panes. Written
 * the way Excel reads input: a string starting with `=`, `+`, `-` or `@`
 * becomes a formula and a numeric string a number, unless the cell's number
 * format is Text (`@`) — so a host that forgets the Text format fails tests.
 */
import { fromR1C1 } from "../../../core/plan/columns";
import type { CellRange } from "../../../core/sheet/types";

export type Scalar = string | number | boolean;

export interface CellState {
  value?: Scalar;
  /** With the leading `=`. */
  formula?: string;
  numberFormat?: string;
  /** Write order of `numberFormat`, against the range-wide formats. */
  formatSeq?: number;
}

export interface FakeRule {
  type: "Custom" | "DataBar";
  range: CellRange;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  barColor?: string;
  upperBound?: { type: string; formula?: string };
  priority?: number;
  stopIfTrue?: boolean;
}

export interface FakeChart {
  type: string;
  /** The range the chart was made over (its first series' values). */
  source: CellRange;
  seriesBy?: string;
  title?: string;
  seriesName?: string;
  categories?: CellRange;
  from?: CellRange;
  to?: CellRange;
}

export interface FakeTable {
  name: string;
  range: CellRange;
  showTotals: boolean;
  showHeaders: boolean;
}

/** A format set on a whole range in one call (`format.fill.color`, a single `numberFormat`…). */
interface StyleLayer {
  range: CellRange;
  prop: string;
  value: unknown;
  seq: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

export class SheetState {
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  protected = false;
  freeze?: { rows: number; cols: number };
  autoFilter?: CellRange;
  /** Whether a criterion of the filter hides rows (seeded: the fake does not filter). */
  filtered = false;
  /** `pageLayout` as set: orientation, zoom, print title rows (`$3:$3`), print area. */
  print: { orientation?: string; zoom?: unknown; titleRows?: string; area?: CellRange } = {};
  readonly rules: FakeRule[] = [];
  readonly charts: FakeChart[] = [];
  merges: CellRange[] = [];
  tables: FakeTable[] = [];
  /** Column index → width in points. */
  readonly columnWidths = new Map<number, number>();
  private readonly rows: (CellState | undefined)[][] = [];
  private readonly layers: StyleLayer[] = [];

  constructor(
    public name: string,
    private readonly nextSeq: () => number,
    /** False in the benchmark: count and measure, keep no cells. */
    readonly storeCells = true,
  ) {}

  cell(row: number, col: number): CellState | undefined {
    return this.rows[row]?.[col];
  }

  /** Seeds a value as it is (no interpretation). */
  seed(row: number, col: number, value: Scalar | null): void {
    if (value === null || value === "") return;
    this.at(row, col).value = value;
  }

  /** `range.values = …` or `range.formulas = …` (Excel reads both like typed input); null leaves a cell as it is. */
  write(range: CellRange, data: unknown[][]): void {
    if (!this.storeCells) return;
    for (let r = 0; r < range.rows; r++) {
      const row = data[r];
      for (let c = 0; c < range.cols; c++) {
        const v = row[c];
        if (v === null || v === undefined) continue;
        this.put(range.row + r, range.col + c, v as Scalar);
      }
    }
  }

  /** `range.formulasR1C1 = "=…"`: each cell gets the formula with its references resolved from its own position. */
  fillR1C1(range: CellRange, r1c1: string): void {
    if (!this.storeCells) return;
    for (let r = 0; r < range.rows; r++) {
      for (let c = 0; c < range.cols; c++) this.put(range.row + r, range.col + c, "=" + fromR1C1(r1c1.replace(/^=/, ""), range.row + r, range.col + c));
    }
  }

  /** `range.numberFormat = …`: one format for the range, or one per cell. */
  setNumberFormat(range: CellRange, data: unknown): void {
    if (!Array.isArray(data)) {
      this.style(range, "numberFormat", data);
      return;
    }
    if (!this.storeCells) return;
    for (let r = 0; r < range.rows; r++) {
      for (let c = 0; c < range.cols; c++) {
        const f = data[r][c];
        if (f === null || f === undefined) continue;
        const cell = this.at(range.row + r, range.col + c);
        cell.numberFormat = String(f);
        cell.formatSeq = this.nextSeq();
      }
    }
  }

  style(range: CellRange, prop: string, value: unknown): void {
    if (prop === "columnWidth") {
      for (let c = range.col; c < range.col + range.cols; c++) this.columnWidths.set(c, value as number);
      return;
    }
    this.layers.push({ range, prop, value, seq: this.nextSeq() });
  }

  /** The format in force at a cell: the latest of the range-wide and per-cell ones. */
  styleAt(row: number, col: number, prop: string): unknown {
    const cell = this.cell(row, col);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      if (l.prop !== prop || !inside(l.range, row, col)) continue;
      if (prop === "numberFormat" && cell?.formatSeq !== undefined && cell.formatSeq > l.seq) break;
      return l.value;
    }
    return prop === "numberFormat" ? (cell?.numberFormat ?? "General") : undefined;
  }

  /** Every cell holding a value or formula, row by row. */
  *filled(): Generator<{ row: number; col: number; cell: CellState }> {
    for (let row = 0; row < this.rows.length; row++) {
      const cells = this.rows[row];
      if (!cells) continue;
      for (let col = 0; col < cells.length; col++) {
        const cell = cells[col];
        if (cell && (cell.value !== undefined || cell.formula !== undefined)) yield { row, col, cell };
      }
    }
  }

  /** The smallest range holding every cell with a value or formula; undefined when there is none. */
  usedRange(): CellRange | undefined {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const { row, col } of this.filled()) {
      if (top < 0) top = row;
      bottom = row;
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return top < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Whole rows deleted, the ones below moving up: cells, format layers, merges, tables, filter, rules, print area follow. */
  deleteRows(first: number, count: number): void {
    this.rows.splice(first, count);
    const move = (r: CellRange) => rowsDeleted(r, first, count);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const r = move(this.layers[i].range);
      if (r) this.layers[i].range = r;
      else this.layers.splice(i, 1);
    }
    this.merges = this.merges.flatMap((m) => move(m) ?? []);
    this.tables = this.tables.flatMap((t) => {
      const r = move(t.range);
      return r ? [{ ...t, range: r }] : [];
    });
    if (this.autoFilter) this.autoFilter = move(this.autoFilter);
    for (const rule of this.rules) rule.range = move(rule.range) ?? rule.range;
    if (this.print.area) this.print.area = move(this.print.area);
  }

  /** Values as `range.values` reads them: `""` for empty cells, formulas' results unknown (`""`). */
  read(range: CellRange): Scalar[][] {
    return Array.from({ length: range.rows }, (_, r) =>
      Array.from({ length: range.cols }, (_, c) => this.cell(range.row + r, range.col + c)?.value ?? ""),
    );
  }

  /** What a test sees in a cell: the formula (with `=`) or the value, null when empty. */
  shown(row: number, col: number): Scalar | null {
    const cell = this.cell(row, col);
    return cell?.formula ?? cell?.value ?? null;
  }

  private put(row: number, col: number, v: Scalar): void {
    const cell = this.at(row, col);
    delete cell.formula;
    delete cell.value;
    if (v === "") return; // "" clears the cell, as in Excel
    if (typeof v !== "string" || this.styleAt(row, col, "numberFormat") === "@") {
      cell.value = v;
    } else if (v.startsWith("=") || (/^[+\-@]./.test(v) && !NUMERIC.test(v))) {
      cell.formula = v.startsWith("=") ? v : "=" + v;
    } else if (NUMERIC.test(v)) {
      cell.value = Number(v);
    } else {
      cell.value = v;
    }
  }

  private at(row: number, col: number): CellState {
    const cells = (this.rows[row] ??= []);
    return (cells[col] ??= {});
  }
}

export function inside(range: CellRange, row: number, col: number): boolean {
  return row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols;
}

/** A range after whole rows `first`… (`count` of them) were deleted: moved up, or shrunk where it lost rows; undefined when all went. */
export function rowsDeleted(range: CellRange, first: number, count: number): CellRange | undefined {
  const end = range.row + range.rows;
  if (end <= first) return range;
  if (range.row >= first + count) return { ...range, row: range.row - count };
  const rows = Math.max(0, first - range.row) + Math.max(0, end - (first + count));
  return rows ? { ...range, row: Math.min(range.row, first), rows } : undefined;
}
