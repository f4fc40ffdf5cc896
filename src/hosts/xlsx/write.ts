/**
 * The xlsx host's writer (exceljs; Node and browser alike: bytes in, bytes
 * out, no file system). It applies a plan built by core and decides nothing
 * about layout. Source sheets come through untouched; text is written as
 * string cells (never formulas); formulas are written without cached values so
 * that Excel, WPS and LibreOffice compute them on open.
 */
import ExcelJS from "exceljs";
import { cellAddress, rangeAddress } from "../../core/plan/a1";
import type { Cell, CellBlock, ColumnFormat, SheetPlan, WorkbookPlan } from "../../core/plan/types";
import type { SheetGrid } from "../../core/sheet/types";
import type { ApplyOptions } from "../host";
import { HostError } from "../errors";
import { text } from "../../core/model";
import { addConditionalRules, applyRangeStyle, argb } from "./format";
import { saveNames, setMarkers } from "./markers";
import { addValidations } from "./validation";

export { existingSheets, workbookMarkers } from "./markers";

/** Rows written between progress reports (and chances to cancel). */
const ROWS_PER_STEP = 5000;

export async function loadXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A workbook holding the given grids as sheets (a CSV opened as a one-sheet workbook). */
export function workbookFromGrids(grids: readonly SheetGrid[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = workbook.addWorksheet(grid.name);
    const top = grid.origin?.row ?? 0;
    const left = grid.origin?.col ?? 0;
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(top + r + 1, left + c + 1).value = typeof v === "object" && !(v instanceof Date) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      }),
    );
  }
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array>;
/** A plan applied to `source` (or to a new workbook) as .xlsx bytes. */
export async function writeXlsx(plan: WorkbookPlan, source?: ExcelJS.Workbook): Promise<Uint8Array>;
export async function writeXlsx(what: ExcelJS.Workbook | WorkbookPlan, source?: ExcelJS.Workbook): Promise<Uint8Array> {
  let workbook: ExcelJS.Workbook;
  if (what instanceof ExcelJS.Workbook) workbook = what;
  else {
    workbook = source ?? new ExcelJS.Workbook();
    await applyPlan(workbook, what);
  }
  // Formulas carry no cached values: ask Excel to compute everything on open.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  // Fast deflate: a 100,000-row tier sheet compresses 5x quicker at level 1, for a few percent more bytes.
  const out = await workbook.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/** A sheet being replaced: renamed out of the way until the new one is complete, then deleted. */
interface Move {
  old: ExcelJS.Worksheet;
  name: string;
  orderNo: number;
}

/**
 * Applies a plan to an exceljs workbook. A failed or cancelled run removes
 * what it added and puts the replaced sheets and names back.
 */
export async function applyPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan, options: ApplyOptions = {}): Promise<void> {
  const { signal, onProgress } = options;
  const restoreNames = saveNames(workbook);
  const moves: Move[] = [];
  const added: ExcelJS.Worksheet[] = [];
  try {
    checkCancelled(signal);
    for (const [i, sheet] of plan.sheets.entries()) {
      if (sheet.action.kind !== "replace") continue;
      const old = findSheet(workbook, sheet.action.existing);
      if (!old) continue; // gone since the plan was made: create instead
      moves.push({ old, name: old.name, orderNo: (old as unknown as { orderNo: number }).orderNo });
      old.name = `~custtier-old-${i}`;
    }
    for (const sheet of plan.sheets) {
      if (findSheet(workbook, sheet.name)) {
        throw new HostError(text(`工作簿中已有名为“${sheet.name}”的工作表`, `The workbook already has a sheet named "${sheet.name}"`), "already-exists");
      }
      added.push(workbook.addWorksheet(sheet.name));
    }

    const total = plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length, 0), 0);
    let done = 0;
    const progress = async (rows: number) => {
      done += rows;
      onProgress?.({ done, total });
      // Let the page repaint and a cancel click arrive.
      await new Promise((resolve) => setTimeout(resolve, 0));
      checkCancelled(signal);
    };
    for (const [i, sheet] of plan.sheets.entries()) await writeSheet(added[i], sheet, plan, progress);
    checkCancelled(signal);

    // Commit: the old sheets go, the new ones take their places, markers point at the new ones.
    for (const move of moves) {
      const replacement = added[plan.sheets.findIndex((s) => s.action.kind === "replace" && s.action.existing === move.name)];
      workbook.removeWorksheet(move.old.id);
      if (replacement) (replacement as unknown as { orderNo: number }).orderNo = move.orderNo;
    }
    setMarkers(workbook, plan.sheets.map((s, i) => ({ sheet: added[i].name, marker: s.marker })));
    const active = added.findIndex((ws) => ws.name === plan.activate);
    if (active >= 0) workbook.views = [{ ...(workbook.views?.[0] ?? {}), activeTab: tabIndex(workbook, added[active]) } as ExcelJS.WorkbookView];
  } catch (e) {
    for (const ws of added) workbook.removeWorksheet(ws.id);
    for (const move of moves) move.old.name = move.name;
    restoreNames();
    throw e;
  }
}

