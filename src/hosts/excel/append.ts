/**
 * A plan sheet whose action is `append` (the tier history) in Excel: the
 * user's sheet is kept — never deleted, its formats, widths, panes, notes
 * and sort order untouched. Its rows of `drop` are deleted (whole rows,
 * bottom-up so the positions still hold, the rows below moving up with the
 * user's cells) in the first request, before any cell is written: the plan's
 * positions and the other sheets' formulas over the history are counted after
 * the deletion, and Excel would shrink a formula's range written before it.
 * Then the snapshot goes under the last row in the host's ordinary chunked
 * writes, and the sheet's own filter grows over the new rows.
 *
 * A user who sorted the history (say by customer) scatters a day's rows: each
 * run of adjacent rows is one delete (three queued calls), all in that one
 * request, so the requests stay bounded whatever the order; the calls number
 * three per run, at most three per customer of the snapshot.
 */
import type { CellRange, SheetPlan } from "../../core/plan/types";
import type { AutoFilter, Range, Worksheet } from "./api";

/** What the first sync reads of a sheet appended to: its filter. */
export interface AppendTarget {
  ws: Worksheet;
  filter: AutoFilter;
  filterRange: Range;
}

/** Queues the loads the append needs, for the run's first sync. */
export function loadAppendTarget(ws: Worksheet): AppendTarget {
  ws.autoFilter.load("enabled,isDataFiltered");
  const filterRange = ws.autoFilter.getRangeOrNullObject();
  filterRange.load("address");
  return { ws, filter: ws.autoFilter, filterRange };
}

/** The rows of this date and model go, bottom-up, before anything is written. */
export function dropRows(ws: Worksheet, sheet: SheetPlan): void {
  if (sheet.action.kind !== "append") return;
  const spans = [...sheet.action.drop].sort((a, b) => b.first - a.first);
  for (const span of spans) ws.getRangeByIndexes(span.first, 0, span.count, 1).getEntireRow().delete("Up");
}

/**
 * The sheet's own filter grown over the new rows: same columns, down to the
 * plan's filter's last row, when it starts on the header row. None is
 * added; one hiding rows now is left as the user set it (applying it again
 * would drop their criteria).
 */
export function growFilter(target: AppendTarget, sheet: SheetPlan, address: (a: string) => CellRange | undefined): void {
  const wanted = sheet.autoFilter;
  if (!wanted || !target.filter.enabled || target.filter.isDataFiltered || target.filterRange.isNullObject) return;
  const old = address(target.filterRange.address);
  if (!old || old.row !== wanted.row) return;
  const rows = Math.max(wanted.rows, 1);
  target.ws.autoFilter.apply(target.ws.getRangeByIndexes(old.row, old.col, rows, old.cols));
}

/** Undoes the cells a failed run wrote under the last row (the rows it added go). */
export function removeWritten(ws: Worksheet, sheet: SheetPlan): void {
  for (const t of sheet.tables ?? []) if (t.rows > 0) ws.getRangeByIndexes(t.at.row, 0, t.rows, 1).getEntireRow().delete("Up");
}
