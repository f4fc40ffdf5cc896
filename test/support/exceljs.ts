/**
 * Users' workbooks for tests, built and read with exceljs — an independent
 * implementation of the format, so what our package layer writes is checked by
 * code we did not write. Production code never loads exceljs.
 */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/sheet/types";

/** An .xlsx file's bytes read by exceljs. */
export async function loadXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A workbook holding the given grids as sheets. */
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

/** An exceljs workbook saved as a user's .xlsx file. */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
