import { compileModel, DEFAULT_PRESET_ID, findPreset, PARETO_LIMITS, hasPopulation, type CompiledModel, type FieldDef, type Lang, type Model } from "../core";
import { cellError, isCellError, type CellError } from "./cell-error";
import { paretoLimits, unknownModel, useGrade, wholeColumnModel } from "./messages";

/** A preset ready for the functions: compiled once, with the inputs a formula passes, in order. */
export interface FunctionModel {
  readonly id: string;
  readonly compiled: CompiledModel;
  /** The preset's fields without `customer` and optional ones (cadence dates): the formula's value arguments. */
  readonly inputs: readonly FieldDef[];
}

const cache = new Map<string, FunctionModel>();

/** The `[model]` argument: omitted (null) or blank means the default preset. */
export function functionModel(arg: unknown, lang: Lang): FunctionModel | CellError {
  const id = arg === null || arg === undefined || String(arg).trim() === "" ? DEFAULT_PRESET_ID : String(arg).trim();
  const hit = cache.get(id);
  if (hit) return hit;
  const model = findPreset(id);
  if (!model) return cellError("invalidValue", unknownModel(id)[lang]);
  // RFM, ABC: cut points come from all the customers, which a per-row function does not see.
  if (hasPopulation(model)) return cellError("invalidValue", wholeColumnModel(id)[lang]);
  const entry: FunctionModel = { id, compiled: compileModel(model), inputs: model.fields.filter((f) => f.required) };
  cache.set(id, entry);
  return entry;
}

/** TIER, SCORE and WHY take two value arguments: models with another number of inputs go through GRADE. */
export function twoInputModel(arg: unknown, lang: Lang): FunctionModel | CellError {
  const fm = functionModel(arg, lang);
  if (isCellError(fm) || fm.inputs.length === 2) return fm;
  return cellError("invalidValue", useGrade(fm.id, fm.inputs)[lang]);
}

/** The `rfm` preset as shipped (cut points from the ranges given, default R × FM grid). */
export const rfmModel: Model = findPreset("rfm")!;

const ABC = findPreset("abc")!;

/**
 * The `abc` preset with ABC's share limits: [cutA] and [cutB] omitted (null)
 * give the preset's 80% / 95%. The preset lists its limits from C/B up: [cutB, cutA].
 */
export function abcModel(cutA: unknown, cutB: unknown, lang: Lang): Model | CellError {
  const [defaultB, defaultA] = PARETO_LIMITS;
  const a = cutA === null || cutA === undefined ? defaultA : Number(cutA);
  const b = cutB === null || cutB === undefined ? defaultB : Number(cutB);
  if (!(a > 0 && a < b && b <= 1)) return cellError("invalidValue", paretoLimits(a, b)[lang]);
  if (a === defaultA && b === defaultB) return ABC;
  const criteria = ABC.criteria.map((c) => (c.kind === "bands" && c.population ? { ...c, population: { ...c.population, at: [b, a] } } : c));
  return { ...ABC, criteria };
}
