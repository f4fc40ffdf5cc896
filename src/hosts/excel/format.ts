import { rangeAddress } from "../../core/plan/a1";
import type { CellRange, ChartPlan, ColumnFormat, ConditionalRule, PrintSetup, RangeStyle, SheetPlan, WorkbookPlan } from "../../core/plan/types";
import type { BorderEdge, Range, Worksheet } from "./api";
import { addValidations } from "./validation";

/**
 * Everything about a new sheet but its cells, queued before the first values
 * (so column formats are in place when values arrive). The number of calls
 * depends on the plan's columns, blocks and rules, never on its rows.
 */
export function formatSheet(ws: Worksheet, sheet: SheetPlan, font: WorkbookPlan["font"], pageLayout = true): void {
  if (font) {
    const all = ws.getRange().format.font;
    all.name = font.name;
    all.size = font.size;
  }
  const lastRow = sheetRows(sheet);
  for (const column of sheet.columns) formatColumn(ws, column, lastRow);
  // In plan order: a later style wins where they overlap.
  for (const style of sheet.styles) applyStyle(rangeOf(ws, style.range), style);
  if (sheet.freeze) freeze(ws, sheet.freeze);
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (sheet.hideGridlines) ws.showGridlines = false;
  // Office.js priorities are positions (0 first): adding in plan order and placing each keeps the plan's order.
  const rules = [...sheet.rules].sort((a, b) => a.priority - b.priority);
  rules.forEach((rule, i) => addRule(rangeOf(ws, rule.range), rule, i));
  if (sheet.print && pageLayout) printSetup(ws, sheet.print);
}

/**
 * A sheet appended to (the history): only the new cells' number formats and
 * alignment, and the style of a header the plan adds; the sheet's font,
 * widths, panes, tab colour and print set-up are the user's.
 */
export function formatAppended(ws: Worksheet, sheet: SheetPlan): void {
  const lastRow = sheetRows(sheet);
  for (const column of sheet.columns) formatColumn(ws, { ...column, width: undefined }, lastRow);
  for (const style of sheet.styles) applyStyle(rangeOf(ws, style.range), style);
}

/** File → Print as the plan wants it (ExcelApi 1.9: the caller checks support). */
function printSetup(ws: Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many tall as needed (0 = automatic).
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  // This host draws the chart (finishSheet): its columns print too.
  const area = print.chartArea ?? print.area;
  if (area) layout.setPrintArea(rangeAddress(area, true));
}

/** What needs the values in place: filter buttons over the table, the chart over the summary, validations (their lists may be on another new sheet), hiding. */
export function finishSheet(ws: Worksheet, sheet: SheetPlan): void {
  if (sheet.visibility && sheet.visibility !== "visible") ws.visibility = sheet.visibility === "hidden" ? "Hidden" : "VeryHidden";
  if (sheet.autoFilter) ws.autoFilter.apply(rangeOf(ws, sheet.autoFilter));
  if (sheet.chart) addChart(ws, sheet.chart);
  if (sheet.validations) addValidations(ws, sheet.validations);
}

/** Hides a sheet the plan wants hidden (settings); after activation, since Excel will not hide the active sheet. */
export function applyVisibility(ws: Worksheet, sheet: SheetPlan): void {
  if (sheet.visibility === "hidden") ws.visibility = "Hidden";
  else if (sheet.visibility === "veryHidden") ws.visibility = "VeryHidden";
}

/** Excel column width unit (characters of the default font) → points, as Excel rounds it: 7 px per character + 5 px padding. */
export function widthInPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

/** Rows the sheet's blocks reach: a column format without `rows` covers them all. */
function sheetRows(sheet: SheetPlan): number {
  let last = 0;
  for (const block of sheet.blocks) last = Math.max(last, block.at.row + block.cells.length);
  for (const table of sheet.tables ?? []) last = Math.max(last, table.at.row + table.rows);
  return last;
}

/** One call per property for the column's whole range, never one per cell. */
function formatColumn(ws: Worksheet, column: ColumnFormat, lastRow: number): void {
  if (column.width !== undefined) ws.getRangeByIndexes(0, column.col, 1, 1).format.columnWidth = widthInPoints(column.width);
  const first = column.rows?.first ?? 0;
  const last = column.rows?.last ?? lastRow - 1;
  if (last < first || (column.numberFormat === undefined && column.align === undefined)) return;
  const range = ws.getRangeByIndexes(first, column.col, last - first + 1, 1);
  if (column.numberFormat !== undefined) range.numberFormat = column.numberFormat;
  if (column.align) range.format.horizontalAlignment = ALIGN[column.align];
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

const EDGES: Record<NonNullable<RangeStyle["border"]>["edges"], BorderEdge[]> = {
  all: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"],
  bottom: ["EdgeBottom"],
};

function applyStyle(range: Range, style: RangeStyle): void {
  const f = range.format;
  if (style.fill) f.fill.color = style.fill;
  if (style.fontColor) f.font.color = style.fontColor;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.align) f.horizontalAlignment = ALIGN[style.align];
  if (style.border) {
    for (const edge of EDGES[style.border.edges]) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = style.border.color;
    }
  }
}

function freeze(ws: Worksheet, panes: { rows: number; cols: number }): void {
  if (panes.rows > 0 && panes.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, panes.rows, panes.cols));
  else if (panes.rows > 0) ws.freezePanes.freezeRows(panes.rows);
  else if (panes.cols > 0) ws.freezePanes.freezeColumns(panes.cols);
}

function addRule(range: Range, rule: ConditionalRule, priority: number): void {
  if (rule.kind === "formula") {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=" + rule.formula;
    if (rule.fill) cf.custom.format.fill.color = rule.fill;
    if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
    if (rule.bold) cf.custom.format.font.bold = true;
    cf.priority = priority;
    if (rule.stopIfTrue !== undefined) cf.stopIfTrue = rule.stopIfTrue;
    return;
  }
  // Data bars have no stopIfTrue (Office.js reports null for them).
  const cf = range.conditionalFormats.add("DataBar");
  cf.dataBar.positiveFormat.fillColor = rule.color;
  if (rule.max !== undefined) cf.dataBar.upperBoundRule = { type: "Number", formula: String(rule.max) };
  cf.priority = priority;
}

/** A chart of one series: made over the values, then given its category labels and name. */
function addChart(ws: Worksheet, chart: ChartPlan): void {
  const added = ws.charts.add(chart.type === "pie" ? "Pie" : "ColumnClustered", rangeOf(ws, chart.values), "Columns");
  added.title.text = chart.title;
  const series = added.series.getItemAt(0);
  series.setXAxisValues(rangeOf(ws, chart.categories));
  series.name = chart.seriesName;
  const { row, col } = chart.at;
  added.setPosition(ws.getRangeByIndexes(row, col, 1, 1), ws.getRangeByIndexes(row + chart.size.rows - 1, col + chart.size.cols - 1, 1, 1));
}

function rangeOf(ws: Worksheet, r: CellRange): Range {
  return ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}
