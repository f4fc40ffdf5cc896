/** Ranks as the generated formulas compute them, for static sheets and for checking live ones. */
import type { CompiledModel, RowResult } from "../score";

/**
 * Sum models: 1 + number of rows with a higher score (ties share a rank, like RANK).
 * Level models: 1 + number of rows in better tiers. Untiered rows: null.
 */
export function ranks(cm: CompiledModel, results: readonly RowResult[]): (number | null)[] {
  const key = (r: RowResult): number | null => {
    if (r.tier === null) return null;
    // Lower key = better: negative score, or tier position.
    return cm.model.combine === "sum" ? -(r.score ?? 0) : cm.tierIndex.get(r.tier)!;
  };
  const keys = results.map(key);
  const sorted = keys.filter((k): k is number => k !== null).sort((a, b) => a - b);
  return keys.map((k) => (k === null ? null : 1 + lowerBound(sorted, k)));
}

/** Number of items in `sorted` strictly below `k`. */
function lowerBound(sorted: number[], k: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
