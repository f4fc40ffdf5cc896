import type { CellValue } from "../../../src/core/parse/values";
import { detectTable } from "../../../src/core/sheet/detect";
import type { SheetGrid } from "../../../src/core/sheet/types";

const HEADER = ["客户名称", "月均销售额", "回款天数"];
const grid = (values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: "Sheet1", values, ...extra });
const rowsOf = (g: SheetGrid) => detectTable(g).rows.map((r) => r.row);

describe("finding the header row", () => {
  it("takes row 1 when the sheet starts with its header", () => {
    const t = detectTable(grid([HEADER, ["杭州华信贸易有限公司", 25000, 20]]));
    expect([t.headerRow, t.firstCol, t.headers, t.foundBy]).toEqual([1, 0, HEADER, "detected"]);
  });

  it("looks past a title, a date line and blank lines", () => {
    const t = detectTable(
      grid([
        ["2024年客户分级表"],
        ["统计日期：2024-06-30", null, "单位：元"],
        [],
        [null, null, null],
        HEADER,
        ["杭州华信贸易有限公司", 25000, 20],
        ["宁波恒达机械制造有限公司", 8000, 45],
      ]),
    );
    expect(t.headerRow).toBe(5);
    expect(t.rows.map((r) => r.row)).toEqual([6, 7]);
  });

  it("treats a merged title as one text cell even when the host repeats its value", () => {
    const title = "华东区客户销售统计";
    const t = detectTable(
      grid([[title, title, title], HEADER, ["杭州华信贸易有限公司", 25000, 20]], { merges: [{ row: 0, col: 0, rows: 1, cols: 3 }] }),
    );
    // A repeated title has two identical labels and no data shape below: the real header wins.
    expect(t.headerRow).toBe(2);
  });

  it("prefers headers that name preset fields over other label rows", () => {
    const t = detectTable(
      grid([
        ["制表人", "张三", "审核人", "李四"],
        ["客户名称", "联系人", "月均销售额", "回款天数"],
        ["杭州华信贸易有限公司", "王建国", 25000, 20],
      ]),
    );
    expect(t.headerRow).toBe(2);
  });

  it("finds a header that matches no preset by the data below it", () => {
    const t = detectTable(
      grid([
        ["库存盘点表"],
        ["盘点人", "王五"],
        [],
        ["产品编号", "产品名称", "规格", "库存"],
        ["P-001", "保温杯", "500ml", 1200],
        ["P-002", "马克杯", "350ml", 800],
      ]),
    );
    expect(t.headerRow).toBe(4);
  });

  it("names empty header cells after their column letter, in the user's language", () => {
    const g = grid([
      ["客户名称", null, "回款天数"],
      ["杭州华信贸易有限公司", 25000, 20],
    ]);
    expect(detectTable(g, "zh-CN").headers).toEqual(["客户名称", "列B", "回款天数"]);
    expect(detectTable(g, "en-US").headers).toEqual(["客户名称", "Column B", "回款天数"]);
  });

  it("takes a header merged down from the row above (two-level headers)", () => {
    const t = detectTable(
      grid(
        [
          ["客户名称", "销售情况", null],
          [null, "月均销售额", "回款天数"],
          ["杭州华信贸易有限公司", 25000, 20],
        ],
        { merges: [{ row: 0, col: 0, rows: 2, cols: 1 }, { row: 0, col: 1, rows: 1, cols: 2 }] },
      ),
    );
    expect(t.headerRow).toBe(2);
    expect(t.headers).toEqual(["客户名称", "月均销售额", "回款天数"]);
  });

  it("collapses line breaks inside header cells", () => {
    const t = detectTable(grid([["客户\n名称", "月均销售额\r\n（元）", "回款天数"], ["杭州华信", 1, 2]]));
    expect(t.headers).toEqual(["客户 名称", "月均销售额 （元）", "回款天数"]);
  });
});

