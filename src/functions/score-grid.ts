import { isBlank, scoreRow, type CellValue, type Lang, type RowResult } from "../core";
import { cellError, isCellError, type CellError } from "./cell-error";
import { asGrid, cellOf, resultShape, type Grid, type Shape } from "./grid";
import { argumentMessage } from "./messages";
import type { FunctionModel } from "./models";

/** One cell of a function's result: a value, "" for an empty input, or an error. */
export type CellResult = string | number | CellError;

/** What a function shows for a row that got a tier. */
export type Show = (result: RowResult, fm: FunctionModel, lang: Lang) => string | number;

/**
 * Scores every cell position of the value arguments (one argument per model
 * input, in the model's field order) and shows each tiered row with `show`.
 * Ranges give a result of their shape; single values broadcast.
 */
export function scoreGrid(fm: FunctionModel, args: readonly unknown[], names: readonly string[], lang: Lang, show: Show): CellResult[][] {
  const grids = args.map(asGrid);
  const shape = resultShape(grids, names, lang);
  if (isCellError(shape)) return [[shape]];
  return scoreCells(fm, grids, shape, names, lang, show);
}

/** `scoreGrid` on arguments already read as grids of a checked shape. */
export function scoreCells(fm: FunctionModel, grids: readonly Grid[], shape: Shape, names: readonly string[], lang: Lang, show: Show): CellResult[][] {
  const { inputs, compiled } = fm;
  // One scratch row for the whole call: scoreRow reads it and keeps nothing.
  const row: Record<string, CellValue> = {};
  const out: CellResult[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const line: CellResult[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      for (let i = 0; i < inputs.length; i++) row[inputs[i].id] = toCellValue(cellOf(grids[i], r, c));
      const result = scoreRow(compiled, row);
      line[c] = result.grade === null ? untiered(result, fm, names, lang) : show(result, fm, lang);
    }
    out[r] = line;
  }
  return out;
}

/** Excel hands over numbers, text, booleans and empty cells; an error cell arrives as an error object. */
function toCellValue(v: unknown): CellValue {
  if (isCellError(v)) return { error: v.code };
  return v as CellValue;
}

/**
 * A row without a tier: empty when an input cell is empty (nothing to grade
 * yet), else #VALUE! naming the argument and the value that could not be used.
 */
function untiered(result: RowResult, fm: FunctionModel, names: readonly string[], lang: Lang): CellResult {
  for (const issue of result.issues) {
    if (issue.severity !== "error" || isBlank(issue.value as CellValue)) continue;
    const i = fm.inputs.findIndex((f) => f.id === issue.field);
    return cellError("invalidValue", argumentMessage(names[i] ?? issue.field ?? "", fm.inputs[i], issue.message)[lang]);
  }
  return "";
}
