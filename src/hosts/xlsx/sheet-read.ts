/**
 * The cells of an xlsx package's worksheets, read from their XML directly.
 *
 * Why not exceljs or SheetJS: exceljs refuses files Excel opens (inline
 * strings, icon-set conditional formats, prefixed `x:` elements, files without
 * cell references) and hands dates over as JavaScript Dates, which changes
 * time-of-day serials in the 12th digit; SheetJS (`@e965/xlsx`) opens them but
 * adds ~400 kB to the playground bundle for a hundred formats we never read.
 * This reader takes only what core needs — values, date styles, merges,
 * tables — on the package layer (fflate) the writer shares, and inflates each
 * sheet in chunks, so memory follows the cells read, not the XML's size.
 * Numbers come through bit-identical: a date-styled cell is an `ExcelDate`
 * whose `serial` is the number as stored.
 */
import type { Issue } from "../../core/issues";
import { EXCEL_MAX_NUMBER, EXCEL_MAX_TEXT } from "../../core/limits";
import { ExcelDate } from "../../core/parse/excel-date";
import type { CellValue } from "../../core/parse/values";
import { rangeFromA1 } from "../../core/sheet/columns";
import { cutLongText, numberTooLarge } from "../../core/sheet/reader-issues";
import type { CellRange, SheetGrid } from "../../core/sheet/types";
import { relKind, relsPathOf, parseRels, resolveTarget, type PackageSheet, type XlsxPackage } from "./package";
import type { StylesInfo } from "./package";
import { decodeXml } from "./package/xml";
import { streamText } from "./package/stream";
import { LIMITS } from "./limits";
import { tooLarge } from "./unreadable";

/** The worksheets of the package as grids: visible ones first, in tab order, then hidden ones. */
export function readSheets(pkg: XlsxPackage, fileName: string): SheetGrid[] {
  const worksheets = pkg.sheets.filter((s) => s.kind === "worksheet" && s.path && pkg.entry(s.path));
  const strings = pkg.sharedStringsPath ? readSharedStrings(pkg, pkg.sharedStringsPath, fileName) : [];
  const dates = dateStyles(pkg.styles);
  const date1904 = pkg.workbook.date1904;
  const grids = worksheets.map((s) => readSheet(pkg, s, strings, dates, date1904, fileName));
  const visible = grids.filter((_, i) => worksheets[i].state === "visible");
  return [...visible, ...grids.filter((_, i) => worksheets[i].state !== "visible")];
}

/** `_x000D_` → CR: Excel's escape for characters XML cannot hold (`_x005F_` is a literal `_`). */
export function decodeEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

function checkSize(pkg: XlsxPackage, path: string, limit: number, fileName: string): void {
  const entry = pkg.entry(path);
  if (entry && entry.size > limit) throw tooLarge(fileName, path, entry.size, limit);
}

/** The shared-string table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out. */
function readSharedStrings(pkg: XlsxPackage, path: string, fileName: string): string[] {
  checkSize(pkg, path, LIMITS.sharedStringsBytes, fileName);
  const xml = pkg.text(path) ?? "";
  const out: string[] = [];
  const re = /<(\/?)(?:[\w.-]+:)?(si|t|rPh)\b[^>]*?(\/?)>/g;
  let text = "";
  let inPhonetic = false;
  let tStart = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, name, self] = m;
    if (name === "si") {
      if (close) {
        out.push(text);
        text = "";
      } else if (self) out.push("");
      else text = "";
    } else if (name === "rPh") inPhonetic = !close && !self;
    else if (!inPhonetic) {
      if (close && tStart >= 0) {
        text += decodeEscapes(decodeXml(xml.slice(tStart, m.index)));
        tStart = -1;
      } else if (!close && !self) tStart = re.lastIndex;
    }
  }
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the CJK ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or time: y, m, d, h or s outside quotes, escapes and `[colour]` sections. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, "");
  return !/^general$/i.test(bare.trim()) && /[ydhs]|m/i.test(bare.replace(/general/gi, ""));
}

