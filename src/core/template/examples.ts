/**
 * Example rows that show a first-time user the template at work: inputs the
 * engine puts in every tier (found by scoring candidate inputs, so an edited
 * model gets examples too), some follow-ups due and some overdue.
 */
import type { Band, FieldDef, Lang, Model } from "../model";
import { bandIndex, scoreRow, type CompiledModel } from "../score";
import { examplePeople, type Person } from "./people";

export interface ExampleRow {
  person: Person;
  /** Index into STATUSES. */
  status: number;
  /** Input field id → the value as a user types it (a number, or a dropdown label). */
  inputs: Record<string, number | string>;
  lastContact: Date;
  /** Value templates: the last and first order dates (`lastOrder`, `firstOrder`). */
  dates?: Record<string, Date>;
}

/** Days since the last contact, row by row: with any cadence some rows are due later and some overdue. */
const DAYS_SINCE_CONTACT = [3, 20, 1, 45, 10, 200, 5, 90, 2, 400, 14, 30];
/** Stop enumerating candidate inputs here (a hand-made model with many criteria). */
const MAX_COMBINATIONS = 5000;
const STATUS = { active: 0, dormant: 1, churned: 2, new: 3 } as const;

/**
 * At least six rows and one per tier (at most twelve), tiers taking turns.
 * `choices`: the dropdown labels of each category field.
 */
export function exampleRows(cm: CompiledModel, inputs: readonly FieldDef[], choices: ReadonlyMap<string, string[]>, lang: Lang, today: Date): ExampleRow[] {
  const { model } = cm;
  const candidates: (number | string)[][] = inputs.map((f) => choices.get(f.id) ?? numberCandidates(model, f));
  const byTier: Record<string, number | string>[][] = model.tiers.map(() => []);
  for (const combination of product(candidates, MAX_COMBINATIONS)) {
    const values = Object.fromEntries(inputs.map((f, i) => [f.id, combination[i]]));
    const result = scoreRow(cm, values, today);
    if (result.tier !== null) byTier[cm.tierIndex.get(result.tier)!].push(values);
  }
  const people = examplePeople(model.id, lang);
  const wanted = Math.min(12, Math.max(6, model.tiers.length));
  const rows: ExampleRow[] = [];
  for (let pass = 0; rows.length < wanted; pass++) {
    let added = false;
    byTier.forEach((options, tier) => {
      if (rows.length >= wanted || pass >= options.length) return;
      // Start in the middle of a tier's options: typical values rather than its extremes.
      const values = options[(Math.floor(options.length / 2) + pass) % options.length];
      const i = rows.length;
      const daysAgo = DAYS_SINCE_CONTACT[i % DAYS_SINCE_CONTACT.length];
      rows.push({
        person: people[i % people.length],
        status: tier === model.tiers.length - 1 ? STATUS.dormant : pass % 2 ? STATUS.new : STATUS.active,
        inputs: values,
        lastContact: new Date(today.getTime() - daysAgo * 86_400_000),
      });
      added = true;
    });
    if (!added) break;
  }
  return rows;
}

/**
 * Value templates (cut points from the customers): twelve customers spread
 * over recency, frequency and amount — several RFM segments, every 8-class
 * side, A/B/C (a zero total among them) and lapsed ones for D and "churned".
 * Days since the last and first order, orders, total.
 */
const VALUE_EXAMPLES: readonly [number, number, number, number][] = [
  [3, 700, 24, 18_000],
  [12, 40, 1, 260],
  [20, 500, 11, 9_500],
  [35, 60, 3, 1_900],
  [48, 400, 6, 4_200],
  [75, 900, 2, 650],
  [110, 1_100, 14, 12_500],
  [160, 600, 4, 3_100],
  [230, 300, 1, 120],
  [300, 1_300, 7, 5_600],
  [420, 1_500, 2, 480],
  [610, 2_000, 1, 0],
];

export function valueExampleRows(model: Model, lang: Lang, today: Date): ExampleRow[] {
  const people = examplePeople(model.id, lang);
  const ago = (days: number) => new Date(today.getTime() - days * 86_400_000);
  return VALUE_EXAMPLES.map(([last, first, orders, amount], i) => ({
    person: people[i % people.length],
    // Typed only where the sheet does not compute it (abc reads no dates): as seed 003 would put it.
    status: first <= 90 ? STATUS.new : last <= 90 ? STATUS.active : last <= 365 ? STATUS.dormant : STATUS.churned,
    inputs: { frequency: orders, monetary: amount },
    lastContact: ago(DAYS_SINCE_CONTACT[i % DAYS_SINCE_CONTACT.length]),
    dates: { lastOrder: ago(last), firstOrder: ago(first) },
  }));
}

/** Typical numbers of a numeric field: one inside each band of the criteria reading it, or spread over a value range. */
function numberCandidates(model: Model, field: FieldDef): number[] {
  const out: number[] = [];
  for (const c of model.criteria) {
    if (c.kind === "bands" && c.field === field.id) {
      c.bands.forEach((band, i) => {
        const v = inside(c.bands, band, i, field);
        if (v !== undefined && v >= 0) out.push(v);
      });
    }
    if (c.kind === "value" && c.field === field.id) {
      for (const share of [0.92, 0.85, 0.75, 0.65, 0.5, 0.3]) out.push(Math.round(c.min + (c.max - c.min) * share));
    }
  }
  return out.length ? [...new Set(out)] : [0];
}

/** A round number inside the band (the middle, or beyond an open end), or the exact middle if rounding leaves it. */
function inside(bands: readonly Band[], band: Band, index: number, field: FieldDef): number | undefined {
  const lo = band.min?.value;
  const hi = band.max?.value;
  const raw = lo !== undefined && hi !== undefined ? (lo + hi) / 2 : lo !== undefined ? (lo > 0 ? lo * 1.5 : lo + 10) : hi !== undefined ? (hi > 0 ? hi / 2 : hi - 10) : 0;
  for (const v of [round(raw, field), raw]) if (bandIndex(bands, v) === index) return v;
  return undefined;
}

function round(v: number, field: FieldDef): number {
  if (field.kind === "count" || field.kind === "days") return Math.round(v);
  const size = Math.abs(v);
  if (size >= 1000) {
    const step = 10 ** (Math.floor(Math.log10(size)) - 1); // two significant digits
    return Math.round(v / step) * step;
  }
  return size >= 10 ? Math.round(v) : Math.round(v * 10) / 10;
}

/** Every combination of one candidate per field, first field slowest, up to `max`. */
function* product<T>(lists: readonly T[][], max: number): Generator<T[]> {
  if (lists.some((l) => l.length === 0)) return;
  const index = lists.map(() => 0);
  for (let n = 0; n < max; n++) {
    yield index.map((k, i) => lists[i][k]);
    let i = lists.length - 1;
    while (i >= 0 && ++index[i] === lists[i].length) index[i--] = 0;
    if (i < 0) return;
  }
}
