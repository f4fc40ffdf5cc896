/**
 * Population cut points on the rules sheet (issue 11): the value the engine
 * cuts at, without floating noise, shown with at most two decimals (never
 * General, which shows a computed average's every digit), whole bounds with
 * thousands separators. Data: the Sample Superstore lines summed per customer.
 */
import { runJob, plan } from "../../../src/core/pipeline";
import { cellBlocks, numberFormatAt } from "../../../src/core/plan/columns";
import type { SheetPlan } from "../../../src/core/plan/types";
import { findPreset } from "../../../src/core/presets";
import type { SheetGrid } from "../../../src/core/sheet/types";
import { expectedCustomers, superstoreLines } from "../orders/superstore";

const AS_OF = "2018-01-01";
let log: SheetGrid;

beforeAll(() => {
  const lines = superstoreLines();
  const headers = Object.keys(lines[0]);
  log = { name: "superstore", values: [headers, ...lines.map((l) => headers.map((h) => l[h]))] };
});

function rulesOf(model: string): SheetPlan {
  const { scored } = runJob(log, { model: findPreset(model)!, lang: "en-US", today: new Date(`${AS_OF}T00:00:00`) });
  return plan(scored, { lang: "en-US" }).sheets.find((s) => s.role === "rules")!;
}

/** Every cell of a sheet plan by [row, col] (0-based). */
function cells(sheet: SheetPlan): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const b of cellBlocks(sheet)) b.cells.forEach((r, i) => r.forEach((c, j) => out.set(`${b.at.row + i},${b.at.col + j}`, c)));
  return out;
}

/** The number format a cell gets. */
const formatAt = (sheet: SheetPlan, row: number, col: number) => numberFormatAt(sheet.columns ?? [], row, col);

/** The number cells of the rules sheet's bound columns (From, To), with the row's first cell. */
function bounds(sheet: SheetPlan): { row: number; col: number; value: number }[] {
  const out: { row: number; col: number; value: number }[] = [];
  for (const [key, cell] of cells(sheet)) {
    const [row, col] = key.split(",").map(Number);
    if (typeof cell === "number" && (col === FROM || col === TO) && formatAt(sheet, row, col) !== "yyyy-mm-dd") out.push({ row, col, value: cell });
  }
  return out;
}

/** PERCENTILE.INC at k/5 in exact decimals: rank (n − 1)·k/5 = lo + num/5. */
function quintile(sorted: number[], k: number): number {
  const lo = Math.floor(((sorted.length - 1) * k) / 5);
  const num = ((sorted.length - 1) * k) % 5;
  return Math.round((sorted[lo] + ((sorted[lo + 1] - sorted[lo]) * num) / 5) * 1e9) / 1e9;
}

const [FROM, TO, LOOKUP_BOUND] = [2, 4, 7];

describe("population cut points on the rules sheet", () => {
  it("rfm: the frequency quintile P4 is 8.6 (rank 792·0.8 = 633.6 between the 634th and 635th order counts), with two decimals at most", () => {
    const customers = [...expectedCustomers(AS_OF).values()];
    const sorted = (f: (c: (typeof customers)[number]) => number) => customers.map(f).sort((a, b) => a - b);
    const cuts = [sorted((c) => c.recency), sorted((c) => c.frequency), sorted((c) => c.monetary)].map((v) => [1, 2, 3, 4].map((k) => quintile(v, k)));
    expect(cuts[1][3]).toBe(8.6);
    const sheet = rulesOf("rfm");
    const shown = bounds(sheet);
    const decimal = shown.filter((c) => !Number.isInteger(c.value));
    // Each cut is the upper bound of one band and the lower bound of the next.
    expect(decimal.map((c) => c.value).sort((a, b) => a - b)).toEqual(cuts.flat().filter((v) => !Number.isInteger(v)).flatMap((v) => [v, v]).sort((a, b) => a - b));
    for (const c of decimal) expect(formatAt(sheet, c.row, c.col)).toBe("#,##0.0#");
    for (const c of shown.filter((b) => Number.isInteger(b.value))) expect(formatAt(sheet, c.row, c.col)).toBe("#,##0");
    // The sorted lookup beside each table shows the same bounds the same way.
    const lookupDecimals = [...cells(sheet).keys()].map((k) => k.split(",").map(Number)).filter(([row, col]) => col === LOOKUP_BOUND && formatAt(sheet, row, col) === "#,##0.0#");
    expect(lookupDecimals).toHaveLength(decimal.length / 2);
  });

  it("rfm-8: the averages are cut points with decimals, shown with two at most; whole bounds keep thousands separators", () => {
    const sheet = rulesOf("rfm-8");
    const shown = bounds(sheet);
    for (const c of shown) expect(formatAt(sheet, c.row, c.col)).toBe(Number.isInteger(c.value) ? "#,##0" : "#,##0.0#");
    // Three averages (recency, frequency, monetary), each the bound of two bands.
    expect(shown.filter((c) => !Number.isInteger(c.value))).toHaveLength(6);
  });
});
