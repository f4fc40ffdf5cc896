/** Our sheet markers (workbook-scoped defined names pointing at a sheet's A1), in an exceljs workbook or an xlsx package. */
import type ExcelJS from "exceljs";
import type { XlsxPackage } from "./package";
import { markerSheet, type ExistingSheet } from "../../core/plan/naming";

interface NameModel {
  name: string;
  ranges: string[];
}

function names(workbook: ExcelJS.Workbook): NameModel[] {
  return workbook.definedNames.model as NameModel[];
}

function isPackage(w: ExcelJS.Workbook | XlsxPackage): w is XlsxPackage {
  return "entries" in w;
}

/** Sheet name → the marker of ours pointing into it (a sheet this product made). */
export function workbookMarkers(workbook: ExcelJS.Workbook | XlsxPackage): Map<string, string> {
  const sheetNames = isPackage(workbook) ? workbook.sheets.map((s) => s.name) : workbook.worksheets.map((ws) => ws.name);
  const defined = isPackage(workbook)
    ? workbook.workbook.names.filter((n) => n.localSheetId === undefined).map((n) => ({ name: n.name, ranges: [n.ref] }))
    : names(workbook);
  const sheets = new Set(sheetNames);
  const markers = new Map<string, string>();
  for (const n of defined) {
    const sheet = markerSheet(n.name, n.ranges.join(","));
    if (sheet !== null && sheets.has(sheet) && !markers.has(sheet)) markers.set(sheet, n.name);
  }
  return markers;
}

/** The workbook's sheets in tab order with their markers: what `buildTierPlan` needs as `existing`. */
export function existingSheets(workbook: ExcelJS.Workbook | XlsxPackage): ExistingSheet[] {
  const markers = workbookMarkers(workbook);
  const sheetNames = isPackage(workbook) ? workbook.sheets.map((s) => s.name) : workbook.worksheets.map((ws) => ws.name);
  return sheetNames.map((name) => {
    const marker = markers.get(name);
    return marker === undefined ? { name } : { name, marker };
  });
}
