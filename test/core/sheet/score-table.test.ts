import * as explain from "../../../src/core/explain";
import type { CellValue } from "../../../src/core/parse/values";
import { closeTime, potential4, salesPayment } from "../../../src/core/presets";
import { detectTable } from "../../../src/core/sheet/detect";
import { describeIssue } from "../../../src/core/sheet/issue-text";
import { mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import type { SheetGrid } from "../../../src/core/sheet/types";
import type { Lang, Model } from "../../../src/core/model";

/** Reads, maps and scores a grid the way a host does. */
function run(values: CellValue[][], model: Model = salesPayment, extra: Partial<SheetGrid> = {}, lang: Lang = "zh-CN", today?: Date) {
  const table = detectTable({ name: "Sheet1", values, ...extra }, lang);
  const mapping = mapColumns(table.headers, model, {}, table.firstCol);
  return scoreTable(table, mapping, model, lang, today);
}

const HEADER = ["客户名称", "月均销售额", "回款天数"];

describe("issues placed in the sheet", () => {
  it("names the sheet row, the header, the column letter and the value as found", () => {
    // Values start at C3, header on sheet row 4: 待定 sits in D6.
    const t = run([["客户表"], [], HEADER, ["甲公司", 25000, 20], ["乙公司", "待定", 30]], salesPayment, { origin: { row: 2, col: 2 } });
    expect(t.issues).toEqual([
      expect.objectContaining({ severity: "error", field: "revenue", row: 7, column: "月均销售额", columnLetter: "D", value: "待定" }),
    ]);
    expect(t.rows.at(1).result.tier).toBeNull();
    expect(t.rows.at(1).issues).toEqual(t.issues);
  });

  it("shows an error cell by its code", () => {
    const t = run([HEADER, ["甲公司", { error: "#N/A" }, 20]]);
    expect(t.issues[0]).toMatchObject({ row: 2, columnLetter: "B", value: "#N/A" });
  });

  it("warns about negative sales but still scores them in the lowest band (seed Decision)", () => {
    const t = run([HEADER, ["甲公司", -500, 20]]);
    expect(t.rows.at(0).result.score).toBe(60);
    expect(t.issues).toEqual([expect.objectContaining({ severity: "warning", row: 2, columnLetter: "B", value: -500 })]);
  });

  it("prints as a line of the issues list in either language", () => {
    const [issue] = run([HEADER, ["甲公司", "待定", 30]]).issues;
    expect(describeIssue(issue, "zh-CN")).toMatch(/^第 2 行 B 列（月均销售额） 错误：.*待定/);
    const [en] = run([HEADER, ["甲公司", "待定", 30]], salesPayment, {}, "en-US").issues;
    expect(describeIssue(en, "en-US")).toMatch(/^Row 2, column B \(月均销售额\) error: .*待定/);
  });
});

describe("duplicate and nameless customers", () => {
  it("warns on the later row, naming both rows, whatever the width or case", () => {
    const t = run([HEADER, ["ABC贸易有限公司", 25000, 20], ["乙公司", 1000, 20], ["ａｂｃ贸易有限公司 ", 9000, 40]]);
    const dup = t.issues.filter((i) => i.field === "customer");
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: "warning", row: 4, columnLetter: "A" });
    expect(dup[0].message["zh-CN"]).toMatch(/第 2 行.*第 4 行/);
    expect(dup[0].message["en-US"]).toMatch(/rows 2 and 4/);
    // Both are still scored.
    expect(t.rows.map((r) => r.result.grade)).toEqual(["A", "B", "B"]); // 70+30, 30+30, 40+20
  });

  it("warns about a customer row without a name", () => {
    const t = run([HEADER, ["甲公司", 25000, 20], [null, 25000, 20]]);
    expect(t.issues).toEqual([expect.objectContaining({ severity: "warning", field: "customer", row: 3, columnLetter: "A" })]);
  });
});

