import { describeModel } from "../../src/core/describe";
import type { BandCriterion, Model } from "../../src/core/model";
import { ordersVolume, salesPayment } from "../../src/core/presets";
import { scoreRow, compileModel } from "../../src/core/score";
import { validateModel } from "../../src/core/validate";
import {
  addCriterion,
  addTier,
  followNumbers,
  removeBand,
  removeCriterion,
  removeTier,
  renameBand,
  renameCriterion,
  setBound,
  setMinScore,
  splitBand,
} from "../../src/taskpane/state/model-edit";

const sales = (m: Model) => m.criteria[0] as BandCriterion;
const bounds = (c: BandCriterion) => c.bands.map((b) => [b.min && `${b.min.inclusive ? "[" : "("}${b.min.value}`, b.max && `${b.max.value}${b.max.inclusive ? "]" : ")"}`, b.points]);

describe("model edits keep the bands contiguous", () => {
  it("moving the top sales band's lower bound to 30,000 moves the next band's upper bound with it", () => {
    const m = setBound(salesPayment, 0, 0, "min", { value: 30000, inclusive: true });
    // tiering-models.md §1 bands with 20,000 replaced by 30,000 on both sides of the meeting point.
    expect(bounds(sales(m))).toEqual([
      ["[30000", undefined, 70],
      ["(10000", "30000)", 50],
      ["(5000", "10000]", 40],
      [undefined, "5000]", 30],
    ]);
    expect(validateModel(m)).toEqual([]);
    // Edited bands lose their worded labels ("月均2万以上（含2万）" is no longer true); the others keep theirs.
    expect(sales(m).bands[0].label).toBeUndefined();
    expect(sales(m).bands[1].label).toBeUndefined();
    expect(sales(m).bands[2].label).toEqual(sales(salesPayment).bands[2].label);
  });

  it("switching a bound's inclusiveness flips the neighbour's", () => {
    const m = setBound(salesPayment, 1, 0, "max", { value: 30, inclusive: false });
    expect((m.criteria[1] as BandCriterion).bands[1].min).toEqual({ value: 30, inclusive: true });
    expect(validateModel(m)).toEqual([]);
  });

  it("splits a band at a round value and removes one, a neighbour taking its range", () => {
    const split = splitBand(salesPayment, 0, 1); // (10000, 20000) → [15000, 20000) and (10000, 15000)
    expect(bounds(sales(split)).slice(1, 3)).toEqual([
      ["[15000", "20000)", 50],
      ["(10000", "15000)", 50],
    ]);
    expect(validateModel(split)).toEqual([]);
    const removed = removeBand(salesPayment, 0, 1); // drop (10000, 20000): the band below now reaches 20,000
    expect(bounds(sales(removed))).toEqual([
      ["[20000", undefined, 70],
      ["(5000", "20000)", 40],
      [undefined, "5000]", 30],
    ]);
    expect(validateModel(removed)).toEqual([]);
    const top = removeBand(salesPayment, 0, 0); // drop ≥ 20,000: the next band becomes open above
    expect(bounds(sales(top))[0]).toEqual(["(10000", undefined, 50]);
    expect(validateModel(top)).toEqual([]);
  });

  it("renames a band in the language edited; the other language states the numbers", () => {
    const m = renameBand(salesPayment, 0, 3, "en-US", "small accounts");
    expect(sales(m).bands[3].label).toEqual({ "en-US": "small accounts", "zh-CN": "月均5000元以下（含5000元）" });
    const plain = renameBand(setBound(salesPayment, 0, 0, "min", { value: 30000, inclusive: true }), 0, 0, "zh-CN", "大客户");
    expect(sales(plain).bands[0].label).toEqual({ "zh-CN": "大客户", "en-US": "≥ 30,000" });
  });
});

describe("criteria and tiers can be added and removed", () => {
  it("removing the payment criterion tiers on sales alone and makes the payment column optional", () => {
    const m = removeCriterion(salesPayment, 1);
    expect(validateModel(m)).toEqual([]);
    expect(m.fields.find((f) => f.id === "paydays")!.required).toBe(false);
    expect(m.fields.find((f) => f.id === "revenue")!.required).toBe(true);
    // 25,000 alone: 70 points < 80 → B (thresholds unchanged); no payment days needed.
    expect(scoreRow(compileModel(m), { revenue: 25000 }).tier).toBe("B");
  });

  it("scales the remaining weights back to 100%", () => {
    const weighted: Model = { ...salesPayment, criteria: salesPayment.criteria.map((c, i) => ({ ...c, weight: [50, 30][i] })) };
    const three = addCriterion(weighted);
    expect(three.criteria.map((c) => c.weight)).toEqual([50, 30, 0]);
    const m = removeCriterion(three, 0);
    expect(m.criteria.map((c) => c.weight)).toEqual([100, 0]);
    expect(validateModel(m)).toEqual([]);
  });

  it("adds a criterion on a new column that the user can name", () => {
    const m = renameCriterion(addCriterion(salesPayment), 2, "zh-CN", "订单数");
    expect(validateModel(m)).toEqual([]);
    expect(m.criteria[2].label["zh-CN"]).toBe("订单数");
    const field = m.fields.find((f) => f.id === "custom1")!;
    expect(field).toMatchObject({ required: true, kind: "number" });
    expect(field.label["zh-CN"]).toBe("订单数");
    expect(field.synonyms).toContain("订单数");
  });

  it("adds a lowest tier with a threshold for the tier above it, and removes tiers", () => {
    const four = addTier(salesPayment);
    expect(four.tiers.map((t) => [t.id, t.minScore])).toEqual([["A", 80], ["B", 60], ["C", 30], ["D", undefined]]);
    expect(validateModel(four)).toEqual([]);
    const back = removeTier(four, 3);
    expect(back.tiers.map((t) => [t.id, t.minScore])).toEqual([["A", 80], ["B", 60], ["C", undefined]]);
    expect(removeTier(removeTier(salesPayment, 0), 0).tiers).toHaveLength(2);
  });

  it("in a level model, what gave a removed tier gives the next one down", () => {
    const i = ordersVolume.tiers.findIndex((t) => t.id === "B");
    const m = removeTier(ordersVolume, i);
    expect(validateModel(m)).toEqual([]);
    const levels = m.criteria.flatMap((c) => (c.kind === "bands" ? c.bands.map((b) => b.level) : []));
    expect(levels).not.toContain("B");
  });
});

describe("texts follow the numbers", () => {
  it("keeps the preset's description until a number changes, then states the new numbers", () => {
    expect(followNumbers(salesPayment, salesPayment).description).toBe(salesPayment.description);
    const m = followNumbers(setMinScore(salesPayment, 0, 85), salesPayment);
    expect(m.description["zh-CN"]).toBe("月均销售额最高 70 分、回款最高 30 分；合计 ≥85 为 A，≥60 为 B，其余为 C。");
    expect(m.description["en-US"]).toBe("Monthly sales gives up to 70 points; Payment gives up to 30 points. A total of 85 or more is A, 60 or more B, the rest C.");
    // Back to the preset's numbers: back to its words.
    expect(followNumbers(setMinScore(m, 0, 80), salesPayment).description).toBe(salesPayment.description);
  });

  it("describes a level model by how its criteria combine", () => {
    // tiering-models.md: orders + volume takes the lower of the two levels.
    expect(describeModel(ordersVolume)["en-US"]).toMatch(/each give a tier; the lowest of them counts \(A > B > C\)/);
  });
});
