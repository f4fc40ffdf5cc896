/**
 * A plan sheet as worksheet XML, emitted straight from the plan as text in
 * chunks (no cell objects, no DOM): rows in order, strings inline (the user's
 * sharedStrings.xml stays untouched), formulas without cached values, a
 * formula filled down written once as a shared formula. Styles come from the
 * registry that is appended to styles.xml afterwards.
 */
import { cellAddress, columnLetter, rangeAddress } from "../../../core/plan/a1";
import { rowFormulas } from "../../../core/plan/columns";
import type { Cell, CellBlock, ColumnBlock, ColumnFormat, ConditionalRule, DataValidation, RangeStyle, SheetPlan, WorkbookPlan } from "../../../core/plan/types";
import type { CellLook, StyleRegistry } from "./style-registry";
import { escapeAttr, escapeText, inlineString } from "./xml";

/** Rows between chances to report progress or cancel. */
export const ROWS_PER_CHUNK = 4096;
/**
 * Rows per piece of text handed to the sink: small enough that the row strings
 * die young (4,096-row pieces doubled the write's time in garbage collection).
 */
const ROWS_PER_PIECE = 1024;

/** A number that cannot be written as a number (NaN, ±Infinity): the cell gets `#NUM!` instead. */
export interface NonFinite {
  sheet: string;
  address: string;
  value: number;
}

/** Where one column of one block puts its cells, and how it shares a formula filled down. */
interface Slot {
  col: number;
  /** Sheet rows [first, end). */
  first: number;
  end: number;
  load(from: number, to: number): void;
  value(row: number): Cell | undefined;
  /** Rows [sharedFrom, end of slot) whose formula cells are one shared formula with its master in `sharedFrom`. */
  shared?: { from: number; to: number; si: number; formula: string; ref: string };
  /** The text after a shared formula cell's reference, for the segment it was made in (the same for every row of it). */
  tail?: { seg: Segment; text: string };
}

function blockSlots(block: CellBlock): Slot[] {
  const { at, cells } = block;
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  const slots: Slot[] = [];
  for (let c = 0; c < width; c++) {
    slots.push({ col: at.col + c, first: at.row, end: at.row + cells.length, load() {}, value: (row) => cells[row - at.row][c] });
  }
  return slots;
}

/** A formula column's cells when not an exception (shared formula) */
const FORMULA: Cell = { kind: "formula", formula: "" };

function tableSlots(table: ColumnBlock): Slot[] {
  const { at, rows } = table;
  return table.columns.map((column, i): Slot => {
    const col = at.col + i;
    const slot: Slot = { col, first: at.row, end: at.row + rows, load() {}, value: () => undefined };
    if (column.kind === "data") {
      let chunk: Cell[] = [];
      let from = 0;
      slot.load = (f, t) => {
        from = f;
        chunk = column.valuesAt(f - at.row, t - at.row);
      };
      slot.value = (row) => chunk[row - from];
      return slot;
    }
    const exceptions = column.exceptions ?? [];
    let p = 0;
    slot.value = (row) => {
      const rel = row - at.row;
      while (p < exceptions.length && exceptions[p].row < rel) p++;
      return p < exceptions.length && exceptions[p].row === rel ? exceptions[p].cell : FORMULA;
    };
    // The master is the first row that is not an exception.
    let master = 0;
    for (const e of exceptions) if (e.row === master) master++;
    if (master < rows) {
      const from = at.row + master;
      const to = at.row + rows - 1;
      slot.shared = { from, to, si: -1, formula: rowFormulas(column.formula)(master), ref: from === to ? cellAddress(from, col) : `${cellAddress(from, col)}:${cellAddress(to, col)}` };
    }
    return slot;
  });
}

/** Rows with the same styles: `looks[col]` is every column's look there. */
interface Segment {
  first: number;
  end: number;
  looks: CellLook[];
  /** Columns whose empty cells must still be written (a header fill over a blank cell). */
  styled: number[];
  xf: Int32Array;
}