describe("parsed values", () => {
  it("lists as converted only text that needed interpreting, not plain numbers typed as text", () => {
    const t = run([HEADER, ["甲公司", "12000", " 30 "], ["乙公司", "1.2万", "３０天"], ["丙公司", 12000, 30]]);
    expect(t.rows.map((r) => r.converted)).toEqual([[], ["revenue", "paydays"], []]);
    expect(t.rows.map((r) => r.values.revenue)).toEqual([12000, 12000, 12000]);
  });

  it("scales plain numbers by the header's unit, but not text that states its own size", () => {
    const t = run(
      [
        ["客户名称", "预计成交月数", "预计月成交金额（万元）"],
        ["甲公司", 8, 12],
        ["乙公司", 8, "12"],
        ["丙公司", 8, "12万"],
      ],
      potential4,
    );
    expect(t.rows.map((r) => r.values.amount)).toEqual([120000, 120000, 120000]);
    // 120,000 ≥ 100,000 → amount level A; the better level wins (tiering-models.md §4).
    expect(t.rows.map((r) => r.result.grade)).toEqual(["A", "A", "A"]);
  });

  it("turns a close date into months from the given day, and refuses a past one", () => {
    const today = new Date("2024-06-01T00:00:00Z");
    const t = run(
      [
        ["客户名称", "需求状态", "预计成交时间"],
        ["甲公司", "明确", new Date("2024-06-20T00:00:00Z")],
        ["乙公司", "明确", "2024-05-01"],
      ],
      closeTime,
      {},
      "zh-CN",
      today,
    );
    expect(t.rows.at(0).result.grade).toBe("A");
    expect(t.rows.at(0).converted).toEqual([]);
    expect(t.rows.at(1).result.grade).toBeNull();
    expect(t.issues[0]).toMatchObject({ row: 3, columnLetter: "C", value: "2024-05-01" });
    expect(t.issues[0].message["zh-CN"]).toContain("2024-06-01");
  });

  it("refuses a date that is past on the given day even when it is ahead of the clock", () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    const t = run(
      [
        ["客户名称", "需求状态", "预计成交时间"],
        ["甲公司", "明确", `${nextYear}-01-15`],
      ],
      closeTime,
      {},
      "en-US",
      new Date(`${nextYear}-03-01T00:00:00Z`),
    );
    expect(t.rows.at(0).result.grade).toBeNull();
  });

  it("keeps category ids and dates in values", () => {
    const t = run([
      ["客户名称", "需求状态", "预计成交时间", "最近联系日期"],
      ["甲公司", "潜在需求", 2, "2024年5月3日"],
    ], closeTime, {}, "zh-CN", new Date("2024-06-01T00:00:00Z"));
    expect(t.rows.at(0).values.need).toBe("potential");
    expect(t.rows.at(0).values.lastContact).toEqual(new Date("2024-05-03T00:00:00Z"));
    expect(t.rows.at(0).result.grade).toBe("D");
  });
});

describe("the summary", () => {
  it("counts customers and sums the value field per tier, with shares of the scored ones", () => {
    const t = run([
      HEADER,
      ["甲", 30000, 20], // 100 A
      ["乙", 10000, 20], // 70 B
      ["丙", 4000, 20], // 60 B
      ["丁", 6000, 90], // 40 C
      ["戊", "待定", 20], // not scored
    ]);
    expect(t.summary).toEqual([
      { tier: "A", count: 1, share: 0.25, value: 30000, valueShare: 0.6 },
      { tier: "B", count: 2, share: 0.5, value: 14000, valueShare: 0.28 },
      { tier: "C", count: 1, share: 0.25, value: 6000, valueShare: 0.12 },
    ]);
    expect(t.unscored).toBe(1);
  });

  it("has no value sums when the value column is not mapped", () => {
    const table = detectTable({ name: "s", values: [HEADER, ["甲", 30000, 20]] });
    const mapping = mapColumns(table.headers, salesPayment);
    delete mapping.columns.revenue;
    mapping.missing = ["revenue"];
    const t = scoreTable(table, mapping, salesPayment, "en-US");
    expect(t.summary.every((s) => s.value === null && s.valueShare === null)).toBe(true);
    // One table-level issue says which columns are missing.
    expect(t.issues[0].row).toBeUndefined();
    expect(t.issues[0].message["en-US"]).toContain("Monthly sales (revenue)");
  });

  it("explains each row in the chosen language", () => {
    const zh = run([HEADER, ["甲", 25000, 20]]);
    const en = run([HEADER, ["甲", 25000, 20]], salesPayment, {}, "en-US");
    expect(zh.rows.at(0).explanation).toContain("合计 100 → A");
    expect(en.rows.at(0).explanation).toContain("total 100 → A");
  });

  it("builds an explanation only when a row's explanation is read", () => {
    const spy = jest.spyOn(explain, "explainRow");
    try {
      const t = run([HEADER, ["甲", 25000, 20], ["乙", 3000, 90], ["丙", "待定", 20]]);
      expect(t.rows.map((r) => r.result.grade)).toEqual(["A", "C", null]);
      expect(spy).not.toHaveBeenCalled();
      const row = t.rows.at(1);
      expect(row.explanation).toBe("月均销售额 3,000 ≤ 5,000 → 30；回款 90 天 > 60 → 0；合计 30 → C");
      expect(row.explanation).toContain("→ C");
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("the scored table at scale", () => {
  it("holds 200,000 customers as typed-array columns, with issue lists only for rows that have issues", () => {
    const n = 200_000;
    const values: CellValue[][] = [HEADER];
    // Every 1,000th customer has an unreadable value; names are unique.
    for (let i = 0; i < n; i++) values.push([`客户${i}`, i % 1000 === 7 ? "待定" : (i * 7919) % 40000, (i * 31) % 120]);
    const t = run(values);
    expect(t.rows.length).toBe(n);
    expect([t.scores.tier.constructor, t.scores.tier.length]).toEqual([Int16Array, n]);
    expect([t.scores.score.constructor, t.scores.score.length]).toEqual([Float64Array, n]);
    for (const c of t.scores.criteria) expect([c.match.constructor, c.match.length]).toEqual([Int32Array, n]);
    expect(t.scores.issues.size).toBe(n / 1000);
    expect(t.issues).toHaveLength(n / 1000);
    expect(t.unscored).toBe(n / 1000);
    expect(t.rows.at(7).issues).toHaveLength(1);
    expect(t.rows.at(8).issues).toHaveLength(0);
    // Tier of customer 123,456, by the spec's rule: 123456×7919 mod 40000 = 8064 → 40; ×31 mod 120 = 96 days → 0; 40 → C.
    expect(t.rows.at(123_456).result).toMatchObject({ score: 40, grade: "C" });
  });
});
