import type { FieldKind, Text } from "../model";
import { text } from "../model";

/** A cell as Excel, exceljs or a CSV parser hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined | { error: string };

export type ParseResult<T> =
  | { ok: true; value: T; /** the cell was text that had to be interpreted (`2万`) */ converted: boolean }
  | { ok: false; message: Text };

/** Empty cell, or text that is only white space. */
export function isBlank(raw: CellValue): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

const UNIT_WORDS = /[¥￥$,，\s]|元|rmb|cny|天|days?|d$/gi;

/**
 * Reads a number from a cell. Minimal first version: plain numbers and text
 * with separators, currency signs, 万 and 天. The reading issue extends it.
 */
export function parseNumber(raw: CellValue, _kind: FieldKind): ParseResult<number> {
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { ok: true, value: raw, converted: false } : notANumber(raw);
  }
  if (typeof raw !== "string") return notANumber(raw);
  let s = raw.normalize("NFKC").trim();
  let scale = 1;
  if (s.endsWith("万") || s.endsWith("万元")) {
    scale = 10000;
    s = s.replace(/万元?$/, "");
  }
  s = s.replace(UNIT_WORDS, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return notANumber(raw);
  return { ok: true, value: Number(s) * scale, converted: true };
}

function notANumber(raw: CellValue): ParseResult<never> {
  const shown = typeof raw === "object" && raw !== null && "error" in raw ? raw.error : String(raw);
  return { ok: false, message: text(`“${shown}”不是数字`, `"${shown}" is not a number`) };
}
