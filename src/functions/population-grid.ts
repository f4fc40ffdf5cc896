import { compileModel, parseNumber, resolvePopulation, type CellValue, type FieldDef, type Lang, type Model } from "../core";
import { isCellError } from "./cell-error";
import { asGrid, cellOf, resultShape, type Grid, type Shape } from "./grid";
import { scoreCells, type CellResult, type Show } from "./score-grid";

/**
 * RFM and ABC in a cell: the ranges given are the customers. Their cut points
 * (quintiles, Pareto shares) are computed once per call by the engine's
 * `resolvePopulation`, exactly as for a sheet; then every cell is scored like
 * any other function's. Cells that are empty or cannot be read are not
 * customers: they get "" or a #VALUE! and do not move the cut points.
 */
export function populationGrid(model: Model, args: readonly unknown[], names: readonly string[], lang: Lang, show: Show): CellResult[][] {
  const grids = args.map(asGrid);
  const shape = resultShape(grids, names, lang);
  if (isCellError(shape)) return [[shape]];
  const inputs = model.fields.filter((f) => f.required);
  const numbers = new Map(inputs.map((f, i) => [f.id, readNumbers(grids[i], shape, f)]));
  const resolved = resolvePopulation(model, (id) => numbers.get(id)).model;
  return scoreCells({ id: model.id, compiled: compileModel(resolved), inputs }, grids, shape, names, lang, show);
}

/** The numbers of one argument over the result's cells (a single value stands for every cell), NaN where none can be read. */
function readNumbers(g: Grid, shape: Shape, field: FieldDef): Float64Array {
  const out = new Float64Array(shape.rows * shape.cols).fill(NaN);
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.cols; c++) {
      const raw = cellOf(g, r, c);
      if (isCellError(raw)) continue;
      const parsed = parseNumber(raw as CellValue, field.kind);
      if (parsed.ok) out[r * shape.cols + c] = parsed.value;
    }
  }
  return out;
}
