/**
 * The edits the model editor makes, as pure functions: each returns a new model
 * and leaves the one it was given untouched (presets are shared constants, and
 * React needs a new object to see a change). Nothing here checks the result:
 * `validateModel` does, and the editor shows what it says.
 */
import { describeModel } from "../../core/describe";
import { describeBand } from "../../core/explain";
import type { Band, Bound, Category, Combine, Criterion, FieldDef, Lang, MissingPolicy, Model, Text, Tier } from "../../core/model";
import { text } from "../../core/model";
import { colourTiers } from "../../core/presets/palette";

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

/**
 * Moves one bound of a band. The neighbour whose bound met it moves with it, so
 * the bands stay contiguous; both lose their worded labels, which no longer
 * match the numbers (texts are derived from the numbers from then on).
 */
export function setBound(model: Model, criterion: number, band: number, side: "min" | "max", bound: Bound | undefined): Model {
  return updateCriterion(model, criterion, (c) => {
    if (c.kind !== "bands") return c;
    const old = c.bands[band][side];
    const other = side === "min" ? "max" : "min";
    const neighbour = old ? c.bands.findIndex((b, i) => i !== band && meets(b[other], old)) : -1;
    const bands = c.bands.map((b, i): Band => {
      if (i === band) return withBound(b, side, bound);
      if (i === neighbour && bound) return withBound(b, other, { value: bound.value, inclusive: !bound.inclusive });
      return b;
    });
    return { ...c, bands };
  });
}

/** Two bounds that touch without overlap: same value, one of them inclusive. */
function meets(a: Bound | undefined, b: Bound): boolean {
  return !!a && a.value === b.value && a.inclusive !== b.inclusive;
}

function withBound(b: Band, side: "min" | "max", bound: Bound | undefined): Band {
  const next = { ...b };
  if (bound) next[side] = bound;
  else delete next[side];
  delete next.label;
  return next;
}

/** A value inside the band, to tell which way the list runs. */
function inside(b: Band): number {
  if (b.min && b.max) return (b.min.value + b.max.value) / 2;
  if (b.min) return b.min.value + 1;
  if (b.max) return b.max.value - 1;
  return 0;
}

/** Two significant digits: a cut users would pick themselves (15,000, not 14,999.5). */
export function roundNice(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / step) * step;
}

function splitPoint(b: Band): number {
  if (b.min && b.max) return roundNice((b.min.value + b.max.value) / 2);
  if (b.min) return b.min.value > 0 ? roundNice(b.min.value * 2) : b.min.value + 10;
  if (b.max) return b.max.value > 0 ? roundNice(b.max.value / 2) : b.max.value - 10;
  return 0;
}

/** Splits a band in two at a round value inside it; both halves give what it gave. */
export function splitBand(model: Model, criterion: number, band: number): Model {
  return updateCriterion(model, criterion, (c) => {
    if (c.kind !== "bands") return c;
    const b = c.bands[band];
    const cut = splitPoint(b);
    const lower = withBound(b, "max", { value: cut, inclusive: false });
    const upper = withBound(b, "min", { value: cut, inclusive: true });
    const ascending = inside(c.bands[0]) <= inside(c.bands[c.bands.length - 1]);
    const halves = ascending ? [lower, upper] : [upper, lower];
    return { ...c, bands: [...c.bands.slice(0, band), ...halves, ...c.bands.slice(band + 1)] };
  });
}

/** Removes a band; a neighbour takes over its range, so no value falls between bands. */
export function removeBand(model: Model, criterion: number, band: number): Model {
  return updateCriterion(model, criterion, (c) => {
    if (c.kind !== "bands" || c.bands.length < 2) return c;
    const b = c.bands[band];
    const below = b.min ? c.bands.findIndex((n, i) => i !== band && meets(n.max, b.min!)) : -1;
    const above = b.max ? c.bands.findIndex((n, i) => i !== band && meets(n.min, b.max!)) : -1;
    const bands = c.bands.map((n, i): Band => {
      if (below >= 0 && i === below) return withBound(n, "max", b.max);
      if (below < 0 && i === above) return withBound(n, "min", b.min);
      return n;
    });
    return { ...c, bands: bands.filter((_, i) => i !== band) };
  });
}

/** A band's own name in the language being edited; the other language says the numbers. Empty: back to the numbers. */
export function renameBand(model: Model, criterion: number, band: number, lang: Lang, name: string): Model {
  return updateCriterion(model, criterion, (c) => {
    if (c.kind !== "bands") return c;
    const bands = c.bands.map((b, i): Band => {
      if (i !== band) return b;
      const next = { ...b };
      if (!name.trim()) delete next.label;
      else {
        const other: Lang = lang === "zh-CN" ? "en-US" : "zh-CN";
        next.label = { [lang]: name, [other]: b.label?.[other] ?? describeBand(b, other) } as Text;
      }
      return next;
    });
    return { ...c, bands };
  });
}

/** The criterion's name (and its field's, so the column is looked for under it too) in one language. */
export function renameCriterion(model: Model, criterion: number, lang: Lang, name: string): Model {
  const c = model.criteria[criterion];
  const label = { ...c.label, [lang]: name };
  const own = criterionFields(c);
  const fields = model.fields.map((f) =>
    own.length === 1 && own[0] === f.id && f.custom ? { ...f, label: { ...f.label, [lang]: name }, synonyms: [...new Set([...f.synonyms, name])] } : f,
  );
  return { ...updateCriterion(model, criterion, (x) => ({ ...x, label })), fields };
}

function criterionFields(c: Criterion): string[] {
  return c.kind === "table" ? [c.rowField, c.colField] : [c.field];
}

