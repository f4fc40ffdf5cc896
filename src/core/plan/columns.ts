/**
 * Column plans (`ColumnBlock`): building them, reading a formula column as
 * R1C1 or as any row's A1 formula, and expanding rows in chunks for hosts and
 * tests that want cells.
 */
import { columnIndex, columnLetter } from "./a1";
import type { Cell, CellBlock, ColumnBlock, ColumnException, ColumnFormat, DataColumn, FormulaColumn, PlanColumn, SheetPlan } from "./types";

/** A data column from a function of the block row (called only for the rows a host asks for). */
export function dataColumn(cell: (row: number) => Cell): DataColumn {
  return {
    kind: "data",
    valuesAt(from, to) {
      const out = new Array<Cell>(to - from);
      for (let r = from; r < to; r++) out[r - from] = cell(r);
      return out;
    },
  };
}

/** A formula column; `exceptions` must be ascending by row (as a builder walking the rows makes them). */
export function formulaColumn(formula: string, exceptions: ColumnException[] = []): FormulaColumn {
  return exceptions.length ? { kind: "formula", formula, exceptions } : { kind: "formula", formula };
}

// A formula, token by token: strings, quoted sheet names, numbers, cell references, other words.
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(\u0080-\uffff])|[A-Za-z_\\\u0080-\uffff][\w.\u0080-\uffff]*|[^]/gy;

interface Ref {
  colAbs: boolean;
  col: number;
  rowAbs: boolean;
  row: number;
}

/** The formula cut into text and cell references (0-based rows and columns). */
function parse(formula: string): (string | Ref)[] {
  const parts: (string | Ref)[] = [];
  let text = "";
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(formula); m; m = TOKEN.exec(formula)) {
    if (m[2] === undefined || columnIndex(m[2]) < 0) {
      text += m[0];
      continue;
    }
    if (text) parts.push(text);
    text = "";
    parts.push({ colAbs: m[1] === "$", col: columnIndex(m[2]), rowAbs: m[3] === "$", row: Number(m[4]) - 1 });
  }
  if (text) parts.push(text);
  return parts;
}

/**
 * The formula of any row of a formula column, as a function of the
 * block-relative row: parsed once, then each row costs one string join.
 */
export function rowFormulas(formula: string): (row: number) => string {
  const parts = parse(formula);
  if (parts.every((p) => typeof p === "string" || p.rowAbs)) {
    const fixed = parts.map((p) => (typeof p === "string" ? p : a1(p, 0))).join("");
    return () => fixed;
  }
  return (row) => {
    let s = "";
    for (const p of parts) s += typeof p === "string" ? p : a1(p, row);
    return s;
  };
}

function a1(ref: Ref, down: number): string {
  const row = ref.rowAbs ? ref.row : ref.row + down;
  return `${ref.colAbs ? "$" : ""}${columnLetter(ref.col)}${ref.rowAbs ? "$" : ""}${row + 1}`;
}

/**
 * The R1C1 form of an A1 formula written in cell (`row`, `col`) (0-based):
 * the same text for every row of a filled-down column (`RC[-3]`, `R5C3`).
 */
export function toR1C1(formula: string, row: number, col: number): string {
  let s = "";
  for (const p of parse(formula)) {
    if (typeof p === "string") s += p;
    else s += `R${p.rowAbs ? p.row + 1 : offset(p.row - row)}C${p.colAbs ? p.col + 1 : offset(p.col - col)}`;
  }
  return s;
}

const R1C1_TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![\w.(\u0080-\uffff])|[A-Za-z_\\\u0080-\uffff][\w.\u0080-\uffff]*|[^]/gy;

/** The A1 formula a cell (`row`, `col`) gets from an R1C1 formula (what Excel does with `formulasR1C1`; the fake uses it). */
export function fromR1C1(formula: string, row: number, col: number): string {
  let s = "";
  R1C1_TOKEN.lastIndex = 0;
  for (let m = R1C1_TOKEN.exec(formula); m; m = R1C1_TOKEN.exec(formula)) {
    if (!m[0].startsWith("R") || !/^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$/.test(m[0])) {
      s += m[0];
      continue;
    }
    const [r, rAbs] = part(m[1], row);
    const [c, cAbs] = part(m[2], col);
    s += `${cAbs ? "$" : ""}${columnLetter(c)}${rAbs ? "$" : ""}${r + 1}`;
  }
  return s;
}

/** `[3]` → here + 3 (relative), `5` → 4 (absolute, 0-based), none → here. */
function part(p: string | undefined, here: number): [number, boolean] {
  if (p === undefined) return [here, false];
  if (p.startsWith("[")) return [here + Number(p.slice(1, -1)), false];
  return [Number(p) - 1, true];
}

function offset(d: number): string {
  return d === 0 ? "" : `[${d}]`;
}

/** The cells of one column for block rows `from`..`to` (exclusive). */
export function columnCells(column: PlanColumn, from: number, to: number, formulas = column.kind === "formula" ? rowFormulas(column.formula) : undefined): Cell[] {
  if (column.kind === "data") return column.valuesAt(from, to);
  const out = new Array<Cell>(to - from);
  for (let r = from; r < to; r++) out[r - from] = { kind: "formula", formula: formulas!(r) };
  for (const e of exceptionsIn(column, from, to)) out[e.row - from] = e.cell;
  return out;
}

/** The exceptions of a formula column within rows `from`..`to` (exclusive), by binary search. */
export function exceptionsIn(column: FormulaColumn, from: number, to: number): ColumnException[] {
  const all = column.exceptions ?? [];
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].row < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ColumnException[] = [];
  for (let i = lo; i < all.length && all[i].row < to; i++) out.push(all[i]);
  return out;
}

/**
 * The block's rows as cell rows, `chunk` rows at a time (`cells[r][c]` as in
 * a `CellBlock` starting at the same place): for hosts that write cells and
 * for tests. Only one chunk is held at a time.
 */
export function* expandRows(block: ColumnBlock, chunk = 10_000): Generator<{ first: number; cells: Cell[][] }> {
  const formulas = block.columns.map((c) => (c.kind === "formula" ? rowFormulas(c.formula) : undefined));
  for (let first = 0; first < block.rows; first += chunk) {
    const to = Math.min(block.rows, first + chunk);
    const cols = block.columns.map((c, i) => columnCells(c, first, to, formulas[i]));
    const cells: Cell[][] = new Array(to - first);
    for (let r = 0; r < to - first; r++) cells[r] = cols.map((col) => col[r]);
    yield { first, cells };
  }
}

/**
 * Every cell of a sheet as cell blocks: its `blocks`, then its tables expanded
 * (one object per cell: for tests, previews and small sheets, not for hosts
 * writing big tables).
 */
export function cellBlocks(sheet: SheetPlan): CellBlock[] {
  const tables = (sheet.tables ?? []).map((t): CellBlock => ({ at: t.at, cells: [...expandRows(t)].flatMap((c) => c.cells) }));
  return [...sheet.blocks, ...tables];
}

/** The number format a cell gets: the last one given for its column and row, as the hosts apply them in order (a date row under a whole-number column). */
export function numberFormatAt(columns: readonly ColumnFormat[], row: number, col: number): string | undefined {
  let format: string | undefined;
  for (const f of columns) if (f.col === col && f.numberFormat && (!f.rows || (row >= f.rows.first && row <= f.rows.last))) format = f.numberFormat;
  return format;
}
