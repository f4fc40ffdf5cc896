/**
 * Review cadence (issue 12): each preset's stated cadence (tiering-models.md
 * §1 sales-payment every half year, §4 potential-4 every month end, §3
 * close-time after each follow-up, A daily), the next review date as Excel's
 * EDATE gives it, the pane's reminder, and the rules sheet's live formula.
 */
import { intervalText, nextReview, readHistoryLog, reviewInterval, reviewReminder } from "../../../src/core/history";
import { findPreset } from "../../../src/core/presets";
import { buildRulesLayout } from "../../../src/core/plan/rules-sheet";
import type { Model } from "../../../src/core/model";

const preset = (id: string) => findPreset(id) as Model;

describe("review cadence per preset", () => {
  it("is the spec's: half-yearly, monthly, after each follow-up (the daily A), monthly where none is stated", () => {
    expect(reviewInterval(preset("sales-payment"))).toEqual({ months: 6 });
    expect(reviewInterval(preset("potential-4"))).toEqual({ months: 1 });
    expect(reviewInterval(preset("close-time"))).toEqual({ days: 1, afterFollowUp: true });
    expect(reviewInterval(preset("orders-volume"))).toEqual({ months: 1 });
  });

  it("adds months as EDATE does (month ends clamp), days as days", () => {
    expect(nextReview("2026-05-30", { months: 6 })).toBe("2026-11-30");
    expect(nextReview("2026-08-31", { months: 6 })).toBe("2027-02-28");
    expect(nextReview("2026-01-31", { months: 1 })).toBe("2026-02-28");
    expect(nextReview("2026-12-31", { days: 1, afterFollowUp: true })).toBe("2027-01-01");
    expect(intervalText({ months: 6 })).toEqual({ "zh-CN": "半年", "en-US": "half a year" });
  });
});

describe("the reminder", () => {
  // Two models graded in one workbook; the sales-payment tiers last on 2026-05-30.
  const log = readHistoryLog([
    ["As of", "Model", "Key", "Tier"],
    ["2026-01-31", "sales-payment", "C1", "A"],
    ["2026-05-30", "sales-payment", "C1", "B"],
    ["2026-11-20", "potential-4", "C1", "B"],
  ]);

  it("says so when the model's last snapshot is older than its cadence", () => {
    const r = reviewReminder(preset("sales-payment"), log, "2026-12-01");
    expect(r?.last).toBe("2026-05-30");
    expect(r?.due).toBe("2026-11-30");
    expect(r?.message["zh-CN"]).toBe("上次分级是 2026-05-30，已超过半年，建议重新分级");
    expect(r?.message["en-US"]).toBe("Last graded on 2026-05-30, more than half a year ago: time to grade again");
  });

  it("is silent on the due day, for a model graded within its cadence, and without a history", () => {
    expect(reviewReminder(preset("sales-payment"), log, "2026-11-30")).toBeUndefined();
    expect(reviewReminder(preset("potential-4"), log, "2026-12-01")).toBeUndefined();
    expect(reviewReminder(preset("close-time"), log, "2026-12-01")).toBeUndefined();
    expect(reviewReminder(preset("sales-payment"), undefined, "2026-12-01")).toBeUndefined();
  });
});

describe("the rules sheet's next review date", () => {
  const formulaOf = (model: Model, name: string) => {
    const layout = buildRulesLayout(model, "en-US", "Tier rules", { review: { asOf: "2026-02-28" } });
    const ref = layout.names.find((n) => n.name === name)?.ref;
    expect(ref).toBeDefined();
    return { layout, next: layout.names.find((n) => n.name === "Next_review")!.ref };
  };

  it("is EDATE(last graded, editable months) for a model reviewed every N months", () => {
    const { layout } = formulaOf(preset("sales-payment"), "Review_months");
    expect(layout.cells.nextReview).toBe("Next_review");
    const rows = layout.grid.rows;
    const at = rows.findIndex((r) => r[0] === "Next review");
    expect(JSON.stringify(rows[at])).toContain("EDATE(Last_graded,Review_months)");
    const every = rows.find((r) => r[0] === "Review every (months)");
    expect(every?.[2]).toBe(6);
  });

  it("is last graded + the shortest follow-up interval, live from the tier table, for close-time", () => {
    const { layout } = formulaOf(preset("close-time"), "Review_days");
    const rows = layout.grid.rows;
    expect(JSON.stringify(rows)).toContain("MIN(Follow_up");
    expect(JSON.stringify(rows)).toContain("Last_graded+Review_days");
  });

  it("is not on the rules sheet of a template (no snapshot is recorded)", () => {
    expect(buildRulesLayout(preset("sales-payment"), "en-US", "Tier rules").cells.nextReview).toBeUndefined();
  });
});
