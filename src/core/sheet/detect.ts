import type { Lang } from "../model";
import { isBlank, type CellValue } from "../parse/values";
import { PRESETS } from "../presets";
import { fold } from "../text/normalize";
import { cellText } from "./cell-text";
import { columnLetter } from "./columns";
import { headerKey } from "./header-key";
import { fieldConfidence } from "./mapping";
import type { CellRange, SheetGrid, SkipReason, SourceRow, SourceTable } from "./types";

/** How far down a header row is looked for: title blocks are a few rows, never pages. */
const HEADER_SEARCH_ROWS = 50;
/** Rows below a candidate header looked at to see whether data follows. */
const LOOKAHEAD = 5;
/** Header cells are short labels; a longer text is a title or a note. */
const MAX_HEADER_LENGTH = 40;

/** Totals rows: the label alone, maybe with a colon or a bracketed remark (`合计：`, `Total (CNY)`). */
const TOTAL = /^(合计|总计|小计|总合计|共计|汇总|本页合计|本页小计|累计合计|total|totals|sum|grandtotal|subtotal)(?:[:(].*)?$/;
/** Lines that close a table: remarks, sources, signatures (`备注：…`, `制表人：…`, `Note: …`, `以上数据…`). */
const NOTE = /^[*※#\s]*((备注|注|说明|注释|附注|制表人?|审核人?|填表人?|数据来源|资料来源|来源|单位|note|notes|remarks?|source|prepared by|comments?)\s*\d*\s*[:：]|以上)/i;
/** Text whose first character after VALUE_TEXT's prefix is not ASCII: NFKC may turn it into a digit. */
const NON_ASCII_START = /^[\s+\-−(¥￥$]*[^\p{ASCII}]/u;
/** A single text this long in a row is prose, not a customer name. */
const NOTE_LENGTH = 30;
/** Cells that hold a value rather than a label: numbers, dates, and text such as `2万`, `¥12,000`, `３０天`. */
const VALUE_TEXT = /^[\s+\-−(¥￥$]*\d/;

/** A rectangle in `values` coordinates (relative to the grid's origin), bounds inclusive. */
interface Region {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Finds the customer table in a sheet: the Excel table or the user's selection
 * when the host gives one, otherwise the best-scoring header row (see
 * `headerScore`) and the rows below it.
 *
 * Rows below the header: blank rows, totals rows (合计/小计/Total… in the first
 * cells, wherever they are: section subtotals sit mid-table), repeated headers
 * and short merged section labels (`华东区`) are skipped and listed in `skipped`;
 * a note line (`备注：…`, `制表人：…`, a long sentence) after the data ends the
 * table, so signatures or a second block below are not read as customers.
 * Blank rows after the last data row are outside the table.
 */
export function detectTable(grid: SheetGrid, lang: Lang = "en-US"): SourceTable {
  const view = new GridView(grid);
  const selection = grid.selection && grid.selection.rows * grid.selection.cols > 1 ? view.toRegion(grid.selection) : null;
  const listObject = !selection && grid.tables?.length ? grid.tables[0] : null;

  if (view.width === 0) {
    const foundBy = selection ? "selection" : "detected";
    return { sheetName: grid.name, headerRow: view.sheetRow(0), firstCol: view.sheetCol(0), headers: [], rows: [], skipped: [], foundBy };
  }

  let region: Region;
  let headerRow: number;
  let foundBy: SourceTable["foundBy"];
  if (listObject) {
    region = view.toRegion(listObject.range);
    headerRow = region.top;
    foundBy = "table";
  } else {
    region = selection ?? view.whole();
    headerRow = findHeaderRow(view, region);
    foundBy = selection ? "selection" : "detected";
  }
  // An Excel table's totals row is known to be one, whatever its label says.
  const bottom = listObject?.totalsRow && region.bottom > headerRow ? region.bottom - 1 : region.bottom;

  const [left, right] = listObject ? [region.left, region.right] : columnSpan(view, region, headerRow);
  const headers = readHeaders(view, headerRow, left, right, lang);
  const { rows, skipped } = readRows(view, headerRow + 1, bottom, left, right, headers);
  if (bottom < region.bottom) skipped.push({ row: view.sheetRow(region.bottom), reason: "total" });

  return {
    sheetName: grid.name,
    headerRow: view.sheetRow(headerRow),
    firstCol: view.sheetCol(left),
    headers,
    rows,
    skipped,
    foundBy,
  };
}

/** Cell access in grid coordinates, with what is known about merges. */
class GridView {
  readonly values: CellValue[][];
  readonly height: number;
  readonly width: number;
  private readonly origin: { row: number; col: number };
  /** Merges by their top-left cell, in grid coordinates. */
  private readonly masters = new Map<string, Region>();

  constructor(grid: SheetGrid) {
    this.values = grid.values;
    this.origin = grid.origin ?? { row: 0, col: 0 };
    this.height = grid.values.length;
    let width = 0;
    for (const row of grid.values) if (row && row.length > width) width = row.length;
    this.width = width;
    for (const m of grid.merges ?? []) {
      const r = this.toRegion(m, false);
      this.masters.set(`${r.top},${r.left}`, r);
    }
  }

  cell(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? null;
  }

  /** The merge whose top-left cell this is. */
  mergeAt(r: number, c: number): Region | undefined {
    return this.masters.size ? this.masters.get(`${r},${c}`) : undefined;
  }

  /** The top-left cell of a merge covering (r, c) from above: a header merged down into the header row. */
  mergedFromAbove(r: number, c: number): CellValue {
    for (const m of this.masters.values()) {
      if (m.top < r && r <= m.bottom && m.left <= c && c <= m.right) return this.cell(m.top, m.left);
    }
    return null;
  }

  sheetRow(r: number): number {
    return this.origin.row + r + 1;
  }

  sheetCol(c: number): number {
    return this.origin.col + c;
  }

  whole(): Region {
    return { top: 0, left: 0, bottom: this.height - 1, right: this.width - 1 };
  }

  /** A sheet range in grid coordinates, clipped to the values unless told otherwise. */
  toRegion(range: CellRange, clip = true): Region {
    const top = range.row - this.origin.row;
    const left = range.col - this.origin.col;
    const region = { top, left, bottom: top + Math.max(1, range.rows) - 1, right: left + Math.max(1, range.cols) - 1 };
    if (!clip) return region;
    const bottom = Math.max(0, Math.min(region.bottom, this.height - 1));
    const right = Math.max(0, Math.min(region.right, this.width - 1));
    return { top: Math.min(Math.max(0, top), bottom), left: Math.min(Math.max(0, left), right), bottom, right };
  }
}

function isLabel(v: CellValue): v is string {
  if (typeof v !== "string") return false;
  const s = v.trim();
  return s.length > 0 && s.length <= MAX_HEADER_LENGTH && !isValueText(s);
}

function isValue(v: CellValue): boolean {
  if (typeof v === "string") return isValueText(v);
  return typeof v === "number" || typeof v === "boolean" || v instanceof Date;
}

/** VALUE_TEXT after NFKC (`３０天`, `＋5`), normalising only when the first character that decides is not ASCII. */
function isValueText(s: string): boolean {
  return VALUE_TEXT.test(s) || (NON_ASCII_START.test(s) && VALUE_TEXT.test(s.normalize("NFKC")));
}

/**
 * The row in `region` most like a header; the first non-blank row when none looks like one.
 *
 * The first HEADER_SEARCH_ROWS rows are all scored: title blocks are a few rows.
 * When not one of them could be a header (notes, a title, blank rows: no row
 * with two labels), the search goes on down the used range to a table below a
 * long notes block or near the bottom of the sheet (`headerBelow`).
 */
function findHeaderRow(view: GridView, region: Region): number {
  const window = Math.min(region.bottom, region.top + HEADER_SEARCH_ROWS - 1);
  const presetMatch = new Map<string, number>();
  let best = -1;
  let bestScore = -Infinity;
  let firstFilled = -1;
  for (let r = region.top; r <= window; r++) {
    const score = headerScore(view, region, r, presetMatch);
    if (score === null) continue;
    if (firstFilled < 0) firstFilled = r;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0 && window < region.bottom) {
    const below = headerBelow(view, region, window + 1, presetMatch);
    if (below >= 0) return below;
    if (firstFilled < 0) firstFilled = firstFilledRow(view, region, window + 1);
  }
  return best >= 0 ? best : firstFilled >= 0 ? firstFilled : region.top;
}

/**
 * Below the first rows: the first row that could be a header and the
 * LOOKAHEAD rows after it (a two-level header), the best-scoring of them; -1
 * when there is none. Rows with fewer than two labels are passed over after one
 * look at each cell (nothing allocated for numbers), so a long sheet without a
 * header costs one pass, and one with a header stops there.
 */
function headerBelow(view: GridView, region: Region, from: number, presetMatch: Map<string, number>): number {
  let best = -1;
  let bestScore = -Infinity;
  let stop = region.bottom;
  for (let r = from; r <= stop; r++) {
    if (!twoLabels(view, region, r)) continue;
    const score = headerScore(view, region, r, presetMatch);
    if (score === null || score === -Infinity) continue;
    if (best < 0) stop = Math.min(region.bottom, r + LOOKAHEAD);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Whether row r holds two labels or more: what `headerScore` needs before it is worth computing. */
function twoLabels(view: GridView, region: Region, r: number): boolean {
  const row = view.values[r];
  if (!row) return false;
  const end = Math.min(row.length - 1, region.right);
  let labels = 0;
  for (let c = region.left; c <= end; c++) if (isLabel(row[c]) && ++labels >= 2) return true;
  return false;
}

function firstFilledRow(view: GridView, region: Region, from: number): number {
  for (let r = from; r <= region.bottom; r++) {
    const row = view.values[r];
    if (!row) continue;
    const end = Math.min(row.length - 1, region.right);
    for (let c = region.left; c <= end; c++) if (!isBlank(row[c])) return r;
  }
  return -1;
}

/**
 * How much row r looks like the header of a customer table, or -Infinity when it
 * cannot be one (fewer than two labels: a title, a date line), null when blank.
 * Labels count, labels naming a preset field count heavily, rows of data below
 * count, and values in the row itself count against it.
 */
function headerScore(view: GridView, region: Region, r: number, presetMatch: Map<string, number>): number | null {
  let filled = 0;
  let labels = 0;
  let values = 0;
  let first = -1;
  let lastCol = -1;
  for (let c = region.left; c <= region.right; c++) {
    const v = view.cell(r, c);
    if (isBlank(v)) continue;
    filled++;
    if (first < 0) first = c;
    lastCol = c;
    if (isValue(v)) values++;
    if (isLabel(v)) labels++;
  }
  if (filled === 0) return null;
  const width = region.right - region.left + 1;
  if (labels < Math.min(2, width)) return -Infinity;

  // Only rows that may be a header get their labels matched against the presets.
  let known = 0;
  let repeated = 0;
  const seen = new Set<string>();
  for (let c = first; c <= lastCol; c++) {
    const v = view.cell(r, c);
    if (!isLabel(v)) continue;
    const label = v.trim();
    if (seen.has(label)) repeated++;
    seen.add(label);
    known += presetConfidence(label, presetMatch);
  }

  let filledBelow = 0;
  let valuesBelow = 0;
  let looked = 0;
  for (let below = r + 1; below <= region.bottom && looked < LOOKAHEAD; below++) {
    let n = 0;
    let hasValue = false;
    for (let c = first; c <= lastCol; c++) {
      const v = view.cell(below, c);
      if (isBlank(v)) continue;
      n++;
      if (isValue(v)) hasValue = true;
    }
    if (n === 0) continue;
    looked++;
    if (n >= Math.max(1, filled / 2)) filledBelow++;
    if (hasValue) valuesBelow++;
  }

  return (
    (2 * labels) / filled +
    0.25 * Math.min(labels, 10) +
    3 * known +
    (3 * filledBelow) / LOOKAHEAD +
    (values === 0 && valuesBelow > 0 ? 2 : 0) -
    0.5 * values -
    0.5 * repeated
  );
}

/** 1 for a header that is a preset field's synonym, 0.5 for a close one (`2024年销售额`), else 0. */
function presetConfidence(label: string, cache: Map<string, number>): number {
  let hit = cache.get(label);
  if (hit !== undefined) return hit;
  const key = headerKey(label);
  let best = 0;
  for (const model of PRESETS) for (const field of model.fields) best = Math.max(best, fieldConfidence(field, key));
  hit = best >= 1 ? 1 : best >= 0.7 ? 0.5 : 0;
  cache.set(label, hit);
  return hit;
}

/**
 * The table's columns: the runs of columns that are used (a header or data
 * below it) with an empty column on each side. A column whose header was left
 * empty but holds data joins its run; when the header row holds several runs
 * (a notes block beside the table), the one whose headers look most like a
 * customer table wins. A spacer column inside a table splits it: select the range then.
 */
function columnSpan(view: GridView, region: Region, headerRow: number): [number, number] {
  const hasData = new Uint8Array(region.right + 1);
  for (let r = headerRow + 1; r <= region.bottom; r++) {
    const row = view.values[r];
    if (!row) continue;
    const end = Math.min(row.length - 1, region.right);
    for (let c = region.left; c <= end; c++) if (!hasData[c] && !isBlank(row[c])) hasData[c] = 1;
  }
  const presetMatch = new Map<string, number>();
  let best: [number, number] | null = null;
  let bestWeight = -1;
  let start = -1;
  let weight = 0;
  for (let c = region.left; c <= region.right + 1; c++) {
    const header = c <= region.right ? view.cell(headerRow, c) : null;
    const used = c <= region.right && (!isBlank(header) || hasData[c] === 1);
    if (used) {
      if (start < 0) start = c;
      if (!isBlank(header)) weight += 1 + (isLabel(header) ? 3 * presetConfidence(header.trim(), presetMatch) : 0);
      continue;
    }
    if (start >= 0 && weight > bestWeight) {
      best = [start, c - 1];
      bestWeight = weight;
    }
    start = -1;
    weight = 0;
  }
  return best ?? [region.left, region.left];
}

function readHeaders(view: GridView, headerRow: number, left: number, right: number, lang: Lang): string[] {
  const headers: string[] = [];
  for (let c = left; c <= right; c++) {
    let v = view.cell(headerRow, c);
    if (isBlank(v)) v = view.mergedFromAbove(headerRow, c);
    const label = cellText(v).replace(/\s+/g, " ");
    const letter = columnLetter(view.sheetCol(c));
    headers.push(label || (lang === "zh-CN" ? `列${letter}` : `Column ${letter}`));
  }
  return headers;
}

type RowKind = SkipReason | "data" | "end";

function readRows(view: GridView, from: number, to: number, left: number, right: number, headers: string[]) {
  const rows: SourceRow[] = [];
  const skipped: { row: number; reason: SkipReason }[] = [];
  const width = right - left + 1;
  let pendingBlanks: number[] = [];
  for (let r = from; r <= to; r++) {
    const source = view.values[r] ?? [];
    const cells: CellValue[] = new Array(width);
    for (let i = 0; i < width; i++) cells[i] = source[left + i] ?? null;
    const kind = classify(view, r, left, cells, headers, rows.length > 0);
    if (kind === "end") break;
    if (kind === "blank") {
      pendingBlanks.push(r);
      continue;
    }
    // Blank rows count as inside the table only when something of the table follows them.
    for (const b of pendingBlanks) skipped.push({ row: view.sheetRow(b), reason: "blank" });
    pendingBlanks = [];
    if (kind === "data") rows.push({ row: view.sheetRow(r), cells });
    else skipped.push({ row: view.sheetRow(r), reason: kind });
  }
  return { rows, skipped };
}

function classify(view: GridView, r: number, left: number, cells: CellValue[], headers: string[], afterData: boolean): RowKind {
  let filled = 0;
  let only = -1;
  let labelsChecked = 0;
  let sameAsHeader = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (isBlank(v)) continue;
    filled++;
    only = i;
    if (typeof v !== "string") continue;
    if (labelsChecked < 2 && v.length <= 30) {
      labelsChecked++;
      if (TOTAL.test(fold(v))) return "total";
    }
    if (v.trim() === headers[i]) sameAsHeader++;
  }
  if (filled === 0) return "blank";
  if (sameAsHeader >= 2 && sameAsHeader * 2 >= filled) return "header";
  if (filled > 1) return "data";
  const v = cells[only];
  if (typeof v !== "string" || isValue(v)) return "data";
  const s = v.trim();
  if (NOTE.test(s) || s.length >= NOTE_LENGTH) return afterData ? "end" : "note";
  const merge = view.mergeAt(r, left + only);
  if (merge && merge.right > merge.left) return "note";
  return "data";
}
