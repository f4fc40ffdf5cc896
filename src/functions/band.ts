import { bandIndex, isBlank, parseNumber, type Band, type CellValue, type Lang, type Text } from "../core";
import { cellError, isCellError, type CellError } from "./cell-error";
import { asGrid, flatten, type Grid } from "./grid";
import { argumentMessage, bandLengths, belowFirstThreshold, blankCell, noThresholds, thresholdsNotAscending } from "./messages";
import type { CellResult } from "./score-grid";

/**
 * BAND: thresholds are ascending lower bounds, each included in its band
 * (value ≥ threshold i and < threshold i+1 gives points i). A value below the
 * first threshold falls in no band: #N/A, as Excel's own approximate lookups do.
 */
export function bandLookup(value: unknown, thresholds: unknown, points: unknown, lang: Lang): CellResult[][] {
  const bands = readBands(asGrid(thresholds), asGrid(points), lang);
  if (isCellError(bands)) return [[bands]];
  const values = asGrid(value);
  const out: CellResult[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const line: CellResult[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) line[c] = lookup(row[c] as CellValue, bands, lang);
    out[r] = line;
  }
  return out;
}

function lookup(raw: CellValue, bands: readonly Band[], lang: Lang): CellResult {
  if (isBlank(raw)) return "";
  const parsed = parseNumber(raw, "number");
  if (!parsed.ok) return argumentError("value", parsed.message, lang);
  const i = bandIndex(bands, parsed.value);
  if (i < 0) return cellError("notAvailable", argumentMessage("value", undefined, belowFirstThreshold(parsed.value, bands[0].min!.value))[lang]);
  return bands[i].points!;
}

/** The bands once per call, checked: as many points as thresholds, thresholds strictly ascending. */
function readBands(thresholdGrid: Grid, pointGrid: Grid, lang: Lang): Band[] | CellError {
  const thresholds = readNumbers(thresholdGrid, "thresholds", lang);
  if (isCellError(thresholds)) return thresholds;
  const points = readNumbers(pointGrid, "points", lang);
  if (isCellError(points)) return points;
  if (thresholds.length === 0) return argumentError("thresholds", noThresholds, lang);
  if (thresholds.length !== points.length) return argumentError("points", bandLengths(thresholds.length, points.length), lang);
  for (let i = 1; i < thresholds.length; i++) {
    if (thresholds[i] <= thresholds[i - 1]) return argumentError("thresholds", thresholdsNotAscending(thresholds[i - 1], thresholds[i]), lang);
  }
  return thresholds.map((t, i) => ({
    min: { value: t, inclusive: true },
    max: i + 1 < thresholds.length ? { value: thresholds[i + 1], inclusive: false } : undefined,
    points: points[i],
  }));
}

function readNumbers(g: Grid, argument: string, lang: Lang): number[] | CellError {
  const cells = flatten(g);
  const out: number[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i] as CellValue;
    // A lone empty cell is "nothing given"; an empty cell inside a list is a mistake worth naming.
    if (isBlank(raw)) {
      if (cells.length === 1) return [];
      return argumentError(argument, blankCell, lang);
    }
    const parsed = parseNumber(raw, "number");
    if (!parsed.ok) return argumentError(argument, parsed.message, lang);
    out[i] = parsed.value;
  }
  return out;
}

function argumentError(argument: string, message: Text, lang: Lang): CellError {
  return cellError("invalidValue", argumentMessage(argument, undefined, message)[lang]);
}
