/**
 * The one job pipeline (core/pipeline): locate → resolve → score → plan, and
 * its extension points. Tiers expected here come from the sales-payment rules
 * of tiering-models.md §1 (A ≥ 80, B ≥ 60, else C), worked out in
 * test/taskpane/sheets.ts, not from the code under test.
 */
import { MappingError } from "../../src/core/sheet/mapping";
import { isComplete, locate, pickSheet, plan, resolve, runJob, savedColumns, choicesFromSaved, score, type Located } from "../../src/core/pipeline";
import { findPreset, salesPayment } from "../../src/core/presets";
import type { SheetGrid } from "../../src/core/sheet/types";
import { SALES_EXAMPLES, notesSheet, salesSheet } from "../taskpane/sheets";

const golden = SALES_EXAMPLES.map((r) => (r.score === null ? null : r.score >= 80 ? "A" : r.score >= 60 ? "B" : "C"));

/** The sales sheet with its revenue moved to column E, and a decoy revenue column (all zero) in C. */
function decoySheet(): SheetGrid {
  const g = salesSheet();
  return { name: g.name, values: g.values.map((row, i) => (i < 2 ? row : i === 2 ? [...row, "上月销售额"] : [row[0], row[1], row[0] === "合计" ? null : 0, row[3], row[2]])) };
}

describe("pipeline stages", () => {
  it("locate finds the customer table under the title; resolve maps its columns; score tiers every row", () => {
    const located = locate(salesSheet(), { lang: "zh-CN" });
    expect(located.table.headers).toEqual(["客户名称", "区域", "月均销售额", "回款天数"]);
    const resolved = resolve(located, salesPayment);
    expect(isComplete(resolved)).toBe(true);
    expect(score(resolved).rows.map((r) => r.result.grade)).toEqual(golden);
  });

  it("a choice by letter or by header text wins over detection; null leaves a field unmapped", () => {
    const located = locate(decoySheet(), { lang: "zh-CN" });
    const detected = score(resolve(located, salesPayment));
    expect(detected.rows.map((r) => r.result.grade)).not.toEqual(golden);
    expect(score(resolve(located, salesPayment, { revenue: "E" })).rows.map((r) => r.result.grade)).toEqual(golden);
    expect(score(resolve(located, salesPayment, { revenue: "上月销售额" })).rows.map((r) => r.result.grade)).toEqual(golden);
    const without = resolve(located, salesPayment, { revenue: null });
    expect(without.mapping.columns.revenue).toBeUndefined();
    expect(isComplete(without)).toBe(false);
    expect(() => score(without)).toThrow(MappingError);
  });

  it("a choice naming no column fails with a bilingual message (CLI), or falls back to detection (pane)", () => {
    const located = locate(salesSheet(), { lang: "zh-CN" });
    expect(() => resolve(located, salesPayment, { revenue: "Z" })).toThrow(MappingError);
    expect(resolve(located, salesPayment, { revenue: "Z" }, { unknownChoice: "detect" }).mapping.columns.revenue).toBe(2);
    // Picks for another model's fields are kept by the pane but do not apply.
    expect(isComplete(resolve(located, salesPayment, { stage: "B" }, { unknownChoice: "detect" }))).toBe(true);
  });

  it("saved columns go by header text and come back as choices for a table whose columns moved", () => {
    const resolved = resolve(locate(salesSheet(), { lang: "zh-CN" }), salesPayment);
    const saved = savedColumns(resolved);
    expect(saved).toEqual({ customer: "客户名称", revenue: "月均销售额", paydays: "回款天数" });
    const moved = locate({ name: "客户表", values: [["回款天数", "客户名称", "月均销售额"], [20, "甲", 25000]] }, { lang: "zh-CN" });
    expect(choicesFromSaved(moved.table, { ...saved, gone: "没有这一列" })).toEqual({ paydays: "A", customer: "B", revenue: "C" });
  });

  it("plan names the tier sheets next to the workbook's and never the source", () => {
    const { scored } = runJob(salesSheet(), { model: salesPayment, lang: "zh-CN" });
    const p = plan(scored, { lang: "zh-CN", existing: [{ name: "客户表" }, { name: "客户分级" }] });
    expect(p.sheets.map((s) => [s.role, s.name])).toEqual([
      ["tiers", "客户分级 (2)"],
      ["summary", "分级汇总"],
      ["rules", "分级规则"],
    ]);
  });

  it("pickSheet takes the first sheet whose table the model can score", () => {
    expect(pickSheet([notesSheet(), salesSheet()], { model: salesPayment, lang: "zh-CN" })?.name).toBe("客户表");
  });
});

