import type { FieldDef, FieldKind } from "../model";
import { excelError, isBlank, isoDay, normalizeCellText, shownValue, type CellValue, type ParseResult } from "./cell";
import { localToday, parseDate } from "./date";
import { formatNumber } from "../text/format";
import { approximateRead, dateAfterAsOf, dateNotNumber, datePassed, emptyCell, EXCEL_MAX_NUMBER, excelErrorValue, monthlyTermRead, nounOf, notValid, NOUNS, tooLarge } from "./messages";
import { daysUntil, monthsUntil } from "./months";
import { readPaymentTerm, withoutEstimate } from "./terms";
import { grammarOf, type NumberGrammar } from "./units";

/**
 * How the field reads dates. A `FieldDef` fits as it is (score.ts passes the field);
 * `today` is for tests and hosts that pin the day, default the local calendar day.
 */
export type NumberContext = Pick<FieldDef, "fromDate"> & { readonly today?: Date };

/** Plain numeric text (`12`, `-3.5`, `1e5`): most cells, read without the slow path. */
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/**
 * The number itself: comma groups of three (`12,000`; `1,2,3` and `12,00` are
 * refused as ambiguous, see the README of parse), space groups (`1 200`) or plain
 * digits, a decimal part, an exponent (`1.5E+04`, Excel's CSV export of big numbers).
 */
