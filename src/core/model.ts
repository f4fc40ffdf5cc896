/**
 * The tiering model format. A model is plain data (JSON-serialisable) so that
 * it can be saved in a workbook, passed to the CLI as a file and edited in the
 * task pane. Nothing here runs; see `compile.ts` and `score.ts`.
 */

export type Lang = "zh-CN" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];

/** A user-visible string in both supported languages. */
export type Text = Record<Lang, string>;

/** How an input column is read (see `parse/`). */
export type FieldKind =
  | "money" // 2万, ¥12,000, 1.5万元
  | "days" // 30天, 30 days
  | "count" // order counts
  | "number" // any other number (units, scores, months)
  | "category" // one of the criterion's categories
  | "date" // Excel serial, JS Date or text date
  | "text"; // free text (customer name)

export interface FieldDef {
  /** Stable id used by the CLI (`--map revenue=销售额`), saved settings and functions. */
  id: string;
  kind: FieldKind;
  label: Text;
  /** Header texts that mean this field, either language; matching ignores case, width and spaces. */
  synonyms: string[];
  /** Unit shown after values in explanations (`天`, `days`). */
  unit?: Text;
  /** Whether scoring needs it. Display-only fields (customer) and cadence dates are optional. */
  required: boolean;
  /** Values below this are suspicious: scored as they fall, with a warning (seed Decision for negative sales). */
  warnBelow?: number;
  /** Values below this cannot be right (negative days): an error, the row gets no tier. */
  errorBelow?: number;
  /**
   * For `number` fields that may be given as a date: the date is converted
   * to this many units from today ("months to close" from an expected close date).
   * `daysSince`: the column holds dates only (a customer sheet's last order date
   * read for recency): the value is the days from the date to today (the as-of
   * day); a later date is refused. Set by the pipeline, not by presets.
   */
  fromDate?: "monthsFromToday" | "daysSince";
  /** Added by the user in the model editor: renaming its criterion renames it. */
  custom?: boolean;
}

/** One side of a numeric interval. */
export interface Bound {
  value: number;
  inclusive: boolean;
}

/** A numeric interval and what it gives. An absent bound is open to infinity. */
export interface Band {
  min?: Bound;
  max?: Bound;
  /** Points (sum models) or factor (multiplier criteria). */
  points?: number;
  /** Level (a tier id) for worst/best models. */
  level?: string;
  /** The band as the source documents word it, e.g. 月均2万以上（含2万）. */
  label?: Text;
}

/** One allowed value of a category criterion. */
export interface Category {
  /** Canonical id, e.g. `clear`. */
  id: string;
  label: Text;
  /** Other spellings that mean this category (codes, both languages). */
  synonyms: string[];
  points?: number;
  level?: string;
  /** Sub-level inside the level: `+` strong, `-` weak (real-estate A+, A, A-). */
  sub?: "+" | "-";
}

export type MissingPolicy = "issue" | "worst";

interface CriterionBase {
  id: string;
  label: Text;
  /** Percent weight; when any criterion of a sum model has one, all must and they sum to 100. */
  weight?: number;
  /** `multiplier`: the criterion's points multiply the score instead of adding to it. */
  role?: "points" | "multiplier";
  /** Missing input: no tier and an issue (default), or the worst band/category. */
  missing?: MissingPolicy;
  /** Short name put before the points in explanations and headers (`R` → `R5`). */
  code?: string;
}

/**
 * Cut points that come from the sheet's own customers, computed once per table
 * (`population.ts`). The criterion's bands are then listed from the lowest
 * values up, one more band than cut points; band k runs from cut k−1 to cut k.
 */
export interface PopulationCuts {
  /**
   * - `percentile`: cut k = Excel's PERCENTILE.INC(values, at[k]) (RFM quintiles: 0.2, 0.4, 0.6, 0.8).
   * - `mean`: one cut, the average (Chinese 8-class RFM).
   * - `pareto`: cut k = the least positive value whose share ahead (share of the total held by
   *   customers with a strictly greater value, or share of customers when `basis` is `customers`)
   *   is below at[k]; listed from the largest share (C/B at 95%) to the smallest (B/A at 80%).
   */
  stat: "percentile" | "mean" | "pareto";
  /** Percentiles (0–1, ascending) or Pareto share limits (0–1, descending: 0.95, 0.8). Not used by `mean`. */
  at?: number[];
  /** Pareto: share of the total value (default) or share of customers (A = top 20% by count). */
  basis?: "value" | "customers";
  /** Where a value equal to a cut point falls: the band below it (`≤ cut`) or the band above it (`≥ cut`). */
  tie: "below" | "above";
  /** Fixed cut points chosen by the user (ascending, e.g. 30/90/180/365 days): used instead of computed ones. */
  fixed?: number[];
}

/** A number read from one field, turned into points or a level by bands. */
export interface BandCriterion extends CriterionBase {
  kind: "bands";
  field: string;
  /** With `population`, the bounds are filled per table (`resolvePopulation`); bands without bounds are placeholders. */
  bands: Band[];
  population?: PopulationCuts;
}

/** A category read from one field. */
export interface CategoryCriterion extends CriterionBase {
  kind: "categories";
  field: string;
  categories: Category[];
}

/** The number itself is the points (a 0–100 score typed by the user), within [min, max]. */
export interface ValueCriterion extends CriterionBase {
  kind: "value";
  field: string;
  min: number;
  max: number;
}

