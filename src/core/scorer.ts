import type { Issue } from "./issues";
import type { Band } from "./model";
import { isBlank, type CellValue } from "./parse/values";
import { categorySpellings, scoreRow, type CompiledModel, type CriterionResult, type RowResult, type RowValues } from "./score";
import { fold } from "./text/normalize";

/**
 * The model compiled for many rows at once: the common case (every input read,
 * nothing to warn about) is scored column by column over typed arrays with no
 * object per row; any other row goes through `scoreRow`, the reference
 * interpretation, so that results and issues are the same by construction.
 */

/** The inputs of n customers, column by column. */
export interface ColumnsInput {
  length: number;
  /** Numbers of numeric fields, NaN where the cell is blank or not a number (the row then goes through `row`). */
  numbers: Readonly<Record<string, Float64Array>>;
  /** Cells of category fields, as found. */
  cells: Readonly<Record<string, ArrayLike<CellValue>>>;
  /** The row as `scoreRow` reads it; built only for rows the fast path leaves. */
  row(i: number): RowValues;
}

/** What one criterion made of each row. */
export interface CriterionColumn {
  /** Band / category / table-cell index; -1 when the input could not be used. */
  match: Int32Array;
  /**
   * The number read, for rows with a match (numeric criteria; empty for
   * categories). The input column itself until a row reads differently from
   * it (copied then): read-only.
   */
  value: Float64Array;
  /** `INPUT_*` code, plus `ASSUMED_WORST` when the worst option was used by policy. */
  state: Uint8Array;
}

/** The outcome of every row, one typed array per quantity. */
export interface ScoreColumns {
  length: number;
  /** Tier index (0 = best), -1 when the row has no tier. */
  tier: Int16Array;
  /** Sub-level: 0 none, 1 `+`, 2 `-`. */
  sub: Uint8Array;
  /** Total score of sum models; NaN for level models and untiered rows. */
  score: Float64Array;
  criteria: CriterionColumn[];
  /** Issues by row index, only for rows that have some. */
  issues: Map<number, Issue[]>;
}

const INPUT = ["read", "missing", "invalid"] as const;
const ASSUMED_WORST = 4;
const SUBS = ["", "+", "-"] as const;
/** parse/number.ts: a plain number this large in a months-or-date field is read as a date, not scored as is. */
const SERIAL_DATE_FLOOR = 20000;

/** A criterion as flat arrays, for the column loops. */
interface Flat {
  kind: "bands" | "value" | "categories" | "table";
  /** Field(s) read. */
  field: string;
  colField?: string;
  /** Numbers outside [fastMin, fastMax) need `scoreRow`: a warning, an error, a date to convert. */
  fastMin: number;
  fastMax: number;
  /** Least and greatest number in each band (inclusive). */
  lo: Float64Array;
  hi: Float64Array;
  /**
   * When the bands tile one interval without gaps or overlaps: the lower bounds
   * in ascending order but the first (a number's band is how many it reaches,
   * compared without branches) and that position's band; undefined otherwise.
   */
  steps?: { at: Float64Array; band: Int32Array; min: number; max: number };
  /** Points per option, 0 where none (sum models require points). */
  points: Float64Array;
  /** Tier index per option, -1 where none. */
  level: Int16Array;
  sub: Uint8Array;
  multiplier: boolean;
  weight: number | undefined;
  /** Category text → option index (-1: none), one lookup per distinct cell value. */
  rowsOf?: (raw: CellValue) => number;
  colsOf?: (raw: CellValue) => number;
  colCount: number;
}

/** A model ready to score columns; build once per model with `compileScorer`. */
export interface Scorer {
  readonly cm: CompiledModel;
  score(input: ColumnsInput, today?: Date): ScoreColumns;
}

const scorers = new WeakMap<CompiledModel, Scorer>();

