/**
 * A band criterion as a sorted lookup: its distinct bounds ascending, and for
 * each the band a value exactly AT the bound falls in and the band a value
 * ABOVE it (up to the next bound) falls in. `MATCH(value, bounds, 1)` finds
 * the row in one binary search; the at/above pair keeps `>` and `≥` exact
 * without comparing twice. Row 1 is a floor below every bound (values under
 * the first bound). Computed with the engine's own `bandIndex`, so the
 * lookup says what the engine says for every value.
 */
import type { Band } from "../model";
import { bandIndex } from "../score";

/** Below every real bound: what MATCH finds for values under the first one. */
export const LOOKUP_FLOOR = -1e300;

export interface BandLookup {
  /** Distinct bounds ascending, each with the band and side it was first written in (so the rules sheet cell can be referenced). */
  bounds: { value: number; band: number; side: "min" | "max" }[];
  /** Per lookup row (0 = the floor, k = bounds[k - 1]): band index of a value at the row's bound, and above it; -1 = no band. */
  at: number[];
  above: number[];
  /** Whether some bound gives a different band at it than above it (a `>` or `≤` bound): the formula then tests equality. */
  needsAt: boolean;
}

export function bandLookup(bands: readonly Band[]): BandLookup {
  const seen = new Map<number, { value: number; band: number; side: "min" | "max" }>();
  bands.forEach((b, i) => {
    for (const side of ["min", "max"] as const) {
      const bound = b[side];
      if (bound && !seen.has(bound.value)) seen.set(bound.value, { value: bound.value, band: i, side });
    }
  });
  const bounds = [...seen.values()].sort((a, b) => a.value - b.value);
  const values = bounds.map((b) => b.value);
  // A value strictly between two bounds (or beyond the last / under the first) stands for its whole interval.
  const between = (k: number): number => {
    if (values.length === 0) return 0;
    if (k === 0) return values[0] - Math.max(1, Math.abs(values[0]));
    if (k === values.length) return values[k - 1] + Math.max(1, Math.abs(values[k - 1]));
    return (values[k - 1] + values[k]) / 2;
  };
  const at = [bandIndex(bands, between(0))];
  const above = [bandIndex(bands, between(0))];
  for (let k = 1; k <= values.length; k++) {
    at.push(bandIndex(bands, values[k - 1]));
    above.push(bandIndex(bands, between(k)));
  }
  return { bounds, at, above, needsAt: at.some((b, k) => b !== above[k]) };
}

/** The lookup row (1-based, as MATCH gives it) of a value: the last bound at or below it. */
export function lookupRow(lookup: BandLookup, v: number): number {
  let lo = 0;
  let hi = lookup.bounds.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lookup.bounds[mid - 1].value <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
