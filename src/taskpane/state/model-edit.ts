/**
 * The edits the model editor makes, as pure functions: each returns a new model
 * and leaves the one it was given untouched (presets are shared constants, and
 * React needs a new object to see a change). Nothing here checks the result:
 * `validateModel` does, and the editor shows what it says.
 */
import type { Band, Bound, Category, Combine, Criterion, MissingPolicy, Model, Tier } from "../../core/model";

function updateCriterion(model: Model, index: number, edit: (c: Criterion) => Criterion): Model {
  return { ...model, criteria: model.criteria.map((c, i) => (i === index ? edit(c) : c)) };
}

function updateTier(model: Model, index: number, edit: (t: Tier) => Tier): Model {
  return { ...model, tiers: model.tiers.map((t, i) => (i === index ? edit(t) : t)) };
}

export function setMinScore(model: Model, tier: number, minScore: number): Model {
  return updateTier(model, tier, (t) => ({ ...t, minScore }));
}

/** A new fill keeps its text readable: near-black on light fills, white on dark ones. */
export function setTierColor(model: Model, tier: number, color: string): Model {
  return updateTier(model, tier, (t) => ({ ...t, color, textColor: readableInk(color) }));
}

export function readableInk(fill: string): string {
  const channel = (i: number) => {
    const v = parseInt(fill.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // The luminance where black and white text give the same contrast ratio.
  return luminance > 0.179 ? "#1F1F1F" : "#FFFFFF";
}

export function setBound(model: Model, criterion: number, band: number, side: "min" | "max", bound: Bound | undefined): Model {
  return updateCriterion(model, criterion, (c) => {
    if (c.kind !== "bands") return c;
    const bands = c.bands.map((b, i): Band => {
      if (i !== band) return b;
      const next = { ...b };
      if (bound) next[side] = bound;
      else delete next[side];
      return next;
    });
    return { ...c, bands };
  });
}

/** What one option (band, category) gives: points in a sum model, a level (tier id) otherwise. */
export type Outcome = { points: number } | { level: string };

export function setOutcome(model: Model, criterion: number, option: number, outcome: Outcome): Model {
  const apply = <T extends Band | Category>(o: T, i: number): T => (i === option ? { ...o, ...outcome } : o);
  return updateCriterion(model, criterion, (c) => {
    if (c.kind === "bands") return { ...c, bands: c.bands.map(apply) };
    if (c.kind === "categories") return { ...c, categories: c.categories.map(apply) };
    return c;
  });
}

export function setTablePoints(model: Model, criterion: number, row: number, col: number, points: number): Model {
  return updateCriterion(model, criterion, (c) =>
    c.kind === "table" ? { ...c, points: c.points.map((r, i) => (i === row ? r.map((p, k) => (k === col ? points : p)) : r)) } : c,
  );
}

export function setValueRange(model: Model, criterion: number, side: "min" | "max", value: number): Model {
  return updateCriterion(model, criterion, (c) => (c.kind === "value" ? { ...c, [side]: value } : c));
}

/** `undefined` removes the weight (plain points). */
export function setWeight(model: Model, criterion: number, weight: number | undefined): Model {
  return updateCriterion(model, criterion, (c) => {
    const next = { ...c };
    if (weight === undefined) delete next.weight;
    else next.weight = weight;
    return next;
  });
}

export function setCombine(model: Model, combine: Combine): Model {
  return { ...model, combine };
}

/**
 * The policy for every scoring criterion at once: the choice users make is about
 * the sheet, not one column. Multipliers keep theirs (a missing bonus is no bonus).
 */
export function setMissing(model: Model, missing: MissingPolicy): Model {
  return { ...model, criteria: model.criteria.map((c) => (c.role === "multiplier" ? c : { ...c, missing })) };
}

/** The policy the model uses, when all criteria agree; mixed presets (weighted's bonus) report the scoring ones'. */
export function missingPolicy(model: Model): MissingPolicy {
  const scoring = model.criteria.filter((c) => c.role !== "multiplier");
  return scoring.length && scoring.every((c) => c.missing === "worst") ? "worst" : "issue";
}
