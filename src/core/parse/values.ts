/**
 * Reading values from cells: numbers in the forms people type them, dates,
 * months to a date. Each reader has its own file; this is the entry others import.
 * Decisions (ambiguous forms refused, date orders, months) are in README.md here.
 */
export { isBlank, shownValue, type CellValue, type ParseResult } from "./cell";
export { parseNumber, type NumberContext } from "./number";
export { parseDate, localToday } from "./date";
export { daysUntil, monthsUntil } from "./months";
