/**
 * Value-preset templates (issue 11), the plan's shape: the cut points are one
 * live formula each over a named customer-sheet column, the per-row formulas
 * read them by name, and nothing costs rows² — no per-row formula scans a
 * whole column, and the Pareto search on the rules sheet grows with log₂(rows).
 */
import { findPreset } from "../../../src/core/presets";
import { columnCells } from "../../../src/core/plan/columns";
import type { Cell, WorkbookPlan } from "../../../src/core/plan/types";
import { buildTemplatePlan } from "../../../src/core/template";

const formulas = (cells: readonly Cell[]) => cells.flatMap((c) => (c && typeof c === "object" && "formula" in c ? [String(c.formula)] : []));
const rulesFormulas = (plan: WorkbookPlan) => formulas(plan.sheets.find((s) => s.role === "rules")!.blocks.flatMap((b) => b.cells.flat()));
/** The formula of every computed column of the customer sheet, first data row. */
const rowFormulas = (plan: WorkbookPlan) => formulas(plan.sheets[0].tables![0].columns.map((c) => columnCells(c, 0, 1)[0]));
const name = (plan: WorkbookPlan, n: string) => plan.names!.find((x) => x.name === n)?.ref;

describe("value-preset templates: live cut points", () => {
  it.each([
    ["rfm", ["Recency", "Frequency", "Monetary"], 4],
    ["rfm-8", ["Recency", "Frequency", "Monetary"], 1],
  ] as const)("%s: each cut is ONE formula over the named customer column (PERCENTILE.INC quintiles / AVERAGE)", (id, fields, cuts) => {
    const plan = buildTemplatePlan(findPreset(id)!, { lang: "en-US", rows: 500 });
    const rules = rulesFormulas(plan);
    for (const field of fields) {
      // The data range: the customer sheet's column, data rows 4..503 (500 rows), by name.
      expect(name(plan, `${field}_data_tpl`)).toMatch(/^Customers!\$[A-Z]+\$4:\$[A-Z]+\$503$/);
      const own = rules.filter((f) => f.includes(`${field}_data_tpl`));
      expect(own).toEqual(id === "rfm" ? [0.2, 0.4, 0.6, 0.8].map((k) => `IFERROR(PERCENTILE(${field}_data_tpl,${k}),"")`) : [`IFERROR(AVERAGE(${field}_data_tpl),"")`]);
      // The cut cells, one column on the rules sheet, named for the row formulas.
      const bounds = name(plan, `${field}_bounds_tpl`)!;
      const [, first, last] = /!\$E\$(\d+)(?::\$E\$(\d+))?$/.exec(bounds)!;
      expect(Number(last ?? first) - Number(first) + 1).toBe(cuts);
    }
    // Recency is typed as the last order date and counted to the rules sheet's as-of day.
    expect(name(plan, "Recency_data_tpl")).not.toBe(name(plan, "Frequency_data_tpl"));
    expect(rowFormulas(plan)).toEqual(expect.arrayContaining([expect.stringMatching(/^IF\(ISNUMBER\([A-Z]+4\),As_of_tpl-[A-Z]+4,""\)$/)]));
    expect(rules).toContain("TODAY()");
  });

  it("the per-row formulas read the cuts by name and count them (a handful of cells), never the customer column", () => {
    for (const id of ["rfm", "rfm-8", "abc", "value-abcd"]) {
      const plan = buildTemplatePlan(findPreset(id)!, { lang: "en-US", rows: 100_000 });
      const rows = rowFormulas(plan);
      expect(rows.some((f) => /COUNTIF\([A-Za-z]+_bounds_tpl,/.test(f))).toBe(true);
      for (const f of rows) {
        expect({ id, f, scansData: /_data_tpl|SUMIF|SUMPRODUCT|LARGE|RANK|\$\d+:\$?[A-Z]+\$\d+/.test(f) }).toEqual({ id, f, scansData: false });
      }
    }
  });

  it.each(["abc", "value-abcd"])("%s: the Pareto cuts come from a bisection whose length grows with log2(rows), not a per-row SUMIF", (id) => {
    const count = (rows: number) => {
      const plan = buildTemplatePlan(findPreset(id)!, { lang: "en-US", rows });
      const sumifs = rulesFormulas(plan).filter((f) => f.includes("SUMIF(")).length;
      return { sumifs, rowsWithSumif: rowFormulas(plan).filter((f) => f.includes("SUMIF")).length };
    };
    // One total, then per limit (80%, 95%) one step per bit of the row count: 500 rows → 9 bits, 100,000 → 17.
    expect(count(500)).toEqual({ sumifs: 1 + 2 * 9, rowsWithSumif: 0 });
    expect(count(100_000)).toEqual({ sumifs: 1 + 2 * 17, rowsWithSumif: 0 });
    const plan = buildTemplatePlan(findPreset(id)!, { lang: "en-US", rows: 500 });
    // The cut cells read the last step's rank, by name: the k-th largest value.
    expect(rulesFormulas(plan)).toEqual(expect.arrayContaining([`IF(Monetary_pareto_rank_80_tpl=0,"",LARGE(Monetary_data_tpl,Monetary_pareto_rank_80_tpl))`]));
    expect(name(plan, "Monetary_pareto_rank_80_tpl")).toMatch(/^'Tier rules'!\$[A-Z]+\$\d+$/);
  });

  it("Chinese names too, and a second template in the same workbook keeps its own names", () => {
    const first = buildTemplatePlan(findPreset("rfm")!, { lang: "zh-CN" });
    expect(name(first, "金额数据_模板")).toMatch(/^'客户管理'!\$[A-Z]+\$4:\$[A-Z]+\$503$/);
    const existing = first.sheets.map((s) => ({ name: s.name, marker: s.marker?.name }));
    const second = buildTemplatePlan(findPreset("rfm")!, { lang: "zh-CN", existing });
    const names = second.names!.map((n) => n.name);
    expect(names).toContain("金额数据_模板_2");
    expect(names.filter((n) => first.names!.some((m) => m.name === n))).toEqual([]);
  });

  it("rows in example mode: several segments and classes, a zero total, lapsed customers", () => {
    const plan = buildTemplatePlan(findPreset("rfm")!, { lang: "en-US", examples: true, today: new Date(Date.UTC(2026, 5, 30)) });
    const table = plan.sheets[0].tables![0];
    const values = (col: number) => columnCells(table.columns[col], 0, 12);
    const header = plan.sheets[0].blocks[0].cells[2].map(String);
    expect(values(header.indexOf("Total spent"))).toContain(0);
    const lastOrders = values(header.indexOf("Last order")) as number[];
    expect(lastOrders.filter((d) => d < 46203 - 365).length).toBeGreaterThanOrEqual(2); // 2026-06-30 is serial 46203
  });
});
