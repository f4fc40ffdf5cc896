import type { Band, BandCriterion, Criterion, Model, PopulationCuts } from "./model";

/**
 * Cut points computed from the sheet's own customers, once per table
 * (sorting: O(n log n)), then written into the model as ordinary band
 * bounds so that the compiled scorer, the explanations and the rules sheet
 * read them like any fixed threshold.
 */

/** Excel's PERCENTILE.INC over ascending values: rank (n−1)·k, linear between neighbours. NaN when empty. */
export function percentileInc(sorted: ArrayLike<number>, k: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * k;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return excelDigits(sorted[lo] + fraction(h, lo) * (sorted[lo + 1] - sorted[lo]));
}

/**
 * `h − lo` to the digits `h` has: 792·0.8 is 633.6000000000001, and its
 * fraction 0.6000000000000227 would make a cut of 8.60000000000002 (still so
 * at 15 digits) where Excel and the user see 8.6.
 */
function fraction(h: number, lo: number): number {
  const decimals = Math.max(0, 15 - String(lo).length);
  return Number((h - lo).toFixed(Math.min(decimals, 20)));
}

/**
 * To Excel's 15 significant digits: (5−1)·0.8 is 3.2000000000000002 in binary,
 * and a cut of 1.8000000000000007 would put a customer with exactly 1.8 below it;
 * a sum of cents 1148.7800000000002 is 1148.78 again.
 */
export function excelDigits(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length ? excelDigits(sum / values.length) : NaN;
}

/**
 * Pareto cut points over ascending values: for each share limit, the least
 * positive value whose share ahead (what customers with a strictly greater
 * value hold, of the positive total; or their share of the customers) is below
 * the limit. Equal values have the same share ahead, so they fall in the same
 * class, and the customer that crosses the limit is still inside it. Values ≤ 0
 * are below every cut. A limit no customer meets gives the largest double (an empty class).
 */
export function paretoCuts(sorted: ArrayLike<number>, limits: readonly number[], basis: "value" | "customers" = "value"): number[] {
  const n = sorted.length;
  let total = 0;
  for (let i = 0; i < n; i++) if (sorted[i] > 0) total += sorted[i];
  const cuts = limits.map(() => Number.MAX_VALUE);
  let ahead = 0; // value (or count) of the customers above the current group
  let i = n - 1;
  while (i >= 0 && sorted[i] > 0) {
    const v = sorted[i];
    let j = i;
    let group = 0;
    while (j >= 0 && sorted[j] === v) {
      group += basis === "customers" ? 1 : v;
      j--;
    }
    const share = ahead / (basis === "customers" ? n : total);
    limits.forEach((limit, k) => {
      if (share < limit) cuts[k] = v;
    });
    ahead += group;
    i = j;
  }
  return cuts;
}

/** The readable values of a field, ascending (NaN left out). */
export function sortedValues(values: ArrayLike<number>, floor = -Infinity): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= floor) m++;
  const out = new Float64Array(m);
  m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= floor) out[m++] = values[i];
  return out.sort();
}

/** The cut points of one criterion, ascending; `fixed` ones when the user set them. */
export function cutPoints(p: PopulationCuts, sorted: ArrayLike<number>): number[] {
  if (p.fixed) return [...p.fixed];
  switch (p.stat) {
    case "percentile":
      return (p.at ?? []).map((k) => percentileInc(sorted, k));
    case "mean":
      return [mean(sorted)];
    case "pareto":
      return paretoCuts(sorted, p.at ?? [], p.basis);
  }
}

/** Bands with the cut points as bounds: band k from cut k−1 to cut k, a tie on the side `tie` says. */
export function bandsAt(bands: readonly Band[], cuts: readonly number[], tie: PopulationCuts["tie"]): Band[] {
  return bands.map((b, k) => {
    const out: Band = { ...b };
    delete out.min;
    delete out.max;
    if (k > 0) out.min = { value: cuts[k - 1], inclusive: tie === "above" };
    if (k < cuts.length) out.max = { value: cuts[k], inclusive: tie === "below" };
    return out;
  });
}

export function hasPopulation(model: Model): boolean {
  return model.criteria.some((c) => c.kind === "bands" && c.population !== undefined);
}

/** Whether the population bands of a model carry their bounds (set by `resolvePopulation`). */
export function isResolved(model: Model): boolean {
  return model.criteria.every((c) => c.kind !== "bands" || !c.population || c.bands.length < 2 || c.bands[0].max !== undefined);
}

/** The cut points used per criterion id, for the rules sheet and reports. */
export type CutsByCriterion = Record<string, number[]>;

/**
 * The model with every population criterion's bands bounded by the cut points
 * of this table's values (`values(fieldId)`: the numbers read, NaN when
 * unreadable; values below the field's `errorBelow` are not customers' values).
 * A model without population criteria comes back as it is.
 */
export function resolvePopulation(model: Model, values: (fieldId: string) => ArrayLike<number> | undefined): { model: Model; cuts: CutsByCriterion } {
  const cuts: CutsByCriterion = {};
  if (!hasPopulation(model)) return { model, cuts };
  const sortedBy = new Map<string, Float64Array>();
  const criteria = model.criteria.map((c): Criterion => {
    if (c.kind !== "bands" || !c.population) return c;
    let sorted = sortedBy.get(c.field);
    if (!sorted) {
      const floor = model.fields.find((f) => f.id === c.field)?.errorBelow ?? -Infinity;
      sorted = sortedValues(values(c.field) ?? new Float64Array(0), floor);
      sortedBy.set(c.field, sorted);
    }
    const at = cutPoints(c.population, sorted);
    // No readable value at all: no cut point to compute; the rows have no tier anyway.
    const safe = at.map((x) => (Number.isNaN(x) ? 0 : x));
    cuts[c.id] = safe;
    const resolved: BandCriterion = { ...c, bands: bandsAt(c.bands, safe, c.population.tie) };
    return resolved;
  });
  return { model: { ...model, criteria }, cuts };
}
