/**
 * Issue 11, customer sheets: `lastOrder` (a date) gives recency = as-of − date,
 * `firstOrder` the days since the first order for status "new". Which column
 * is scored when both a days and a date column are there, and what the user is told.
 */
import { runJob, savedColumns } from "../../src/core/pipeline";
import { findPreset } from "../../src/core/presets";
import type { CellValue } from "../../src/core/parse/values";

const AS_OF = new Date(Date.UTC(2026, 10, 30));
const job = (values: CellValue[][], model: string, choices: Record<string, string> = {}) =>
  runJob({ name: "客户", values }, { model: findPreset(model)!, lang: "en-US", today: AS_OF, choices });

describe("last order dates on a customer sheet", () => {
  it("reads date cells, serials and text as days to the as-of day (a time of day dropped), for every value preset that reads recency", () => {
    const values: CellValue[][] = [
      ["Customer", "Last order date", "Orders", "Total spent"],
      ["A", new Date(Date.UTC(2026, 10, 20, 15, 30)), 2, 100],
      ["B", 46326.75, 1, 50], // 2026-10-31 18:00
      ["C", "2026/1/5", 3, 900],
      ["D", "2025年11月30日", 1, 20],
      ["E", "2026-11-30", 5, 400],
    ];
    for (const id of ["rfm", "rfm-8", "value-abcd", "customer-status"]) {
      const { scored } = job(values, id);
      expect([id, scored.rows.map((r) => r.values.recency)]).toEqual([id, [10, 30, 329, 365, 0]]);
    }
    // value-abcd: D beyond 365 days only — D (365 days) is still A/B/C.
    expect(job([...values, ["F", "2025-11-29", 9, 9000]], "value-abcd").scored.rows.at(5).result.tier).toBe("D");
    expect(job(values, "value-abcd").scored.rows.at(3).result.tier).not.toBe("D");
  });

  it("a blank date is a missing recency; an impossible or later date an error naming row, column and value", () => {
    const { scored } = job(
      [
        ["客户", "最后下单日期", "购买次数", "消费金额"],
        ["A", null, 1, 10],
        ["B", "2026-04-31", 1, 10],
        ["C", "2026-12-01", 1, 10],
        ["D", "2026-11-01", 1, 10],
      ],
      "rfm",
    );
    const errors = scored.issues.filter((i) => i.severity === "error").map((i) => [i.row, i.column, i.columnLetter, i.value, i.message["en-US"]]);
    expect(errors).toEqual([
      [2, "最后下单日期", "B", null, "Recency is missing"],
      [3, "最后下单日期", "B", "2026-04-31", expect.stringContaining("no such day")],
      [4, "最后下单日期", "B", "2026-12-01", "The date 2026-12-01 is after the as-of day 2026-11-30, so there are no days since it"],
    ]);
    expect(scored.rows.at(3).values.recency).toBe(29);
  });

  it("both a days and a date column: the date is scored and the user told; choosing the days column alone keeps the days", () => {
    const values: CellValue[][] = [
      ["客户名称", "最近购买天数", "最近购买日期", "购买次数", "消费金额"],
      ["A", 99, "2026-11-20", 2, 100],
      ["B", 99, "2026-10-31", 1, 50],
    ];
    const byDate = job(values, "rfm");
    expect(byDate.scored.rows.map((r) => r.values.recency)).toEqual([10, 30]);
    expect(byDate.scored.issues.map((i) => [i.severity, i.columnLetter, i.message["en-US"]])).toEqual([
      ["warning", "B", expect.stringMatching(/^Both "最近购买天数" \(column B\) and "最近购买日期" \(column C\) are there: the days are counted from "最近购买日期"/)],
    ]);
    // Saved with the workbook: the date column, not a recency column pointing at it.
    expect(savedColumns(byDate.resolved)).toMatchObject({ lastOrder: "最近购买日期" });
    expect(savedColumns(byDate.resolved)).not.toHaveProperty("recency");

    const byDays = job(values, "rfm", { recency: "B" });
    expect(byDays.scored.rows.map((r) => r.values.recency)).toEqual([99, 99]);
    expect(byDays.scored.issues[0].message["en-US"]).toMatch(/the days column you chose is used/);
    // Both chosen: the date still wins.
    expect(job(values, "rfm", { recency: "B", lastOrder: "C" }).scored.rows.map((r) => r.values.recency)).toEqual([10, 30]);
  });

  it("customer status: new from the first order date when mapped; without it nobody is new and the user is told", () => {
    const withFirst = job(
      [
        ["客户", "首次购买日期", "最近购买日期"],
        ["新", "2026-10-01", "2026-11-20"],
        ["老活跃", "2024-01-01", "2026-11-20"],
        ["休眠", "2024-01-01", "2026-06-01"],
        ["流失", "2020-01-01", "2025-06-01"],
      ],
      "customer-status",
    );
    expect(withFirst.scored.rows.map((r) => [r.values.firstOrderDays, r.values.recency, r.result.tier])).toEqual([
      [60, 10, "new"],
      [1064, 10, "active"],
      [1064, 182, "dormant"],
      [2525, 547, "churned"],
    ]);
    const lastOnly = job(
      [
        ["客户", "上次购买"],
        ["刚买", "2026-11-20"],
        ["流失", "2025-06-01"],
      ],
      "customer-status",
    );
    expect(lastOnly.scored.rows.map((r) => r.result.tier)).toEqual(["active", "churned"]);
    expect(lastOnly.scored.model.criteria.map((c) => c.id)).toEqual(["recency"]);
    expect(lastOnly.scored.issues.map((i) => i.message["en-US"])).toEqual(['No "First order date" column: that rule is left out (customer status tells no new customers)']);
  });

  it("detects the usual headers of a last order date", () => {
    for (const header of ["最近购买日期", "最后下单日期", "最近下单", "上次购买", "Last order date", "Last purchase"]) {
      const { resolved } = job([["Customer", header, "Orders", "Total spent"], ["A", "2026-11-01", 1, 5]], "rfm");
      expect([header, resolved.mapping.columns.lastOrder, resolved.mapping.columns.recency]).toEqual([header, 1, 1]);
    }
  });
});
