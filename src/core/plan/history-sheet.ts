/**
 * The history sheet's plan. The first run makes the sheet (header, then its
 * snapshot). Every later run APPENDS to the sheet it read: the rows of its own
 * as-of date and model go (a same-day re-run replaces its snapshot), then its
 * snapshot is written under the last row. The rest of the sheet — the user's
 * columns, formats, widths, filter, sort order, the part itself — stays, so
 * pivots and charts over it keep working. Written column by column (data
 * pulled in chunks): a long history costs no cell objects.
 */
import type { Lang } from "../model";
import { droppedRuns, HISTORY_COL, HISTORY_COLUMNS, historyFits, historyMode, rowsKept, type HistoryColumnId, type HistoryLog } from "../history/sheet";
import type { Snapshot } from "../history/types";
import { sheetRef } from "./a1";
import { dateSerial, numberCell, textCell } from "./cells";
import { dataColumn } from "./columns";
import { range } from "./grid";
import { STYLE } from "./style";
import type { Cell, CellBlock, CellRange, ColumnBlock, ColumnFormat, DataColumn, RangeStyle, RowSpan } from "./types";

export interface HistorySheetLayout {
  blocks: CellBlock[];
  table: ColumnBlock;
  styles: RangeStyle[];
  columns: ColumnFormat[];
  /** A new sheet's panes; an appended sheet keeps the user's. */
  freeze?: { rows: number; cols: number };
  autoFilter: CellRange;
  /** Whether this run's snapshot is in it (not when it would not fit in a sheet: the history stage says so). */
  recorded: boolean;
  /** Sheet-qualified data ranges of the columns the summary's COUNTIFS read. */
  refs: Record<"asOf" | "model" | "key" | "tier" | "previous", string>;
  /** Appending to the sheet read: its rows to delete first (this date and model's). Absent: a new sheet. */
  drop?: RowSpan[];
}

/** A new sheet: the header on row 1, the snapshot under it. */
const FIRST = 1;

/**
 * The layout for `sheet`: appended to the sheet `log` was read from when
 * its header was found (`historyMode`), else a new sheet holding this snapshot.
 */
export function buildHistorySheet(sheet: string, lang: Lang, log: HistoryLog | undefined, snapshot: Snapshot): HistorySheetLayout {
  return historyMode(log) === "append" ? appendLayout(sheet, lang, log!, snapshot) : newLayout(sheet, lang, snapshot);
}

function newLayout(sheet: string, lang: Lang, snapshot: Snapshot): HistorySheetLayout {
  const recorded = historyFits(0, snapshot.length);
  const total = recorded ? snapshot.length : 0;
  const n = HISTORY_COLUMNS.length;
  const rows = Math.max(1, total);
  const ref = (id: HistoryColumnId) => sheetRef(sheet, range(FIRST, HISTORY_COL[id], rows));
  return {
    blocks: [{ at: { row: 0, col: 0 }, cells: [HISTORY_COLUMNS.map((c) => c.header[lang])] }],
    table: { at: { row: FIRST, col: 0 }, rows: total, columns: HISTORY_COLUMNS.map((c) => snapshotColumn(snapshot, c.id)) },
    styles: [{ range: range(0, 0, 1, n), ...HEADER_STYLE }],
    columns: columnFormats((id) => HISTORY_COL[id], true),
    freeze: { rows: 1, cols: 0 },
    autoFilter: range(0, 0, rows + 1, n),
    recorded,
    refs: { asOf: ref("asOf"), model: ref("model"), key: ref("key"), tier: ref("tier"), previous: ref("previous") },
  };
}

/**
 * Appending to the sheet read: drop this date and model's rows, write the
 * snapshot under the last row the sheet has left, each value under its
 * column's header wherever the user moved it; a column the sheet lacks gets
 * its header to the right of everything. Nothing is written when the
 * snapshot would not fit (nothing is dropped either).
 */
