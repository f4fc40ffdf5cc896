import { calibrate, defaultShares, equalShares, fitWarnings, withThresholds } from "../../src/core/calibrate";
import { runJob } from "../../src/core/pipeline";
import { ordersVolume, salesPayment } from "../../src/core/presets";
import { validateModel } from "../../src/core/validate";

describe("calibrate", () => {
  it("cuts distinct scores where the counts come nearest the chosen shares", () => {
    // 10 customers, 10% / 20% / 70%: A = the top 1 (100), B = the next 2 (90, 90), C = the other 7.
    const scores = [100, 90, 90, 80, 70, 60, 50, 40, 30, 20];
    expect(calibrate(scores, [0.1, 0.2, 0.7])).toEqual({ minScores: [100, 90], counts: [1, 2, 7] });
  });

  it("keeps customers with the same score in one tier", () => {
    // Four 80s cannot be split: A takes all four (nearest 1 while leaving scores for B and C), B the 60s, C the 40s.
    const scores = [80, 80, 80, 80, 60, 60, 40, 40, 40, 40];
    expect(calibrate(scores, [0.1, 0.2, 0.7])).toEqual({ minScores: [80, 60], counts: [4, 2, 4] });
  });

  it("quantile cuts: equal shares over 1..12 give three tiers of four", () => {
    const scores = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(calibrate(scores, equalShares(3))).toEqual({ minScores: [9, 5], counts: [4, 4, 4] });
  });

  it("leaves a tier empty, with thresholds still falling, when there are too few different scores", () => {
    const c = calibrate([50, 50, 50, 50, 50], [0.1, 0.2, 0.7])!;
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(c.minScores[0]).toBeGreaterThan(c.minScores[1]);
    expect(c.counts[0]).toBe(0);
  });

  it("ignores customers without a score, and has nothing to cut without scores", () => {
    expect(calibrate([null, 100, null, 50], [0.5, 0.5])).toEqual({ minScores: [100], counts: [1, 1] });
    expect(calibrate([null], [0.5, 0.5])).toBeNull();
  });

  it("the seed's shares: 10/10/10/70 for four tiers; 10/20/70 for three (Decision)", () => {
    expect(defaultShares(4)).toEqual([0.1, 0.1, 0.1, 0.7]);
    expect(defaultShares(3)).toEqual([0.1, 0.2, 0.7]);
  });

  it("applies thresholds to a model that stays valid and keeps the target shares", () => {
    const m = withThresholds(salesPayment, [90, 70], [0.1, 0.2, 0.7]);
    expect(m.tiers.map((t) => t.minScore)).toEqual([90, 70, undefined]);
    expect(m.targetShares).toEqual([0.1, 0.2, 0.7]);
    expect(validateModel(m)).toEqual([]);
  });
});

describe("fitWarnings", () => {
  const grid = (rows: (string | number)[][], headers: string[]) => ({ name: "s", values: [headers, ...rows] });

  it("says when every customer is in one tier, one band, and every rank is tied (orders + volume on tiny customers)", () => {
    // orders-volume (tiering-models.md): 1 order and 10 units a month are C on both criteria for everyone.
    const rows = Array.from({ length: 8 }, (_, i) => [`客户${i}`, 1, 10]);
    const { scored } = runJob(grid(rows, ["客户名称", "订单数", "累计数量"]), { model: ordersVolume, lang: "en-US" });
    const kinds = fitWarnings(ordersVolume, scored).map((w) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(["crowdedTier", "oneBand", "allTied", "emptyTier"]));
    expect(fitWarnings(ordersVolume, scored).find((w) => w.kind === "crowdedTier")!.message["en-US"]).toBe("Tier C holds 8 of 8 customers (100%)");
  });

  it("warns about the model's own tiers, not the final ones an override changed", () => {
    const rows = Array.from({ length: 8 }, (_, i) => [`客户${i}`, 1, 10]);
    const { scored } = runJob(grid(rows, ["客户名称", "订单数", "累计数量"]), { model: ordersVolume, lang: "en-US" });
    // As the history stage leaves it after one override C → B: the summary counts final tiers (B 1, C 7).
    const overridden = { ...scored, summary: scored.summary.map((s) => ({ ...s, count: s.tier === "B" ? 1 : s.tier === "C" ? 7 : s.count })) };
    const messages = fitWarnings(ordersVolume, overridden).map((w) => w.message["en-US"]);
    expect(messages).toEqual(expect.arrayContaining(["Tier C holds 8 of 8 customers (100%)", "Tier B has no customers"]));
  });

  it("has nothing to say when the model spreads the customers", () => {
    const rows = [
      ["a", 25000, 20], ["b", 25000, 50], ["c", 15000, 20], ["d", 15000, 50], ["e", 8000, 40], ["f", 3000, 70],
    ];
    const { scored } = runJob(grid(rows, ["客户名称", "月均销售额", "回款天数"]), { model: salesPayment, lang: "en-US" });
    // 100 A, 80 A, 80 A, 60 B, 60 B, 30 C: no empty tier, none over 90%, both criteria use several bands.
    expect(fitWarnings(salesPayment, scored)).toEqual([]);
  });
});
