import { parseNumber } from "../../../src/core/parse/values";
import { runJob } from "../../../src/core/pipeline";
import { salesPayment } from "../../../src/core/presets";

describe("parseNumber: payment terms as people write them (days fields)", () => {
  test.each<[string, number]>([
    ["月结60天", 60],
    ["月结 45 天", 45],
    ["月结90", 90],
    ["现结", 0],
    ["现款", 0],
    ["款到发货", 0],
    ["货到付款", 0],
    ["Net 30", 30],
    ["net60", 60],
  ])("%p → %p days, no note", (raw, days) => {
    const r = parseNumber(raw, "days");
    expect(r).toMatchObject({ ok: true, value: days, converted: true });
    expect(r.ok && r.note).toBeFalsy();
  });

  it("reads 月结 alone as 30 days and says it assumed so", () => {
    const r = parseNumber("月结", "days");
    expect(r).toMatchObject({ ok: true, value: 30 });
    expect(r.ok && r.note?.["zh-CN"]).toBe("“月结”没有写明天数，按月结 30 天计");
    expect(r.ok && r.note?.["en-US"]).toContain("read as 30");
  });

  it("does not read payment terms as money", () => {
    expect(parseNumber("现结", "money").ok).toBe(false);
    expect(parseNumber("月结60天", "money").ok).toBe(false);
  });
});

describe("parseNumber: estimates are read with a warning", () => {
  test.each<[string, "money" | "days" | "count", number]>([
    ["约3000", "money", 3000],
    ["3000左右", "money", 3000],
    ["~3000", "money", 3000],
    ["～3000", "money", 3000],
    ["约2万", "money", 20000],
    ["大约 45天", "days", 45],
    ["about 12", "count", 12],
  ])("%p (%s) → %p", (raw, kind, value) => {
    const r = parseNumber(raw, kind);
    expect(r).toMatchObject({ ok: true, value, converted: true });
    expect(r.ok && r.note?.["en-US"]).toMatch(/is an estimate, read as/);
  });

  it("still refuses what is not a number after the marker", () => {
    expect(parseNumber("约", "money").ok).toBe(false);
    expect(parseNumber("约两万", "money").ok).toBe(false);
    expect(parseNumber("左右", "money").ok).toBe(false);
  });
});

describe("scoring a sheet: the note becomes a warning at the cell, the row is tiered", () => {
  it("月结 and 约 rows are tiered and listed as warnings with row, column and value", () => {
    const grid = {
      name: "s",
      values: [
        ["客户名称", "月均销售额", "回款天数"],
        ["甲", "约3000", "月结60天"],
        ["乙", 25000, "月结"],
        ["丙", 25000, "现结"],
      ],
    };
    const { scored } = runJob(grid, { model: salesPayment, lang: "zh-CN" });
    // sales-payment (tiering-models.md §1): 3,000 → 30 points, 60 days → 10: 40 → C; 25,000 → 70 + 30 days → 30 = 100 → A; 0 days → 30: A.
    expect(scored.rows.map((r) => r.result.tier)).toEqual(["C", "A", "A"]);
    const warnings = scored.issues.map((i) => [i.severity, `${i.columnLetter}${i.row}`, i.value]);
    expect(warnings).toEqual([
      ["warning", "B2", "约3000"],
      ["warning", "C3", "月结"],
    ]);
  });
});
