/**
 * Golden cases from docs/tiering-models.md: every worked example and
 * both sides of every band boundary. Expected values are copied from the spec,
 * never from the presets, so a preset that drifts from the spec fails here.
 */
import { compileModel, findPreset, PRESETS, scoreRow, validateModel, type RowValues } from "../../src/core";
import { SALES_PAYMENT_WORKED } from "../golden/sales-payment";

function score(presetId: string, values: RowValues) {
  const model = findPreset(presetId);
  if (!model) throw new Error(`no preset ${presetId}`);
  return scoreRow(compileModel(model), values);
}

describe("preset catalogue", () => {
  it("has exactly the preset ids fixed by the spec", () => {
    expect(PRESETS.map((m) => m.id)).toEqual([
      "sales-payment",
      "orders-volume",
      "close-time",
      "potential-4",
      "weighted",
      "nine-grid",
      "sales-stage",
      "real-estate",
    ]);
  });

  it.each(PRESETS.map((m) => [m.id, m]))("%s is a valid model with bilingual texts", (_id, model) => {
    expect(validateModel(model)).toEqual([]);
    for (const t of [model.name, model.description, ...model.tiers.map((x) => x.label), ...model.fields.map((f) => f.label)]) {
      expect(t["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(t["en-US"]).toMatch(/^[\x20-\x7e–→…×≥≤−]+$/);
    }
  });

  it.each([
    ["sales-payment", ["revenue", "paydays"]],
    ["orders-volume", ["orders", "volume"]],
    ["close-time", ["need", "months", "lastContact"]],
    ["potential-4", ["months", "amount"]],
    ["weighted", ["history", "forecast", "bonus"]],
    ["nine-grid", ["hospitalLevel", "doctorTitle", "prescribing", "lastVisit"]],
    ["sales-stage", ["stage"]],
    ["real-estate", ["status"]],
  ])("%s has the field ids of the spec plus customer and customerId (issue 12: who the customer is across runs)", (id, fields) => {
    expect(findPreset(id)!.fields.map((f) => f.id)).toEqual(["customer", "customerId", ...fields]);
  });
});

describe("sales-payment (§1)", () => {
  it.each(SALES_PAYMENT_WORKED)("worked example (%p, %p) → %p %s", (revenue, paydays, total, tier) => {
    const r = score("sales-payment", { revenue, paydays });
    expect(r.score).toBe(total);
    expect(r.tier).toBe(tier);
    expect(r.issues).toEqual([]);
  });

  it.each([
    [20000, 70],
    [19999.99, 50],
    [10000.01, 50],
    [10000, 40],
    [5000.01, 40],
    [5000, 30],
    [0, 30],
  ])("monthly sales %p → %p points", (revenue, points) => {
    expect(score("sales-payment", { revenue, paydays: 10 }).criteria[0].points).toBe(points);
  });

  it.each([
    [0, 30],
    [30, 30],
    [30.01, 20],
    [45, 20],
    [45.01, 10],
    [60, 10],
    [60.01, 0],
    [365, 0],
  ])("payment days %p → %p points", (paydays, points) => {
    expect(score("sales-payment", { revenue: 1000, paydays }).criteria[1].points).toBe(points);
  });

  it.each([
    [10001, 30, 80, "A"], // 50 + 30: exactly on the A line
    [10000, 30, 70, "B"],
    [5000, 10, 60, "B"], // 30 + 30: exactly on the B line
    [5000, 31, 50, "C"],
  ])("tier lines: (%p, %p) → %p %s", (revenue, paydays, total, tier) => {
    const r = score("sales-payment", { revenue, paydays });
    expect([r.score, r.tier]).toEqual([total, tier]);
  });

  it("scores negative sales in the lowest band with a warning (Decision)", () => {
    const r = score("sales-payment", { revenue: -500, paydays: 10 });
    expect(r.criteria[0].points).toBe(30);
    expect(r.tier).toBe("B");
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: "warning", field: "revenue", value: -500 });
  });

  it("gives no tier and an error issue when a value is missing", () => {
    const r = score("sales-payment", { revenue: 25000, paydays: null });
    expect(r.tier).toBeNull();
    expect(r.score).toBeNull();
    expect(r.issues).toEqual([expect.objectContaining({ severity: "error", field: "paydays" })]);
    expect(r.issues[0].message["zh-CN"]).toContain("回款天数");
    expect(r.issues[0].message["en-US"]).toContain("Payment days");
  });

  it("rejects negative payment days: no tier, the value named", () => {
    const r = score("sales-payment", { revenue: 25000, paydays: -3 });
    expect(r.tier).toBeNull();
    expect(r.issues[0]).toMatchObject({ severity: "error", field: "paydays", value: -3 });
    expect(r.issues[0].message["en-US"]).toContain("-3");
  });

  it("treats missing as the worst band when the user picks that policy", () => {
    const base = findPreset("sales-payment")!;
    const model = { ...base, criteria: base.criteria.map((c) => ({ ...c, missing: "worst" as const })) };
    const r = scoreRow(compileModel(model), { revenue: 25000, paydays: "" });
    expect(r.criteria[1]).toMatchObject({ points: 0, assumedWorst: true });
    expect([r.score, r.tier]).toEqual([70, "B"]);
    expect(r.issues[0].severity).toBe("warning");
  });

  it("reads text forms through the parser: 2万 and 30天 → A", () => {
    const r = score("sales-payment", { revenue: "2万", paydays: "30天" });
    expect([r.score, r.tier]).toEqual([100, "A"]);
  });
});