const CORE = /((?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?/y;
const GROUPING = /[, ]/g;
const SPACES = /\s+/g;

/**
 * Reads a number from a cell of a field of this kind: `2万`, `¥12,000`, `(1,200)`,
 * `１２３`, `15%`, `30天`, `7单`… Never throws; a failure says why in both languages.
 * With `fromDate: "monthsFromToday"` a date (`2024-09-01`, a Date) becomes the
 * months from today to it, and a past date is refused.
 */
export function parseNumber(raw: CellValue, kind: FieldKind, context?: NumberContext): ParseResult<number> {
  if (context?.fromDate === "daysSince") return daysSinceDate(raw, context);
  if (typeof raw === "number" && Math.abs(raw) <= EXCEL_MAX_NUMBER) {
    // Office.js hands a date cell over as its serial number: in a months-or-date
    // field, 20,000 (a day in 1954) is a date, never a number of months.
    if (raw >= SERIAL_DATE_FLOOR && context?.fromDate === "monthsFromToday") return monthsToDate(raw, raw, context);
    return { ok: true, value: raw, converted: false };
  }
  if (typeof raw === "string") {
    const s = raw.trim();
    const value = PLAIN.test(s) ? Number(s) : readNumberText(s, grammarOf(kind));
    if (value !== undefined && Math.abs(value) <= EXCEL_MAX_NUMBER) return { ok: true, value: value === 0 ? 0 : value, converted: true };
    // `1e309`, `1e308万`: a number, but none Excel (or a double) can hold.
    if (value !== undefined && !Number.isNaN(value)) return { ok: false, message: tooLarge(shownValue(raw), nounOf(kind)) };
    const worded = readWorded(s, kind);
    if (worded) return worded;
  }
  return notANumber(raw, kind, context);
}

/** Payment terms (days fields) and estimates, read with a note where the reading is an assumption. */
function readWorded(raw: string, kind: FieldKind): ParseResult<number> | undefined {
  const s = normalizeCellText(raw);
  const grammar = grammarOf(kind);
  const read = (t: string) => (PLAIN.test(t) ? Number(t) : readNumberText(t, grammar));
  if (kind === "days") {
    const term = readPaymentTerm(s);
    if (term && "days" in term) return { ok: true, value: term.days, converted: true, note: term.assumed ? monthlyTermRead(shownValue(raw), term.days) : undefined };
    const days = term ? read(term.rest) : undefined;
    if (days !== undefined && Math.abs(days) <= EXCEL_MAX_NUMBER) return { ok: true, value: days, converted: true };
  }
  const estimate = withoutEstimate(s);
  const value = estimate === undefined ? undefined : read(estimate);
  if (value === undefined || !(Math.abs(value) <= EXCEL_MAX_NUMBER)) return undefined;
  return { ok: true, value, converted: true, note: approximateRead(shownValue(raw), formatNumber(value)) };
}

/** The number in text written with this grammar, or undefined when the text is not one. */
function readNumberText(raw: string, grammar: NumberGrammar): number | undefined {
  const s = normalizeCellText(raw);
  let i = 0;
  let sign = "";
  let paren = false;
  let prefixed = false;
  // Sign, currency and an accounting parenthesis, each at most once, in any order: `-¥5`, `¥-5`, `(¥5)`.
  for (;;) {
    while (s.charCodeAt(i) === 32) i++;
    const c = s[i];
    if (c === "(" && !paren && sign === "") {
      paren = true;
      i++;
    } else if ((c === "-" || c === "+") && sign === "") {
      sign = c;
      i++;
    } else {
      const prefix = prefixed ? -1 : prefixAt(s, i, grammar.prefixes);
      if (prefix < 0) break;
      prefixed = true;
      i += grammar.prefixes[prefix].length;
    }
  }
  // `(-5)` says negative twice: refuse rather than guess.
  if (paren && sign !== "") return undefined;
  CORE.lastIndex = i;
  const m = CORE.exec(s);
  if (!m) return undefined;
  let end = s.length;
  if (paren) {
    if (s[end - 1] !== ")") return undefined;
    end--;
  }
  const rest = s.slice(CORE.lastIndex, end);
  const power = grammar.suffixes.get(rest === "" ? "" : rest.replace(SPACES, ""));
  if (power === undefined) return undefined;
  const mantissa = m[1].replace(GROUPING, "");
  const exponent = (m[2] === undefined ? 0 : Number(m[2])) + power;
  // Scale by moving the decimal point, not by multiplying: `1.1万` must be 11000, not 11000.000000000002.
  const value = Number(exponent === 0 ? mantissa : `${mantissa}e${exponent}`);
  return sign === "-" || paren ? -value : value;
}

/** Index of the prefix written at position i, or -1 (a loop: this runs for every text cell). */
function prefixAt(s: string, i: number, prefixes: readonly string[]): number {
  for (let k = 0; k < prefixes.length; k++) if (s.startsWith(prefixes[k], i)) return k;
  return -1;
}

/** Why the cell is not a number of this kind, or, for fields that take dates, the months to the date. */
function notANumber(raw: CellValue, kind: FieldKind, context: NumberContext | undefined): ParseResult<number> {
  const fromDate = context?.fromDate === "monthsFromToday";
  const noun = fromDate ? NOUNS.monthsOrDate : nounOf(kind);
  const error = excelError(raw);
  if (error !== undefined) return { ok: false, message: excelErrorValue(error, noun) };
  if (isBlank(raw)) return { ok: false, message: emptyCell(noun) };
  const shown = shownValue(raw);
  if (typeof raw === "number" && !Number.isNaN(raw)) return { ok: false, message: tooLarge(shown, noun) };
  // A number that is not finite would read as a date serial below: refuse it here.
  if ((raw instanceof Date || (typeof raw === "string" && raw.trim() !== "")) && parseDate(raw).ok) {
    return fromDate ? monthsToDate(raw, shown, context) : { ok: false, message: dateNotNumber(shown, noun) };
  }
  return { ok: false, message: notValid(shown, noun) };
}

/** Excel serials from here on are read as dates in months-or-date fields (see parseNumber). */
const SERIAL_DATE_FLOOR = 20000;

/**
 * Days from the date in the cell to today (the as-of day): a date cell, a serial
 * or text written year first; a later date is refused, and numbers are serials
 * (the column holds dates, not days).
 */
function daysSinceDate(raw: CellValue, context: NumberContext): ParseResult<number> {
  const date = parseDate(raw);
  if (!date.ok) return date;
  const today = context.today ?? localToday();
  const days = -daysUntil(date.value, today);
  if (days < 0) return { ok: false, message: dateAfterAsOf(shownValue(raw), isoDay(date.value), isoDay(today)) };
  return { ok: true, value: days === 0 ? 0 : days, converted: true };
}

/** Months from today to the date in the cell; a past date is refused. */
function monthsToDate(raw: CellValue, shown: string | number, context: NumberContext | undefined): ParseResult<number> {
  const date = parseDate(raw);
  if (!date.ok) return date;
  const today = context?.today ?? localToday();
  if (daysUntil(date.value, today) < 0) return { ok: false, message: datePassed(String(shown), isoDay(today)) };
  return { ok: true, value: monthsUntil(date.value, today), converted: true };
}
