import { displayWidth } from "../core/text/width";

export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Rows of cells as aligned columns; `right` marks the columns aligned right (numbers). */
export function formatTable(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((r) => r.map((cell, i) => (right.has(i) ? padStart(cell, widths[i]) : padEnd(cell, widths[i]))).join("  ").trimEnd());
}
