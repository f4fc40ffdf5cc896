/**
 * tiering-models.md §1, worked examples: (revenue, paydays) → score, tier.
 * Copied from the spec, shared by the engine and the custom-function tests.
 */
export const SALES_PAYMENT_WORKED: [revenue: number, paydays: number, score: number, tier: string][] = [
  [25000, 20, 100, "A"],
  [20000, 31, 90, "A"],
  [19999.99, 30, 80, "A"],
  [10000, 30, 70, "B"],
  [10000.01, 46, 60, "B"],
  [5000, 31, 50, "C"],
  [20000, 61, 70, "B"],
];