export interface Context {
  plan: WorkbookPlan;
  styles: StyleRegistry;
  nonFinite: NonFinite[];
}

/**
 * Emits the worksheet XML of `sheet` into `sink`, yielding the number of rows
 * written after each chunk. `tabSelected`: the sheet is the one shown on open.
 */
export function* sheetXml(sheet: SheetPlan, ctx: Context, sink: (xml: string) => void, tabSelected = false): Generator<number, void> {
  const rows = sheetRows(sheet, ctx);
  sink(head(sheet, ctx, rows.lastRow, rows.lastCol, tabSelected));
  yield* rows.emit(sink);
  sink(tail(sheet, ctx));
}

/**
 * The `<row>` elements of a plan sheet's cells, from its first written row:
 * its last row and column, and `emit`, which streams them into `sink`
 * (yielding rows written). `siBase`: the first shared-formula index to use
 * (a sheet appended to has its own).
 */
export function sheetRows(sheet: SheetPlan, ctx: Context, siBase = 0): { lastRow: number; lastCol: number; emit(sink: (xml: string) => void): Generator<number, void> } {
  const slots = [...sheet.blocks.flatMap(blockSlots), ...(sheet.tables ?? []).flatMap(tableSlots)];
  // Stable sort by column: for one cell, the later block wins (as blocks are applied in order).
  slots.sort((a, b) => a.col - b.col);
  let si = siBase;
  for (const s of slots) if (s.shared) s.shared.si = si++;

  const lastRow = Math.max(-1, ...slots.map((s) => s.end - 1), ...sheet.styles.map((s) => s.range.row + s.range.rows - 1), ...(sheet.rowHeights ?? []).map((h) => h.row));
  const lastCol = Math.max(0, ...slots.map((s) => s.col), ...sheet.styles.map((s) => s.range.col + s.range.cols - 1), ...sheet.columns.map((c) => c.col));
  const firstRow = Math.min(lastRow + 1, ...slots.map((s) => s.first), ...sheet.styles.map((s) => s.range.row), ...(sheet.rowHeights ?? []).map((h) => h.row));
  return { lastRow, lastCol, emit: (sink) => emitRows(sheet, ctx, sink, slots, firstRow, lastRow, lastCol) };
}

function* emitRows(sheet: SheetPlan, ctx: Context, sink: (xml: string) => void, slots: Slot[], firstRow: number, lastRow: number, lastCol: number): Generator<number, void> {
  const segments = segmentsOf(sheet, lastRow, lastCol, ctx);
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const letters = Array.from({ length: lastCol + 1 }, (_, c) => columnLetter(c));
  let out: string[] = [];
  let segIndex = 0;
  let sinceYield = 0;
  for (let from = firstRow; from <= lastRow; from += ROWS_PER_PIECE) {
    const to = Math.min(lastRow + 1, from + ROWS_PER_PIECE);
    const active = slots.filter((s) => s.first < to && s.end > from);
    for (const s of active) s.load(Math.max(from, s.first), Math.min(to, s.end));
    for (let row = from; row < to; row++) {
      while (segments[segIndex].end <= row) segIndex++;
      const seg = segments[segIndex];
      const rowXml = writeRow(row, active, seg, letters, sheet.name, ctx);
      const height = heights.get(row);
      if (!rowXml && height === undefined) continue;
      out.push(`<row r="${row + 1}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>${rowXml}</row>`);
    }
    sink(out.join(""));
    out = [];
    sinceYield += to - from;
    if (sinceYield >= ROWS_PER_CHUNK || to > lastRow) {
      yield sinceYield;
      sinceYield = 0;
    }
  }
}

