/**
 * Order-log benchmarks (issue 11): a deterministic sales ledger — one row per
 * order line, about five lines per customer, orders of 1–3 lines, dates over
 * the three years before the as-of day, amounts from a few yuan to a few
 * thousand with 2% refunds — and the same number of customer rows, both as
 * the pipeline's source tables.
 */
import type { CellValue } from "../core/parse/values";
import { resolve, score } from "../core/pipeline";
import { rfm } from "../core/presets/rfm";
import type { ScoredTable, SourceTable } from "../core/sheet/types";

export const ORDER_HEADERS = ["订单编号", "客户", "订单日期", "金额"];
export const CUSTOMER_HEADERS = ["客户", "最近购买天数", "购买次数", "消费金额"];
/** The bench's as-of day: the ledger runs over the three years before it. */
export const ORDERS_AS_OF = new Date("2026-01-01T00:00:00Z");
const DAYS = 3 * 365;
const DAY_MS = 86_400_000;

/** mulberry32: a small seeded generator, so every run sees the same ledger. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ledger as columns: customer number, day (UTC ms), amount and order number of each line. */
export interface OrderColumns {
  lines: number;
  customers: number;
  customer: Int32Array;
  day: Float64Array;
  amount: Float64Array;
  order: Int32Array;
}

/** `lines` order lines over `lines / 5` customers; some customers buy far more often than others. */
export function orderColumns(lines: number, seed = 11): OrderColumns {
  const rnd = random(seed);
  const customers = Math.max(1, Math.round(lines / 5));
  const customer = new Int32Array(lines);
  const day = new Float64Array(lines);
  const amount = new Float64Array(lines);
  const order = new Int32Array(lines);
  const start = ORDERS_AS_OF.getTime() - DAYS * DAY_MS;
  let orders = 0;
  for (let i = 0; i < lines; ) {
    // Squaring skews the draw: low customer numbers are the regulars.
    const c = Math.floor(customers * rnd() * rnd());
    const d = start + Math.floor(rnd() * DAYS) * DAY_MS;
    const size = 1 + (rnd() < 0.3 ? 1 : 0) + (rnd() < 0.1 ? 1 : 0);
    for (let k = 0; k < size && i < lines; k++, i++) {
      customer[i] = c;
      day[i] = d;
      const value = Math.round(Math.exp(2 + 6 * rnd()) * 100) / 100;
      amount[i] = rnd() < 0.02 ? -value : value;
      order[i] = orders;
    }
    orders++;
  }
  return { lines, customers, customer, day, amount, order };
}

const customerName = (c: number) => `客户${String(c + 1).padStart(6, "0")}`;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Row i of the ledger's sheet: text dates (as a CSV gives them) or date cells (as Excel keeps them). */
export function orderRow(cols: OrderColumns, i: number, dates: "text" | "date"): CellValue[] {
  const day = cols.day[i];
  return [`SO${String(cols.order[i] + 1).padStart(8, "0")}`, customerName(cols.customer[i]), dates === "text" ? isoDay(day) : new Date(day), cols.amount[i]];
}

function table(headers: string[], n: number, cells: (i: number) => CellValue[]): SourceTable {
  const rows = new Array<SourceTable["rows"][number]>(n);
  for (let i = 0; i < n; i++) rows[i] = { row: i + 2, cells: cells(i) };
  return { sheetName: "数据", headerRow: 1, firstCol: 0, headers, rows, skipped: [], foundBy: "detected" };
}

/** The ledger as detection hands it over (header in row 1), dates as text. */
export function orderTable(cols: OrderColumns): SourceTable {
  return table(ORDER_HEADERS, cols.lines, (i) => orderRow(cols, i, "text"));
}

/** The baseline: `n` customer rows with recency, frequency and monetary read directly. */
export function customerRowsTable(n: number, seed = 11): SourceTable {
  const rnd = random(seed);
  return table(CUSTOMER_HEADERS, n, (i) => [customerName(i), Math.floor(rnd() * DAYS), 1 + Math.floor(rnd() * rnd() * 20), Math.round(Math.exp(3 + 7 * rnd()) * 100) / 100]);
}

/** The measured job: the table resolved (an order log is summed per customer) and scored with rfm. */
export function scoreRfm(source: SourceTable, orders: boolean): ScoredTable {
  return score(resolve({ table: source, lang: "zh-CN" }, rfm, {}, { orders, today: ORDERS_AS_OF }), { today: ORDERS_AS_OF });
}
