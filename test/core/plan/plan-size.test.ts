/**
 * The plan describes columns, not cells: a 1,000,000-row tier plan is as big
 * as a 1,000-row one (issue 10). The scored rows are the engine's input, not
 * part of the plan: the plan's data columns pull them when a host asks.
 */
import { salesPayment } from "../../../src/core";
import { buildTierPlan } from "../../../src/core/plan/build";
import { columnCells } from "../../../src/core/plan/columns";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { buildTemplatePlan } from "../../../src/core/template";
import { mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import type { ScoredTable, SourceRow } from "../../../src/core/sheet/types";

const HEADERS = ["客户名称", "月均销售额", "回款天数"];

/** `n` customers on consecutive sheet rows (row 2 on), scored by the engine. */
function scoredCustomers(n: number): ScoredTable {
  const rows: SourceRow[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = { row: i + 2, cells: [`客户${(i % 500) + 1}`, 1000 * ((i * 37) % 400), (i * 13) % 150] };
  const table = { sheetName: "客户表", headerRow: 1, firstCol: 0, headers: HEADERS, rows, skipped: [], foundBy: "detected" as const };
  return scoreTable(table, mapColumns(HEADERS, salesPayment), salesPayment, "zh-CN");
}

/** Objects and arrays reachable from the plan (functions are not followed: they are the sources hosts pull from). */
function countObjects(value: unknown, seen = new Set<object>()): number {
  if (value === null || typeof value !== "object" || seen.has(value)) return 0;
  seen.add(value);
  let n = 1;
  for (const v of Object.values(value)) n += countObjects(v, seen);
  return n;
}

function planOf(n: number): WorkbookPlan {
  return buildTierPlan(scoredCustomers(n), salesPayment, { existing: [{ name: "客户表" }], today: new Date(Date.UTC(2026, 0, 1)) });
}

describe("plan size", () => {
  test("a 1,000,000-row tier plan has as many objects and (within a few digits) as many bytes as a 1,000-row one", () => {
    const small = planOf(1000);
    const big = planOf(1_000_000);
    expect(countObjects(big)).toBe(countObjects(small));
    // The why is a formula up to LIVE_WHY_MAX_ROWS rows and the engine's text (pulled like any data) above, and the
    // legend says which: both left out of the byte count.
    const bytes = (p: WorkbookPlan) =>
      Buffer.byteLength(JSON.stringify(p, (_, v: unknown) => ((v as { role?: string } | null)?.role === "why" ? null : typeof v === "string" && v.includes("“说明”列") ? "" : v)));
    // Only row numbers in ranges grow (1003 → 1000003): a few characters each.
    expect(Math.abs(bytes(big) - bytes(small))).toBeLessThan(200);
    expect(bytes(big)).toBeLessThan(50_000);
    // And it still holds every row: the last customer is there for a host to pull.
    const table = big.sheets.find((s) => s.role === "tiers")!.tables![0];
    expect(table.rows).toBe(1_000_000);
    expect(columnCells(table.columns[0], 999_999, 1_000_000)).toEqual([`客户500`]);
    expect(columnCells(table.columns[1], 999_999, 1_000_000)).toEqual([1_000_001]);
    // 500 names over a million rows: 999,500 duplicate-customer warnings, listed on the summary as a column table too.
    const issues = big.sheets.find((s) => s.role === "summary")!.tables![0];
    expect(issues.rows).toBe(999_500);
    expect(columnCells(issues.columns[1], 999_499, 999_500)).toEqual(["客户500"]);
  }, 300_000);

  test("a 100,000-row template plan (its largest) has as many objects as a 1,000-row one: one formula per computed column", () => {
    const template = (rows: number) => buildTemplatePlan(salesPayment, { lang: "zh-CN", rows, examples: true, today: new Date(Date.UTC(2026, 0, 1)) });
    const small = template(1000);
    const big = template(100_000);
    expect(countObjects(big)).toBe(countObjects(small));
    expect(big.sheets[0].tables![0].rows).toBe(100_000);
  });
});

describe("source rows with gaps (a blank or total row between customers)", () => {
  test("the inputs are still one formula per column, reading the source through the source-row column", () => {
    const rows: SourceRow[] = [
      { row: 2, cells: ["甲", 25000, 20] },
      { row: 3, cells: ["乙", 12000, 40] },
      { row: 5, cells: ["丙", "2万", 31] }, // row 4 is blank in the source; 2万 is read from text
      { row: 6, cells: ["丁", 3000, 70] },
    ];
    const table = { sheetName: "客户表", headerRow: 1, firstCol: 0, headers: HEADERS, rows, skipped: [], foundBy: "detected" as const };
    const scored = scoreTable(table, mapColumns(HEADERS, salesPayment), salesPayment, "zh-CN");
    const plan = buildTierPlan(scored, salesPayment, { existing: [{ name: "客户表" }], today: new Date(Date.UTC(2026, 0, 1)) });
    const t = plan.sheets[0].tables![0];
    const sales = t.columns[2];
    expect(t.columns.map((c) => c.role).slice(0, 4)).toEqual(["customer", "other", "input", "input"]);
    if (sales.kind !== "formula") throw new Error("the sales column should be one formula");
    // Row i reads the source row its source-row cell (column B) names: 2, 3, 5, 6.
    expect(sales.formula).toBe(`IF(INDEX('客户表'!$B:$B,$B4)="","",INDEX('客户表'!$B:$B,$B4))`);
    expect(columnCells(t.columns[1], 0, 4)).toEqual([2, 3, 5, 6]);
    // The value read from text is the one exception, in blue.
    expect(sales.exceptions).toEqual([{ row: 2, cell: { kind: "formatted", value: 20000, numberFormat: expect.stringMatching(/^\[Blue\]/) } }]);
  });
});
