import { excelError, isBlank, normalizeCellText, shownValue, type CellValue, type ParseResult } from "./cell";
import { ambiguousDayMonth, emptyCell, excelErrorValue, fictitiousLeapDay, NOUNS, noSuchDay, notValid, serialOutOfRange } from "./messages";

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system for serials after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 1; // 1900-01-01
const SERIAL_MAX = 2_958_465; // 9999-12-31
const FICTITIOUS_LEAP_DAY = 60;

/** Optional time of day after a date: `14:30`, `2:30:15 pm`, `T08:00:00.000Z`, `+08:00`. Read, then dropped. */
const TIME = String.raw`(?:(?:\s+|t)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
/** `2024-03-01`, `2024/3/1`, `2024.3.1`: year first, the same separator twice. */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
/** `2024年3月1日`, `2024年03月01号`. */
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);
/** `3/1/2024`, `01-03-24`: month/day or day/month cannot be told apart, so these are refused with a hint. */
const YEAR_LAST = new RegExp(String.raw`^\d{1,2}([-/.])\d{1,2}\1(?:\d{2}|\d{4})${TIME}$`);

/**
 * Reads a date from a cell: an Excel serial (1900 system), a JS Date, or text
 * written year first. The result is the calendar day at UTC midnight; a time of
 * day is accepted and dropped (the models work in whole days). Never throws.
 */
export function parseDate(raw: CellValue): ParseResult<Date> {
  if (raw instanceof Date) {
    // A Date is read by its UTC calendar day: exceljs builds cell dates in UTC.
    const day = Number.isNaN(raw.getTime()) ? undefined : utcDay(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    return day ? { ok: true, value: day, converted: false } : { ok: false, message: notValid(shownValue(raw), NOUNS.date) };
  }
  if (typeof raw === "number") return fromSerial(raw);
  const error = excelError(raw);
  if (error !== undefined) return { ok: false, message: excelErrorValue(error, NOUNS.date) };
  if (isBlank(raw)) return { ok: false, message: emptyCell(NOUNS.date) };
  // Numeric text is not taken as a serial: `2024` in a CSV is a year or a typo, not 1905-07-16.
  return typeof raw === "string" ? fromText(raw) : { ok: false, message: notValid(shownValue(raw), NOUNS.date) };
}

/** The date Excel shows for a serial; the fraction (time of day) is dropped. */
function fromSerial(serial: number): ParseResult<Date> {
  const shown = shownValue(serial);
  if (!Number.isFinite(serial)) return { ok: false, message: notValid(shown, NOUNS.date) };
  const day = Math.floor(serial);
  if (day < SERIAL_MIN || day > SERIAL_MAX) return { ok: false, message: serialOutOfRange(shown, SERIAL_MIN, SERIAL_MAX) };
  if (day === FICTITIOUS_LEAP_DAY) return { ok: false, message: fictitiousLeapDay(shown) };
  // Excel counts 1900 as a leap year (Lotus 1-2-3 compatibility): serials before its 1900-02-29 are one day behind.
  const offset = day < FICTITIOUS_LEAP_DAY ? day + 1 : day;
  return { ok: true, value: new Date(EXCEL_EPOCH + offset * MS_PER_DAY), converted: true };
}

function fromText(raw: string): ParseResult<Date> {
  const s = normalizeCellText(raw);
  const shown = shownValue(raw);
  const m = YEAR_FIRST.exec(s);
  const parts = m ? [m[1], m[3], m[4], ...m.slice(5)] : CHINESE.exec(s)?.slice(1);
  if (!parts) {
    return { ok: false, message: YEAR_LAST.test(s) ? ambiguousDayMonth(shown) : notValid(shown, NOUNS.date) };
  }
  const [year, month, day, hour, minute, second, half] = parts;
  if (!validTime(hour, minute, second, half)) return { ok: false, message: notValid(shown, NOUNS.date) };
  const date = utcDay(Number(year), Number(month), Number(day));
  return date ? { ok: true, value: date, converted: true } : { ok: false, message: noSuchDay(shown) };
}

function validTime(hour: string | undefined, minute: string | undefined, second: string | undefined, half: string | undefined): boolean {
  if (hour === undefined) return true;
  const h = Number(hour);
  const hourOk = half ? h >= 1 && h <= 12 : h <= 23;
  return hourOk && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);
}

/** UTC midnight of year-month-day (month 1–12), or undefined when that day does not exist or is outside 1900–9999. */
function utcDay(year: number, month: number, day: number): Date | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/** Today as the user's calendar day, at UTC midnight like every date `parseDate` returns. */
export function localToday(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
