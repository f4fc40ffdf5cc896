/**
 * What a user types into a template, per preset, with the grade
 * tiering-models.md gives it (worked examples, both sides of boundaries and
 * the seeds' decisions). Categories are named by id and typed as their label
 * in the template's language, as picked from the dropdown.
 */
import type { Lang, Model } from "../../../src/core/model";

export type Typed = number | { category: string };

export interface GoldenRow {
  inputs: Record<string, Typed>;
  /** The grade the spec gives (tier with sub-level). */
  grade: string;
  /** Sum models: the score the spec gives. */
  score?: number;
}

const cat = (category: string) => ({ category });

export const GOLDEN: Record<string, GoldenRow[]> = {
  // §1 worked examples
  "sales-payment": [
    { inputs: { revenue: 25000, paydays: 20 }, score: 100, grade: "A" },
    { inputs: { revenue: 20000, paydays: 31 }, score: 90, grade: "A" },
    { inputs: { revenue: 19999.99, paydays: 30 }, score: 80, grade: "A" },
    { inputs: { revenue: 10000, paydays: 30 }, score: 70, grade: "B" },
    { inputs: { revenue: 10000.01, paydays: 46 }, score: 60, grade: "B" },
    { inputs: { revenue: 5000, paydays: 31 }, score: 50, grade: "C" },
    { inputs: { revenue: 20000, paydays: 61 }, score: 70, grade: "B" },
  ],
  // §2: the worse of the two levels
  "orders-volume": [
    { inputs: { orders: 7, volume: 50000 }, grade: "B" },
    { inputs: { orders: 2, volume: 200000 }, grade: "C" },
    { inputs: { orders: 6, volume: 100001 }, grade: "A" },
    { inputs: { orders: 6, volume: 100000 }, grade: "B" },
    { inputs: { orders: 4, volume: 10000 }, grade: "B" },
    { inputs: { orders: 3, volume: 150000 }, grade: "C" },
  ],
  // §3: need and months; "none" is E whatever the months
  "close-time": [
    { inputs: { need: cat("clear"), months: 1 }, grade: "A" },
    { inputs: { need: cat("clear"), months: 3 }, grade: "B" },
    { inputs: { need: cat("clear"), months: 6 }, grade: "C" },
    { inputs: { need: cat("clear"), months: 6.5 }, grade: "D" },
    { inputs: { need: cat("potential"), months: 1 }, grade: "D" },
    { inputs: { need: cat("none"), months: 0.5 }, grade: "E" },
    { inputs: { need: cat("none") }, grade: "E" },
  ],
  // §4: the better of the two levels
  "potential-4": [
    { inputs: { months: 3, amount: 0 }, grade: "A" },
    { inputs: { months: 13, amount: 100000 }, grade: "A" },
    { inputs: { months: 6, amount: 50000 }, grade: "B" },
    { inputs: { months: 12, amount: 20000 }, grade: "C" },
    { inputs: { months: 13, amount: 19999 }, grade: "D" },
  ],
  // §5: (90 × 50% + 70 × 50%) × 1.05 = 84; a missing bonus counts as none
  weighted: [
    { inputs: { history: 90, forecast: 70, bonus: cat("yes") }, score: 84, grade: "A" },
    { inputs: { history: 90, forecast: 70, bonus: cat("no") }, score: 80, grade: "A" },
    { inputs: { history: 60, forecast: 60, bonus: cat("no") }, score: 60, grade: "B" },
    { inputs: { history: 50, forecast: 50, bonus: cat("yes") }, score: 52.5, grade: "C" },
    { inputs: { history: 90, forecast: 70 }, score: 80, grade: "A" },
  ],
  // §6 worked examples
  "nine-grid": [
    { inputs: { hospitalLevel: cat("level3"), doctorTitle: cat("associateChief"), prescribing: cat("first") }, score: 10, grade: "A" },
    { inputs: { hospitalLevel: cat("level2"), doctorTitle: cat("resident"), prescribing: cat("first") }, score: 4, grade: "B" },
    { inputs: { hospitalLevel: cat("belowLevel2"), doctorTitle: cat("resident"), prescribing: cat("second") }, score: 3, grade: "C" },
    { inputs: { hospitalLevel: cat("level3"), doctorTitle: cat("resident"), prescribing: cat("competitor") }, score: 8, grade: "A" },
  ],
  // §7: the stage is the grade
  "sales-stage": [
    { inputs: { stage: cat("A01") }, grade: "A01" },
    { inputs: { stage: cat("A05") }, grade: "A05" },
    { inputs: { stage: cat("A21") }, grade: "A21" },
    { inputs: { stage: cat("A31") }, grade: "A31" },
  ],
  // §8: tiers with strong/weak sub-levels
  "real-estate": [
    { inputs: { status: cat("contract") }, grade: "A+" },
    { inputs: { status: cat("agreement") }, grade: "A" },
    { inputs: { status: cat("agreementWavering") }, grade: "A-" },
    { inputs: { status: cat("visitedTwice") }, grade: "B-" },
    { inputs: { status: cat("watching") }, grade: "C-" },
    { inputs: { status: cat("gaveUp") }, grade: "D" },
  ],
};

/** tiering-models.md §3: follow-up cadence in days per close-time tier. */
export const CLOSE_TIME_CADENCE: Record<string, number> = { A: 1, B: 7, C: 15, D: 30, E: 365 };

/** The label of a category (by id) in the model, as its dropdown shows it. */
export function categoryLabel(model: Model, id: string, lang: Lang): string {
  for (const c of model.criteria) {
    const options = c.kind === "categories" ? c.categories : c.kind === "table" ? [...c.rows, ...c.cols] : [];
    const found = options.find((k) => k.id === id);
    if (found) return found.label[lang];
  }
  throw new Error(`${model.id} has no category ${id}`);
}

/** A golden row's inputs as typed: numbers as they are, categories as their label. */
export function typed(model: Model, row: GoldenRow, lang: Lang): Record<string, number | string> {
  return Object.fromEntries(Object.entries(row.inputs).map(([field, v]) => [field, typeof v === "number" ? v : categoryLabel(model, v.category, lang)]));
}
