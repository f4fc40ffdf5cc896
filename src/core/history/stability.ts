import type { Text } from "../model";
import { text } from "../model";
import { indexSnapshot } from "./compare";
import type { Grades } from "./grades";
import type { CustomerKeys } from "./keys";
import type { Snapshot } from "./types";

/**
 * The stability rule (`Model.history.downgradeAfter` = N): a customer whose
 * computed tier is below its previous tier keeps the previous grade until the
 * lower result has held for N consecutive snapshots, this one included.
 * Earlier snapshots count while they held the same tier over a lower computed one.
 * `tier`/`sub` (the computed ones) are changed in place; returns the explanation notes.
 */
export function stabilise(
  after: number,
  grades: Grades,
  earlier: readonly Snapshot[],
  keys: CustomerKeys,
  match: Int32Array,
  tier: Int16Array,
  sub: Uint8Array,
): Map<number, Text> {
  const notes = new Map<number, Text>();
  const previous = earlier[0];
  if (after < 2 || !previous) return notes;
  for (let i = 0; i < keys.length; i++) {
    const r = match[i];
    const now = tier[i];
    // Held from an override: once it is cleared, the model's tier applies at once.
    if (r < 0 || now < 0 || previous.override.has(r)) continue;
    const held = grades.parse(previous.tier[r]);
    const heldTier = Math.floor(held / 3);
    if (held < 0 || now <= heldTier) continue;
    let streak = 1;
    for (let k = 0; k < earlier.length && streak < after; k++) {
      const s = earlier[k];
      const row = k === 0 ? r : indexSnapshot(s).find(keys.folded[i]);
      if (row === undefined || row < 0) break;
      const final = grades.parse(s.tier[row]);
      const computed = grades.parse(s.computedTier[row]);
      if (final < 0 || computed < 0 || Math.floor(final / 3) !== heldTier || Math.floor(computed / 3) <= heldTier) break;
      streak++;
    }
    const computed = grades.text(now, sub[i]);
    if (streak >= after) {
      notes.set(i, text(`计算为 ${computed}，连续 ${streak} 期，降为 ${computed}`, `computed ${computed} for ${streak} snapshots in a row: down to ${computed}`));
      continue;
    }
    const kept = grades.text(heldTier, held % 3);
    notes.set(i, text(`计算为 ${computed}，连续 ${streak} 期，未满 ${after} 期，保持 ${kept}`, `computed ${computed} for ${streak} snapshot${streak > 1 ? "s" : ""} in a row, fewer than ${after}: stays ${kept}`));
    tier[i] = heldTier;
    sub[i] = held % 3;
  }
  return notes;
}