describe("finding a header below row 50 (issue 14 §8)", () => {
  const customers = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`客户${i + 1}有限公司`, 1000 * (i + 1), 30]);
  const notes = (n: number): CellValue[][] =>
    Array.from({ length: n }, (_, i) => [`说明${i + 1}：本表按月汇总各区域客户的销售额与回款天数，金额单位为元，数据截至月末。`]);

  it.each([51, 200])("finds a header on row %i below a notes block", (headerRow) => {
    const values = [...notes(headerRow - 1), HEADER, ...customers(3)];
    const t = detectTable(grid(values));
    expect(t.headerRow).toBe(headerRow);
    expect(t.headers).toEqual(HEADER);
    expect(t.rows.map((r) => r.row)).toEqual([headerRow + 1, headerRow + 2, headerRow + 3]);
  });

  it("finds a table in the last rows of a long sheet (blank rows and a few notes above it)", () => {
    const values: CellValue[][] = Array.from({ length: 996 }, () => []);
    values[0] = ["2024年客户分级表"];
    values[400] = ["备注：下方为本月新增客户"];
    values.push(HEADER, ...customers(2));
    const t = detectTable(grid(values));
    expect(t.headerRow).toBe(997);
    expect(t.rows.map((r) => r.row)).toEqual([998, 999]);
  });

  it("finds a header without preset names far down by its three labels above values", () => {
    const header = ["产品编号", "产品名称", "库存"];
    const values = [...notes(80), header, ["P-001", "保温杯", 1200], ["P-002", "马克杯", 800]];
    const t = detectTable(grid(values));
    expect(t.headerRow).toBe(81);
    expect(t.headers).toEqual(header);
  });

  it("keeps a two-level header found below row 50: the better row of the two wins", () => {
    const values = [...notes(60), ["基本信息", "经营情况", "账期"], HEADER, ...customers(2)];
    const t = detectTable(grid(values));
    expect(t.headerRow).toBe(62);
  });

  it("does not look past row 50 when a header is found above it: a header-like row lower down does not win", () => {
    const values = [HEADER, ...customers(60), ["客户名称", "月均销售额", "回款天数", "客户经理"], ["补录客户", 500, 10, "周明"]];
    const t = detectTable(grid(values));
    expect(t.headerRow).toBe(1);
  });

  it("takes the first filled row below row 50 when nothing there looks like a header", () => {
    const values: CellValue[][] = [...Array.from({ length: 60 }, () => []), [1, 2], [3, 4]];
    expect(detectTable(grid(values)).headerRow).toBe(61);
  });
});

describe("the rows below the header", () => {
  it("skips blank rows inside the table and leaves trailing ones out", () => {
    const t = detectTable(grid([HEADER, ["甲公司", 1, 2], [], ["", "  ", null], ["乙公司", 3, 4], [], []]));
    expect(t.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(t.skipped).toEqual([
      { row: 3, reason: "blank" },
      { row: 4, reason: "blank" },
    ]);
  });

  it.each([["合计"], ["合 计"], ["总计："], ["小计"], ["Total"], ["TOTAL (CNY)"], ["Sum"], ["Grand total"], ["汇总"]])(
    "skips the totals row %s wherever it is",
    (label) => {
      const t = detectTable(grid([HEADER, ["甲公司", 1, 2], [label, 3], ["乙公司", 3, 4], [label, 6]]));
      expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
      expect(t.skipped).toEqual([
        { row: 3, reason: "total" },
        { row: 5, reason: "total" },
      ]);
    },
  );

  it("finds a totals label in the second cell when the first is a row number column", () => {
    const t = detectTable(grid([["序号", ...HEADER], [1, "甲公司", 1, 2], [null, "合计", 1]]));
    expect(t.skipped).toEqual([{ row: 3, reason: "total" }]);
  });

  it("keeps customers whose name only starts like a total", () => {
    expect(rowsOf(grid([HEADER, ["总计贸易有限公司", 1, 2], ["Total Solutions Ltd", 3, 4], ["Summit Foods", 5, 6]]))).toEqual([2, 3, 4]);
  });

  it("ends the table at a note line after the data, ignoring what follows", () => {
    const t = detectTable(grid([HEADER, ["甲公司", 1, 2], [], ["备注：数据来自财务部"], ["乙公司", 3, 4]]));
    expect(t.rows.map((r) => r.row)).toEqual([2]);
    expect(t.skipped).toEqual([]);
  });

  it("skips a note line between the header and the first customer", () => {
    const t = detectTable(grid([HEADER, ["单位：元"], ["甲公司", 1, 2]]));
    expect(t.rows.map((r) => r.row)).toEqual([3]);
    expect(t.skipped).toEqual([{ row: 2, reason: "note" }]);
  });

  it("keeps a row holding only a customer name: it is a customer with missing values", () => {
    expect(rowsOf(grid([HEADER, ["甲公司", 1, 2], ["乙公司"], ["丙公司", 3, 4]]))).toEqual([2, 3, 4]);
  });

  it("skips merged section labels and repeated headers, and carries on", () => {
    const t = detectTable(
      grid([HEADER, ["华东区"], ["甲公司", 1, 2], HEADER, ["华南区"], ["乙公司", 3, 4]], {
        merges: [
          { row: 1, col: 0, rows: 1, cols: 3 },
          { row: 4, col: 0, rows: 1, cols: 3 },
        ],
      }),
    );
    expect(t.rows.map((r) => r.row)).toEqual([3, 6]);
    expect(t.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, "note"],
      [4, "header"],
      [5, "note"],
    ]);
  });

  it("pads ragged rows to the header's width", () => {
    const t = detectTable(grid([HEADER, ["甲公司"], ["乙公司", 1, 2]]));
    expect(t.rows[0].cells).toEqual(["甲公司", null, null]);
  });
});

