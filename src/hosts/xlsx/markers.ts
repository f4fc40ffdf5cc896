/** Our sheet markers in an exceljs workbook: workbook-scoped defined names pointing at a sheet's A1. */
import type ExcelJS from "exceljs";
import { quoteSheetName, cellAddress } from "../../core/plan/a1";
import { MARKER_PREFIX, type ExistingSheet } from "../../core/plan/naming";
import type { SheetMarker } from "../../core/plan/types";

interface NameModel {
  name: string;
  ranges: string[];
}

/** The sheet a defined-name range points into (`'客户 分级'!$A$1` → `客户 分级`). */
function sheetOf(rangeText: string): string | null {
  const m = /^(?:'((?:[^']|'')*)'|([^!]*))!/.exec(rangeText);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

const isOurs = (name: string) => name.toLowerCase().startsWith(MARKER_PREFIX.toLowerCase());

function names(workbook: ExcelJS.Workbook): NameModel[] {
  return workbook.definedNames.model as NameModel[];
}

/** Sheet name → the marker of ours pointing into it (a sheet this product made). */
export function workbookMarkers(workbook: ExcelJS.Workbook): Map<string, string> {
  const sheets = new Set(workbook.worksheets.map((ws) => ws.name));
  const markers = new Map<string, string>();
  for (const n of names(workbook)) {
    if (!isOurs(n.name)) continue;
    const sheet = n.ranges.length === 1 ? sheetOf(n.ranges[0]) : null;
    if (sheet !== null && sheets.has(sheet) && !markers.has(sheet)) markers.set(sheet, n.name);
  }
  return markers;
}

/** The workbook's sheets in tab order with their markers: what `buildTierPlan` needs as `existing`. */
export function existingSheets(workbook: ExcelJS.Workbook): ExistingSheet[] {
  const markers = workbookMarkers(workbook);
  return workbook.worksheets.map((ws) => {
    const marker = markers.get(ws.name);
    return marker === undefined ? { name: ws.name } : { name: ws.name, marker };
  });
}

/** Points each marker at its sheet, dropping any earlier definition of the same names (a rerun, a #REF! left by a deleted sheet). */
export function setMarkers(workbook: ExcelJS.Workbook, markers: { sheet: string; marker: SheetMarker }[]): void {
  const replaced = new Set(markers.map((m) => m.marker.name.toLowerCase()));
  workbook.definedNames.model = names(workbook).filter((n) => !replaced.has(n.name.toLowerCase())) as never;
  for (const { sheet, marker } of markers) {
    workbook.definedNames.add(`${quoteSheetName(sheet)}!${cellAddress(marker.cell.row, marker.cell.col, true)}`, marker.name);
  }
}

/** Snapshot and restore of the defined names, for rolling back a failed run. */
export function saveNames(workbook: ExcelJS.Workbook): () => void {
  const saved = names(workbook).map((n) => ({ name: n.name, ranges: [...n.ranges] }));
  return () => {
    workbook.definedNames.model = saved as never;
  };
}
