import type { Cell, CellBlock } from "../../core/plan/types";

/** The Text number format: what keeps `=HYPERLINK(…)`, `+1`, `-x`, `@foo` as text. */
export const TEXT_FORMAT = "@";

/**
 * Excel reads a value starting with these as a formula. The plan marks such
 * text as a `TextCell`; a plain string starting with one is kept as text too,
 * so that no customer name can ever run as a formula.
 */
const FORMULA_START = new Set(["=", "+", "-", "@"]);

/** A cell whose number format must be set before its value: text, or a value with its own format. */
interface Special {
  row: number;
  col: number;
  format: string;
  /** Set for text: written by `values`, not `formulas` (a text cell must not run as a formula). */
  text?: string;
}

/**
 * A run of rows of one block, as the 2-D arrays Office.js takes, with the
 * exact size of the request they make (UTF-8 bytes of their JSON: what the
 * fake measures and what the 5 MB limit counts). Rows are padded to the block's width:
 * Office.js wants rectangles; `null` leaves a cell as it is (empty on a new sheet).
 */
export class BlockSlice {
  readonly main: unknown[][] = [];
  private readonly specials: Special[] = [];
  private hasFormula = false;
  private hasText = false;
  /** Σ JSON bytes of each `main` row, text written inline. */
  private mainRowBytes = 0;
  /** Σ (JSON bytes − 4) of the text cells: what nulling them in `main` saves, and what they add to an array of nulls. */
  private textBytes = 0;
  private formatBytes = 0;
  /** The state before the last `addRow`, so that a row over budget can be taken back. */
  private undo?: { specials: number; hasFormula: boolean; hasText: boolean; mainRowBytes: number; textBytes: number; formatBytes: number };

  constructor(
    readonly sheet: number,
    /** Where the slice's source starts on the sheet (a cell block, a table's data columns…). */
    readonly block: Pick<CellBlock, "at">,
    /** Index in `block.cells` of the slice's first row. */
    readonly first: number,
    readonly width: number,
  ) {}

  get rows(): number {
    return this.main.length;
  }

  /** Converts and appends the block's next row; returns the growth of `bytes()`. */
  addRow(cells: Cell[]): number {
    const before = this.bytes();
    const { hasFormula, hasText, mainRowBytes, textBytes, formatBytes } = this;
    this.undo = { specials: this.specials.length, hasFormula, hasText, mainRowBytes, textBytes, formatBytes };
    const r = this.main.length;
    const row = new Array<unknown>(this.width).fill(null);
    for (let c = 0; c < cells.length && c < this.width; c++) row[c] = this.convert(cells[c], r, c);
    this.main.push(row);
    this.mainRowBytes += jsonRowLength(row);
    return this.bytes() - before;
  }

  /** Takes back the row just added (it goes to the next request). */
  dropLastRow(): void {
    if (!this.undo) return;
    this.main.pop();
    this.specials.length = this.undo.specials;
    ({ hasFormula: this.hasFormula, hasText: this.hasText, mainRowBytes: this.mainRowBytes, textBytes: this.textBytes, formatBytes: this.formatBytes } = this.undo);
    this.undo = undefined;
  }

  /** JSON bytes of everything `writes` sends for this slice. */
  bytes(): number {
    const n = this.main.length;
    if (n === 0) return 0;
    const separate = this.hasFormula && this.hasText;
    let total = arrayLength(n, this.mainRowBytes) - (separate ? this.textBytes : 0);
    const nullRows = n * (5 * this.width + 1);
    if (this.specials.length) total += arrayLength(n, nullRows) + this.formatBytes;
    if (separate) total += arrayLength(n, nullRows) + this.textBytes;
    return total;
  }

  /**
   * The calls for this slice, in the order Excel needs them: number formats
   * first (so text stays text), then formulas or values, then — when the rows
   * mix formulas and text — the text alone through `values`.
   */
  writes(): { numberFormat?: (string | null)[][]; formulas?: unknown[][]; values?: unknown[][] } {
    const out: ReturnType<BlockSlice["writes"]> = {};
    if (this.specials.length) {
      out.numberFormat = this.nullGrid();
      for (const s of this.specials) out.numberFormat[s.row][s.col] = s.format;
    }
    if (!this.hasFormula) {
      out.values = this.main;
    } else if (!this.hasText) {
      out.formulas = this.main;
    } else {
      const text = this.nullGrid();
      for (const s of this.specials) {
        if (s.text === undefined) continue;
        text[s.row][s.col] = s.text;
        this.main[s.row][s.col] = null;
      }
      out.formulas = this.main;
      out.values = text;
    }
    return out;
  }

  private convert(cell: Cell, row: number, col: number): unknown {
    if (cell === null || cell === undefined || typeof cell === "boolean") return cell ?? null;
    if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
    if (typeof cell === "string") return FORMULA_START.has(cell.charAt(0)) ? this.special(row, col, TEXT_FORMAT, cell) : cell;
    switch (cell.kind) {
      case "formula":
        this.hasFormula = true;
        return "=" + cell.formula;
      case "text":
        return this.special(row, col, TEXT_FORMAT, cell.text);
      case "formatted":
        if (typeof cell.value === "string" && FORMULA_START.has(cell.value.charAt(0))) return this.special(row, col, TEXT_FORMAT, cell.value);
        return this.special(row, col, cell.numberFormat, cell.value);
    }
  }

  private special(row: number, col: number, format: string, value: string | number): string | number {
    const text = format === TEXT_FORMAT ? String(value) : undefined;
    this.specials.push({ row, col, format, text });
    this.formatBytes += jsonStringBytes(format) - 4;
    if (text !== undefined) {
      this.hasText = true;
      this.textBytes += jsonStringBytes(text) - 4;
    }
    return value;
  }

  private nullGrid<T>(): (T | null)[][] {
    return Array.from({ length: this.main.length }, () => new Array<T | null>(this.width).fill(null));
  }
}

/** JSON bytes of `[row0,row1,…]` from the rows' own sizes. */
function arrayLength(rows: number, rowBytes: number): number {
  return rowBytes + rows + 1;
}

/** Request size of a row of cells (strings, finite numbers, booleans, null) as UTF-8 JSON, without building the JSON. */
function jsonRowLength(row: unknown[]): number {
  let n = row.length + 1;
  for (const v of row) {
    if (v === null) n += 4;
    else if (typeof v === "string") n += jsonStringBytes(v);
    else if (typeof v === "boolean") n += v ? 4 : 5;
    else n += numberLength(v as number);
  }
  return n;
}

/** Characters of a number in JSON; integers counted without making a string (most cells are numbers). */
function numberLength(v: number): number {
  if (!Number.isInteger(v) || Math.abs(v) >= 1e15) return String(v).length;
  let n = v < 0 ? 2 : 1;
  for (let a = Math.abs(v); a >= 10; a /= 10) n++;
  return n;
}

/** Printable ASCII but `"` and `\\`: one byte each in JSON. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Control characters JSON writes as `\n`, `\t`…; the others take `\u00XX`. */
const SHORT_ESCAPES = new Set([8, 9, 10, 12, 13]);

/**
 * UTF-8 bytes of a string written as JSON: quotes, escapes, and 2–4 bytes
 * per non-ASCII character (a Chinese name weighs three times its length).
 */
export function jsonStringBytes(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) n += c === 0x22 || c === 0x5c ? 2 : 1;
    else if (c < 0x20) n += SHORT_ESCAPES.has(c) ? 2 : 6;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c < 0xe000) n += 6; // a lone surrogate is escaped
    else n += 3;
  }
  return n;
}
