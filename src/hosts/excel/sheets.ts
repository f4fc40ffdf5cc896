import { MARKER_PREFIX } from "../../core/plan/naming";
import type { SheetInfo } from "../host";
import { parseAddress } from "./address";
import type { ExcelContext } from "./api";

/**
 * The workbook's sheets in tab order, which one is active, and for each the
 * marker of ours (a defined name with core's prefix) pointing at one of its
 * cells, in one sync. Hidden sheets are listed too: core must not create a
 * sheet under a hidden sheet's name.
 */
export async function listSheets(context: ExcelContext): Promise<SheetInfo[]> {
  const { workbook } = context;
  workbook.worksheets.load("items/name,items/position");
  const active = workbook.worksheets.getActiveWorksheet();
  active.load("name");
  workbook.names.load("items/name,items/formula");
  await context.sync();

  const markerOf = new Map<string, string>();
  for (const item of workbook.names.items) {
    if (!isOurs(item.name)) continue;
    const areas = typeof item.formula === "string" ? parseAddress(item.formula) : [];
    const cell = areas.length === 1 && areas[0].range.rows === 1 && areas[0].range.cols === 1 ? areas[0] : undefined;
    if (cell && !markerOf.has(cell.sheet)) markerOf.set(cell.sheet, item.name);
  }
  return [...workbook.worksheets.items]
    .sort((a, b) => a.position - b.position)
    .map((ws) => {
      const info: SheetInfo = { name: ws.name, active: ws.name === active.name };
      const marker = markerOf.get(ws.name);
      if (marker !== undefined) info.marker = marker;
      return info;
    });
}

/** A user's own defined names are never taken for markers. */
function isOurs(name: string): boolean {
  return name.toLowerCase().startsWith(MARKER_PREFIX.toLowerCase());
}

/** Shows a sheet and selects a cell or range in it (A1 by default). */
export async function select(context: ExcelContext, sheet: string, address = "A1"): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}
