/**
 * The CUSTTIER worksheet functions. Each is a thin wrapper over the engine in
 * src/core; the JSDoc below is the source of functions.json (custom-functions-metadata),
 * and the webpack plugin adds the CustomFunctions.associate calls.
 *
 * Every value argument is a range (matrix) so that a column of customers gives a
 * column of results (spills); a single value is used for every cell of the other
 * ranges. An empty input cell gives an empty result; a value that cannot be read
 * gives #VALUE! naming the argument and the value, in the user's language.
 */
import { explainRow, type Lang, type RowResult } from "../core";
import { bandLookup } from "./band";
import { cellError, isCellError } from "./cell-error";
import { displayLang } from "./language";
import { noScore, valueCount } from "./messages";
import { abcModel, functionModel, rfmModel, twoInputModel, type FunctionModel } from "./models";
import { populationGrid } from "./population-grid";
import { scoreGrid, type Show } from "./score-grid";

const TWO_INPUTS = ["revenue", "paydays"] as const;

const showGrade: Show = (r) => r.grade!;
const showScore: Show = (r) => r.score!;
/** A segment by its name in the function's language (冠军客户 / Champions). */
const showLabel: Show = (r, fm, lang) => fm.compiled.model.tiers.find((t) => t.id === r.tier)!.label[lang];
const showWhy: Show = (r: RowResult, fm: FunctionModel, lang: Lang) => explainRow(fm.compiled, r, lang);

function twoInputFunction(revenue: unknown, paydays: unknown, model: unknown, show: Show, needsScore = false): unknown[][] {
  const lang = displayLang();
  const fm = twoInputModel(model, lang);
  if (isCellError(fm)) return [[fm]];
  if (needsScore && fm.compiled.model.combine !== "sum") return [[cellError("invalidValue", noScore(fm.id)[lang])]];
  return scoreGrid(fm, [revenue, paydays], TWO_INPUTS, lang, show);
}

/**
 * Customer tier (A, B, C) from monthly sales and payment days, on the 100-point scale: sales up to 70 points, payment up to 30; A from 80, B from 60. Example: =CUSTTIER.TIER(B2:B100, C2:C100).
 * @customfunction TIER TIER
 * @param revenue Monthly average sales: a number, text such as "2万", or a range.
 * @param paydays Days from invoice to payment: a number, text such as "30天", or a range.
 * @param [model] Model id for another two-input model, e.g. "orders-volume". Default "sales-payment".
 * @returns The tier of each customer; empty where an input is empty.
 */
export function tier(revenue: unknown[][], paydays: unknown[][], model?: string): unknown[][] {
  return twoInputFunction(revenue, paydays, model, showGrade);
}

/**
 * Points (0 to 100) from monthly sales and payment days, on the 100-point scale. Example: =CUSTTIER.SCORE(B2, C2).
 * @customfunction SCORE SCORE
 * @param revenue Monthly average sales: a number, text such as "2万", or a range.
 * @param paydays Days from invoice to payment: a number, text such as "30天", or a range.
 * @param [model] Model id for another two-input points model. Default "sales-payment".
 * @returns The points of each customer; empty where an input is empty.
 */
export function score(revenue: unknown[][], paydays: unknown[][], model?: string): unknown[][] {
  return twoInputFunction(revenue, paydays, model, showScore, true);
}

/**
 * Why a customer got its tier: each band matched, its points and the total, in the language of Office. Example: =CUSTTIER.WHY(B2, C2).
 * @customfunction WHY WHY
 * @param revenue Monthly average sales: a number, text such as "2万", or a range.
 * @param paydays Days from invoice to payment: a number, text such as "30天", or a range.
 * @param [model] Model id for another two-input model. Default "sales-payment".
 * @returns One line per customer; empty where an input is empty.
 */
export function why(revenue: unknown[][], paydays: unknown[][], model?: string): unknown[][] {
  return twoInputFunction(revenue, paydays, model, showWhy);
}

/**
 * Tier, with sub-level where the model has one (A-), under any preset model; the values follow the model's inputs in order. Example: =CUSTTIER.GRADE("nine-grid", B2, C2, D2).
 * @customfunction GRADE GRADE
 * @param model Model id: sales-payment, orders-volume, close-time, potential-4, weighted, nine-grid, sales-stage or real-estate.
 * @param value The model's inputs in order, each a value or a range.
 * @returns The tier of each customer; empty where an input is empty.
 */
export function grade(model: string, value: unknown[][][]): unknown[][] {
  const lang = displayLang();
  const fm = functionModel(model, lang);
  if (isCellError(fm)) return [[fm]];
  const values = Array.isArray(value) ? value : [value];
  if (values.length !== fm.inputs.length) return [[cellError("invalidValue", valueCount(fm.id, fm.inputs, values.length)[lang])]];
  return scoreGrid(fm, values, fm.inputs.map((_, i) => `value${i + 1}`), lang, showGrade);
}

/**
 * Points of the band a value falls in. Thresholds are ascending lower bounds, each included in its band; a value below the first gives #N/A. Example: =CUSTTIER.BAND(B2, {0,5000,10000}, {30,40,50}).
 * @customfunction BAND BAND
 * @param value The value to look up: a number or a range.
 * @param thresholds Lower bound of each band, ascending (a row or a column).
 * @param points Points of each band, one per threshold.
 * @returns The points of each value; empty where the value is empty.
 */
export function band(value: unknown[][], thresholds: unknown[][], points: unknown[][]): unknown[][] {
  return bandLookup(value, thresholds, points, displayLang());
}

/**
 * RFM segment of each customer, in the language of Office. The customers are the rows of the ranges given: R, F and M are scored 1 to 5 against their quintiles (PERCENTILE.INC at 20/40/60/80%; F and M = 1 + the cut points the value is strictly above, R = 5 − that), and the segment comes from R and FM = ROUND((F+M)/2, 0). Example: =CUSTTIER.RFM(B2:B500, C2:C500, D2:D500).
 * @customfunction RFM RFM
 * @param recency Days since each customer's last order: a range (one customer per row), numbers or text such as "30天".
 * @param frequency Number of orders of each customer: a range of the same size.
 * @param monetary Total spent by each customer: a range of the same size; refunds may make it negative.
 * @returns The segment of each customer (Champions, Loyal, … Lost); empty where an input is empty.
 */
export function rfm(recency: unknown[][], frequency: unknown[][], monetary: unknown[][]): unknown[][] {
  return populationGrid(rfmModel, [recency, frequency, monetary], ["recency", "frequency", "monetary"], displayLang(), showLabel);
}

/**
 * ABC (Pareto) class of each value: A while the customers with a strictly greater value hold less than cutA of the total, B below cutB, else C; equal values share a class; zero and negative values are C. Example: =CUSTTIER.ABC(D2:D500).
 * @customfunction ABC ABC
 * @param values Each customer's value, e.g. total spent: a range (one customer per row).
 * @param [cutA] Share of the total ahead of a customer below which it is A. Default 0.8 (80%).
 * @param [cutB] Share of the total ahead below which it is B. Default 0.95 (95%).
 * @returns A, B or C for each customer; empty where the value is empty.
 */
export function abc(values: unknown[][], cutA?: number, cutB?: number): unknown[][] {
  const lang = displayLang();
  const model = abcModel(cutA, cutB, lang);
  if (isCellError(model)) return [[model]];
  return populationGrid(model, [values], ["values"], lang, showGrade);
}
