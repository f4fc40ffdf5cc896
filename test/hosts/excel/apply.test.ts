import { columnIndex } from "../../../src/core/sheet/columns";
import type { CellRange } from "../../../src/core/sheet/types";
import { HostError } from "../../../src/hosts/errors";
import { applyPlan, MAX_REQUEST_BYTES } from "../../../src/hosts/excel/apply";
import { RecordingContext, type RecordedCall } from "../../../src/hosts/excel/testing/recording-context";
import type { SheetState } from "../../../src/hosts/excel/testing/sheet-state";
import { CONVERTED_FORMAT, DANGEROUS, HEADERS, RULES, RULES_MARKER, TIER_FILL, TIERS, TIERS_MARKER, rowFormulas, tierPlan } from "./plans";

/** A workbook with the user's source sheet, which no run may touch. */
function workbook(seed: ConstructorParameters<typeof RecordingContext>[0] = {}) {
  return new RecordingContext({
    sheets: [{ name: "客户表", cells: [["客户名称", "月均销售额"], ["华东贸易", 25000]] }, ...(seed.sheets ?? [])],
    ...seed,
  });
}

/** `C5` → the cell's shown content on a sheet. */
function at(sheet: SheetState, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return sheet.shown(Number(m[2]) - 1, columnIndex(m[1]));
}

function covers(range: CellRange | undefined, row: number, col: number): boolean {
  return !!range && row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols;
}

const isDataWrite = (c: RecordedCall) => c.api === "range.values" || c.api === "range.formulas" || (c.api === "range.numberFormat" && c.value === undefined);
const isFormatting = (c: RecordedCall) => !isDataWrite(c) && !/^(range\.load|worksheets\.load|names\.load|worksheet\.getRangeByIndexes|application\.suspend)/.test(c.api);

