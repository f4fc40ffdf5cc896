/**
 * How every generated sheet prints (issue 13): landscape, scaled to one page
 * wide (as many pages tall as the rows need), the area the sheet's cells reach
 * (and, for a host that draws it, the chart), and a table's header row on every page. Derived from the plan
 * itself, so each builder gets it the same way and none can forget it.
 */
import type { PrintSetup, SheetPlan } from "./types";

/** The sheet with its print set-up. The header row repeated is the last frozen row (the table's header). */
export function withPrint<S extends Omit<SheetPlan, "print">>(sheet: S): S & { print: PrintSetup } {
  let rows = 1;
  let cols = 1;
  const reach = (lastRow: number, lastCol: number) => {
    rows = Math.max(rows, lastRow);
    cols = Math.max(cols, lastCol);
  };
  for (const b of sheet.blocks) reach(b.at.row + b.cells.length, b.at.col + Math.max(0, ...b.cells.map((r) => r.length)));
  for (const t of sheet.tables ?? []) reach(t.at.row + t.rows, t.at.col + t.columns.length);
  const area = { row: 0, col: 0, rows, cols };
  const chart = sheet.chart;
  const chartArea = chart && { row: 0, col: 0, rows: Math.max(rows, chart.at.row + chart.size.rows), cols: Math.max(cols, chart.at.col + chart.size.cols) };
  const header = (sheet.freeze?.rows ?? 0) - 1;
  return {
    ...sheet,
    print: {
      orientation: "landscape",
      fitToWidth: true,
      area,
      ...(chartArea ? { chartArea } : {}),
      ...(header >= 0 ? { repeatRows: { first: header, last: header } } : {}),
    },
  };
}
