/**
 * A date cell read from a workbook: a Date for everything that reads dates,
 * carrying the serial number exactly as the file stores it, so that copying
 * the cell writes the same number back (a JavaScript Date holds whole
 * milliseconds: `0.020833333333333332` would come back changed in the 12th digit).
 */
export class ExcelDate extends Date {
  constructor(
    readonly serial: number,
    ms: number,
  ) {
    super(ms);
  }
}
