/**
 * Reading a recalculated tier workbook back, by the headers a user sees, and
 * what the engine says each row should show. Shared by the LibreOffice tests.
 */
import ExcelJS from "exceljs";
import type { Model } from "../../src/core/model";
import type { ScoredTable } from "../../src/core/sheet/types";
import { shown } from "../support/libreoffice";

/** Rows above the customers on the tier sheet: title, legend, header (header = row 3). */
export const HEADER_ROW = 3;

export interface TierSheetView {
  header: string[];
  /** Row i = the i-th customer; cell values by header. */
  rows: Record<string, string | number | boolean>[];
}

export function readTierSheet(workbook: ExcelJS.Workbook, sheetName: string, customers: number): TierSheetView {
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName} in ${workbook.worksheets.map((w) => w.name).join(", ")}`);
  const header: string[] = [];
  ws.getRow(HEADER_ROW).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = String(shown(cell))));
  const rows: TierSheetView["rows"] = [];
  for (let i = 0; i < customers; i++) {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const values: TierSheetView["rows"][number] = {};
    header.forEach((h, c) => (values[h] = shown(row.getCell(c + 1))));
    rows.push(values);
  }
  return { header, rows };
}

/** The engine's ranks, computed here from its scores and tiers: 1 + customers strictly ahead. */
export function engineRanks(model: Model, scored: ScoredTable): (number | "")[] {
  const key = (i: number): number | null => {
    const r = scored.rows.at(i).result;
    if (r.tier === null) return null;
    return model.combine === "sum" ? -(r.score as number) : model.tiers.findIndex((t) => t.id === r.tier);
  };
  const keys = scored.rows.map((_, i) => key(i));
  return keys.map((k) => (k === null ? "" : 1 + keys.filter((o) => o !== null && o < k).length));
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Columns of a sheet by header text (1-based), from its header row; a missing header throws, naming the headers there are. */
export function headerColumns(ws: ExcelJS.Worksheet, headerRow: number): (header: string) => number {
  const map = new Map<string, number>();
  ws.getRow(headerRow).eachCell((cell, col) => map.set(String(shown(cell)), col));
  return (header) => {
    const col = map.get(header);
    if (col === undefined) throw new Error(`no column "${header}" in ${[...map.keys()].join(", ")}`);
    return col;
  };
}
