import type { Lang } from "../core";
import { cellError, type CellError } from "./cell-error";
import { shapeMismatch, shapeText } from "./messages";

/** A range argument as Excel hands it over: rows of cells. */
export type Grid = readonly (readonly unknown[])[];

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

const EMPTY: Grid = [[null]];

/** A range argument; a lone value or a flat list (direct calls from code) count as a 1×1 range or one row. */
export function asGrid(arg: unknown): Grid {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return EMPTY;
  if (!Array.isArray(arg[0])) return [arg];
  return (arg[0] as unknown[]).length === 0 ? EMPTY : (arg as Grid);
}

function isSingle(g: Grid): boolean {
  return g.length === 1 && g[0].length === 1;
}

/**
 * The shape of the result: that of the ranges given, all the same size, while
 * single values are used for every cell (broadcast). A mismatch is a #VALUE!.
 */
export function resultShape(grids: readonly Grid[], names: readonly string[], lang: Lang): Shape | CellError {
  let shaped = -1;
  for (let i = 0; i < grids.length; i++) {
    const g = grids[i];
    if (isSingle(g)) continue;
    if (shaped < 0) {
      shaped = i;
      continue;
    }
    const s = grids[shaped];
    if (g.length !== s.length || g[0].length !== s[0].length) {
      const message = shapeMismatch(names[i], shapeText(g.length, g[0].length), names[shaped], shapeText(s.length, s[0].length));
      return cellError("invalidValue", message[lang]);
    }
  }
  const g = grids[shaped < 0 ? 0 : shaped];
  return g ? { rows: g.length, cols: g[0].length } : { rows: 1, cols: 1 };
}

/** The cell of an argument for result cell (r, c): single values stand for every cell. */
export function cellOf(g: Grid, r: number, c: number): unknown {
  return isSingle(g) ? g[0][0] : g[r][c];
}

/** The values of a range, row by row (thresholds and points may be a row or a column). */
export function flatten(g: Grid): unknown[] {
  const out: unknown[] = [];
  for (const row of g) for (const v of row) out.push(v);
  return out;
}
