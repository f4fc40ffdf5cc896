import type { BandCriterion } from "../../src/core";
import { compileModel, ModelError, salesPaymentClone, validateModel, type Model } from "./model-fixtures";

/** The band criterion at index i (the sales-payment presets' two criteria are both banded). */
function banded(m: Model, i: number): BandCriterion {
  const c = m.criteria[i];
  if (c.kind !== "bands") throw new Error(`criterion ${i} is not banded`);
  return c;
}

function messages(model: Model): string[] {
  return validateModel(model).map((p) => `${p.path}: ${p.message["en-US"]}`);
}

describe("model validation", () => {
  it("accepts the preset as shipped", () => {
    expect(messages(salesPaymentClone())).toEqual([]);
  });

  it("finds overlapping bands", () => {
    const m = salesPaymentClone();
    // 20,000 now falls in both the 70 and the 50 band.
    banded(m, 0).bands[1].max = { value: 20000, inclusive: true };
    expect(messages(m)).toEqual([expect.stringMatching(/criteria\[0\]\.bands\[0\]: bands 2 and 1 overlap/)]);
  });

  it("finds a gap between bands", () => {
    const m = salesPaymentClone();
    // (45, 60] becomes (50, 60]: 45 < x ≤ 50 has no band.
    banded(m, 1).bands[2].min = { value: 50, inclusive: false };
    expect(messages(m)).toEqual([expect.stringMatching(/criteria\[1\]\.bands\[2\]: there is a gap between bands 2 and 3/)]);
  });

  it("finds a gap where two exclusive bounds meet", () => {
    const m = salesPaymentClone();
    banded(m, 1).bands[0].max = { value: 30, inclusive: false };
    expect(messages(m).join()).toMatch(/gap between bands 1 and 2/);
  });

  it("finds thresholds out of order", () => {
    const m = salesPaymentClone();
    m.tiers[1].minScore = 85;
    expect(messages(m)).toEqual(["tiers[1]: thresholds out of order: B at 85 must be below 80"]);
  });

  it("finds a missing threshold and a threshold on the lowest tier", () => {
    const m = salesPaymentClone();
    delete m.tiers[0].minScore;
    m.tiers[2].minScore = 10;
    expect(messages(m)).toEqual([
      "tiers[0]: tier A has no score threshold",
      "tiers[2]: the lowest tier C takes everything below: it has no threshold",
    ]);
  });

  it("finds a criterion reading an unknown field", () => {
    const m = salesPaymentClone();
    banded(m, 1).field = "paymentDays";
    expect(messages(m)).toEqual(['criteria[1]: criterion "Payment" reads unknown field "paymentDays"']);
  });

  it("finds weights that do not sum to 100%", () => {
    const m = salesPaymentClone();
    m.criteria[0].weight = 60;
    m.criteria[1].weight = 30;
    expect(messages(m)).toEqual(["criteria: weights add up to 90%, not 100%"]);
    m.criteria[1].weight = 40;
    expect(messages(m)).toEqual([]);
  });

  it("finds weights given to some criteria only", () => {
    const m = salesPaymentClone();
    m.criteria[0].weight = 100;
    expect(messages(m).join()).toMatch(/some criteria have a weight and some do not/);
  });

  it("finds a level that is not a tier in a worst/best model", () => {
    const m = salesPaymentClone();
    m.combine = "worst";
    m.tiers.forEach((t) => delete t.minScore);
    expect(messages(m).join()).toMatch(/level "" is not one of the model's tiers/);
  });

  it("finds one spelling that means two categories", () => {
    const m = salesPaymentClone();
    m.fields.push({ id: "need", kind: "category", label: { "zh-CN": "需求", "en-US": "Need" }, synonyms: [], required: true });
    m.criteria.push({
      id: "need",
      kind: "categories",
      field: "need",
      label: { "zh-CN": "需求", "en-US": "Need" },
      categories: [
        { id: "yes", label: { "zh-CN": "有", "en-US": "yes" }, synonyms: ["Y"], points: 0 },
        { id: "no", label: { "zh-CN": "无", "en-US": "no" }, synonyms: ["ｙ"], points: 0 },
      ],
    });
    expect(messages(m).join()).toMatch(/"ｙ" means both yes and no/);
  });

  it("says every problem in both languages, and compile refuses the model", () => {
    const m = salesPaymentClone();
    m.tiers[1].minScore = 85;
    const problems = validateModel(m);
    expect(problems[0].message["zh-CN"]).toContain("分数线顺序错误");
    expect(() => compileModel(m)).toThrow(ModelError);
  });

  it("refuses a combine it does not know (the old reserved rankShare included), saying which ones exist", () => {
    const m = salesPaymentClone() as unknown as { combine: string };
    m.combine = "rankShare";
    expect(messages(m as unknown as Model).join()).toMatch(/unknown combine "rankShare" \(use sum, worst, best or grid\)/);
  });
});
