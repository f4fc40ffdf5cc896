/**
 * The Excel host and the column plan (issue 10): each formula column is one
 * R1C1 formula over its whole range, data goes in requests of at most the cap,
 * and the plan's names, print set-up and sheet visibility are applied.
 */
import { findPreset, salesPayment } from "../../../src/core";
import { buildTierPlan } from "../../../src/core/plan/build";
import { columnLetter } from "../../../src/core/plan/a1";
import { dataColumn, formulaColumn, toR1C1 } from "../../../src/core/plan/columns";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import { mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import { applyPlan } from "../../../src/hosts/excel/apply";
import { RecordingContext } from "../../../src/hosts/excel/testing/recording-context";
import { buildTemplatePlan } from "../../../src/core/template";

const HEADERS = ["客户名称", "月均销售额", "回款天数"];

function salesPlan(n: number): WorkbookPlan {
  const rows = Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: [`客户${i + 1}`, 1000 * ((i * 37) % 400), (i * 13) % 150] }));
  const table = { sheetName: "客户表", headerRow: 1, firstCol: 0, headers: HEADERS, rows, skipped: [], foundBy: "detected" as const };
  const scored = scoreTable(table, mapColumns(HEADERS, salesPayment), salesPayment, "zh-CN");
  return buildTierPlan(scored, salesPayment, { existing: [{ name: "客户表" }], today: new Date(Date.UTC(2026, 0, 1)) });
}

const source = () => ({ sheets: [{ name: "客户表" }] });

