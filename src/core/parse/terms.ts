/**
 * Words around a number that people type in place of one: payment terms
 * (`月结60天`, `现结`, `货到付款`) in days fields, and estimates (`约3000`,
 * `3000左右`, `~3000`) in any number field. The text is already folded
 * (`normalizeCellText`: NFKC, lower case, trimmed).
 */

/** Paid on delivery or before: 0 days. */
const CASH_TERMS = new Set(["现结", "现款", "现金", "款到发货", "货到付款", "先款后货", "cod", "cash", "cash on delivery"]);
/** `月结` with the days written after it (`月结60天`, `月结 60`). */
const MONTHLY_WITH_DAYS = /^月结\s*(.+)$/;
/** `月结` alone: a monthly settlement, 30 days by the usual reading. */
export const MONTHLY_DAYS = 30;

export type TermReading = { days: number; assumed: boolean } | { rest: string } | undefined;

/**
 * A payment term in a days field: 0 for cash terms, 30 (assumed) for `月结`
 * alone, `{ rest }` for the number after `月结` to be read as days; undefined
 * when the text is not a term.
 */
export function readPaymentTerm(s: string): TermReading {
  if (CASH_TERMS.has(s)) return { days: 0, assumed: false };
  if (s === "月结") return { days: MONTHLY_DAYS, assumed: true };
  const m = MONTHLY_WITH_DAYS.exec(s);
  return m ? { rest: m[1] } : undefined;
}

const APPROX_BEFORE = ["大约", "大概", "约", "~", "≈", "approx.", "approx", "about", "around", "ca."];
const APPROX_AFTER = ["左右", "上下"];

/** The number text without its estimate marker, or undefined when it has none. */
export function withoutEstimate(s: string): string | undefined {
  for (const w of APPROX_BEFORE) if (s.startsWith(w) && s.length > w.length) return s.slice(w.length).trim();
  for (const w of APPROX_AFTER) if (s.endsWith(w) && s.length > w.length) return s.slice(0, -w.length).trim();
  return undefined;
}
