/**
 * Tiers over time (issue 12): what one run leaves in the workbook's history
 * and what the next run makes of it. Everything per customer is a column
 * (typed arrays, arrays of shared strings); per-row objects only for the few
 * customers that have an override or a note.
 */

/** A tier typed by hand over the computed one, with why. */
export interface Override {
  /** The grade as the model writes it (`B`, `A-`). */
  tier: string;
  reason: string;
}

/**
 * One run's tiers for one model on one day: the rows the history sheet holds
 * for that as-of date and model id, column by column.
 */
export interface Snapshot {
  /** `YYYY-MM-DD`. */
  asOf: string;
  modelId: string;
  length: number;
  /** Who the customer is across runs: the customer ID when filled, else the name (matched folded). */
  key: readonly string[];
  /** The name as shown. */
  customer: readonly string[];
  /** NaN when the model has no score or the row none. */
  score: Float64Array;
  /** Final grade (override, else held by the stability rule, else computed); "" when the row has none. */
  tier: readonly string[];
  /** What the model gave; "" when none. */
  computedTier: readonly string[];
  /** Final grade in the snapshot before this one (kept so that the summary's migration matrix is a live COUNTIFS); "" when none. */
  previousTier: readonly string[];
  /** Overrides by row, only rows that have one. */
  override: ReadonlyMap<number, Override>;
}

/** Change codes of `HistoryOutcome.change`. `none`: not compared (no key, shared key, no tier now). */
export const CHANGE = { none: 0, new: 1, same: 2, up: 3, down: 4 } as const;
export type ChangeName = "new" | "same" | "up" | "down";
export const CHANGE_NAMES: readonly (ChangeName | null)[] = [null, "new", "same", "up", "down"];

/** Where a column is on the sheet, for issues. */
export interface Place {
  header: string;
  letter: string;
}
