/** Excel's own limits, which every file we write must respect (Excel calls a file beyond them corrupt). */

/** The largest number Excel accepts in a cell (typed or in a file it then saves). */
export const EXCEL_MAX_NUMBER = 9.99999999999999e307;

/** Characters (UTF-16 units) one cell can hold. */
export const EXCEL_MAX_TEXT = 32767;

/** Rows and columns of a sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
