import { tier } from "../functions/functions";
import { syntheticCustomers } from "./engine";
import { bestOf } from "./timing";

/**
 * Milliseconds for one =CUSTTIER.TIER(revenue, paydays) over two rows×1 ranges
 * (best of 3), the way Excel calls it: 2-D arrays in, a 2-D array out.
 */
export function benchTierRange(rows = 100_000): number {
  const customers = syntheticCustomers(rows);
  const revenue = customers.map((c) => [c.revenue]);
  const paydays = customers.map((c) => [c.paydays]);
  let sink = 0;
  const ms = bestOf(3, () => {
    sink += tier(revenue, paydays).length;
  });
  if (sink !== rows * 3) throw new Error(`TIER returned ${sink / 3} rows for ${rows}`);
  return ms;
}