export function compileScorer(cm: CompiledModel): Scorer {
  const hit = scorers.get(cm);
  if (hit) return hit;
  const flats = cm.model.criteria.map((_, i) => flatten(cm, i));
  const minScore = Float64Array.from(cm.model.tiers, (t) => t.minScore ?? -Infinity);
  const scorer: Scorer = { cm, score: (input, today) => scoreColumns(cm, flats, minScore, input, today) };
  scorers.set(cm, scorer);
  return scorer;
}

function flatten(cm: CompiledModel, i: number): Flat {
  const c = cm.model.criteria[i];
  const cc = cm.criteria[i];
  const level = Int16Array.from(cc.levelOf, (l) => (l === null ? -1 : (cm.tierIndex.get(l) ?? -1)));
  const flat: Flat = {
    kind: c.kind,
    field: c.kind === "table" ? c.rowField : c.field,
    fastMin: -Infinity,
    fastMax: Infinity,
    lo: new Float64Array(0),
    hi: new Float64Array(0),
    points: Float64Array.from(cc.pointsOf, (p) => p ?? 0),
    level,
    sub: new Uint8Array(cc.pointsOf.length),
    multiplier: c.role === "multiplier",
    weight: c.weight,
    colCount: 0,
  };
  if (c.kind === "bands" || c.kind === "value") {
    const field = cm.fields.get(c.field)!;
    flat.fastMin = Math.max(field.errorBelow ?? -Infinity, field.warnBelow ?? -Infinity);
    if (field.fromDate === "monthsFromToday") flat.fastMax = SERIAL_DATE_FLOOR;
    const bands: readonly Band[] = c.kind === "bands" ? c.bands : [{ min: { value: c.min, inclusive: true }, max: { value: c.max, inclusive: true } }];
    // An exclusive bound becomes the next double inside: `v > 30` is `v >= nextUp(30)`, one comparison per side.
    flat.lo = Float64Array.from(bands, (b) => (!b.min ? -Infinity : b.min.inclusive ? b.min.value : nextUp(b.min.value)));
    flat.hi = Float64Array.from(bands, (b) => (!b.max ? Infinity : b.max.inclusive ? b.max.value : nextDown(b.max.value)));
    flat.steps = steps(flat.lo, flat.hi);
  } else if (c.kind === "categories") {
    flat.rowsOf = categoryOf(c.categories);
    flat.sub = Uint8Array.from(c.categories, (k) => (k.sub === "+" ? 1 : k.sub === "-" ? 2 : 0));
  } else {
    flat.colField = c.colField;
    flat.rowsOf = categoryOf(c.rows);
    flat.colsOf = categoryOf(c.cols);
    flat.colCount = c.cols.length;
  }
  return flat;
}

