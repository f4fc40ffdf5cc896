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
import { cellBlocks, numberFormatAt } from "../core/plan/columns";
import type { Cell, FormulaCell, SheetPlan } from "../core/plan/types";
import type { CellValue } from "../core/parse/values";
import { shownValue } from "../core/parse/cell";
import { rangeFromA1 } from "../core/sheet/columns";
import type { SheetGrid } from "../core/sheet/types";
import type { GenerationResult } from "../taskpane/state/useWorkflow";

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
 * Display grids of the created sheets (not those appended to), by the names they have in the workbook:
 * the written plan's cells, each formula shown with the value the engine gave
 * the same cell of the static plan (the two plans share their layout).
 */
export function createdSheets(result: GenerationResult): Map<string, SheetDisplay> {
  const values = tierPlan(result.scored, { lang: result.scored.lang, staticValues: true });
  const out = new Map<string, SheetDisplay>();
  for (const sheet of result.plan.sheets) {
    // A sheet appended to (the history) holds the user's rows too, which no plan has: it is shown as the host read it back.
    if (sheet.action.kind === "append") continue;
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
  const cells = cellsOf(sheet);
  const set = (key: string, v: CellValue) => {
    const [r, c] = key.split(",").map(Number);
    (values[r] ??= [])[c] = v;
  };
  // Formulas the static plan has no value for (the rules sheet's lookup table) mostly repeat one cell of the same sheet.
  const references: [string, string][] = [];
  for (const [key, written] of cells) {
    const [r, c] = key.split(",").map(Number);
    const format = numberFormatAt(sheet.columns, r, c);
    const cell = isFormula(written) ? (computed.get(key) ?? null) : written;
    if (isFormula(cell)) {
      const ref = sameSheetCell(cell.formula);
      if (ref) references.push([key, ref]);
      else set(key, cell.formula === '""' ? "" : null);
    } else set(key, shown(cell, format));
  }
  for (const [key, ref] of references) {
    const target = rangeFromA1(ref)!;
    set(key, values[target.row]?.[target.col] ?? null);
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name: sheet.name, values };
}

function isFormula(cell: Cell | undefined): cell is FormulaCell {
  return cell !== null && typeof cell === "object" && cell?.kind === "formula";
}

/** `$C$15` or `C15`: a formula that only repeats one cell of its own sheet, whose value the grid already has. */
function sameSheetCell(formula: string): string | null {
  return /^\$?[A-Z]{1,3}\$?\d+$/.test(formula) ? formula.replace(/\$/g, "") : null;
}

/** A plan cell as the sheet shows it: numbers by their cell's or column's format (percentages, dates, a quoted text such as `"-∞"`). */
function shown(cell: Cell, columnFormat: string | undefined): CellValue {
  if (cell === null || typeof cell === "boolean" || typeof cell === "string") return cell;
  if (typeof cell === "number") return formatted(cell, columnFormat ?? "");
  if (cell.kind === "text") return cell.text;
  if (cell.kind === "formula") return null;
  const format = cell.numberFormat || columnFormat || "";
  if (typeof cell.value !== "number") return cell.value;
  return formatted(cell.value, format);
}

/** What Excel shows for `value` under `format`, for the formats our plans use; other numbers stay numbers. */
export function formatted(value: number, format: string): CellValue {
  const literal = /^"([^"]*)"$/.exec(format);
  if (literal) return literal[1];
  const bare = format.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, "");
  if (/%/.test(bare)) {
    // As many decimals as the format has zeros after the point: 0.0% → 25.9%.
    const decimals = /\.(0+)%/.exec(bare)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (/y{2}|d{1,2}[-/]|m{1,2}[-/]d/i.test(bare)) return shownValue(serialDate(value));
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
