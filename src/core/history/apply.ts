import type { Issue } from "../issues";
import type { Model, Text } from "../model";
import { text } from "../model";
import { compareTiers, matchPrevious, type Comparison } from "./compare";
import { gradesOf } from "./grades";
import type { CustomerKeys } from "./keys";
import { readOverrides, snapshotOverrides, type OverrideEntry } from "./overrides";
import { recallNotes } from "./recall";
import { stabilise } from "./stability";
import type { Override, Place, Snapshot } from "./types";

export interface HistoryInput {
  /** The model as scored (population cut points resolved). */
  model: Model;
  /** This run's snapshot date, `YYYY-MM-DD`. */
  asOf: string;
  keys: CustomerKeys;
  /** Customer names as shown (null: blank). */
  names?: ArrayLike<string | null>;
  /** What the model gave, from `ScoreColumns`. */
  score: Float64Array;
  tier: Int16Array;
  sub: Uint8Array;
  /** Every snapshot the workbook holds (any model, any date): those of this model before `asOf` are read. */
  history: readonly Snapshot[];
  /**
   * The override cells of the tier sheet being replaced; undefined when there is
   * none (the last snapshot's overrides then carry over).
   */
  overrides?: readonly OverrideEntry[];
  overridePlaces?: { tier?: Place; reason?: Place; sheet?: string };
}

export interface HistoryOutcome extends Comparison {
  /** The latest earlier snapshot of this model, when there is one. */
  previous?: Snapshot;
  /** Each row's row in `previous`, -1 when none. */
  previousRow: Int32Array;
  /** Final tier and sub-level: override, else the stability rule, else computed. */
  tier: Int16Array;
  sub: Uint8Array;
  /** Overrides applied, by row. */
  overrides: Map<number, Override>;
  /** What the history adds to a row's explanation (stability, recall, override), by row. */
  notes: Map<number, Text>;
  issues: Issue[];
  /** This run, to be written to the history sheet. */
  snapshot: Snapshot;
}

/**
 * Reads this run against the workbook's history: previous tier, overrides,
 * the model's history rules, up/down/same/new, the gone and the migration matrix;
 * returns the final tiers and the snapshot to record.
 */
export function applyHistory(input: HistoryInput): HistoryOutcome {
  const { model, keys } = input;
  const grades = gradesOf(model);
  const earlier = input.history.filter((s) => s.modelId === model.id && s.asOf < input.asOf).sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));
  const previous = earlier[0];
  const matched = matchPrevious(previous, keys);
  const previousRow = matched.row;
  const n = keys.length;
  const tier = Int16Array.from(input.tier);
  const sub = Uint8Array.from(input.sub);
  const computedTier = gradeColumn(grades, tier, sub, n);

  const notes = new Map<number, Text>();
  const addNote = (i: number, note: Text) => {
    const had = notes.get(i);
    notes.set(i, had ? text(`${had["zh-CN"]}；${note["zh-CN"]}`, `${had["en-US"]}; ${note["en-US"]}`) : note);
  };
  for (const [i, note] of recallNotes(model, grades, earlier, keys, tier)) addNote(i, note);
  const after = model.history?.downgradeAfter ?? 0;
  for (const [i, note] of stabilise(after, grades, earlier, keys, previousRow, tier, sub)) addNote(i, note);

  const read = readOverrides(model, input.overrides ?? (previous ? snapshotOverrides(previous) : []), input.overridePlaces);
  const overrides = new Map<number, Override>();
  for (const [k, o] of read.byKey) {
    const i = keys.index.find(k);
    if (i === undefined || keys.excluded[i]) continue;
    overrides.set(i, o);
    const code = grades.parse(o.tier);
    const computed = computedTier[i] || "—";
    tier[i] = Math.floor(code / 3);
    sub[i] = code % 3;
    addNote(i, overrideNote(computed, o.tier, o.reason));
  }

  const comparison = compareTiers(grades, previous, keys, previousRow, tier);
  const finalTier = gradeColumn(grades, tier, sub, n);
  const previousTier = new Array<string>(n);
  for (let i = 0; i < n; i++) previousTier[i] = previousRow[i] < 0 ? "" : previous!.tier[previousRow[i]];
  const customer = new Array<string>(n);
  for (let i = 0; i < n; i++) customer[i] = input.names?.[i]?.trim() ?? "";
  const snapshot: Snapshot = {
    asOf: input.asOf,
    modelId: model.id,
    length: n,
    // A duplicate key matches nothing (keys.ts): recorded without one, so that no later run and no COUNTIFS of the summary counts it.
    key: keys.key.map((k, i) => (keys.excluded[i] ? "" : k)),
    customer,
    score: input.score,
    tier: finalTier,
    computedTier,
    previousTier,
    override: overrides,
  };
  return { ...comparison, previous, previousRow, tier, sub, overrides, notes, issues: [...keys.issues, ...matched.issues, ...read.issues], snapshot };
}

function gradeColumn(grades: ReturnType<typeof gradesOf>, tier: Int16Array, sub: Uint8Array, n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = grades.text(tier[i], sub[i]);
  return out;
}

/** `计算为 C，人工调整为 B（战略客户）`: the tier sheet's live explanation writes the same (plan/why-formula.ts). */
export function overrideNote(computed: string, tier: string, reason: string): Text {
  const why = reason ? text(`（${reason}）`, ` (${reason})`) : text("", "");
  return text(`计算为 ${computed}，人工调整为 ${tier}${why["zh-CN"]}`, `computed ${computed}, set by hand to ${tier}${why["en-US"]}`);
}