/** Flat.steps: the bands sorted by lower bound, if each starts just above where the one before ends. */
function steps(lo: Float64Array, hi: Float64Array): Flat["steps"] {
  const order = Array.from(lo, (_, b) => b).sort((a, b) => lo[a] - lo[b]);
  if (!order.length) return undefined;
  for (let k = 1; k < order.length; k++) {
    const prev = hi[order[k - 1]];
    if (prev === Infinity || nextUp(prev) !== lo[order[k]]) return undefined;
  }
  return { at: Float64Array.from(order.slice(1), (b) => lo[b]), band: Int32Array.from(order), min: lo[order[0]], max: hi[order[order.length - 1]] };
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The least double above x (finite x). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  word[0] += x > 0 ? 1n : -1n;
  return bits[0];
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Text or number cell → option index, -1 for anything the fast path leaves to `scoreRow`. Cached per distinct cell. */
function categoryOf(categories: readonly Parameters<typeof categorySpellings>[0][]): (raw: CellValue) => number {
  const lookup = new Map<string, number>();
  categories.forEach((k, i) => {
    for (const s of categorySpellings(k)) lookup.set(fold(s), i);
  });
  const seen = new Map<string | number, number>();
  return (raw) => {
    if (typeof raw !== "string" && typeof raw !== "number") return -1;
    let m = seen.get(raw);
    if (m === undefined) {
      m = isBlank(raw) ? -1 : (lookup.get(fold(String(raw))) ?? -1);
      seen.set(raw, m);
    }
    return m;
  };
}

function scoreColumns(cm: CompiledModel, flats: Flat[], minScore: Float64Array, input: ColumnsInput, today?: Date): ScoreColumns {
  const n = input.length;
  const slow = new Uint8Array(n);
  const criteria = flats.map((f) => matchColumn(f, input, slow));
  const out: ScoreColumns = {
    length: n,
    tier: new Int16Array(n),
    sub: new Uint8Array(n),
    score: new Float64Array(n),
    criteria,
    issues: new Map(),
  };
  if (cm.model.combine === "sum") combineSum(flats, criteria, minScore, slow, out);
  else if (cm.grid) combineGrid(cm, flats, criteria, slow, out);
  else combineLevels(flats, criteria, cm.model.combine === "worst", slow, out);
  const shared = criteria.map((c) => c.value);
  for (let i = 0; i < n; i++) if (slow[i]) store(cm, scoreRow(cm, input.row(i), today), i, out, shared);
  return out;
}

/** One criterion over every row; rows it cannot settle alone are marked slow. */
function matchColumn(f: Flat, input: ColumnsInput, slow: Uint8Array): CriterionColumn {
  const n = input.length;
  const match = new Int32Array(n);
  const state = new Uint8Array(n);
  if (f.kind === "bands" || f.kind === "value") {
    const x = input.numbers[f.field];
    if (x) {
      bandsColumn(f, x, match, slow);
      return { match, value: x, state };
    }
    slow.fill(1);
    match.fill(-1);
    return { match, value: new Float64Array(n).fill(NaN), state };
  } else {
    const rows = input.cells[f.field];
    const cols = f.colField === undefined ? undefined : input.cells[f.colField];
    if (!rows || (f.colField !== undefined && !cols)) slow.fill(1);
    else {
      for (let i = 0; i < n; i++) {
        let m = f.rowsOf!(rows[i]);
        if (m >= 0 && cols) {
          const k = f.colsOf!(cols[i]);
          m = k < 0 ? -1 : m * f.colCount + k;
        }
        if (m < 0) slow[i] = 1;
        match[i] = m;
      }
    }
  }
  return { match, value: NO_VALUES, state };
}

const NO_VALUES = new Float64Array(0);

function bandsColumn(f: Flat, x: Float64Array, match: Int32Array, slow: Uint8Array): void {
  if (f.steps) stepsColumn(f.steps, f.fastMin, f.fastMax, x, match, slow);
  else scanColumn(f, x, match, slow);
}

/** Tiling bands: the band is the number of lower bounds reached, counted without a branch per bound. */
function stepsColumn(steps: NonNullable<Flat["steps"]>, fastMin: number, fastMax: number, x: Float64Array, match: Int32Array, slow: Uint8Array): void {
  const { at, band } = steps;
  const min = Math.max(fastMin, steps.min);
  const max = steps.max;
  const k = at.length;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    // Also false for NaN (blank or unreadable) and ±Infinity.
    if (v >= min && v < fastMax && v <= max && v - v === 0) {
      let b = 0;
      for (let s = 0; s < k; s++) b += v >= at[s] ? 1 : 0;
      match[i] = band[b];
    } else {
      match[i] = -1;
      slow[i] = 1;
    }
  }
}

function scanColumn(f: Flat, x: Float64Array, match: Int32Array, slow: Uint8Array): void {
  const { lo, hi, fastMin, fastMax } = f;
  const bands = lo.length;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    let m = -1;
    // Also false for NaN (blank or unreadable) and ±Infinity.
    if (v >= fastMin && v < fastMax && v - v === 0) {
      for (let b = 0; b < bands; b++) {
        if (v >= lo[b] && v <= hi[b]) {
          m = b;
          break;
        }
      }
    }
    match[i] = m;
    if (m < 0) slow[i] = 1;
  }
}

