/** Numbers as a sales admin writes them: thousands separators, at most two decimals. */
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

export function formatNumber(n: number): string {
  // Integers (amounts, days, points, band bounds) are most of what explanations show, once per
  // row: grouped by hand, they cost a tenth of Intl's format. Same text; -0 is left to Intl.
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return n > -1000 && n < 1000 ? String(n) : String(n).replace(THOUSANDS, ",");
  return grouped.format(n);
}
