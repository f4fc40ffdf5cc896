import type { CellRange } from "./types";

/** Sheet column letters: 0 → A, 25 → Z, 26 → AA (Excel's bijective base 26). */
export function columnLetter(index: number): string {
  let n = Math.floor(index) + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `C` → 2, `aa` → 26; -1 when the text is not a column letter (Excel stops at XFD). */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= 16384 ? n - 1 : -1;
}

/** `B3:F20` (or one cell `B3`, `$B$3`) as a 0-based range; undefined when it is not an A1 reference. */
export function rangeFromA1(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const c1 = columnIndex(m[1]);
  const c2 = m[3] === undefined ? c1 : columnIndex(m[3]);
  const r1 = Number(m[2]) - 1;
  const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
  if (c1 < 0 || c2 < 0 || r1 < 0 || r2 < 0) return undefined;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}