describe("orders-volume (§2, worst level)", () => {
  it.each([
    [6, 200000, "A"],
    [5, 200000, "B"],
    [4, 200000, "B"],
    [3, 200000, "C"],
    [6, 100001, "A"],
    [6, 100000, "B"],
    [6, 10000, "B"],
    [6, 9999, "C"],
    [7, 50000, "B"], // spec example
    [2, 200000, "C"], // spec example
  ])("%p orders, %p units → %s", (orders, volume, tier) => {
    expect(score("orders-volume", { orders, volume }).tier).toBe(tier);
  });
});

describe("close-time (§3, worst level with need)", () => {
  it.each([
    ["clear", 1, "A"],
    ["clear", 1.01, "B"],
    ["clear", 3, "B"],
    ["clear", 3.01, "C"],
    ["clear", 6, "C"],
    ["clear", 6.01, "D"],
    ["clear", 0, "A"],
    ["potential", 1, "D"],
    ["potential", 12, "D"],
    ["none", 1, "E"],
    ["明确", 2, "B"],
    ["潜在", 2, "D"],
    ["无", 2, "E"],
  ])("need %s, %p months → %s", (need, months, tier) => {
    expect(score("close-time", { need, months }).tier).toBe(tier);
  });

  it("grades need 'none' as E even without months, with no issue", () => {
    const r = score("close-time", { need: "无", months: null });
    expect(r.tier).toBe("E");
    expect(r.issues).toEqual([]);
  });

  it("grades need 'potential' as D without months: months could not make it worse", () => {
    expect(score("close-time", { need: "potential", months: "" }).tier).toBe("D");
  });

  it("cannot grade a clear need without months", () => {
    const r = score("close-time", { need: "clear", months: null });
    expect(r.tier).toBeNull();
    expect(r.issues[0]).toMatchObject({ severity: "error", field: "months" });
  });

  it("has the follow-up cadence of the seed: A 1, B 7, C 15, D 30, E 365 days", () => {
    const tiers = findPreset("close-time")!.tiers;
    expect(tiers.map((t) => [t.id, t.cadenceDays])).toEqual([
      ["A", 1],
      ["B", 7],
      ["C", 15],
      ["D", 30],
      ["E", 365],
    ]);
  });
});

describe("potential-4 (§4, best level)", () => {
  it.each([
    [3, 0, "A"],
    [3.5, 0, "B"],
    [4, 0, "B"],
    [6, 0, "B"],
    [7, 0, "C"],
    [12, 0, "C"],
    [13, 0, "D"],
    [24, 100000, "A"],
    [24, 99999, "B"],
    [24, 50000, "B"],
    [24, 49999, "C"],
    [24, 20000, "C"],
    [24, 19999, "D"],
    [8, 60000, "B"], // amount lifts C to B
    [2, 5000, "A"], // a short close time lifts the grade
  ])("%p months, amount %p → %s", (months, amount, tier) => {
    expect(score("potential-4", { months, amount }).tier).toBe(tier);
  });
});

describe("weighted (§5)", () => {
  it("reproduces the seed's example: (90 × 50% + 70 × 50%) × 1.05 = 84", () => {
    const r = score("weighted", { history: 90, forecast: 70, bonus: "是" });
    expect(r.score).toBe(84);
    expect(r.tier).toBe("A");
  });

  it.each([
    [90, 70, "否", 80, "A"],
    [60, 59, "no", 59.5, "C"],
    [60, 60, "no", 60, "B"],
    [100, 100, "yes", 105, "A"],
  ])("(%p, %p, bonus %s) → %p %s", (history, forecast, bonus, total, tier) => {
    const r = score("weighted", { history, forecast, bonus });
    expect([r.score, r.tier]).toEqual([total, tier]);
  });

  it("rejects a score outside 0–100", () => {
    const r = score("weighted", { history: 120, forecast: 70, bonus: "no" });
    expect(r.tier).toBeNull();
    expect(r.issues[0]).toMatchObject({ field: "history", value: 120 });
  });
});