function writeRow(row: number, slots: Slot[], seg: Segment, letters: string[], sheetName: string, ctx: Context): string {
  let xml = "";
  const r = String(row + 1);
  let st = 0;
  const styled = seg.styled;
  const emitStyledUpTo = (col: number) => {
    while (st < styled.length && styled[st] < col) {
      xml += `<c r="${letters[styled[st]]}${r}" s="${xfOf(seg, styled[st], undefined, ctx)}"/>`;
      st++;
    }
  };
  for (let i = 0; i < slots.length; ) {
    const col = slots[i].col;
    let value: Cell | undefined;
    let from: Slot | undefined;
    for (; i < slots.length && slots[i].col === col; i++) {
      const s = slots[i];
      if (row < s.first || row >= s.end) continue;
      const v = s.value(row);
      if (v !== null && v !== undefined) {
        value = v;
        from = s;
      }
    }
    if (value === undefined || value === null) continue;
    emitStyledUpTo(col);
    if (st < styled.length && styled[st] === col) st++;
    const shared = from!.shared;
    // Most cells of a big table: a shared formula below its master, the same text but the row.
    if (value === FORMULA && shared && row > shared.from && row <= shared.to) xml += `<c r="${letters[col]}${r}${sharedTail(from!, seg, col, ctx)}`;
    else xml += cellXml(value, `${letters[col]}${r}`, seg, col, from!, row, sheetName, ctx);
  }
  emitStyledUpTo(Number.MAX_SAFE_INTEGER);
  return xml;
}

function sharedTail(slot: Slot, seg: Segment, col: number, ctx: Context): string {
  if (slot.tail?.seg !== seg) {
    const xf = xfOf(seg, col, undefined, ctx);
    slot.tail = { seg, text: `"${xf ? ` s="${xf}"` : ""}><f t="shared" si="${slot.shared!.si}"/></c>` };
  }
  return slot.tail.text;
}

function xfOf(seg: Segment, col: number, ownFormat: string | undefined, ctx: Context): number {
  if (ownFormat === undefined) {
    let xf = seg.xf[col];
    if (xf < 0) xf = seg.xf[col] = ctx.styles.xf(seg.looks[col]);
    return xf;
  }
  return ctx.styles.xf({ ...seg.looks[col], numFmt: ownFormat });
}

function cellXml(cell: Cell, ref: string, seg: Segment, col: number, slot: Slot, row: number, sheetName: string, ctx: Context): string {
  const s = (own?: string) => {
    const xf = xfOf(seg, col, own, ctx);
    return xf ? ` s="${xf}"` : "";
  };
  switch (typeof cell) {
    case "string":
      return inlineString(ref, s(), cell);
    case "number":
      if (!Number.isFinite(cell)) {
        ctx.nonFinite.push({ sheet: sheetName, address: ref, value: cell });
        return `<c r="${ref}"${s()} t="e"><v>#NUM!</v></c>`;
      }
      return `<c r="${ref}"${s()}><v>${cell}</v></c>`;
    case "boolean":
      return `<c r="${ref}"${s()} t="b"><v>${cell ? 1 : 0}</v></c>`;
  }
  const c = cell!;
  switch (c.kind) {
    case "formula": {
      const shared = slot.shared;
      if (shared && row >= shared.from && row <= shared.to) {
        return row === shared.from
          ? `<c r="${ref}"${s()}><f t="shared" ref="${shared.ref}" si="${shared.si}">${escapeText(shared.formula)}</f></c>`
          : `<c r="${ref}"${s()}><f t="shared" si="${shared.si}"/></c>`;
      }
      return `<c r="${ref}"${s()}><f>${escapeText(c.formula)}</f></c>`;
    }
    case "text":
      return inlineString(ref, s("@"), c.text);
    case "formatted":
      if (typeof c.value === "string") return inlineString(ref, s(c.numberFormat), c.value);
      if (!Number.isFinite(c.value)) {
        ctx.nonFinite.push({ sheet: sheetName, address: ref, value: c.value });
        return `<c r="${ref}"${s(c.numberFormat)} t="e"><v>#NUM!</v></c>`;
      }
      return `<c r="${ref}"${s(c.numberFormat)}><v>${c.value}</v></c>`;
  }
}

