/**
 * How the playground draws the sheets a run created. The file holds live
 * formulas without cached values (Excel, WPS and LibreOffice compute them on
 * open); a browser has no spreadsheet engine, so the grids show the same plan
 * built with the engine's values (`staticValues`), which the formulas reproduce.
 * Tier colours come from the plan's meaning, never from parsing its formulas:
 * each tier's colour rule says which tier values it colours, and the table says
 * which of its columns is the tier.
 */
import { plan as tierPlan } from "../core/pipeline";
import { serialDate } from "../core/plan/cells";
import { cellBlocks } from "../core/plan/columns";
import type { Cell, ColumnFormat, SheetPlan } from "../core/plan/types";
import type { CellValue } from "../core/parse/values";
import { shownValue } from "../core/parse/cell";
import type { SheetGrid } from "../core/sheet/types";
import type { GenerationResult } from "../taskpane/state/useWorkflow";
import { percent } from "../taskpane/state/display";

export interface CellFill {
  fill: string;
  ink: string;
}

export interface SheetDisplay {
  grid: SheetGrid;
  /** `row,col` (0-based) → colours. */
  fills: Map<string, CellFill>;
}

/**
 * Display grids of the created sheets, by the names they have in the workbook:
 * the written plan's cells, each formula shown with the value the engine gave
 * the same cell of the static plan (the two plans share their layout).
 */
export function createdSheets(result: GenerationResult): Map<string, SheetDisplay> {
  const values = tierPlan(result.scored, { lang: result.scored.lang, staticValues: true });
  const out = new Map<string, SheetDisplay>();
  for (const sheet of result.plan.sheets) {
    const computed = values.sheets.find((s) => s.role === sheet.role);
    const grid = sheetGrid(sheet, computed ? cellsOf(computed) : new Map());
    out.set(sheet.name, { grid, fills: ruleFills(sheet, grid) });
  }
  return out;
}

/** Every cell of a sheet plan by `row,col`. */
function cellsOf(sheet: SheetPlan): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const block of cellBlocks(sheet)) {
    block.cells.forEach((row, r) => row.forEach((cell, c) => cells.set(`${block.at.row + r},${block.at.col + c}`, cell)));
  }
  return cells;
}

function sheetGrid(sheet: SheetPlan, computed: Map<string, Cell>): SheetGrid {
  const values: CellValue[][] = [];
  for (const [key, written] of cellsOf(sheet)) {
    const [r, c] = key.split(",").map(Number);
    const cell = written !== null && typeof written === "object" && written.kind === "formula" ? (computed.get(key) ?? null) : written;
    (values[r] ??= [])[c] = shown(cell, formatAt(sheet.columns, r, c));
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name: sheet.name, values };
}

function formatAt(columns: ColumnFormat[], row: number, col: number): string | undefined {
  return columns.find((f) => f.col === col && (!f.rows || (row >= f.rows.first && row <= f.rows.last)))?.numberFormat;
}

/** A plan cell as the sheet shows it: dates and percentages by their format, formulas (none in a static plan but the odd total) empty. */
function shown(cell: Cell, columnFormat: string | undefined): CellValue {
  if (cell === null || typeof cell !== "object") return cell;
  if (cell.kind === "text") return cell.text;
  if (cell.kind === "formula") return null;
  const format = cell.numberFormat || columnFormat || "";
  if (typeof cell.value !== "number") return cell.value;
  return formatted(cell.value, format);
}

function formatted(value: number, format: string): CellValue {
  if (/%/.test(format)) return percent(value);
  if (/y{2}|d{1,2}[-/]|m{1,2}[-/]d/i.test(format.replace(/\[[^\]]*\]/g, ""))) return shownValue(serialDate(value));
  return value;
}

/** Sheet column of the table column holding the tier (the grade shown), if the sheet has one. */
function tierColumn(sheet: SheetPlan): number | undefined {
  for (const table of sheet.tables ?? []) {
    const i = table.columns.findIndex((c) => c.role === "tier");
    if (i >= 0) return table.at.col + i;
  }
  return undefined;
}

function ruleFills(sheet: SheetPlan, grid: SheetGrid): Map<string, CellFill> {
  const fills = new Map<string, CellFill>();
  const col = tierColumn(sheet);
  if (col === undefined) return fills;
  const rules = [...sheet.rules].sort((a, b) => a.priority - b.priority);
  for (const rule of rules) {
    if (rule.kind !== "formula" || !rule.fill || !rule.tier) continue;
    const values = new Set(rule.tier.values);
    for (let r = rule.range.row; r < rule.range.row + rule.range.rows; r++) {
      const v = grid.values[r]?.[col];
      if (!values.has(typeof v === "string" ? v : String(v ?? ""))) continue;
      for (let c = rule.range.col; c < rule.range.col + rule.range.cols; c++) {
        const key = `${r},${c}`;
        if (!fills.has(key)) fills.set(key, { fill: rule.fill, ink: rule.fontColor ?? "#000000" });
      }
    }
  }
  return fills;
}
