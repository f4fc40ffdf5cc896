/**
 * A plan sheet whose action is `append` (the tier history), written into the
 * sheet's OWN part: the part keeps its name, id and relationships, so pivots,
 * charts and names over the sheet stay valid. The old XML is streamed through
 * a row at a time (never held whole): rows of `drop` are left out and the
 * rows below move up (their `r` references renumbered, the user's cells kept);
 * the plan's cells in existing rows (a missing column's header) are merged into
 * them; the plan's table follows the last row. Then the sheet's own filter
 * grows to the new last row (none is added), and so does a table over it.
 *
 * Not adjusted when rows move up (a same-day re-run whose old snapshot is not
 * the last rows): formulas' text, merged cells, conditional formats,
 * validations and hyperlinks of the rows below, which a history sheet of plain
 * data does not have; the sheet's `<f ref>` ranges are moved.
 */
import { columnLetter, rangeAddress } from "../../../core/plan/a1";
import type { RowSpan, SheetPlan } from "../../../core/plan/types";
import { rangeFromA1 } from "../../../core/sheet/columns";
import type { CellRange } from "../../../core/sheet/types";
import { setAttr, splice, withPrefix, type Edit } from "./append";
import type { XlsxPackage } from "./package";
import { parseRels, relKind, relsPathOf, resolveTarget } from "./rels";
import { sheetRows, type Context } from "./sheet-xml";
import { streamText } from "./stream";
import { firstTag } from "./xml";
import type { ZipEntry } from "./zip";

/** Makes a zip entry of a whole part's text (`textEntry` with the run's deflater). */
export type MakeEntry = (name: string, text: string) => ZipEntry;

export interface AppendOutcome {
  /** The sheet's filter after growing; absent when it has none. */
  autoFilter?: CellRange;
  /** Table parts whose range grew with the rows. */
  tables: ZipEntry[];
}