/** A numeric criterion on a new column, two bands around 100; its name and bands are for the user to set. */
export function addCriterion(model: Model): Model {
  let k = 1;
  while (model.fields.some((f) => f.id === `custom${k}`)) k++;
  const id = `custom${k}`;
  const label = text(`新评分项 ${k}`, `New criterion ${k}`);
  const field: FieldDef = { id, kind: "number", label, synonyms: [], required: true, custom: true };
  const sum = model.combine === "sum";
  const top = model.tiers[0]?.id;
  const bottom = model.tiers[model.tiers.length - 1]?.id;
  const bands: Band[] = [
    { min: { value: 100, inclusive: true }, ...(sum ? { points: 10 } : { level: top }) },
    { max: { value: 100, inclusive: false }, ...(sum ? { points: 0 } : { level: bottom }) },
  ];
  const weighted = model.criteria.some((c) => c.weight !== undefined);
  const criterion: Criterion = { id, kind: "bands", field: id, label, bands, ...(weighted ? { weight: 0 } : {}) };
  return { ...model, fields: [...model.fields, field], criteria: [...model.criteria, criterion] };
}

/**
 * Removes a criterion. Its column becomes optional (tiering on one criterion is
 * fine); the other weights are scaled back to 100%.
 */
export function removeCriterion(model: Model, criterion: number): Model {
  const criteria = model.criteria.filter((_, i) => i !== criterion);
  const used = new Set(criteria.flatMap(criterionFields));
  const fields = model.fields.map((f) => (f.required && !used.has(f.id) ? { ...f, required: false } : f));
  const weights = criteria.map((c) => c.weight);
  const total = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
  if (weights.some((w) => w !== undefined) && total > 0 && total !== 100) {
    let left = 100;
    const scaled = criteria.map((c, i) => {
      if (c.weight === undefined) return c;
      const w = i === criteria.length - 1 ? left : Math.round((c.weight * 100) / total);
      left -= w;
      return { ...c, weight: w };
    });
    return { ...model, fields, criteria: scaled };
  }
  return { ...model, fields, criteria };
}

/** The id after the last tier's: D after C, else T4. */
function nextTierId(tiers: readonly Tier[]): string {
  const last = tiers[tiers.length - 1]?.id ?? "";
  const next = /^[A-Y]$/.test(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : `T${tiers.length + 1}`;
  return tiers.some((t) => t.id === next) ? `T${tiers.length + 1}` : next;
}

/** A new lowest tier. In a sum model the tier above it gets a threshold: half of the one above that. */
export function addTier(model: Model): Model {
  const id = nextTierId(model.tiers);
  const colours = colourTiers([...model.tiers, { id, label: text("", "") }]);
  const fresh = colours[colours.length - 1];
  const tier: Tier = { id, label: text(`${id} 级`, `Tier ${id}`), color: fresh.color, textColor: fresh.textColor };
  const n = model.tiers.length;
  const tiers = model.tiers.map((t, i) => {
    if (i !== n - 1 || model.combine !== "sum") return t;
    const above = model.tiers[n - 2]?.minScore ?? 0;
    return { ...t, minScore: roundNice(above / 2) };
  });
  return { ...model, tiers: [...tiers, tier] };
}

/** Removes a tier. What gave it now gives the next tier down (the one above for the last). */
export function removeTier(model: Model, tier: number): Model {
  if (model.tiers.length <= 2) return model;
  const gone = model.tiers[tier].id;
  const heir = model.tiers[tier + 1]?.id ?? model.tiers[tier - 1].id;
  let tiers = model.tiers.filter((_, i) => i !== tier);
  if (model.combine === "sum" && tier === model.tiers.length - 1) {
    tiers = tiers.map((t, i) => {
      if (i !== tiers.length - 1) return t;
      const next = { ...t };
      delete next.minScore;
      return next;
    });
  }
  const relevel = <T extends { level?: string }>(o: T): T => (o.level === gone ? { ...o, level: heir } : o);
  const criteria = model.criteria.map((c): Criterion => {
    if (c.kind === "bands") return { ...c, bands: c.bands.map(relevel) };
    if (c.kind === "categories") return { ...c, categories: c.categories.map(relevel) };
    return c;
  });
  return { ...model, tiers, criteria };
}

/** The numbers of a model, without the words: what decides who gets which tier. */
function numbers(model: Model): string {
  const strip = (c: Criterion) => (c.kind === "bands" ? { ...c, bands: c.bands.map((b) => ({ ...b, label: undefined })) } : c);
  return JSON.stringify([model.combine, model.criteria.map(strip), model.tiers.map((t) => [t.id, t.minScore])]);
}

/**
 * The model's description follows its numbers: the preset's own wording while
 * they are the preset's, a description derived from them once edited.
 */
export function followNumbers(model: Model, preset: Model): Model {
  if (numbers(model) === numbers(preset)) return model.description === preset.description ? model : { ...model, description: preset.description };
  const description = describeModel(model);
  return description["en-US"] === model.description["en-US"] && description["zh-CN"] === model.description["zh-CN"] ? model : { ...model, description };
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

export function renameTier(model: Model, tier: number, lang: Lang, name: string): Model {
  return updateTier(model, tier, (t) => ({ ...t, label: { ...t.label, [lang]: name } }));
}

/**
 * The model as the user's own, to keep in the workbook: an edited preset gets
 * an id and name of its own ("… (mine)"), so it is listed beside the preset
 * instead of shadowing it.
 */
export function ownModel(model: Model, presetIds: readonly string[]): Model {
  if (!presetIds.includes(model.id)) return model;
  return { ...model, id: `${model.id}-mine`, name: text(`${model.name["zh-CN"]}（我的）`, `${model.name["en-US"]} (mine)`) };
}
