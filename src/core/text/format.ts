/** Numbers as a sales admin writes them: thousands separators, at most two decimals. */
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return grouped.format(n);
}