const ROW = /<((?:[\w.-]+:)?)row\b([^>]*?)(\/?)>/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?c>)/g;
const R_ATTR = /(\sr\s*=\s*["'])([A-Za-z]*)(\d+)(["'])/;
const F_REF = /(<(?:[\w.-]+:)?f\b[^>]*?\sref\s*=\s*["'])([^"']+)(["'])/g;
const SHARED_SI = /\bsi\s*=\s*["'](\d+)["']/g;

/** A row's cells by column, for merging. */
interface RowCells {
  open: string;
  cells: { col: number; xml: string }[];
}

/**
 * Streams the appended sheet's XML into `sink`, yielding rows written.
 * `deflate`-side and zip-side are the caller's; the table parts it edits
 * are returned as new entries (made with `makeEntry`).
 */
export function* appendSheetXml(
  pkg: XlsxPackage,
  path: string,
  sheet: SheetPlan,
  ctx: Context,
  sink: (xml: string) => void,
  makeEntry: MakeEntry,
): Generator<number, AppendOutcome> {
  if (sheet.action.kind !== "append") throw new Error("appendSheetXml: not an append sheet");
  const drop: readonly RowSpan[] = sheet.action.drop;
  const droppedTotal = drop.reduce((n, d) => n + d.count, 0);
  const tables = sheet.tables ?? [];
  // Cells in rows the sheet already has (headers of missing columns) and the table after its last row.
  const early = sheetRows({ ...sheet, tables: [], columns: [] }, ctx);
  const lateFirst = Math.min(Number.MAX_SAFE_INTEGER, ...tables.filter((t) => t.rows > 0).map((t) => t.at.row));
  const lateLast = Math.max(-1, ...tables.map((t) => t.at.row + t.rows - 1));
  const earlyRows = new Map<number, RowCells>();
  for (const _ of early.emit((xml) => collectRows(xml, earlyRows)));

  let prefix = "";
  let phase: "head" | "rows" | "tail" = "head";
  let head = "";
  let tail = "";
  let row = 0; // 1-based number of the last old row seen
  let d = 0;
  let before = 0; // rows dropped above the current one
  let maxSi = -1;
  // Rows the sheet has where the snapshot goes (formatted, no values): merged with the new rows, in row order.
  const trailing = new Map<number, RowCells>();
  const flushTrailing = (below: number) => {
    for (const r of [...trailing.keys()].sort((a, b) => a - b)) {
      if (r >= below) break;
      sink(rowXml(trailing.get(r)!));
      trailing.delete(r);
    }
  };
  const out = (xml: string) => sink(prefix ? withPrefix(xml, prefix) : xml);

  const flushEarly = (below: number) => {
    for (const r of [...earlyRows.keys()].sort((a, b) => a - b)) {
      if (r >= below) break;
      out(rowXml(earlyRows.get(r)!));
      earlyRows.delete(r);
    }
  };

  const rows = (text: string) => {
    // Most pieces: rows above every row to drop and above the new rows, nothing to merge: through as they are.
    if (!before && !earlyRows.size) {
      const tag = lastRowTag(text, prefix);
      if (tag !== undefined && (d >= drop.length || tag - 1 < drop[d].first) && tag - 1 < lateFirst) {
        if (text.includes("si=")) for (const m of text.matchAll(SHARED_SI)) maxSi = Math.max(maxSi, Number(m[1]));
        row = tag;
        sink(text);
        return;
      }
    }
    let last = 0;
    ROW.lastIndex = 0;
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      const end = m[3] ? ROW.lastIndex : text.indexOf(">", text.indexOf(`</${m[1]}row`, ROW.lastIndex)) + 1;
      const xml = text.slice(m.index, end);
      ROW.lastIndex = end;
      last = end;
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(m[2]);
      row = r ? Number(r[1]) : row + 1;
      const index = row - 1;
      while (d < drop.length && drop[d].first + drop[d].count <= index) before += drop[d++].count;
      if (d < drop.length && index >= drop[d].first) continue; // this run's snapshot of the same day: replaced
      if (xml.includes("si=")) for (const s of xml.matchAll(SHARED_SI)) maxSi = Math.max(maxSi, Number(s[1]));
      const at = index - before;
      const moved = before ? shiftRow(xml, before) : xml;
      flushEarly(at);
      const mine = earlyRows.get(at);
      if (at >= lateFirst) trailing.set(at, cellsOf(moved));
      else if (mine) {
        earlyRows.delete(at);
        sink(rowXml(merge(cellsOf(moved), mine, prefix)));
      } else sink(moved);
    }
    return last;
  };

  streamText(pkg, path, (piece) => {
    let text = piece;
    if (phase === "head") {
      head += text;
      const open = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(head);
      if (!open) return;
      prefix = open[1];
      sink(withDimension(head.slice(0, open.index), droppedTotal, lateLast, early.lastCol, tables));
      sink(`<${prefix}sheetData>`);
      text = head.slice(open.index + open[0].length);
      head = "";
      phase = "rows";
      if (open[2]) {
        tail = `</${prefix}sheetData>` + text;
        phase = "tail";
        return;
      }
    }
    if (phase === "tail") {
      tail += text;
      return;
    }
    const close = text.search(/<\/(?:[\w.-]+:)?sheetData\s*>/);
    rows(close < 0 ? text : text.slice(0, close));
    if (close >= 0) {
      tail = text.slice(close);
      phase = "tail";
    }
  });
  if (phase === "head") throw new Error(`${path}: no <sheetData>`);
  flushEarly(Number.MAX_SAFE_INTEGER);
  yield row;

  // The snapshot, under the last row; a row the sheet already has there (formatted, empty) is merged.
  if (tables.some((t) => t.rows > 0)) {
    const late = sheetRows({ ...sheet, blocks: [], styles: [] }, ctx, maxSi + 1);
    for (const n of late.emit((xml) => {
      if (!trailing.size) return out(xml);
      const made = new Map<number, RowCells>();
      collectRows(xml, made);
      for (const [r, cells] of made) {
        flushTrailing(r);
        const old = trailing.get(r);
        trailing.delete(r);
        if (old) sink(rowXml(merge(old, cells, prefix)));
        else out(rowXml(cells));
      }
    }))
      yield n;
  }
  flushTrailing(Number.MAX_SAFE_INTEGER);

  const grown = growFilter(tail, sheet.autoFilter, drop);
  sink(grown.xml);
  return { ...(grown.range ? { autoFilter: grown.range } : {}), tables: growTables(pkg, path, sheet.autoFilter, drop, makeEntry) };
}

/** The `r` of the last `<row>` in the text; undefined when there is none or it has no `r`. */
function lastRowTag(text: string, prefix: string): number | undefined {
  for (let at = text.lastIndexOf(`<${prefix}row`); at >= 0; at = text.lastIndexOf(`<${prefix}row`, at - 1)) {
    const next = text[at + prefix.length + 4];
    if (next !== " " && next !== ">" && next !== "/" && next !== "\t" && next !== "\n" && next !== "\r") continue;
    const r = /^[^>]*?\sr\s*=\s*["'](\d+)["']/.exec(text.slice(at, text.indexOf(">", at) + 1));
    return r ? Number(r[1]) : undefined;
  }
  return undefined;
}

/** `<row …>` elements of our own XML, by 0-based row. */
function collectRows(xml: string, into: Map<number, RowCells>): void {
  ROW.lastIndex = 0;
  for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
    const end = m[3] ? ROW.lastIndex : xml.indexOf(">", xml.indexOf(`</${m[1]}row`, ROW.lastIndex)) + 1;
    const r = Number(/\sr="(\d+)"/.exec(m[2])![1]) - 1;
    into.set(r, cellsOf(xml.slice(m.index, end)));
    ROW.lastIndex = end;
  }
}

/** A row element's start tag and cells (a cell without a reference follows the one before). */
function cellsOf(rowXml: string): RowCells {
  const openEnd = rowXml.indexOf(">") + 1;
  const selfClosing = rowXml[openEnd - 2] === "/";
  const open = selfClosing ? rowXml.slice(0, openEnd - 2).trimEnd() + ">" : rowXml.slice(0, openEnd);
  const cells: RowCells["cells"] = [];
  if (!selfClosing) {
    let col = -1;
    CELL.lastIndex = openEnd;
    for (let m = CELL.exec(rowXml); m; m = CELL.exec(rowXml)) {
      const ref = R_ATTR.exec(m[1]);
      col = ref ? colIndex(ref[2]) : col + 1;
      cells.push({ col, xml: m[0] });
    }
  }
  return { open, cells };
}

/** The old row with the new cells in it (a new cell wins its column), in column order; `spans` goes (a hint that no longer holds). */
function merge(old: RowCells, mine: RowCells, prefix: string): RowCells {
  const byCol = new Map(old.cells.map((c) => [c.col, c]));
  const rowNumber = /\sr\s*=\s*["'](\d+)["']/.exec(old.open)?.[1] ?? /\sr="(\d+)"/.exec(mine.open)![1];
  for (const c of old.cells) if (!R_ATTR.test(c.xml.slice(0, c.xml.indexOf(">")))) c.xml = c.xml.replace(/^(<(?:[\w.-]+:)?c)\b/, `$1 r="${columnLetter(c.col)}${rowNumber}"`);
  for (const c of mine.cells) byCol.set(c.col, { col: c.col, xml: prefix ? withPrefix(c.xml, prefix) : c.xml });
  return { open: old.open.replace(/\sspans\s*=\s*["'][^"']*["']/, ""), cells: [...byCol.values()].sort((a, b) => a.col - b.col) };
}

function rowXml(r: RowCells): string {
  const close = r.open.replace(/^<((?:[\w.-]+:)?)row\b[\s\S]*$/, "</$1row>");
  return r.open + r.cells.map((c) => c.xml).join("") + close;
}

/** A row moved up by `by` rows: its number, its cells' references and its formulas' ranges. */
function shiftRow(xml: string, by: number): string {
  const tagEnd = xml.indexOf(">");
  const open = xml.slice(0, tagEnd).replace(/(\sr\s*=\s*["'])(\d+)(["'])/, (_, a: string, n: string, z: string) => `${a}${Number(n) - by}${z}`);
  const body = xml
    .slice(tagEnd)
    .replace(/(<(?:[\w.-]+:)?c\b[^>]*?\sr\s*=\s*["'])([A-Za-z]+)(\d+)(["'])/g, (_, a: string, c: string, n: string, z: string) => `${a}${c}${Number(n) - by}${z}`)
    .replace(F_REF, (_, a: string, ref: string, z: string) => `${a}${ref.replace(/([A-Za-z]+)(\d+)/g, (__, c: string, n: string) => `${c}${Number(n) - by}`)}${z}`);
  return open + body;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** The head with `<dimension>` covering the rows and columns after the append. */
function withDimension(head: string, dropped: number, lateLast: number, lastCol: number, tables: SheetPlan["tables"] & object): string {
  const dim = firstTag(head, "dimension");
  const old = dim && rangeFromA1(dim.attrs.get("ref") ?? "");
  if (!dim || !old) return head;
  const right = Math.max(old.col + old.cols - 1, lastCol, ...tables.map((t) => t.at.col + t.columns.length - 1));
  const bottom = Math.max(old.row + old.rows - 1 - dropped, lateLast);
  const ref = rangeAddress({ row: old.row, col: old.col, rows: bottom - old.row + 1, cols: right - old.col + 1 });
  return splice(head, [{ at: dim.start, remove: dim.end - dim.start, insert: setAttr(head.slice(dim.start, dim.end), "ref", ref) }]);
}

/** The sheet's own filter, its bottom moved to the plan's filter's (never added, columns kept). */
function growFilter(tail: string, wanted: CellRange | undefined, drop: readonly RowSpan[]): { xml: string; range?: CellRange } {
  const tag = firstTag(tail, "autoFilter");
  const old = tag && rangeFromA1(tag.attrs.get("ref") ?? "");
  if (!tag || !old) return { xml: tail };
  const range = grown(old, wanted, drop);
  const edits: Edit[] = [{ at: tag.start, remove: tag.end - tag.start, insert: setAttr(tail.slice(tag.start, tag.end), "ref", rangeAddress(range)) }];
  return { xml: splice(tail, edits), range };
}

/**
 * `old` (a filter's or table's range starting on the header row) after the
 * rows of `drop` went and the plan's rows came: it loses the dropped rows it
 * held and reaches at least the plan's filter's last row.
 */
function grown(old: CellRange, wanted: CellRange | undefined, drop: readonly RowSpan[]): CellRange {
  if (!wanted || wanted.row !== old.row) return old;
  const end = old.row + old.rows;
  const lost = drop.reduce((n, d) => n + Math.max(0, Math.min(end, d.first + d.count) - Math.max(old.row, d.first)), 0);
  return { ...old, rows: Math.max(old.rows - lost, wanted.rows) };
}

/** Table parts of the sheet whose header is the history's header row, grown to the new last row (not those with a totals row, which the rows would run into). */
function growTables(pkg: XlsxPackage, sheetPath: string, wanted: CellRange | undefined, drop: readonly RowSpan[], makeEntry: MakeEntry): ZipEntry[] {
  if (!wanted) return [];
  const out: ZipEntry[] = [];
  for (const rel of parseRels(pkg.text(relsPathOf(sheetPath)) ?? "")) {
    if (rel.external || relKind(rel.type) !== "table") continue;
    const path = resolveTarget(sheetPath, rel.target);
    const xml = pkg.text(path);
    const table = xml && firstTag(xml, "table");
    const ref = table && rangeFromA1(table.attrs.get("ref") ?? "");
    if (!xml || !table || !ref || Number(table.attrs.get("totalsRowCount") ?? 0) > 0 || table.attrs.get("headerRowCount") === "0") continue;
    const next = grown(ref, wanted, drop);
    if (next.rows === ref.rows) continue;
    const edits: Edit[] = [{ at: table.start, remove: table.end - table.start, insert: setAttr(xml.slice(table.start, table.end), "ref", rangeAddress(next)) }];
    const filter = firstTag(xml, "autoFilter");
    const fref = filter && rangeFromA1(filter.attrs.get("ref") ?? "");
    if (filter && fref) edits.push({ at: filter.start, remove: filter.end - filter.start, insert: setAttr(xml.slice(filter.start, filter.end), "ref", rangeAddress(grown(fref, wanted, drop))) });
    out.push(makeEntry(pkg.entry(path)!.name, splice(xml, edits)));
  }
  return out;
}