/** score.ts `combine` for sum models: the same operations in the same order, one criterion at a time. */
function combineSum(flats: Flat[], criteria: CriterionColumn[], minScore: Float64Array, slow: Uint8Array, out: ScoreColumns): void {
  const n = out.length;
  const sum = out.score; // the sum first, the score at the end
  let factor: Float64Array | undefined;
  for (let c = 0; c < flats.length; c++) {
    const f = flats[c];
    const { match, value } = criteria[c];
    if (f.multiplier) {
      factor ??= new Float64Array(n).fill(1);
      if (f.kind === "value") multiplyValues(factor, value, slow);
      else multiplyPoints(factor, f.points, match, slow);
    } else if (f.kind === "value") addValues(sum, value, f.weight, slow);
    else if (f.weight === undefined) addPoints(sum, f.points, match, slow);
    else addWeightedPoints(sum, f.points, f.weight, match, slow);
  }
  const last = minScore.length - 1;
  if (!factor && integralSums(flats) && descending(minScore)) {
    // Whole points add up exactly (rounding to 1e-6 changes nothing), and with the
    // tiers' minimum scores descending a row's tier is how many of them it misses.
    for (let i = 0; i < n; i++) {
      if (slow[i]) continue;
      const score = sum[i];
      let t = 0;
      for (let k = 0; k < last; k++) t += score < minScore[k] ? 1 : 0;
      out.tier[i] = t;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    if (slow[i]) continue;
    const score = Math.round(sum[i] * (factor ? factor[i] : 1) * 1e6) / 1e6;
    let t = 0;
    while (t < last && score < minScore[t]) t++;
    sum[i] = score;
    out.tier[i] = t;
  }
}

/** Every criterion adds whole points, unweighted, and no sum can reach 2^53 / 1e6 (where rounding to 1e-6 could bite). */
function integralSums(flats: readonly Flat[]): boolean {
  let most = 0;
  for (const f of flats) {
    if (f.multiplier || f.kind === "value" || f.weight !== undefined) return false;
    let top = 0;
    for (const p of f.points) {
      if (!Number.isInteger(p)) return false;
      top = Math.max(top, Math.abs(p));
    }
    most += top;
  }
  return most < 2 ** 53 / 1e6;
}

/** The tiers' minimum scores (all but the last tier's) never rise from one tier to the next. */
function descending(minScore: Float64Array): boolean {
  for (let t = 1; t < minScore.length - 1; t++) if (!(minScore[t] <= minScore[t - 1])) return false;
  return true;
}

// One small loop per case, so that each stays monomorphic and tight.
function addPoints(sum: Float64Array, points: Float64Array, match: Int32Array, slow: Uint8Array): void {
  for (let i = 0; i < sum.length; i++) if (slow[i] === 0) sum[i] += points[match[i]];
}

function addWeightedPoints(sum: Float64Array, points: Float64Array, w: number, match: Int32Array, slow: Uint8Array): void {
  for (let i = 0; i < sum.length; i++) if (slow[i] === 0) sum[i] += (points[match[i]] * w) / 100;
}

function addValues(sum: Float64Array, value: Float64Array, w: number | undefined, slow: Uint8Array): void {
  for (let i = 0; i < sum.length; i++) if (slow[i] === 0) sum[i] += w === undefined ? value[i] : (value[i] * w) / 100;
}

function multiplyPoints(factor: Float64Array, points: Float64Array, match: Int32Array, slow: Uint8Array): void {
  for (let i = 0; i < factor.length; i++) if (slow[i] === 0) factor[i] *= points[match[i]];
}

function multiplyValues(factor: Float64Array, value: Float64Array, slow: Uint8Array): void {
  for (let i = 0; i < factor.length; i++) if (slow[i] === 0) factor[i] *= value[i];
}

/** score.ts `combine` for worst/best models: tiers are best first, so worst = highest index. */
function combineLevels(flats: Flat[], criteria: CriterionColumn[], worst: boolean, slow: Uint8Array, out: ScoreColumns): void {
  const k = flats.length;
  for (let i = 0; i < out.length; i++) {
    out.score[i] = NaN;
    if (slow[i]) continue;
    let pick = -1;
    let sub = 0;
    for (let c = 0; c < k; c++) {
      const m = criteria[c].match[i];
      const level = flats[c].level[m];
      if (level < 0) continue;
      if (pick < 0 || (worst ? level > pick : level < pick)) {
        pick = level;
        sub = flats[c].sub[m];
      }
    }
    out.tier[i] = pick;
    out.sub[i] = pick < 0 ? 0 : sub;
  }
}

/** score.ts `combine` for grid models: each row's criterion points looked up in the tier grid. */
function combineGrid(cm: CompiledModel, flats: Flat[], criteria: CriterionColumn[], slow: Uint8Array, out: ScoreColumns): void {
  const grid = cm.grid!;
  const points = new Float64Array(flats.length);
  for (let i = 0; i < out.length; i++) {
    out.score[i] = NaN;
    if (slow[i]) continue;
    for (let c = 0; c < flats.length; c++) points[c] = flats[c].points[criteria[c].match[i]];
    out.tier[i] = grid.tierOf(points);
  }
}

/** Writes a `scoreRow` result into row i of the columns. */
function store(cm: CompiledModel, r: RowResult, i: number, out: ScoreColumns, shared: readonly Float64Array[]): void {
  out.tier[i] = r.tier === null ? -1 : cm.tierIndex.get(r.tier)!;
  out.sub[i] = SUBS.indexOf(r.sub);
  out.score[i] = r.score ?? NaN;
  r.criteria.forEach((c, j) => {
    const col = out.criteria[j];
    col.match[i] = c.match;
    // Numeric criteria share the input column; a row that read another number (text `2万`, a date) gets its own copy.
    if (typeof c.value === "number" && c.match >= 0 && !c.assumedWorst && !Object.is(col.value[i], c.value)) {
      if (col.value === shared[j]) col.value = Float64Array.from(col.value);
      col.value[i] = c.value;
    }
    col.state[i] = INPUT.indexOf(c.input) | (c.assumedWorst ? ASSUMED_WORST : 0);
  });
  if (r.issues.length) out.issues.set(i, r.issues);
}

/** Row i as `scoreRow` returns it, rebuilt from the columns (for explanations, reports, tests). */
export function resultAt(cm: CompiledModel, cols: ScoreColumns, i: number): RowResult {
  const criteria = cm.criteria.map((cc, j): CriterionResult => {
    const col = cols.criteria[j];
    const match = col.match[i];
    const state = col.state[i];
    const assumedWorst = (state & ASSUMED_WORST) !== 0;
    const input = INPUT[state & 3];
    if (match < 0) return { points: null, level: null, match, value: null, assumedWorst, input };
    const v = col.value[i];
    const points = cc.valueIsPoints && !assumedWorst ? v : cc.pointsOf[match];
    return { points, level: cc.levelOf[match], match, value: assumedWorst ? null : optionValue(cm, j, match, v), assumedWorst, input };
  });
  const t = cols.tier[i];
  const tier = t < 0 ? null : cm.model.tiers[t].id;
  const sub = tier === null ? "" : SUBS[cols.sub[i]];
  const score = Number.isNaN(cols.score[i]) ? null : cols.score[i];
  return { criteria, score, tier, sub, grade: tier === null ? null : tier + sub, issues: cols.issues.get(i) ?? [] };
}

/** The value a criterion read, as `CriterionResult.value` gives it: the number, the category id, `row/col` ids. */
function optionValue(cm: CompiledModel, j: number, match: number, v: number): number | string {
  const c = cm.model.criteria[j];
  if (c.kind === "categories") return c.categories[match].id;
  if (c.kind === "table") return `${c.rows[Math.floor(match / c.cols.length)].id}/${c.cols[match % c.cols.length].id}`;
  return v;
}
