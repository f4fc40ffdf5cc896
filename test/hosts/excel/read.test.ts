import { detectTable } from "../../../src/core/sheet/detect";
import { readSheet } from "../../../src/hosts/excel/read";
import { RecordingContext, type SheetSeed } from "../../../src/hosts/excel/testing/recording-context";

/** A customer sheet as people keep it: a merged title, a blank line, the header in row 4, data from column B, a totals row. */
const CUSTOMERS: SheetSeed = {
  name: "客户表",
  at: "B2",
  cells: [
    ["2024年客户级别管理表", null, null, null],
    [null, null, null, null],
    ["客户名称", "月均销售额", "回款天数", "最近联系"],
    ["华东贸易", 25000, 20, 45292],
    ["=HYPERLINK(1)", "2万", "３０天", "#N/A"],
    ["合计", 45000, null, null],
  ],
  merges: ["B2:E2"],
};

function context(extra: Partial<SheetSeed> = {}, seed: ConstructorParameters<typeof RecordingContext>[0] = {}) {
  return new RecordingContext({ sheets: [{ ...CUSTOMERS, ...extra }, { name: "Other", cells: [["x"]] }], ...seed });
}

describe("readSheet", () => {
  it("reads the used range from its top-left cell, not from A1", async () => {
    const ctx = context();
    const grid = await readSheet(ctx);
    expect(grid.name).toBe("客户表");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toHaveLength(6);
    expect(grid.values[2]).toEqual(["客户名称", "月均销售额", "回款天数", "最近联系"]);
    // Dates arrive as serial numbers, errors as their text: core reads both.
    expect(grid.values[3]).toEqual(["华东贸易", 25000, 20, 45292]);
    expect(grid.values[4]).toEqual(["=HYPERLINK(1)", "2万", "３０天", "#N/A"]);
    expect(grid.values[1]).toEqual(["", "", "", ""]);
  });

  it("hands core a grid it finds the table in: header row 4, data from column B, the totals row left out", async () => {
    const grid = await readSheet(context());
    const table = detectTable(grid, "zh-CN");
    expect(table.headerRow).toBe(4);
    expect(table.firstCol).toBe(1);
    expect(table.headers).toEqual(["客户名称", "月均销售额", "回款天数", "最近联系"]);
    expect(table.rows.map((r) => r.row)).toEqual([5, 6]);
  });

  it("reads in two syncs, and reads nothing cell by cell", async () => {
    const ctx = context();
    await readSheet(ctx);
    expect(ctx.syncs).toBe(2);
    expect(ctx.calls.filter((c) => c.api === "range.load" && c.value === "values")).toHaveLength(1);
  });

  it("reports merged areas, tables (with their totals row) and the selection on this sheet", async () => {
    const ctx = context(
      { tables: [{ name: "客户", range: "B4:E7", showTotals: true }] },
      { selection: { sheet: "客户表", address: "B4:D6" } },
    );
    const grid = await readSheet(ctx);
    expect(grid.merges).toEqual([{ row: 1, col: 1, rows: 1, cols: 4 }]);
    expect(grid.tables).toEqual([{ name: "客户", range: { row: 3, col: 1, rows: 4, cols: 4 }, totalsRow: true }]);
    expect(grid.selection).toEqual({ row: 3, col: 1, rows: 3, cols: 3 });
  });

  it("ignores a selection on another sheet and a table without headers", async () => {
    const ctx = context({ tables: [{ name: "NoHeaders", range: "B5:E7", showHeaders: false }] }, { selection: { sheet: "Other", address: "A1:A3" } });
    const grid = await readSheet(ctx, "客户表");
    expect(grid.selection).toBeUndefined();
    expect(grid.tables).toBeUndefined();
  });

  it("reads a named sheet that is not the active one", async () => {
    const ctx = context({}, { active: "Other" });
    const grid = await readSheet(ctx, "客户表");
    expect(grid.name).toBe("客户表");
    expect(grid.values[0][0]).toBe("2024年客户级别管理表");
  });

  it("gives an empty grid for an empty sheet", async () => {
    const ctx = new RecordingContext({ sheets: [{ name: "Empty" }] });
    expect(await readSheet(ctx)).toEqual({ name: "Empty", values: [] });
  });

  it("still reads the values when merged areas or the selection cannot be read (over 512 merges, a shape selected)", async () => {
    const ctx = context();
    ctx.failWhen((call) => (call.api === "range.getMergedAreasOrNullObject" ? "GeneralException" : undefined));
    const grid = await readSheet(ctx);
    expect(grid.merges).toBeUndefined();
    expect(grid.values[3]).toEqual(["华东贸易", 25000, 20, 45292]);
  });

  it("reads sheets over the cell limit in row chunks, one sync each, with the same result", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`Customer ${i}`, i * 100, i % 60]);
    const whole = await readSheet(new RecordingContext({ sheets: [{ name: "Big", cells: rows }] }));
    const ctx = new RecordingContext({ sheets: [{ name: "Big", cells: rows }] });
    const chunked = await readSheet(ctx, undefined, { maxCells: 30 }); // 10 rows of 3 cells per read
    expect(chunked).toEqual(whole);
    expect(ctx.syncs).toBe(1 + 10);
  });

  it("halves the rows per read when Excel on the web answers that the response is too large", async () => {
    const rows = Array.from({ length: 64 }, (_, i) => [`Customer ${i}`, i * 100]);
    const whole = await readSheet(new RecordingContext({ sheets: [{ name: "Big", cells: rows }] }));
    const limit = JSON.stringify(rows.slice(0, 20)).length;
    const ctx = new RecordingContext({ sheets: [{ name: "Big", cells: rows }], responseLimit: limit });
    const halved = await readSheet(ctx);
    expect(halved.values).toEqual(whole.values);
    const reads = ctx.calls.filter((c) => c.api === "range.load" && c.value === "values").map((c) => c.range!);
    expect(reads[0].rows).toBe(64); // first try: everything at once, refused
    // A read went through when the next one starts where it ended.
    const through = reads.filter((r, i) => i === reads.length - 1 || reads[i + 1].row === r.row + r.rows);
    expect(through.reduce((n, r) => n + r.rows, 0)).toBe(64);
    expect(Math.max(...through.map((r) => r.rows))).toBeLessThanOrEqual(20);
  });
});