describe("pipeline extension points", () => {
  it("table stages reshape the located table before mapping, in order (where order logs will be aggregated)", () => {
    const seen: string[] = [];
    const keepFirst =
      (n: number) =>
      (l: Located): Located => {
        seen.push(`first ${n}`);
        return { ...l, table: { ...l.table, rows: l.table.rows.slice(0, n) } };
      };
    const { scored } = runJob(salesSheet(), { model: salesPayment, lang: "zh-CN", locate: { stages: [keepFirst(5), keepFirst(3)] } });
    expect(seen).toEqual(["first 5", "first 3"]);
    expect(scored.rows.map((r) => r.result.grade)).toEqual(golden.slice(0, 3));
  });

  it("scored stages see the scored table and what was resolved (where history and overrides will apply)", () => {
    const calls: number[] = [];
    const { scored } = runJob(salesSheet(), {
      model: salesPayment,
      lang: "zh-CN",
      stages: [
        (s, resolved) => {
          calls.push(resolved.table.rows.length);
          return s;
        },
      ],
    });
    expect(calls).toEqual([SALES_EXAMPLES.length]);
    expect(scored.rows.map((r) => r.result.grade)).toEqual(golden);
  });
});

describe("order logs go through resolve", () => {
  // Seven order lines of three customers, one line with a date nobody can read; the sums are worked out by hand.
  const log: SheetGrid = {
    name: "销售明细",
    values: [
      ["订单日期", "客户名称", "金额"],
      ["2024-01-05", "甲", 100],
      ["2024-02-10", "乙", 250],
      ["2024-03-01", "甲", 300],
      ["2024-03-15", "丙", 80],
      ["2024-04-20", "甲", 50],
      ["2024-05-02", "乙", 120],
      ["不知道", "丙", 999],
    ],
  };
  const rfm = findPreset("rfm")!;
  const today = new Date("2024-06-01T00:00:00Z");

  it("a model that wants order sums reads the log as one row per customer, with the log's own mapping kept", () => {
    const resolved = resolve(locate(log, { lang: "zh-CN" }), rfm, {}, { today });
    expect(resolved.orders?.source.rows).toHaveLength(7);
    expect(resolved.orders?.mapping.columns).toMatchObject({ orderDate: 0, customer: 1, amount: 2 });
    expect(isComplete(resolved)).toBe(true);
    const scored = score(resolved, { today });
    expect(scored.rows.map((r) => r.customer)).toEqual(["甲", "乙", "丙"]);
    // 甲: 3 orders, 450; 乙: 2, 370; 丙: 1 readable line, 80 (the unreadable line is left out and named).
    expect(scored.rows.map((r) => [r.values.frequency, r.values.monetary])).toEqual([
      [3, 450],
      [2, 370],
      [1, 80],
    ]);
    expect(scored.issues.some((i) => i.row === 8 && i.value === "不知道")).toBe(true);
  });

  it("orders: false reads the table as it is; a customer model is not summed; an order-field choice is not a typo", () => {
    const located = locate(log, { lang: "zh-CN" });
    expect(resolve(located, rfm, {}, { orders: false, today }).orders).toBeUndefined();
    expect(resolve(located, salesPayment, {}, { today }).orders).toBeUndefined();
    expect(resolve(located, rfm, { orderDate: "A", amount: "金额" }, { today }).orders?.mapping.columns).toMatchObject({ orderDate: 0, amount: 2 });
    expect(runJob(log, { model: rfm, lang: "en-US", today, choices: { orderDate: "A" } }).scored.rows).toHaveLength(3);
  });

  it("'not used' for an order column reaches the order stage; without a customer column it is a missing column, not an empty log", () => {
    const withIds: SheetGrid = { name: "明细", values: log.values.map((row, i) => [...row, i === 0 ? "订单号" : "D1"]) };
    const located = locate(withIds, { lang: "zh-CN" });
    // Every line has order D1: one order per customer with the order ID, one per line without it.
    expect(score(resolve(located, rfm, {}, { today })).rows.map((r) => r.values.frequency)).toEqual([1, 1, 1]);
    expect(score(resolve(located, rfm, { orderId: null }, { today })).rows.map((r) => r.values.frequency)).toEqual([3, 2, 1]);
    expect(() => resolve(located, rfm, { customer: null }, { today })).toThrow(MappingError);
  });

  it("savedColumns keeps an order log's own headers (they find the columns again next time)", () => {
    const resolved = resolve(locate(log, { lang: "zh-CN" }), rfm, {}, { today });
    expect(savedColumns(resolved)).toEqual({ orderDate: "订单日期", customer: "客户名称", amount: "金额" });
  });
});
