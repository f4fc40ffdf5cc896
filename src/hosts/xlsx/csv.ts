import Papa from "papaparse";
import type { SheetGrid } from "../../core/sheet/types";
import { decodeText } from "./encoding";

/**
 * One sheet from CSV bytes. Every cell stays text, as typed: the value parsers
 * read `12,000` or `2万`, customer codes keep their leading zeros, and a plain
 * `12000` is not counted as converted (see scoreTable). Blank lines are kept so
 * that row numbers are those Excel shows when it opens the file.
 */
export function readCsv(bytes: Uint8Array, sheetName: string): SheetGrid {
  const { text } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const values = parsed.data;
  // The newline that ends the last line gives one empty record: not a row.
  while (values.length && values[values.length - 1].every((cell) => cell.trim() === "")) values.pop();
  return { name: sheetName, values };
}
