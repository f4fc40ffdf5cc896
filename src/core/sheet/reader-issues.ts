/**
 * Issues a host's reader raises about single cells (SheetGrid.issues): what it
 * had to change to keep the file valid, or could not decode. Each names the
 * row and column as the user sees them and the value.
 */
import type { Issue } from "../issues";
import { EXCEL_MAX_TEXT } from "../limits";
import { text } from "../model";
import { shownValue } from "../parse/values";
import { columnLetter } from "./columns";

function at(row: number, col: number, value: unknown): Pick<Issue, "row" | "columnLetter" | "value"> {
  return { row: row + 1, columnLetter: columnLetter(col), value: shownValue(value) };
}

/** The text cut to Excel's limit, and the warning saying so (0-based row and column). */
export function cutLongText(s: string, row: number, col: number): { text: string; issue: Issue } {
  let end = EXCEL_MAX_TEXT;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never half a surrogate pair
  const n = s.length.toLocaleString("en-US");
  return {
    text: s.slice(0, end),
    issue: {
      severity: "warning",
      ...at(row, col, s),
      message: text(
        `文字有 ${n} 个字符，超过 Excel 单元格上限 32,767，已截断`,
        `The text has ${n} characters, more than the 32,767 an Excel cell holds: it was cut`,
      ),
    },
  };
}

/** A cell whose bytes were not valid in the file's encoding (0-based row and column). */
export function undecodable(value: string, row: number, col: number, encoding: string): Issue {
  return {
    severity: "warning",
    ...at(row, col, value),
    message: text(
      `有无法按 ${encoding.toUpperCase()} 解码的字节，显示为 �；请检查原文件这一处`,
      `Bytes that are not valid ${encoding.toUpperCase()} are shown as �: check this place in the original file`,
    ),
  };
}

/** A number cell beyond what Excel holds (`1e309`, the largest double), kept as text (0-based row and column). */
export function numberTooLarge(value: number, row: number, col: number): Issue {
  return {
    severity: "warning",
    ...at(row, col, value),
    message: text(
      `数字 ${String(value)} 超出 Excel 能存放的最大数字（约 1E+308），按文字读取`,
      `The number ${String(value)} is beyond the largest number Excel can hold (about 1E+308): read as text`,
    ),
  };
}
