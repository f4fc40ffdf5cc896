/** Building plan cells: text that stays text, formulas, dates as serial numbers. */
import { EXCEL_MAX_NUMBER } from "../limits";
import { ExcelDate } from "../parse/excel-date";
import type { Cell, FormattedCell, FormulaCell, TextCell } from "./types";

/**
 * Text a spreadsheet would not keep as typed: a formula or sign prefix
 * (`=`, `+`, `-`, `@`), a leading apostrophe or space, something that reads as
 * a number, date, percentage or boolean (`00123`, `1/2`, `TRUE`).
 */
const WOULD_BE_CONVERTED = /^([=+\-@'\s]|[0-9.,(¥￥$%]|(true|false)$|#)/i;

/** A text cell: plain string when safe, an explicit `TextCell` otherwise. */
export function textCell(s: string): string | TextCell {
  return WOULD_BE_CONVERTED.test(s) ? { kind: "text", text: s } : s;
}

/**
 * A number as a cell. Beyond Excel's largest number (or not finite) it is
 * written as its text: Excel calls a file with `1.8e308`, `Infinity` or `NaN` in a number cell corrupt.
 */
export function numberCell(n: number): number | TextCell {
  return Math.abs(n) <= EXCEL_MAX_NUMBER ? n : { kind: "text", text: String(n) };
}

export function formulaCell(formula: string): FormulaCell {
  return { kind: "formula", formula };
}

export function formattedCell(value: number | string, numberFormat: string): FormattedCell {
  return { kind: "formatted", value, numberFormat };
}

/** The text a cell shows when it is not a formula (for widths and tests). */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell !== "object") return String(cell);
  switch (cell.kind) {
    case "formula":
      return "";
    case "text":
      return cell.text;
    case "formatted":
      return String(cell.value);
  }
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Excel serial day number of a date. Readers hand dates over as the UTC instant
 * of the date shown in the sheet (exceljs does), so UTC keeps the day unchanged.
 */
export function dateSerial(d: Date): number {
  if (d instanceof ExcelDate) return d.serial;
  return (d.getTime() - EXCEL_EPOCH_UTC) / DAY_MS;
}

/** The date of an Excel serial day (for showing plan cells that carry a date format). */
export function serialDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_UTC + serial * DAY_MS);
}
