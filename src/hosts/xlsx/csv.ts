import Papa from "papaparse";
import type { Issue } from "../../core/issues";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, EXCEL_MAX_TEXT } from "../../core/limits";
import { cutLongText, undecodable } from "../../core/sheet/reader-issues";
import type { SheetGrid } from "../../core/sheet/types";
import { decodeText } from "./encoding";
import { tooLarge } from "./unreadable";

/**
 * One sheet from CSV bytes. Every cell stays text, as typed (control
 * characters too): the value parsers read `12,000` or `2万`, customer codes
 * keep their leading zeros, and a plain `12000` is not counted as converted
 * (see scoreTable). Blank lines are kept so that row numbers are those Excel
 * shows when it opens the file. Text longer than an Excel cell holds is cut,
 * and a byte that is not UTF-8 in a UTF-8 file is named, each with an issue.
 * More rows or columns than an Excel sheet holds is refused (`fileName` names
 * the file in the message): the output would be a workbook Excel calls corrupt.
 */
export function readCsv(bytes: Uint8Array, sheetName: string, fileName = sheetName): SheetGrid {
  const { text, encoding, invalid } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const values = parsed.data;
  // The newline that ends the last line gives one empty record: not a row.
  while (values.length && values[values.length - 1].every((cell) => cell.trim() === "")) values.pop();
  if (values.length > EXCEL_MAX_ROWS) throw tooLarge(fileName, fileName, values.length, EXCEL_MAX_ROWS, "rows");
  let cols = 0;
  for (const row of values) if (row.length > cols) cols = row.length;
  if (cols > EXCEL_MAX_COLS) throw tooLarge(fileName, fileName, cols, EXCEL_MAX_COLS, "columns");
  const issues: Issue[] = [];
  // One pass over the cells only when there is something to find (a long text or a bad byte exists).
  if (invalid > 0 || text.length > EXCEL_MAX_TEXT) {
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (invalid > 0 && cell.includes("\ufffd")) issues.push(undecodable(cell, r, c, encoding));
        if (cell.length > EXCEL_MAX_TEXT) {
          const cut = cutLongText(cell, r, c);
          row[c] = cut.text;
          issues.push(cut.issue);
        }
      }
    }
  }
  const grid: SheetGrid = { name: sheetName, values, encoding };
  if (issues.length) grid.issues = issues;
  return grid;
}