describe("the table's columns", () => {
  it("takes in a column with data but no header, and leaves out a block beyond an empty column", () => {
    const t = detectTable(
      grid([
        ["客户名称", "月均销售额", null, null, "说明"],
        ["甲公司", 1, "A级", null, "本表每月更新"],
        ["乙公司", 2, "B级", null, null],
      ]),
      "en-US",
    );
    expect(t.headers).toEqual(["客户名称", "月均销售额", "Column C"]);
  });

  it("picks the block whose headers name customer fields when the header row holds two", () => {
    const t = detectTable(
      grid([
        ["客户名称", "月均销售额", "回款天数", null, "日期", "事项", "负责人", "状态"],
        ["甲公司", 1, 2, null, "6月1日", "拜访", "张三", "完成"],
      ]),
    );
    expect([t.firstCol, t.headers]).toEqual([0, HEADER]);
  });

  it("reports sheet rows and columns when the values start at C3", () => {
    const t = detectTable(grid([["标题"], [], HEADER, ["甲公司", 1, 2]], { origin: { row: 2, col: 2 } }), "en-US");
    expect([t.headerRow, t.firstCol]).toEqual([5, 2]);
    expect(t.rows.map((r) => r.row)).toEqual([6]);
  });
});

describe("tables and selections given by the host", () => {
  const values: CellValue[][] = [
    ["客户月度台账"],
    [null, "客户", "月均消费", "付款天数"],
    [null, "甲公司", 32000, 25],
    [null, "乙公司", 16000, 40],
    [null, "汇总", 48000, null],
    [],
    ["客户名称", "月均销售额", "回款天数"],
    ["丙公司", 1, 2],
  ];

  it("uses an Excel table as it is, its totals row left out", () => {
    const t = detectTable(grid(values, { tables: [{ name: "客户表", range: { row: 1, col: 1, rows: 4, cols: 3 }, totalsRow: true }] }));
    expect([t.foundBy, t.headerRow, t.firstCol, t.headers]).toEqual(["table", 2, 1, ["客户", "月均消费", "付款天数"]]);
    expect(t.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(t.skipped).toEqual([{ row: 5, reason: "total" }]);
  });

  it("uses the selection over tables and detection, finding the header inside it", () => {
    const t = detectTable(
      grid(values, {
        tables: [{ name: "客户表", range: { row: 1, col: 1, rows: 4, cols: 3 } }],
        selection: { row: 5, col: 0, rows: 3, cols: 3 },
      }),
    );
    expect([t.foundBy, t.headerRow, t.firstCol, t.headers]).toEqual(["selection", 7, 0, ["客户名称", "月均销售额", "回款天数"]]);
    expect(t.rows.map((r) => r.row)).toEqual([8]);
  });

  it("ignores a one-cell selection: that is where the cursor is, not a choice", () => {
    const t = detectTable(grid(values, { selection: { row: 0, col: 0, rows: 1, cols: 1 } }));
    expect(t.foundBy).toBe("detected");
  });

  it("copes with a selection or table outside the values", () => {
    expect(() => detectTable(grid(values, { selection: { row: 500, col: 40, rows: 10, cols: 10 } }))).not.toThrow();
    expect(() => detectTable(grid(values, { tables: [{ name: "t", range: { row: 900, col: 0, rows: 3, cols: 3 } }] }))).not.toThrow();
  });
});

describe("degenerate sheets", () => {
  it("returns an empty table for an empty sheet", () => {
    const t = detectTable(grid([]));
    expect([t.headers, t.rows, t.skipped, t.headerRow]).toEqual([[], [], [], 1]);
  });

  it("takes the first filled row when nothing looks like a header (numbers only)", () => {
    const t = detectTable(grid([[], [1, 2], [3, 4]]), "en-US");
    expect(t.headerRow).toBe(2);
    expect(t.headers).toEqual(["1", "2"]);
    expect(t.rows.map((r) => r.row)).toEqual([3]);
  });
});