describe("nine-grid (§6)", () => {
  it.each([
    ["三级", "副主任以上", "首选", 10, "A"],
    ["二级", "住院医师", "首选", 4, "B"],
    ["二级以下", "住院医师", "次选", 3, "C"],
    ["三级", "住院医师", "竞品", 8, "A"],
  ])("worked example (%s, %s, %s) → %p %s", (hospitalLevel, doctorTitle, prescribing, total, tier) => {
    const r = score("nine-grid", { hospitalLevel, doctorTitle, prescribing });
    expect([r.score, r.tier]).toEqual([total, tier]);
  });

  const grid: [string, string, number][] = [
    ["三级", "副主任以上", 9],
    ["三级", "主治医师", 8],
    ["三级", "住院医师", 5],
    ["二级", "副主任以上", 7],
    ["二级", "主治医师", 5],
    ["二级", "住院医师", 3],
    ["二级以下", "副主任以上", 3],
    ["二级以下", "主治医师", 2],
    ["二级以下", "住院医师", 1],
  ];
  it.each(grid)("potential %s × %s = %p", (hospitalLevel, doctorTitle, potential) => {
    const r = score("nine-grid", { hospitalLevel, doctorTitle, prescribing: "首选" });
    expect(r.criteria[0].points).toBe(potential);
    expect(r.score).toBe(potential + 1);
  });

  it.each([
    ["首选", 1],
    ["次选", 2],
    ["竞品", 3],
    ["first choice", 1],
  ])("prescribing %s = %p", (prescribing, points) => {
    expect(score("nine-grid", { hospitalLevel: "三级", doctorTitle: "主治医师", prescribing }).criteria[1].points).toBe(points);
  });

  it.each([
    ["三级", "主治医师", "竞品", 11, "A"],
    ["二级", "主治医师", "竞品", 8, "A"],
    ["二级", "副主任以上", "首选", 8, "A"],
    ["二级", "主治医师", "次选", 7, "B"],
    ["二级以下", "副主任以上", "首选", 4, "B"],
    ["二级以下", "主治医师", "首选", 3, "C"],
  ])("tier lines 8/7 and 4/3: (%s, %s, %s) → %p %s", (hospitalLevel, doctorTitle, prescribing, total, tier) => {
    const r = score("nine-grid", { hospitalLevel, doctorTitle, prescribing });
    expect([r.score, r.tier]).toEqual([total, tier]);
  });
});

describe("sales-stage (§7)", () => {
  it.each([
    ["A21", "A21"],
    ["资料级", "A21"],
    ["A08 范围级", "A08"],
    ["A31-明确拒绝", "A31"],
    ["Refused", "A31"],
    ["不拒绝", "A07"],
    ["积极回应", "A06"],
    ["意向级", "A05"],
    ["价格级", "A04"],
    ["冲刺级", "A03"],
    ["成交级", "A02"],
    ["a01", "A01"],
    ["Closed out", "A01"],
  ])("%s → %s", (stage, tier) => {
    expect(score("sales-stage", { stage }).tier).toBe(tier);
  });

  it("orders the ladder by progress with the refusal as the dead end", () => {
    expect(findPreset("sales-stage")!.tiers.map((t) => t.id)).toEqual(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A21", "A31"]);
  });

  it("names the allowed values when a stage is unknown", () => {
    const r = score("sales-stage", { stage: "A99" });
    expect(r.tier).toBeNull();
    expect(r.issues[0].message["zh-CN"]).toContain("A99");
    expect(r.issues[0].message["zh-CN"]).toContain("A21 资料级");
  });
});

describe("real-estate (§8, sub-levels)", () => {
  it.each([
    ["签定购房合同", "A+"],
    ["签定购房协议", "A"],
    ["签协议但有退房意向", "A-"],
    ["交定金购买认购卡", "B+"],
    ["接受内部认购登记", "B"],
    ["多次来访（2次以上）", "B-"],
    ["首次来访，意向强烈", "C+"],
    ["首次来访，意向较强", "C"],
    ["首次来访，持观望态度", "C-"],
    ["最终放弃", "D"],
    ["purchase contract signed", "A+"],
  ])("%s → %s", (status, grade) => {
    const r = score("real-estate", { status });
    expect(r.grade).toBe(grade);
    expect(r.tier).toBe(grade[0]);
  });
});