function appendLayout(sheet: string, lang: Lang, log: HistoryLog, snapshot: Snapshot): HistorySheetLayout {
  const recorded = historyFits(rowsKept(log, snapshot.asOf, snapshot.modelId), snapshot.length);
  const header = log.firstRow - 2; // 0-based sheet row
  const first = header + 1;
  const runs = recorded ? droppedRuns(log, snapshot.asOf, snapshot.modelId) : [];
  const remaining = log.rows.length - runs.reduce((n, r) => n + r.count, 0);
  const n = recorded ? snapshot.length : 0;

  const colOf = {} as Record<HistoryColumnId, number>;
  const blocks: CellBlock[] = [];
  const styles: RangeStyle[] = [];
  let extra = 0;
  for (const c of HISTORY_COLUMNS) {
    const at = log.col[c.id];
    if (at >= 0) {
      colOf[c.id] = log.firstCol + at;
      continue;
    }
    colOf[c.id] = log.firstCol + log.width + extra++;
    blocks.push({ at: { row: header, col: colOf[c.id] }, cells: [[c.header[lang]]] });
    styles.push({ range: range(header, colOf[c.id]), ...HEADER_STYLE });
  }
  const cols = HISTORY_COLUMNS.map((c) => colOf[c.id]);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const idAt = new Map(HISTORY_COLUMNS.map((c) => [colOf[c.id], c.id]));
  const columns: DataColumn[] = [];
  for (let col = left; col <= right; col++) {
    const id = idAt.get(col);
    // A user's column between ours: left as it is (null writes nothing).
    columns.push(id ? snapshotColumn(snapshot, id) : dataColumn(() => null));
  }
  const at = first + remaining;
  const rows = Math.max(1, remaining + n);
  const ref = (id: HistoryColumnId) => sheetRef(sheet, range(first, colOf[id], rows));
  return {
    blocks,
    table: { at: { row: at, col: left }, rows: n, columns },
    styles,
    // The new rows' number formats and alignment only: widths are the user's now.
    columns: n ? columnFormats((id) => colOf[id], false).map((c) => ({ ...c, rows: { first: at, last: at + n - 1 } })) : [],
    autoFilter: range(header, left, rows + 1, right - left + 1),
    recorded,
    refs: { asOf: ref("asOf"), model: ref("model"), key: ref("key"), tier: ref("tier"), previous: ref("previous") },
    drop: runs.map((r) => ({ first: first + r.first, count: r.count })),
  };
}

const HEADER_STYLE = { bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center" } as const;

/** Number format, alignment and (for a new sheet) width of each history column. */
function columnFormats(col: (id: HistoryColumnId) => number, widths: boolean): ColumnFormat[] {
  const w = (width: number) => (widths ? { width } : {});
  const formats: ColumnFormat[] = [
    { col: col("asOf"), ...w(12), numberFormat: "yyyy-mm-dd", align: "center" },
    { col: col("model"), ...w(14) },
    { col: col("key"), ...w(14) },
    { col: col("customer"), ...w(20) },
    { col: col("score"), ...w(8), align: "center" },
    ...(["computed", "tier", "previous", "override"] as const).map((id) => ({ col: col(id), ...w(10), align: "center" as const })),
    { col: col("reason"), ...w(30) },
  ];
  return formats.filter((f) => f.width !== undefined || f.numberFormat !== undefined || f.align !== undefined);
}

/** One history column of this run's snapshot, pulled in chunks. */
function snapshotColumn(snapshot: Snapshot, id: HistoryColumnId): DataColumn {
  const str = (s: string | undefined): Cell => (s ? textCell(s) : null);
  switch (id) {
    case "asOf": {
      const serial = dateSerial(new Date(`${snapshot.asOf}T00:00:00Z`));
      return dataColumn(() => serial);
    }
    case "model": {
      const model = textCell(snapshot.modelId);
      return dataColumn(() => model);
    }
    case "key":
      return dataColumn((r) => str(snapshot.key[r]));
    case "customer":
      return dataColumn((r) => str(snapshot.customer[r]));
    case "score":
      return dataColumn((r) => (Number.isNaN(snapshot.score[r]) ? null : numberCell(snapshot.score[r])));
    case "computed":
      return dataColumn((r) => str(snapshot.computedTier[r]));
    case "tier":
      return dataColumn((r) => str(snapshot.tier[r]));
    case "previous":
      return dataColumn((r) => str(snapshot.previousTier[r]));
    case "override":
      return dataColumn((r) => str(snapshot.override.get(r)?.tier));
    case "reason":
      return dataColumn((r) => str(snapshot.override.get(r)?.reason));
  }
}