/** Cuts the rows where styles change (range styles, row-limited number formats) and resolves each column's look there. */
function segmentsOf(sheet: SheetPlan, lastRow: number, lastCol: number, ctx: Context): Segment[] {
  const cuts = new Set<number>([0, lastRow + 1]);
  for (const s of sheet.styles) {
    cuts.add(s.range.row);
    cuts.add(s.range.row + s.range.rows - 1); // a bottom border is on the last row only
    cuts.add(s.range.row + s.range.rows);
  }
  for (const c of sheet.columns) {
    if (!c.rows) continue;
    cuts.add(c.rows.first);
    cuts.add(c.rows.last + 1);
  }
  const rows = [...cuts].filter((r) => r >= 0 && r <= lastRow + 1).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < rows.length - 1; i++) {
    const first = rows[i];
    const looks: CellLook[] = [];
    const styled = new Set<number>();
    for (let col = 0; col <= lastCol; col++) looks.push(columnLook(sheet.columns, col, first));
    for (const style of sheet.styles) {
      const { range } = style;
      if (first < range.row || first >= range.row + range.rows) continue;
      for (let col = range.col; col < range.col + range.cols; col++) {
        looks[col] = withRangeStyle(looks[col], style, first === range.row + range.rows - 1, ctx.plan.font);
        styled.add(col);
      }
    }
    segments.push({ first, end: rows[i + 1], looks, styled: [...styled].sort((a, b) => a - b), xf: new Int32Array(lastCol + 1).fill(-1) });
  }
  // Rows past the last (none are written) still need a segment to look at.
  segments.push({ first: lastRow + 1, end: Number.MAX_SAFE_INTEGER, looks: [], styled: [], xf: new Int32Array(0) });
  return segments;
}

/** A column's own look in a row: its alignment and the number format covering that row. */
function columnLook(columns: readonly ColumnFormat[], col: number, row: number): CellLook {
  const look: CellLook = {};
  for (const c of columns) {
    if (c.col !== col) continue;
    if (c.numberFormat && (!c.rows || (row >= c.rows.first && row <= c.rows.last))) look.numFmt = c.numberFormat;
    if (c.align) look.align = c.align;
  }
  return look;
}

