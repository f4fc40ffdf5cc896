/** Our sheet markers (workbook-scoped defined names pointing at a sheet's A1) in an xlsx package. */
import type { XlsxPackage } from "./package";
import { markerSheet, type ExistingSheet } from "../../core/plan/naming";

/** Sheet name → the marker of ours pointing into it (a sheet this product made). */
export function workbookMarkers(pkg: XlsxPackage): Map<string, string> {
  const sheets = new Set(pkg.sheets.map((s) => s.name));
  const markers = new Map<string, string>();
  for (const n of pkg.workbook.names) {
    if (n.localSheetId !== undefined) continue;
    const sheet = markerSheet(n.name, n.ref);
    if (sheet !== null && sheets.has(sheet) && !markers.has(sheet)) markers.set(sheet, n.name);
  }
  return markers;
}

/** The workbook's sheets in tab order with their markers: what `buildTierPlan` needs as `existing`. */
export function existingSheets(pkg: XlsxPackage): ExistingSheet[] {
  const markers = workbookMarkers(pkg);
  return pkg.sheets.map(({ name }) => {
    const marker = markers.get(name);
    return marker === undefined ? { name } : { name, marker };
  });
}
