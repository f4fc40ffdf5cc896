import { markerSheet } from "../../core/plan/naming";
import type { SheetInfo } from "../host";
import type { ExcelContext } from "./api";

/**
 * The workbook's sheets in tab order, which one is active, and for each the
 * marker of ours (a defined name with core's prefix) pointing into it, in one
 * sync. Hidden sheets are listed too, marked: core must not create a sheet
 * under a hidden sheet's name.
 */
export async function listSheets(context: ExcelContext): Promise<SheetInfo[]> {
  const { workbook } = context;
  workbook.worksheets.load("items/name,items/position,items/visibility");
  const active = workbook.worksheets.getActiveWorksheet();
  active.load("name");
  workbook.names.load("items/name,items/formula");
  await context.sync();

  const markerOf = new Map<string, string>();
  for (const item of workbook.names.items) {
    const sheet = typeof item.formula === "string" ? markerSheet(item.name, item.formula) : null;
    if (sheet !== null && !markerOf.has(sheet)) markerOf.set(sheet, item.name);
  }
  return [...workbook.worksheets.items]
    .sort((a, b) => a.position - b.position)
    .map((ws) => {
      const info: SheetInfo = { name: ws.name, active: ws.name === active.name };
      if (ws.visibility !== "Visible") info.hidden = true;
      const marker = markerOf.get(ws.name);
      if (marker !== undefined) info.marker = marker;
      return info;
    });
}

/** Shows a sheet and selects a cell or range in it (A1 by default). */
export async function select(context: ExcelContext, sheet: string, address = "A1"): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