describe("applyPlan on Excel", () => {
  it("writes every cell: values as values, plan formulas with a leading =", async () => {
    const ctx = workbook();
    await applyPlan(ctx, tierPlan(20));
    const tiers = ctx.sheet(TIERS);
    expect(HEADERS.map((_, c) => tiers.shown(0, c))).toEqual(HEADERS);
    expect(at(tiers, "A2")).toBe("Customer 1");
    expect(at(tiers, "B2")).toBe(7919);
    expect(at(tiers, "C2")).toBe(31);
    expect(["D", "E", "F", "G"].map((c) => at(tiers, `${c}3`))).toEqual(rowFormulas(2).map((f) => "=" + f));
    expect(at(tiers, "H21")).toBe("Row 20 explained");
    expect(at(tiers, "K2")).toBe('=COUNTIF($G$2:$G$21,"A")');
    expect(at(ctx.sheet(RULES), "B2")).toBe(20000);
    // The source sheet is untouched and stays first.
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", TIERS, RULES]);
    expect(ctx.sheet("客户表").read({ row: 0, col: 0, rows: 2, cols: 2 })).toEqual([["客户名称", "月均销售额"], ["华东贸易", 25000]]);
  });

  it("applies number formats per column, and a cell's own format over its column's", async () => {
    const ctx = workbook();
    await applyPlan(ctx, tierPlan(20));
    const tiers = ctx.sheet(TIERS);
    expect(tiers.styleAt(1, 1, "numberFormat")).toBe("#,##0");
    expect(tiers.styleAt(7, 1, "numberFormat")).toBe(CONVERTED_FORMAT); // customer 7: converted from text
    expect(tiers.styleAt(20, 2, "numberFormat")).toBe('0 "days"');
    expect(tiers.styleAt(20, 5, "numberFormat")).toBe("0");
    expect(tiers.styleAt(5, 5, "horizontalAlignment")).toBe("Center");
    // One call per column range, not one per cell.
    const formats = ctx.calls.filter((c) => c.api === "range.numberFormat" && c.value !== undefined && c.sheet === TIERS);
    expect(formats.map((c) => [c.value, c.range])).toEqual([
      ["#,##0", { row: 1, col: 1, rows: 20, cols: 1 }],
      ['0 "days"', { row: 1, col: 2, rows: 20, cols: 1 }],
      ["0", { row: 0, col: 5, rows: 21, cols: 1 }],
    ]);
  });

  it("styles headers, widths, panes, filter, tab colour, gridlines and the chart", async () => {
    const ctx = workbook();
    await applyPlan(ctx, tierPlan(20));
    const tiers = ctx.sheet(TIERS);
    expect(tiers.styleAt(0, 3, "fill.color")).toBe("#1F4E78");
    expect(tiers.styleAt(0, 3, "font.bold")).toBe(true);
    expect(tiers.styleAt(1, 3, "fill.color")).toBeUndefined();
    expect(tiers.styleAt(10, 10, "font.name")).toBe("Calibri");
    expect(tiers.columnWidths.get(0)).toBeCloseTo(24 * 5.25 + 3.75, 0); // 24 characters of 7 px + 5 px, in points
    expect(tiers.freeze).toEqual({ rows: 1, cols: 1 });
    expect(tiers.autoFilter).toEqual({ row: 0, col: 0, rows: 21, cols: 8 });
    expect(tiers.tabColor).toBe("#1F4E78");
    expect(tiers.showGridlines).toBe(true);
    expect(ctx.sheet(RULES).showGridlines).toBe(false);
    expect(ctx.sheet(RULES).styleAt(4, 0, "font.italic")).toBe(true);
    expect(ctx.sheet(RULES).styleAt(0, 1, "borders.EdgeBottom.color")).toBe("#1F4E78");
    expect(ctx.sheet(RULES).styleAt(0, 1, "borders.EdgeTop.color")).toBeUndefined();
    expect(ctx.sheet(RULES).styleAt(2, 1, "fill.color")).toBe("#FFF2CC");
    expect(["EdgeTop", "InsideHorizontal", "InsideVertical"].map((e) => tiers.styleAt(2, 10, `borders.${e}.style`))).toEqual(["Continuous", "Continuous", "Continuous"]);
    expect(tiers.charts).toEqual([
      {
        type: "ColumnClustered",
        seriesBy: "Columns",
        source: { row: 1, col: 10, rows: 3, cols: 1 },
        categories: { row: 1, col: 9, rows: 3, cols: 1 },
        seriesName: "Customers",
        title: "Customers per tier",
        from: { row: 6, col: 9, rows: 1, cols: 1 },
        to: { row: 17, col: 14, rows: 1, cols: 1 },
      },
    ]);
    expect(ctx.active?.name).toBe(TIERS);
  });

  it("adds one conditional format per tier rule, with its formula, colours, order and stopIfTrue, and the data bar", async () => {
    const ctx = workbook();
    await applyPlan(ctx, tierPlan(20));
    const rules = ctx.sheet(TIERS).rules;
    const data = { row: 1, col: 0, rows: 20, cols: 8 };
    expect(rules).toEqual([
      { type: "Custom", range: data, formula: '=$G2="A"', fill: TIER_FILL.A, fontColor: "#000000", priority: 0, stopIfTrue: true },
      { type: "Custom", range: data, formula: '=$G2="B"', fill: TIER_FILL.B, fontColor: "#000000", priority: 1, stopIfTrue: true },
      { type: "Custom", range: data, formula: '=$G2="C"', fill: TIER_FILL.C, fontColor: "#000000", priority: 2, stopIfTrue: true },
      { type: "DataBar", range: { row: 1, col: 10, rows: 3, cols: 1 }, barColor: "#5B9BD5", priority: 3 },
    ]);
  });

  it("marks each sheet with a workbook-scoped name on its marker cell", async () => {
    const ctx = workbook();
    await applyPlan(ctx, tierPlan(5));
    expect(ctx.names.map((n) => [n.name, n.sheet.name, n.range])).toEqual([
      [TIERS_MARKER, TIERS, { row: 0, col: 0, rows: 1, cols: 1 }],
      [RULES_MARKER, RULES, { row: 0, col: 0, rows: 1, cols: 1 }],
    ]);
  });

  it("keeps text that looks like a formula as text: the Text format is set before the value, in the same request", async () => {
    const ctx = workbook();
    await applyPlan(ctx, tierPlan(20, { dangerousEvery: 4 }));
    const tiers = ctx.sheet(TIERS);
    for (const i of [4, 8, 12, 16]) {
      const text = DANGEROUS[(i / 4) % DANGEROUS.length];
      expect(tiers.cell(i, 0)).toEqual(expect.objectContaining({ value: text }));
      expect(tiers.cell(i, 0)?.formula).toBeUndefined();
      const format = ctx.calls.findIndex((c) => c.api === "range.numberFormat" && c.value === undefined && covers(c.range, i, 0));
      const value = ctx.calls.findIndex((c) => c.api === "range.values" && covers(c.range, i, 0));
      expect(format).toBeGreaterThanOrEqual(0);
      expect(value).toBeGreaterThan(format);
      expect(ctx.calls[value].request).toBe(ctx.calls[format].request);
      // The text never travels in a formulas array, where Excel could run it.
      const formulas = ctx.calls.find((c) => c.api === "range.formulas" && covers(c.range, i, 0));
      expect(formulas).toBeDefined();
    }
    expect(at(tiers, "A4")).toBe("Customer 3");
  });

  it("keeps a plain string starting with = as text even when the plan forgot to mark it", async () => {
    const ctx = workbook();
    const plan = tierPlan(2);
    plan.sheets[0].blocks[0].cells[1][0] = "=1+1";
    await applyPlan(ctx, plan);
    expect(ctx.sheet(TIERS).cell(1, 0)).toEqual(expect.objectContaining({ value: "=1+1" }));
  });

  it("the fake itself turns unformatted =, +, - text into formulas, so the tests above would catch a host that forgot", async () => {
    const ctx = workbook({ sheets: [{ name: "Scratch" }] });
    const range = ctx.workbook.worksheets.getItem("Scratch").getRangeByIndexes(0, 0, 1, 3);
    range.values = [["=HYPERLINK(1)", "-x", "00123"]];
    await ctx.sync();
    expect([0, 1, 2].map((c) => ctx.sheet("Scratch").shown(0, c))).toEqual(["=HYPERLINK(1)", "=-x", 123]);
  });
});

