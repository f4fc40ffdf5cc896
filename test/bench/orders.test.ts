/**
 * The bench's order log (src/bench/orders.ts): the generated ledger has the
 * sizes asked for, and the aggregate + score path it times sums it into the
 * customers, orders and totals counted here from the generator's own columns.
 * Sizes and counts only; the bench's timings are never asserted.
 */
import { customerRowsTable, orderColumns, orderTable, ORDERS_AS_OF, scoreRfm } from "../../src/bench/orders";

const LINES = 20_000;
const DAY = 86_400_000;

describe("the bench's order log", () => {
  const cols = orderColumns(LINES);

  it("is deterministic and has the lines, customers, dates and refunds asked for", () => {
    expect(orderColumns(LINES)).toEqual(cols);
    expect([cols.customer.length, cols.day.length, cols.amount.length, cols.order.length]).toEqual([LINES, LINES, LINES, LINES]);
    expect(cols.customers).toBe(LINES / 5);
    const start = ORDERS_AS_OF.getTime() - 3 * 365 * DAY;
    expect(cols.day.every((d) => d >= start && d < ORDERS_AS_OF.getTime() && d % DAY === 0)).toBe(true);
    expect(cols.customer.every((c) => c >= 0 && c < cols.customers)).toBe(true);
    const refunds = cols.amount.filter((a) => a < 0).length;
    expect(refunds).toBeGreaterThan(LINES * 0.01);
    expect(refunds).toBeLessThan(LINES * 0.03);
    // Orders of 1–3 lines, each order one customer and one day.
    const perOrder = new Map<number, number>();
    let split = 0;
    cols.order.forEach((o, i) => {
      perOrder.set(o, (perOrder.get(o) ?? 0) + 1);
      if (i > 0 && cols.order[i - 1] === o && (cols.customer[i] !== cols.customer[i - 1] || cols.day[i] !== cols.day[i - 1])) split++;
    });
    expect(split).toBe(0);
    expect(Math.max(...perOrder.values())).toBe(3);
  });

  it("sums into the customers, orders and totals counted from the generator, every customer in a segment", () => {
    const table = orderTable(cols);
    expect(table.rows).toHaveLength(LINES);
    const scored = scoreRfm(table, true);
    const agg = scored.orders!.aggregate;
    const customers = new Set(cols.customer);
    expect([agg.lines, agg.used, agg.customers]).toEqual([LINES, LINES, customers.size]);
    expect(agg.frequency.reduce((s, f) => s + f, 0)).toBe(new Set(cols.order).size);
    expect(agg.monetary.reduce((s, m) => s + m, 0)).toBeCloseTo(cols.amount.reduce((s, a) => s + a, 0), 4);
    expect(scored.summary.reduce((s, t) => s + t.count, 0)).toBe(customers.size);
    expect(scored.unscored).toBe(0);
  });

  it("the baseline scores as many customer rows, every one in a segment", () => {
    const scored = scoreRfm(customerRowsTable(5_000), false);
    expect(scored.orders).toBeUndefined();
    expect(scored.summary.reduce((s, t) => s + t.count, 0)).toBe(5_000);
  });
});