function withRangeStyle(look: CellLook, style: RangeStyle, lastRowOfRange: boolean, font: WorkbookPlan["font"]): CellLook {
  const next: CellLook = { ...look };
  if (style.fill) next.fill = style.fill;
  if (style.fontColor !== undefined || style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined) {
    next.font = {
      ...(font ? { name: font.name, size: font.size } : {}),
      ...look.font,
      ...(style.fontColor ? { color: style.fontColor } : {}),
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
    };
  }
  if (style.wrap !== undefined || style.align !== undefined) {
    if (style.wrap !== undefined) next.wrap = style.wrap;
    if (style.align) next.align = style.align;
    next.vertical = "middle";
  }
  if (style.border) {
    const all = style.border.edges === "all";
    if (all || lastRowOfRange) next.border = { color: style.border.color, top: all || !!look.border?.top, left: all || !!look.border?.left, right: all || !!look.border?.right, bottom: true };
  }
  return next;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Everything before the rows: sheet properties, dimension, view, widths. */
function head(sheet: SheetPlan, ctx: Context, lastRow: number, lastCol: number, tabSelected: boolean): string {
  const pr =
    (sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.replace(/^#/, "").toUpperCase()}"/>` : "") + (sheet.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : "");
  const dim = lastRow < 0 ? "A1" : rangeAddress({ row: 0, col: 0, rows: lastRow + 1, cols: lastCol + 1 });
  let pane = "";
  const f = sheet.freeze;
  if (f && (f.rows || f.cols)) {
    const active = f.rows && f.cols ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
    pane = `<pane${f.cols ? ` xSplit="${f.cols}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""} topLeftCell="${cellAddress(f.rows, f.cols)}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
  }
  const view = `<sheetView${sheet.hideGridlines ? ' showGridLines="0"' : ""}${tabSelected ? ' tabSelected="1"' : ""} workbookViewId="0"${pane ? `>${pane}</sheetView>` : "/>"}`;
  const cols = [...new Set(sheet.columns.map((c) => c.col))]
    .sort((a, b) => a - b)
    .map((col) => {
      const width = sheet.columns.find((c) => c.col === col && c.width !== undefined)?.width;
      const look: CellLook = {};
      for (const c of sheet.columns) {
        if (c.col !== col) continue;
        if (c.numberFormat && !c.rows) look.numFmt = c.numberFormat;
        if (c.align) look.align = c.align;
      }
      const xf = ctx.styles.xf(look);
      if (width === undefined && !xf) return "";
      return `<col min="${col + 1}" max="${col + 1}"${width === undefined ? ' width="9.140625"' : ` width="${width}" customWidth="1"`}${xf ? ` style="${xf}"` : ""}/>`;
    })
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet ${NS}>${pr ? `<sheetPr>${pr}</sheetPr>` : ""}<dimension ref="${dim}"/><sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`
  );
}

/** Everything after the rows, in the schema's order. */
function tail(sheet: SheetPlan, ctx: Context): string {
  let xml = "</sheetData>";
  if (sheet.autoFilter) xml += `<autoFilter ref="${rangeAddress(sheet.autoFilter)}"/>`;
  xml += sheet.rules.map((r) => conditional(r, ctx)).join("");
  if (sheet.validations?.length) xml += `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validation).join("")}</dataValidations>`;
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const p = sheet.print;
  if (p) xml += `<pageSetup orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
  return xml + "</worksheet>";
}

function conditional(rule: ConditionalRule, ctx: Context): string {
  const sqref = rangeAddress(rule.range);
  if (rule.kind === "formula") {
    const dxf = ctx.styles.dxf({ fill: rule.fill, fontColor: rule.fontColor, bold: rule.bold });
    return `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxf}" priority="${rule.priority}"${rule.stopIfTrue ? ' stopIfTrue="1"' : ""}><formula>${escapeText(rule.formula)}</formula></cfRule></conditionalFormatting>`;
  }
  const max = rule.max === undefined ? '<cfvo type="max"/>' : `<cfvo type="num" val="${rule.max}"/>`;
  return `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${rule.priority}"><dataBar><cfvo type="num" val="0"/>${max}<color rgb="FF${rule.color.replace(/^#/, "").toUpperCase()}"/></dataBar></cfRule></conditionalFormatting>`;
}

function validation(v: DataValidation): string {
  const r = v.rule;
  let kind: string;
  let formulas: (string | number)[];
  let operator = "";
  switch (r.kind) {
    case "list":
      kind = "list";
      formulas = [r.source];
      break;
    case "number":
      kind = r.whole ? "whole" : "decimal";
      formulas = r.max === undefined ? [r.min] : [r.min, r.max];
      operator = r.max === undefined ? "greaterThanOrEqual" : "between";
      break;
    case "date":
      kind = "date";
      formulas = [r.min];
      operator = "greaterThanOrEqual";
      break;
  }
  const attrs =
    `type="${kind}"${operator && operator !== "between" ? ` operator="${operator}"` : ""} allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop"` +
    ` errorTitle="${escapeAttr(v.error.title)}" error="${escapeAttr(v.error.message)}" promptTitle="${escapeAttr(v.prompt.title)}" prompt="${escapeAttr(v.prompt.message)}" sqref="${rangeAddress(v.range)}"`;
  return `<dataValidation ${attrs}>${formulas.map((f, i) => `<formula${i + 1}>${escapeText(String(f))}</formula${i + 1}>`).join("")}</dataValidation>`;
}