describe("applyPlan: round trips and request sizes", () => {
  /** Syncs a run needs besides one per request of cells: see the workbook, commit. */
  const FIXED_SYNCS = 2;

  async function run(customers: number, maxRequestBytes?: number) {
    const ctx = workbook({ storeCells: false });
    const progress: number[] = [];
    await applyPlan(ctx, tierPlan(customers, { dangerousEvery: 97 }), { maxRequestBytes, onProgress: (p) => progress.push(p.done) });
    const dataRequests = ctx.requests.filter((r, i) => ctx.calls.some((c) => c.request === i && isDataWrite(c)));
    return { ctx, progress, dataRequests };
  }

  it("1,000 customers: all cells in one request, 3 syncs in all", async () => {
    const { ctx, dataRequests } = await run(1_000);
    expect(dataRequests).toHaveLength(1);
    expect(ctx.syncs).toBe(FIXED_SYNCS + 1);
  });

  it("50,000 customers: a constant number of syncs plus one per full request, each under 4 MB", async () => {
    const { ctx, dataRequests, progress } = await run(50_000);
    const total = dataRequests.reduce((n, r) => n + r.bytes, 0);
    expect(ctx.syncs).toBe(FIXED_SYNCS + dataRequests.length);
    expect(dataRequests.length).toBeGreaterThan(1);
    for (const r of ctx.requests) expect(r.bytes).toBeLessThan(MAX_REQUEST_BYTES);
    // Requests are filled: two neighbours would not have fitted in one.
    for (let i = 1; i < dataRequests.length; i++) expect(dataRequests[i - 1].bytes + dataRequests[i].bytes).toBeGreaterThan(MAX_REQUEST_BYTES - 64 * 1024);
    expect(dataRequests.length).toBeLessThanOrEqual(Math.ceil(total / (MAX_REQUEST_BYTES - 64 * 1024)) + 1);
    // Progress once per request of cells, up to every row of the plan (header rows included).
    expect(progress).toHaveLength(dataRequests.length);
    expect(progress[progress.length - 1]).toBe(50_001 + 4 + 3 + 1);
  });

  it("holds a lower cap too: Excel on the web would refuse any request over it", async () => {
    const limit = 300_000;
    const ctx = workbook({ requestLimit: limit });
    await applyPlan(ctx, tierPlan(5_000, { dangerousEvery: 50 }), { maxRequestBytes: limit });
    expect(Math.max(...ctx.requests.map((r) => r.bytes))).toBeLessThanOrEqual(limit);
    // Still every row, in order, across the chunks.
    const tiers = ctx.sheet(TIERS);
    expect(at(tiers, "A5000")).toBe("Customer 4999");
    expect(at(tiers, "G5001")).toBe("=" + rowFormulas(5000)[3]);
    expect(tiers.cell(50, 0)).toEqual(expect.objectContaining({ value: DANGEROUS[1] }));
  });

  it("formatting calls do not depend on the number of rows", async () => {
    const small = await run(1_000);
    const large = await run(50_000);
    const formatting = (ctx: RecordingContext) => ctx.calls.filter(isFormatting).map((c) => c.api);
    expect(formatting(large.ctx)).toEqual(formatting(small.ctx));
    expect(large.ctx.calls.filter((c) => c.api === "range.conditionalFormats.add")).toHaveLength(4);
  });

  it("suspends calculation and screen updating once per request that writes cells", async () => {
    const { ctx, dataRequests } = await run(50_000);
    for (const api of ["application.suspendApiCalculationUntilNextSync", "application.suspendScreenUpdatingUntilNextSync"]) {
      expect(ctx.calls.filter((c) => c.api === api)).toHaveLength(dataRequests.length);
    }
    expect(ctx.calls.filter((c) => c.api === "application.calculate")).toHaveLength(1);
  });
});