function checkCancelled(signal: ApplyOptions["signal"]): void {
  if (signal?.aborted) throw new HostError(text("已取消，工作簿未做任何修改", "Cancelled: the workbook was left as it was"), "cancelled");
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

function tabIndex(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet): number {
  return workbook.worksheets.indexOf(ws);
}

async function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, plan: WorkbookPlan, progress: (rows: number) => Promise<void>): Promise<void> {
  // The plan's font goes to the styled ranges (titles, headers, rule tables) only: a font on every
  // cell of a 100,000-row sheet costs exceljs seconds, and data cells read well in the default font.
  const font: Partial<ExcelJS.Font> | undefined = plan.font ? { name: plan.font.name, size: plan.font.size } : undefined;
  // Column-wide formats first (cells inherit them as they are created), then the cells, then ranges.
  for (const col of sheet.columns) {
    const column = ws.getColumn(col.col + 1);
    if (col.width !== undefined) column.width = col.width;
    if (col.numberFormat && !col.rows) column.numFmt = col.numberFormat;
    if (col.align) column.alignment = { horizontal: col.align };
  }
  const rowFormats = sheet.columns.filter((c) => c.numberFormat && c.rows);
  for (const block of sheet.blocks) await writeBlock(ws, block, rowFormats, progress);
  for (const style of sheet.styles) applyRangeStyle(ws, style, font);
  for (const { row, height } of sheet.rowHeights ?? []) ws.getRow(row + 1).height = height;
  addConditionalRules(ws, sheet.rules);
  if (sheet.validations) addValidations(ws, sheet.validations);
  if (sheet.autoFilter) ws.autoFilter = rangeAddress(sheet.autoFilter);
  const view: Partial<ExcelJS.WorksheetView> = sheet.freeze && (sheet.freeze.rows || sheet.freeze.cols)
    ? { state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }
    : { state: "normal" };
  if (sheet.hideGridlines) view.showGridLines = false;
  ws.views = [view as ExcelJS.WorksheetView];
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  // sheet.chart: exceljs cannot write charts; files show the data bars instead.
}

async function writeBlock(ws: ExcelJS.Worksheet, block: CellBlock, rowFormats: ColumnFormat[], progress: (rows: number) => Promise<void>): Promise<void> {
  const { cells, at } = block;
  // Per block column: the number format its data rows take, if any.
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  const formatsByCol = Array.from({ length: width }, (_, c) => rowFormats.filter((f) => f.col === at.col + c));
  // Formulas filled down are written once, as a shared formula: the file stays small and fast to write.
  const sharedFrom = new Array<{ first: number; last: number; master: string } | undefined>(width);
  for (const f of block.filledDown ?? []) {
    const master = cells[f.first]?.[f.col];
    if (f.last <= f.first || typeof master !== "object" || master === null || master.kind !== "formula") continue;
    sharedFrom[f.col] = { first: f.first, last: f.last, master: cellAddress(at.row + f.first, at.col + f.col) };
  }
  const styleOf = sharedStyles(ws);
  let sinceReport = 0;
  for (let r = 0; r < cells.length; r++) {
    const sheetRow = at.row + r;
    const row = ws.getRow(sheetRow + 1);
    const values = cells[r];
    for (let c = 0; c < values.length; c++) {
      const cell = values[c];
      if (cell === null || cell === undefined) continue;
      const col = at.col + c + 1;
      const target = row.getCell(col);
      const format = formatsByCol[c].find((f) => sheetRow >= f.rows!.first && sheetRow <= f.rows!.last)?.numberFormat;
      const shared = sharedFrom[c];
      if (shared && r >= shared.first && r <= shared.last && typeof cell === "object" && cell.kind === "formula") {
        target.value =
          r === shared.first
            ? ({ formula: cell.formula, shareType: "shared", ref: `${shared.master}:${cellAddress(at.row + shared.last, at.col + c)}` } as ExcelJS.CellFormulaValue)
            : ({ sharedFormula: shared.master } as ExcelJS.CellSharedFormulaValue);
        target.style = styleOf(col, format);
        continue;
      }
      target.style = styleOf(col, writeCell(target, cell, format));
    }
    if (++sinceReport === ROWS_PER_STEP) {
      await progress(sinceReport);
      sinceReport = 0;
    }
  }
  if (sinceReport) await progress(sinceReport);
}

/**
 * One style object per (column, number format), shared by every cell that has it.
 * exceljs recognises a style it has seen by object identity; a fresh object per
 * cell made it serialise and look up every cell's style (seconds at 100,000 rows).
 * Whoever changes one cell's style later must give it its own copy (see format.ts).
 */
function sharedStyles(ws: ExcelJS.Worksheet): (col: number, numFmt: string | undefined) => Partial<ExcelJS.Style> {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return (col, numFmt) => {
    const key = `${col}|${numFmt ?? ""}`;
    let style = cache.get(key);
    if (!style) {
      const base = ws.getColumn(col).style ?? {};
      style = numFmt ? { ...base, numFmt } : { ...base };
      cache.set(key, style);
    }
    return style;
  };
}

/** Writes the value; returns the number format the cell needs (its own, or the column's). */
function writeCell(target: ExcelJS.Cell, cell: Cell, columnFormat: string | undefined): string | undefined {
  if (typeof cell !== "object" || cell === null) {
    // A string is always a string cell (shared string): exceljs never turns it into a formula.
    target.value = cell;
    return columnFormat;
  }
  switch (cell.kind) {
    case "formula":
      target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      return columnFormat;
    case "text":
      target.value = cell.text;
      return "@"; // stays text when edited, as in Excel
    case "formatted":
      target.value = cell.value;
      return cell.numberFormat;
  }
}