/** Two categories looked up in a table (nine-grid potential: hospital level × doctor title). */
export interface TableCriterion extends CriterionBase {
  kind: "table";
  rowField: string;
  colField: string;
  rows: Category[];
  cols: Category[];
  /** points[row][col] */
  points: number[][];
}

export type Criterion = BandCriterion | CategoryCriterion | ValueCriterion | TableCriterion;

export interface Tier {
  id: string;
  label: Text;
  /** Lower bound of the score for score-cut tiers; the lowest tier has none. */
  minScore?: number;
  /** Fill colour of the tier's rows, `#RRGGBB`. */
  color: string;
  /** Text colour on that fill (chosen for contrast). */
  textColor: string;
  /** Days until the next follow-up (客户追踪志 cadence). */
  cadenceDays?: number;
  /** What this tier means, for the rules sheet. */
  description?: Text;
}

/**
 * How criterion results become a tier.
 * - `sum`: points are added (weighted where weights are given, times multipliers); tiers cut by score.
 * - `worst`: each criterion gives a level; the tier is the worst of them (AND).
 * - `best`: the tier is the best of the levels (OR).
 * - `grid`: the tier is looked up in `grid` by criterion points (RFM: R × FM).
 * Tiers cut by the sheet's own customers (RFM quintiles, ABC/Pareto) use population cut points on bands.
 */
export type Combine = "sum" | "worst" | "best" | "grid";

/** The table of a `grid` model: rows by one criterion's points, columns by the rounded mean of others'. */
export interface TierGrid {
  /** Criterion id whose points pick the row. */
  row: string;
  /** Criterion ids whose points, averaged and rounded half away from zero (Excel ROUND(x, 0)), pick the column. */
  cols: string[];
  /** Name of the column value in explanations and on the rules sheet (`FM`). */
  colLabel: Text;
  rowPoints: number[];
  colPoints: number[];
  /** Tier id per row and column: tiers[row][col]. Every cell is filled, so every customer lands in one tier. */
  tiers: string[][];
}

export interface Model {
  /** Preset id (`sales-payment`) or a user id. */
  id: string;
  name: Text;
  description: Text;
  /** Where the rules come from and any decision taken where the source was ambiguous. */
  source?: Text;
  fields: FieldDef[];
  criteria: Criterion[];
  combine: Combine;
  /** Best first. For `sum`, cut by `minScore` (each tier's lower bound, inclusive). */
  tiers: Tier[];
  /** The money/volume field whose sum per tier is the calibration check (share of sales per tier). */
  valueField?: string;
  /** Field holding the last contact date, for next follow-up = last contact + tier cadence. */
  followUpField?: string;
  /** Intended share (0–1) of customers per tier, best first, as calibrated; shown beside the actual share. */
  targetShares?: number[];
  /** For `grid` models. */
  grid?: TierGrid;
  /** How the tier reads the earlier snapshots of the workbook's history (`history/`); absent: it does not. */
  history?: HistoryRule;
  /** How often the tiers are reviewed (`history/review.ts`); absent: monthly. */
  review?: ReviewCadence;
  /** Visit frequency by zone (nine-grid red / yellow zones, `visits.ts`); absent: none. */
  visits?: VisitPlan;
}

/**
 * How often to visit a customer, by zone: a zone is a set of conditions on
 * the criteria's points (nine-grid red zone: potential ≥ 4 and prescribing
 * 1–2), the first zone whose conditions all hold wins, and the last zone has
 * none (everyone else). Next visit = last visit + round(30 / visits a month)
 * days; without a last visit, from the run's as-of day.
 */
export interface VisitPlan {
  /** Optional date field holding the last visit. */
  lastVisitField?: string;
  zones: VisitZone[];
}

export interface VisitZone {
  id: string;
  label: Text;
  /** Visits a month the next visit date is computed from (editable on the rules sheet). */
  perMonth: number;
  /** The range the source gives (`2–4`), shown beside `perMonth`, which lies within it. */
  range?: [number, number];
  /** Every one must hold (inclusive bounds on a criterion's points); absent or empty only on the last zone. */
  when?: PointsCondition[];
  color: string;
  textColor: string;
  description?: Text;
}

/** A criterion's points within [min, max] (either side open when absent). */
export interface PointsCondition {
  criterion: string;
  min?: number;
  max?: number;
}

/** A model's stated review cadence: every `months` months, or after each follow-up (the shortest tier cadence). */
export interface ReviewCadence {
  months?: number;
  afterFollowUp?: boolean;
}

/** Tiers over time (issue 12): rules that look at the customer's earlier snapshots. */
export interface HistoryRule {
  /**
   * Stability: a downgrade takes effect only once the computed tier has been
   * lower for this many consecutive snapshots, the current one included
   * (2: the first lower result keeps the previous tier). Upgrades take effect at once.
   */
  downgradeAfter?: number;
  /**
   * A tier that means "was better, then left" (real-estate D = was A, B or C and
   * gave up): its explanation names the last better grade in the history and why.
   */
  recall?: { tier: string; because: Text };
}

/** The field every preset knows for display, duplicates and explanations. */
export const CUSTOMER_FIELD = "customer";

export function text(zh: string, en: string): Text {
  return { "zh-CN": zh, "en-US": en };
}
