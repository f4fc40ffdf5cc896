/**
 * The history sheet's plan: the rows already there, in their order, except
 * those of this run's as-of date and model (a same-day re-run replaces its
 * snapshot), then this run's snapshot. Nothing else is ever dropped. Written
 * column by column (data pulled in chunks), so a long history costs no cell objects.
 */
import type { Lang } from "../model";
import { isBlank, parseDate, type CellValue } from "../parse/values";
import { HISTORY_COL, HISTORY_COLUMNS, historyFits, keptRows, type HistoryColumnId, type HistoryLog } from "../history/sheet";
import type { Snapshot } from "../history/types";
import { sheetRef } from "./a1";
import { dateSerial, numberCell, textCell } from "./cells";
import { dataColumn } from "./columns";
import { range } from "./grid";
import { STYLE } from "./style";
import type { Cell, CellBlock, CellRange, ColumnBlock, ColumnFormat, RangeStyle } from "./types";

export interface HistorySheetLayout {
  blocks: CellBlock[];
  table: ColumnBlock;
  styles: RangeStyle[];
  columns: ColumnFormat[];
  freeze: { rows: number; cols: number };
  autoFilter: CellRange;
  /** Whether this run's snapshot is in it (not when it would not fit in a sheet: the history stage says so). */
  recorded: boolean;
  /** Sheet-qualified data ranges of the columns the summary's COUNTIFS read. */
  refs: Record<"asOf" | "model" | "tier" | "previous", string>;
}

/** 0-based row of the first snapshot row (under the header). */
const FIRST = 1;

export function buildHistorySheet(sheet: string, lang: Lang, log: HistoryLog | undefined, snapshot: Snapshot): HistorySheetLayout {
  const kept = keptRows(log, snapshot.asOf, snapshot.modelId);
  const recorded = historyFits(kept.length, snapshot.length);
  const total = kept.length + (recorded ? snapshot.length : 0);
  const asOfSerial = dateSerial(new Date(`${snapshot.asOf}T00:00:00Z`));
  const oldCell = (k: number, id: HistoryColumnId): Cell => {
    const c = log!.col[id];
    if (id === "asOf" && log!.asOf[k]) return dateSerial(new Date(`${log!.asOf[k]}T00:00:00Z`));
    return c < 0 ? null : planCell(log!.rows[k][c]);
  };
  const str = (s: string | undefined): Cell => (s ? textCell(s) : null);
  const newCell = (r: number, id: HistoryColumnId): Cell => {
    switch (id) {
      case "asOf":
        return asOfSerial;
      case "model":
        return textCell(snapshot.modelId);
      case "key":
        return str(snapshot.key[r]);
      case "customer":
        return str(snapshot.customer[r]);
      case "score":
        return Number.isNaN(snapshot.score[r]) ? null : numberCell(snapshot.score[r]);
      case "computed":
        return str(snapshot.computedTier[r]);
      case "tier":
        return str(snapshot.tier[r]);
      case "previous":
        return str(snapshot.previousTier[r]);
      case "override":
        return str(snapshot.override.get(r)?.tier);
      case "reason":
        return str(snapshot.override.get(r)?.reason);
    }
  };
  const columns = HISTORY_COLUMNS.map((c) => dataColumn((row) => (row < kept.length ? oldCell(kept[row], c.id) : newCell(row - kept.length, c.id))));
  const n = HISTORY_COLUMNS.length;
  const rows = Math.max(1, total);
  const ref = (id: HistoryColumnId) => sheetRef(sheet, range(FIRST, HISTORY_COL[id], rows));
  return {
    blocks: [{ at: { row: 0, col: 0 }, cells: [HISTORY_COLUMNS.map((c) => c.header[lang])] }],
    table: { at: { row: FIRST, col: 0 }, rows: total, columns },
    styles: [{ range: range(0, 0, 1, n), bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center" }],
    columns: [
      { col: HISTORY_COL.asOf, width: 12, numberFormat: "yyyy-mm-dd", align: "center" },
      { col: HISTORY_COL.model, width: 14 },
      { col: HISTORY_COL.key, width: 14 },
      { col: HISTORY_COL.customer, width: 20 },
      { col: HISTORY_COL.score, width: 8, align: "center" },
      ...(["computed", "tier", "previous", "override"] as const).map((id) => ({ col: HISTORY_COL[id], width: 10, align: "center" as const })),
      { col: HISTORY_COL.reason, width: 30 },
    ],
    freeze: { rows: 1, cols: 0 },
    autoFilter: range(0, 0, rows + 1, n),
    recorded,
    refs: { asOf: ref("asOf"), model: ref("model"), tier: ref("tier"), previous: ref("previous") },
  };
}

/** A cell read from the sheet, written back as it was (dates as serials, text kept text). */
function planCell(v: CellValue): Cell {
  if (isBlank(v)) return null;
  if (typeof v === "number") return numberCell(v);
  if (typeof v === "boolean") return v;
  if (v instanceof Date) {
    const d = parseDate(v);
    return d.ok ? dateSerial(v) : null;
  }
  if (typeof v === "object" && v !== null) return textCell(v.error);
  return textCell(String(v));
}
