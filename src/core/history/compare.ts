import type { Issue } from "../issues";
import { text } from "../model";
import { FirstSeen } from "../sheet/first-seen";
import { fold } from "../text/normalize";
import type { Grades } from "./grades";
import type { CustomerKeys } from "./keys";
import { CHANGE, type Snapshot } from "./types";

/** The first row of each folded key of a snapshot, and the rows whose key is there more than once. */
export interface SnapshotIndex {
  find(foldedKey: string): number | undefined;
  /** 1 where the snapshot has the row's key more than once. */
  shared: Uint8Array;
}

const indexes = new WeakMap<Snapshot, SnapshotIndex>();

export function indexSnapshot(s: Snapshot): SnapshotIndex {
  const hit = indexes.get(s);
  if (hit) return hit;
  const seen = new FirstSeen((r) => fold(s.key[r]));
  const shared = new Uint8Array(s.length);
  for (let r = 0; r < s.length; r++) {
    const k = fold(s.key[r]);
    if (!k) continue;
    const first = seen.check(k, r);
    if (first !== undefined) shared[r] = shared[first] = 1;
  }
  const index = { find: (k: string) => seen.find(k), shared };
  indexes.set(s, index);
  return index;
}

/**
 * Each current row's row in the previous snapshot (-1: none or not matched).
 * Rows whose key the previous snapshot holds several times are not matched, and said so once.
 */
export function matchPrevious(previous: Snapshot | undefined, keys: CustomerKeys): { row: Int32Array; issues: Issue[] } {
  const row = new Int32Array(keys.length).fill(-1);
  if (!previous) return { row, issues: [] };
  const index = indexSnapshot(previous);
  let ambiguous = 0;
  for (let i = 0; i < keys.length; i++) {
    if (keys.excluded[i]) continue;
    const r = index.find(keys.folded[i]);
    if (r === undefined) continue;
    if (index.shared[r]) ambiguous++;
    else row[i] = r;
  }
  const issues: Issue[] = [];
  if (ambiguous) {
    issues.push({
      severity: "warning",
      message: text(
        `${ambiguous} 位客户在 ${previous.asOf} 的分级中出现不止一次：不与该期对比`,
        `${ambiguous} customers appear more than once in the snapshot of ${previous.asOf}: not compared with it`,
      ),
    });
  }
  return { row, issues };
}

export interface Comparison {
  /** CHANGE code per current row. */
  change: Uint8Array;
  /** Rows of the previous snapshot whose customer is not in the sheet any more. */
  gone: Int32Array;
  /**
   * Counts: matrix[previous tier][current tier], previous tiers then a last row
   * for customers new since then; current tiers then a last column for the
   * previous snapshot's customers no tiered row of this run follows: gone, not
   * tiered now, or now on a duplicate key (kept out of matching). So each
   * previous tier's row adds up to its count in that snapshot, as the summary's
   * COUNTIFS over the history sheet do (duplicate-key rows are recorded without a key).
   */
  matrix: number[][];
}

/**
 * Up, down, same or new per row, by the model's tier order (0 = best;
 * sub-levels do not count: B+ → B is the same tier), the customers gone, and the migration matrix.
 */
export function compareTiers(grades: Grades, previous: Snapshot | undefined, keys: CustomerKeys, match: Int32Array, tier: Int16Array): Comparison {
  const t = grades.tiers;
  const matrix = Array.from({ length: t + 1 }, () => new Array<number>(t + 1).fill(0));
  const change = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const now = tier[i];
    if (keys.excluded[i] || now < 0) continue;
    const r = match[i];
    const code = r < 0 ? -1 : grades.parse(previous!.tier[r]);
    const before = code < 0 ? -1 : Math.floor(code / 3);
    change[i] = before < 0 ? CHANGE.new : now < before ? CHANGE.up : now > before ? CHANGE.down : CHANGE.same;
    matrix[before < 0 ? t : before][now]++;
  }
  const gone: number[] = [];
  if (previous) {
    // Previous rows a tiered current row took over; every other keyed one is out of this run's tiers.
    const followed = new Uint8Array(previous.length);
    for (let i = 0; i < keys.length; i++) if (!keys.excluded[i] && tier[i] >= 0 && match[i] >= 0) followed[match[i]] = 1;
    for (let r = 0; r < previous.length; r++) {
      const k = fold(previous.key[r]);
      if (!k) continue;
      if (keys.index.find(k) === undefined) gone.push(r);
      const code = grades.parse(previous.tier[r]);
      if (!followed[r] && code >= 0) matrix[Math.floor(code / 3)][t]++;
    }
  }
  return { change, gone: Int32Array.from(gone), matrix };
}
