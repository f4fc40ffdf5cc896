/** Ranks as the generated formulas compute them, for static sheets and for checking live ones. */
import type { CompiledModel } from "../score";
import type { ScoreColumns } from "../scorer";

/**
 * Sum models: 1 + number of rows with a higher score (ties share a rank, like RANK).
 * Level models: 1 + number of rows in better tiers. Untiered rows: 0 (no rank).
 * Read from the score columns: two typed arrays, whatever the number of rows.
 */
export function ranks(cm: CompiledModel, scores: Pick<ScoreColumns, "length" | "tier" | "score">): Int32Array {
  const sum = cm.model.combine === "sum";
  const { length: n, tier, score } = scores;
  // Lower key = better: negative score, or tier position.
  const keyOf = (i: number) => (sum ? -(Number.isNaN(score[i]) ? 0 : score[i]) : tier[i]);
  const keys = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (tier[i] >= 0) keys[k++] = keyOf(i);
  const sorted = keys.subarray(0, k).sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) if (tier[i] >= 0) out[i] = 1 + lowerBound(sorted, keyOf(i));
  return out;
}

/** Number of items in `sorted` strictly below `k`. */
function lowerBound(sorted: Float64Array, k: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
