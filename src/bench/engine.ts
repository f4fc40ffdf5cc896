import { compileModel, salesPayment, scoreRow, type RowValues } from "../core";
import { bestOf, fmtMs, perSecond } from "./timing";

/** Synthetic customers with a spread over every band of the sales-payment model. */
export function syntheticCustomers(n: number): RowValues[] {
  const rows: RowValues[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = { revenue: (i * 7919) % 40000, paydays: (i * 31) % 120 };
  return rows;
}

/**
 * The baseline: the sales-payment rule hand-coded as if/else, the least work
 * any scorer can do. The engine's ratio to it is its price for being data-driven
 * (bounds, issues, explanations on demand).
 */
function handCoded(revenue: number, paydays: number): string {
  const a = revenue >= 20000 ? 70 : revenue > 10000 ? 50 : revenue > 5000 ? 40 : 30;
  const b = paydays <= 30 ? 30 : paydays <= 45 ? 20 : paydays <= 60 ? 10 : 0;
  const s = a + b;
  return s >= 80 ? "A" : s >= 60 ? "B" : "C";
}

export function benchEngine(n = 1_000_000): string[] {
  const rows = syntheticCustomers(n);
  const cm = compileModel(salesPayment);
  let sink = 0;
  const engineMs = bestOf(3, () => {
    for (let i = 0; i < n; i++) if (scoreRow(cm, rows[i]).tier === "A") sink++;
  });
  const baseMs = bestOf(3, () => {
    for (let i = 0; i < n; i++) if (handCoded(rows[i].revenue as number, rows[i].paydays as number) === "A") sink++;
  });
  if (sink < 0) console.log(sink);
  return [
    `engine: sales-payment, ${n.toLocaleString("en-US")} rows: ${fmtMs(engineMs)} (${perSecond(n, engineMs)})`,
    `        baseline hand-coded if/else: ${fmtMs(baseMs)} → engine is ${(engineMs / baseMs).toFixed(1)}× the baseline`,
  ];
}