describe("Excel host: column plan", () => {
  it("writes each formula column once, as one R1C1 formula over all its rows, whatever the number of rows", async () => {
    for (const n of [50, 5000]) {
      const plan = salesPlan(n);
      const table = plan.sheets[0].tables![0];
      const formulaColumns = table.columns.flatMap((c, i) => (c.kind === "formula" ? [i] : []));
      const ctx = new RecordingContext({ ...source(), storeCells: n <= 50 });
      await applyPlan(ctx, plan);
      const fills = ctx.calls.filter((c) => c.api === "range.formulasR1C1");
      expect(fills).toHaveLength(formulaColumns.length);
      for (const [k, col] of formulaColumns.entries()) expect(fills[k].range).toEqual({ row: table.at.row, col, rows: n, cols: 1 });
      // No per-row formula text travels for the tier table (the small summary block may carry formulas).
      const rowFormulas = ctx.calls.filter((c) => c.api === "range.formulas" && c.sheet === plan.sheets[0].name);
      expect(rowFormulas).toEqual([]);
      if (n === 50) {
        // Each cell shows its own row's formula, as if filled down.
        const tiers = ctx.sheet(plan.sheets[0].name);
        const first = formulaColumns[formulaColumns.length - 1];
        const column = table.columns[first];
        if (column.kind !== "formula") throw new Error("formula column expected");
        expect(tiers.shown(table.at.row, first)).toBe("=" + column.formula);
        expect(String(tiers.shown(table.at.row + 49, first))).toBe("=" + column.formula.replace(/(\$?[A-Z]+)4\b/g, "$153"));
      }
    }
  });

  it("sends 100,000 rows in a constant number of syncs plus one per request of at most 4 MB, far below one formula per row", async () => {
    const plan = salesPlan(100_000);
    const ctx = new RecordingContext({ ...source(), storeCells: false });
    await applyPlan(ctx, plan);
    const total = ctx.requests.reduce((n, r) => n + r.bytes, 0);
    const cellRequests = ctx.requests.filter((r) => r.bytes > 0).length;
    expect(ctx.largestRequest).toBeLessThanOrEqual(4_000_000);
    // 2 = see the workbook + commit; every other sync carries cells, each as full as the cap allows.
    expect(ctx.syncs).toBe(2 + cellRequests);
    expect(cellRequests).toBeLessThanOrEqual(Math.ceil(total / (4_000_000 - 64 * 1024)) + 1);
    // Before the column plan (main fdc2a9f) the same run sent 104,422,749 bytes; the target is ≤ 20 %.
    expect(total).toBeLessThan(0.2 * 104_422_749);
  });

  it("applies defined names, print set-up and visibility; a second run replaces its names", async () => {
    const sheet = (name: string, extra: Partial<SheetPlan>): SheetPlan => ({
      name,
      role: "rules",
      action: { kind: "create" },
      marker: { name: `CustTier_${name}`, cell: { row: 0, col: 0 } },
      blocks: [{ at: { row: 0, col: 0 }, cells: [["x"], [1], [2]] }],
      styles: [],
      columns: [],
      rules: [],
      ...extra,
    });
    const plan: WorkbookPlan = {
      sheets: [
        sheet("Rules", {
          print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 2, last: 2 }, area: { row: 0, col: 0, rows: 3, cols: 2 } },
          tables: [{ at: { row: 3, col: 0 }, rows: 3, columns: [dataColumn((r) => r), formulaColumn("A4*2")] }],
        }),
        sheet("Settings", { visibility: "veryHidden" }),
      ],
      activate: "Rules",
      names: [{ name: "SalesBounds", ref: "Rules!$A$2:$A$3", comment: "bounds" }],
    };
    const ctx = new RecordingContext({ sheets: [{ name: "Data" }], names: [{ name: "SalesBounds", sheet: "Data", address: "A1" }] });
    await applyPlan(ctx, plan);
    const rules = ctx.sheet("Rules");
    expect(rules.print).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$3:$3", area: { row: 0, col: 0, rows: 3, cols: 2 } });
    expect(ctx.sheet("Settings").visibility).toBe("VeryHidden");
    const named = ctx.names.filter((n) => n.name === "SalesBounds");
    expect(named).toHaveLength(1);
    expect([named[0].sheet.name, named[0].range, named[0].comment]).toEqual(["Rules", { row: 1, col: 0, rows: 2, cols: 1 }, "bounds"]);
    expect(rules.shown(5, 1)).toBe("=A6*2");
    expect(toR1C1("A4*2", 3, 1)).toBe("RC[-1]*2");
  });

  it("a failed run puts back the names it replaced", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Rules",
          role: "rules",
          action: { kind: "create" },
          marker: { name: "CustTier_Rules", cell: { row: 0, col: 0 } },
          blocks: [{ at: { row: 0, col: 0 }, cells: [["x"], [1]] }],
          styles: [],
          columns: [],
          rules: [],
        },
      ],
      activate: "Rules",
      names: [{ name: "SalesBounds", ref: "Rules!$A$2" }],
    };
    const ctx = new RecordingContext({ sheets: [{ name: "Data" }], names: [{ name: "SalesBounds", sheet: "Data", address: "B2" }] });
    ctx.failWhen((call) => (call.api === "worksheet.activate" ? "GeneralException" : undefined));
    await expect(applyPlan(ctx, plan)).rejects.toBeDefined();
    expect(ctx.sheets.map((s) => s.name)).toEqual(["Data"]);
    const named = ctx.names.filter((n) => n.name === "SalesBounds");
    expect(named.map((n) => [n.sheet.name, n.range])).toEqual([["Data", { row: 1, col: 1, rows: 1, cols: 1 }]]);
  });

  it("writes a template's computed columns once each (one R1C1 formula over all its rows), its examples as values and its names", async () => {
    const rows = 500;
    const plan = buildTemplatePlan(salesPayment, { lang: "zh-CN", rows, examples: true, today: new Date(Date.UTC(2026, 0, 1)) });
    const customers = plan.sheets[0];
    const table = customers.tables![0];
    const formulaColumns = table.columns.flatMap((c, i) => (c.kind === "formula" ? [i] : []));
    expect(formulaColumns.length).toBeGreaterThan(5);
    const ctx = new RecordingContext({ sheets: [{ name: "Sheet1" }] });
    await applyPlan(ctx, plan);
    const fills = ctx.calls.filter((c) => c.api === "range.formulasR1C1" && c.sheet === customers.name);
    expect(fills.map((f) => f.range)).toEqual(formulaColumns.map((col) => ({ row: table.at.row, col, rows, cols: 1 })));
    expect(ctx.calls.filter((c) => c.api === "range.formulas" && c.sheet === customers.name)).toEqual([]);
    // The last row computes from its own inputs, reading the rules by the template's names.
    const sheet = ctx.sheet(customers.name);
    const last = table.at.row + rows - 1;
    const tierCol = table.columns.findIndex((c) => c.role === "tier");
    const scoreCol = table.columns.findIndex((c) => c.role === "score");
    expect(sheet.shown(last, tierCol)).toBe(`=IF(${columnLetter(scoreCol)}${last + 1}="","",INDEX(等级名称_模板,COUNTIF(等级分界_模板,">"&${columnLetter(scoreCol)}${last + 1})+1))`);
    expect(ctx.names.filter((n) => n.name.endsWith("_模板")).map((n) => n.name)).toEqual(plan.names!.map((n) => n.name));
    // Example rows are values in the input columns (the customer's name first).
    expect(typeof sheet.shown(table.at.row, 0)).toBe("string");
  });

  it("inserts a value template (rfm): its data names point at the new customer sheet, the rules sheet's cuts are live PERCENTILEs over them", async () => {
    const plan = buildTemplatePlan(findPreset("rfm")!, { lang: "en-US", rows: 200 });
    const ctx = new RecordingContext({ sheets: [{ name: "Sheet1" }] });
    await applyPlan(ctx, plan);
    const customers = plan.sheets[0];
    const header = customers.blocks[0].cells[2].map(String);
    const data = ctx.names.find((n) => n.name === "Monetary_data_tpl")!;
    expect({ sheet: data.sheet.name, range: data.range }).toEqual({ sheet: customers.name, range: { row: 3, col: header.indexOf("Total spent"), rows: 200, cols: 1 } });
    const cuts = ctx.names.find((n) => n.name === "Monetary_bounds_tpl")!;
    const rules = ctx.sheet(plan.sheets[2].name);
    expect(Array.from({ length: 4 }, (_, k) => rules.shown(cuts.range.row + k, cuts.range.col))).toEqual([0.2, 0.4, 0.6, 0.8].map((k) => `=IFERROR(PERCENTILE(Monetary_data_tpl,${k}),"")`));
  });
});
