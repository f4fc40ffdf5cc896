/**
 * Order logs (one line per order or order line, customers repeating, a date
 * column) are not customer sheets: tiering each line would grade one customer
 * many times. This tells them apart so that every host can say so instead of
 * pretending. Reading an order log per customer is another job.
 */
import { parseDate, type CellValue } from "../parse/values";
import { fold } from "../text/normalize";
import { cellText } from "./cell-text";
import type { SourceTable } from "./types";

/** Rows looked at: enough to see the pattern, never the whole of a million-row sheet. */
const SAMPLE = 2000;
/** A sheet with fewer customer rows is too small to call (a duplicate or two is a data error, reported as such). */
const MIN_ROWS = 10;
/** Share of named rows whose customer already appeared above. The bundled sample has 1 of 30. */
const REPEAT_SHARE = 0.2;
/** Share of a column's filled cells that must be dates. */
const DATE_SHARE = 0.8;

export interface OrderLogSign {
  /** Table column (index into `headers`) of the customer. */
  customerColumn: number;
  /** Table column of the first date column. */
  dateColumn: number;
  /** Rows sampled that name a customer, and how many distinct customers they name. */
  rows: number;
  customers: number;
}

function isDateCell(v: CellValue): boolean {
  if (v instanceof Date) return true;
  return typeof v === "string" && parseDate(v).ok;
}

/**
 * Whether the table looks like an order log: the customer column repeats on at
 * least a fifth of the rows and some column holds dates. Null when it does not
 * (or there is no customer column to tell by).
 */
export function detectOrderLog(table: SourceTable, customerColumn: number | undefined): OrderLogSign | null {
  if (customerColumn === undefined || customerColumn < 0) return null;
  const rows = table.rows.length > SAMPLE ? table.rows.slice(0, SAMPLE) : table.rows;
  const seen = new Set<string>();
  let named = 0;
  let repeats = 0;
  for (const r of rows) {
    const name = cellText(r.cells[customerColumn] ?? null);
    if (!name) continue;
    named++;
    const key = fold(name);
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  if (named < MIN_ROWS || repeats < named * REPEAT_SHARE) return null;
  for (let col = 0; col < table.headers.length; col++) {
    if (col === customerColumn) continue;
    let filled = 0;
    let dates = 0;
    for (const r of rows) {
      const v = r.cells[col];
      if (v === null || v === undefined || v === "") continue;
      filled++;
      if (isDateCell(v)) dates++;
    }
    if (filled >= MIN_ROWS && dates >= filled * DATE_SHARE) return { customerColumn, dateColumn: col, rows: named, customers: seen.size };
  }
  return null;
}