describe("applyPlan: replacing, cancelling, failing", () => {
  /** A workbook after an earlier run: our marked tier sheet (with old content) sits between the user's sheets. */
  function afterEarlierRun() {
    return new RecordingContext({
      sheets: [
        { name: "客户表", cells: [["客户名称"], ["华东贸易"]] },
        { name: TIERS, cells: [["old tier sheet"], ["stale", 1]] },
        { name: "Notes", cells: [["the user's notes"]] },
      ],
      names: [{ name: TIERS_MARKER, sheet: TIERS, address: "A1" }],
      active: "客户表",
    });
  }

  const replacing = (customers: number) => tierPlan(customers, { tiersAction: { kind: "replace", existing: TIERS } });

  it("replaces the marked sheet in place: same position, new content, one marker pointing at it", async () => {
    const ctx = afterEarlierRun();
    await applyPlan(ctx, replacing(10));
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", TIERS, "Notes", RULES]);
    expect(at(ctx.sheet(TIERS), "A1")).toBe("Customer");
    expect(at(ctx.sheet(TIERS), "B3")).toBe(2 * 7919);
    expect(ctx.names.filter((n) => n.name === TIERS_MARKER).map((n) => n.sheet)).toEqual([ctx.sheet(TIERS)]);
  });

  it("never touches a user's sheet that only has the same name: it follows the plan's action (core chose another name)", async () => {
    const ctx = new RecordingContext({ sheets: [{ name: "客户表" }, { name: TIERS, cells: [["my own tiers"]] }] });
    await applyPlan(ctx, tierPlan(3, { tiersName: `${TIERS} (2)` }));
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", TIERS, `${TIERS} (2)`, RULES]);
    expect(at(ctx.sheet(TIERS), "A1")).toBe("my own tiers");
    expect(at(ctx.sheet(`${TIERS} (2)`), "A2")).toBe("Customer 1");
  });

  it("a cancelled run removes the sheets it added and gives the replaced sheet back", async () => {
    const ctx = afterEarlierRun();
    const controller = new AbortController();
    const error = await applyPlan(ctx, replacing(2_000), {
      maxRequestBytes: 100_000,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("cancelled");
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", TIERS, "Notes"]);
    expect(at(ctx.sheet(TIERS), "A1")).toBe("old tier sheet");
    expect(at(ctx.sheet(TIERS), "A2")).toBe("stale");
    expect(ctx.names.map((n) => [n.name, n.sheet.name])).toEqual([[TIERS_MARKER, TIERS]]);
    // It stopped at the first chance: one request of cells went, not all of them.
    expect(ctx.calls.filter((c) => c.api === "range.formulas" && c.sheet === TIERS).length).toBeLessThan(5);
  });

  it("cancelled before it starts: nothing is sent", async () => {
    const ctx = afterEarlierRun();
    const controller = new AbortController();
    controller.abort();
    await expect(applyPlan(ctx, replacing(5), { signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
    expect(ctx.calls).toHaveLength(0);
  });

  it("a run failing half-way (the user started editing a cell) is rolled back and explained in both languages", async () => {
    const ctx = afterEarlierRun();
    let writes = 0;
    ctx.failWhen((c) => (c.api === "range.formulas" && ++writes === 2 ? "InvalidOperationInCellEditMode" : undefined));
    const error = (await applyPlan(ctx, replacing(2_000), { maxRequestBytes: 100_000 }).catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe("cell-edit-mode");
    expect(error.userMessage["zh-CN"]).toContain("Esc");
    expect(error.userMessage["en-US"]).toContain("Esc");
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", TIERS, "Notes"]);
    expect(at(ctx.sheet(TIERS), "A1")).toBe("old tier sheet");
  });

  it("a protected tier sheet stops the run before anything changes, with what to do", async () => {
    const ctx = afterEarlierRun();
    ctx.sheet(TIERS).protected = true;
    const error = (await applyPlan(ctx, replacing(5)).catch((e: unknown) => e)) as HostError;
    expect(error.code).toBe("protected");
    expect(error.userMessage["en-US"]).toMatch(/unprotect/i);
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", TIERS, "Notes"]);
    expect(at(ctx.sheet(TIERS), "A1")).toBe("old tier sheet");
  });
});
