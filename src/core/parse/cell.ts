import type { Text } from "../model";

/** A cell as Excel, exceljs or a CSV parser hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined | { error: string };

export type ParseResult<T> =
  | {
      ok: true;
      value: T;
      /** the cell was not already a finite number / valid Date and had to be interpreted (`2万`) */
      converted: boolean;
      /** Read, but worth a look: an estimate (`约3000`), an assumed term (`月结` → 30 days). */
      note?: Text;
    }
  | { ok: false; message: Text };

/** Empty cell, or text that is only white space. */
export function isBlank(raw: CellValue): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** Error values Excel shows in a cell (exceljs hands them as `{ error }`, CSV as text). */
const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

/** The Excel error code the cell holds (`#N/A`, as written), or undefined. */
export function excelError(raw: unknown): string | undefined {
  if (typeof raw === "string") {
    const s = raw.trim();
    return s.startsWith("#") && EXCEL_ERRORS.has(s.toUpperCase()) ? s : undefined;
  }
  if (typeof raw === "object" && raw !== null && !(raw instanceof Date) && typeof (raw as { error?: unknown }).error === "string") {
    return (raw as { error: string }).error;
  }
  return undefined;
}

/** Long text is cut in messages: the issue list must stay readable. */
const SHOWN_MAX = 60;

/** The cell as a user would recognise it in a message: text trimmed, TRUE/FALSE, dates as yyyy-mm-dd. */
export function shownValue(raw: unknown): string {
  if (typeof raw === "string") {
    const s = raw.trim();
    if (s.length <= SHOWN_MAX) return s;
    // Do not cut a surrogate pair in half.
    const cut = /[\ud800-\udbff]/.test(s[SHOWN_MAX - 1]) ? SHOWN_MAX - 1 : SHOWN_MAX;
    return s.slice(0, cut) + "…";
  }
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "Invalid Date" : isoDay(raw);
  if (raw === null || raw === undefined) return "";
  const error = excelError(raw);
  if (error !== undefined) return error;
  try {
    return shownValue(String(raw));
  } catch {
    // Objects without a usable toString (null prototype) still must not throw out of the engine.
    return "?";
  }
}

/** `2024-03-01`: a date by its UTC calendar day, the convention of every date in `parse/`. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Characters NFKC would change that people really type: no-break and other
 * spaces, zero-width marks, the minus sign, small and full-width forms (１２，－￥).
 * Testing for them first spares NFKC on the common `2万` / `30天`.
 */
const NEEDS_FOLDING = /[\u00a0\u2000-\u206f\u2212\u3000\ufe50-\ufe6f\ufeff\uff00-\uffef]/;
const INVISIBLE_OR_MINUS = /[\u200b-\u200d\u2060\ufeff\u2212]/g;

/**
 * Text as typed, with the variants that do not change its meaning folded:
 * full-width digits, signs and letters (NFKC), the minus sign U+2212,
 * zero-width characters; trimmed and lower-cased. Inner spaces are kept
 * because `1 200` (grouping) and `1 2` (junk) must stay apart.
 */
export function normalizeCellText(raw: string): string {
  let s = raw;
  if (NEEDS_FOLDING.test(s)) s = s.normalize("NFKC").replace(INVISIBLE_OR_MINUS, (c) => (c === "\u2212" ? "-" : ""));
  return s.trim().toLowerCase();
}