/** Per cell style index: 1 when its number format is a date or time. */
function dateStyles(styles: StylesInfo | undefined): Uint8Array {
  const ids = styles?.cellXfNumFmts ?? [];
  const out = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    const custom = styles!.numFmts.get(id);
    out[i] = (custom !== undefined ? isDateFormat(custom) : BUILTIN_DATES.has(id)) ? 1 : 0;
  });
  return out;
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A date-styled number as the date Excel shows, keeping the serial exactly.
 * 1900 system: serial 1 is 1900-01-01 and 60 is Excel's fictitious 1900-02-29,
 * so serials below 61 are one day later than a naive count from 1899-12-30;
 * serial 60 and serials outside 1900–9999 stay numbers (the engine says why).
 */
export function dateCell(serial: number, date1904: boolean): CellValue {
  if (date1904) return serial >= 0 && serial < 2957004 ? new ExcelDate(serial, EPOCH_1904 + serial * MS_PER_DAY) : serial;
  if (serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return serial;
  const days = serial < 60 ? serial + 1 : serial;
  return new ExcelDate(serial, EPOCH_1900 + days * MS_PER_DAY);
}

/** `BC12` → column 54 (0-based) and row 11 (0-based), from the start of a cell reference. */
function parseRef(ref: string): { col: number; row: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const row = Number(ref.slice(i)) - 1;
  if (i === 0 || !(row >= 0)) return undefined;
  return { col: col - 1, row };
}

/** One compiled pattern per attribute name (a cell's `r`, `t`, `s` are read for every cell). */
const ATTRS = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** One element of the sheet XML that the reader acts on: rows, cells, merges, the used range. */
const ELEMENT = /<(?:[\w.-]+:)?(row|c|mergeCell|dimension)\b([^>]*?)(\/?)>/g;
const CELL_END = /<\/(?:[\w.-]+:)?c>/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)</;
const TEXT_RUN = /<(\/?)(?:[\w.-]+:)?(t|rPh)\b[^>]*?(\/?)>/g;

interface SheetState {
  values: CellValue[][];
  merges: CellRange[];
  issues: Issue[];
  row: number;
  col: number;
  cells: number;
}

