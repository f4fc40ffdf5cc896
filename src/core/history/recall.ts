import type { Model, Text } from "../model";
import { text } from "../model";
import { FirstSeen } from "../sheet/first-seen";
import { fold } from "../text/normalize";
import type { Grades } from "./grades";
import type { CustomerKeys } from "./keys";
import type { Snapshot } from "./types";

/**
 * Real-estate D (tiering-models.md §8: "was A, B or C and finally gave up"):
 * every row the model puts in the recall tier gets the last better grade its
 * history shows, `曾为 B+，已放弃 → D`. Earlier snapshots newest first; rows
 * with no better grade in the history get no note.
 */
export function recallNotes(model: Model, grades: Grades, earlier: readonly Snapshot[], keys: CustomerKeys, tier: Int16Array): Map<number, Text> {
  const notes = new Map<number, Text>();
  const rule = model.history?.recall;
  const target = rule ? model.tiers.findIndex((t) => t.id === rule.tier) : -1;
  if (!rule || target < 0 || !earlier.length) return notes;
  const wanted: number[] = [];
  for (let i = 0; i < keys.length; i++) if (tier[i] === target && !keys.excluded[i]) wanted.push(i);
  if (!wanted.length) return notes;
  const index = new FirstSeen((w) => keys.folded[wanted[w]]);
  wanted.forEach((i, w) => index.check(keys.folded[i], w));
  let left = wanted.length;
  for (const s of earlier) {
    for (let r = 0; r < s.length && left > 0; r++) {
      const code = grades.parse(s.tier[r]);
      if (code < 0 || Math.floor(code / 3) === target) continue;
      const w = index.find(fold(s.key[r]));
      if (w === undefined || notes.has(wanted[w])) continue;
      const was = grades.text(Math.floor(code / 3), code % 3);
      const now = model.tiers[target].id;
      notes.set(wanted[w], text(`曾为 ${was}，${rule.because["zh-CN"]} → ${now}`, `was ${was}, ${rule.because["en-US"]} → ${now}`));
      left--;
    }
    if (!left) break;
  }
  return notes;
}