function readSheet(pkg: XlsxPackage, sheet: PackageSheet, strings: string[], dates: Uint8Array, date1904: boolean, fileName: string): SheetGrid {
  checkSize(pkg, sheet.path, LIMITS.sheetXmlBytes, fileName);
  const state: SheetState = { values: [], merges: [], issues: [], row: -1, col: -1, cells: 0 };
  const take = (xml: string) => scan(xml, state, strings, dates, date1904, fileName, sheet.name);
  streamText(pkg, sheet.path, take);
  const { values } = state;
  for (let r = 0; r < values.length; r++) {
    const row = (values[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  const grid: SheetGrid = { name: sheet.name, values };
  if (state.merges.length) grid.merges = state.merges;
  const tables = readTables(pkg, sheet.path);
  if (tables.length) grid.tables = tables;
  if (state.issues.length) grid.issues = state.issues;
  return grid;
}

function scan(xml: string, st: SheetState, strings: string[], dates: Uint8Array, date1904: boolean, fileName: string, sheetName: string): void {
  ELEMENT.lastIndex = 0;
  for (let m = ELEMENT.exec(xml); m; m = ELEMENT.exec(xml)) {
    const [, name, attrs, self] = m;
    if (name === "row") {
      const r = attr(attrs, "r");
      st.row = r !== undefined && Number(r) >= 1 ? Number(r) - 1 : st.row + 1;
      st.col = -1;
      continue;
    }
    if (name === "mergeCell") {
      const range = rangeFromA1(attr(attrs, "ref") ?? "");
      if (range) {
        st.merges.push(range);
        if (st.merges.length > LIMITS.merges) throw tooLarge(fileName, sheetName, st.merges.length, LIMITS.merges, "merges");
      }
      continue;
    }
    if (name === "dimension") continue;
    // A cell. Its reference may be missing (allowed; some writers leave it out): then it follows the previous one.
    const ref = attr(attrs, "r");
    const at = ref ? parseRef(ref) : undefined;
    if (at) {
      st.row = at.row;
      st.col = at.col;
    } else {
      if (st.row < 0) st.row = 0;
      st.col++;
    }
    if (self) continue;
    CELL_END.lastIndex = ELEMENT.lastIndex;
    const end = CELL_END.exec(xml);
    const body = end ? xml.slice(ELEMENT.lastIndex, end.index) : "";
    ELEMENT.lastIndex = end ? CELL_END.lastIndex : xml.length;
    const value = cellValue(attrs, body, strings, dates, date1904);
    if (value === null) continue;
    if (++st.cells > LIMITS.cells) throw tooLarge(fileName, sheetName, st.cells, LIMITS.cells, "cells");
    let v = value;
    if (typeof v === "string" && v.length > EXCEL_MAX_TEXT) {
      const cut = cutLongText(v, st.row, st.col);
      v = cut.text;
      st.issues.push(cut.issue);
    } else if (typeof v === "number" && !(Math.abs(v) <= EXCEL_MAX_NUMBER)) {
      st.issues.push(numberTooLarge(v, st.row, st.col));
    }
    (st.values[st.row] ??= [])[st.col] = v;
  }
}

/** A cell's value from its type (`t`), style (`s`) and content: cached results for formulas, `{ error }` for error cells. */
function cellValue(attrs: string, body: string, strings: string[], dates: Uint8Array, date1904: boolean): CellValue {
  const t = attr(attrs, "t") ?? "n";
  if (t === "inlineStr") return inlineText(body);
  const v = VALUE.exec(body);
  if (!v) return null;
  const raw = v[1];
  switch (t) {
    case "s": {
      const s = strings[Number(raw)];
      return s === undefined ? null : s;
    }
    case "str":
      return decodeEscapes(decodeXml(raw));
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: decodeXml(raw).trim() };
    case "d": {
      // ISO 8601 date cells (Strict files, some writers): shown as the date they name.
      const ms = Date.parse(raw.trim());
      return Number.isNaN(ms) ? decodeXml(raw) : new Date(ms);
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || Number.isNaN(n)) return raw.trim() === "" ? null : decodeXml(raw);
      const s = attr(attrs, "s");
      return s !== undefined && dates[Number(s)] === 1 && Number.isFinite(n) ? dateCell(n, date1904) : n;
    }
  }
}

function inlineText(body: string): string {
  let text = "";
  let inPhonetic = false;
  let start = -1;
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m; m = TEXT_RUN.exec(body)) {
    const [, close, name, self] = m;
    if (name === "rPh") inPhonetic = !close && !self;
    else if (!inPhonetic) {
      if (close && start >= 0) {
        text += body.slice(start, m.index);
        start = -1;
      } else if (!close && !self) start = TEXT_RUN.lastIndex;
    }
  }
  return decodeEscapes(decodeXml(text));
}

/** Tables (ListObjects) of a sheet, from its relationships: header row first; tables without one are left to detection. */
function readTables(pkg: XlsxPackage, sheetPath: string): NonNullable<SheetGrid["tables"]> {
  const rels = parseRels(pkg.text(relsPathOf(sheetPath)) ?? "");
  const tables: NonNullable<SheetGrid["tables"]> = [];
  for (const rel of rels) {
    if (rel.external || relKind(rel.type) !== "table") continue;
    const path = resolveTarget(sheetPath, rel.target);
    const entry = pkg.entry(path);
    if (!entry || entry.size > LIMITS.otherPartBytes) continue;
    const head = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(pkg.text(path) ?? "");
    if (!head) continue;
    const range = rangeFromA1(attr(head[1], "ref") ?? "");
    if (!range || attr(head[1], "headerRowCount") === "0") continue;
    const totals = Number(attr(head[1], "totalsRowCount") ?? 0) > 0;
    tables.push({ name: attr(head[1], "displayName") ?? attr(head[1], "name") ?? "", range, totalsRow: totals });
  }
  return tables;
}
