/**
 * The golden cases of tiering-models.md fed as the text people type: every value
 * must land in the band the spec gives for the number it stands for.
 */
import { closeTime, ordersVolume, potential4, salesPayment } from "../../../src/core/presets";
import { compileModel, scoreRow } from "../../../src/core/score";
import type { CellValue } from "../../../src/core/parse/values";

const sp = compileModel(salesPayment);

describe("sales-payment (§1) from text", () => {
  test('TIER("2万", "30天") is A with 100 points', () => {
    const r = scoreRow(sp, { revenue: "2万", paydays: "30天" });
    expect(r.grade).toBe("A");
    expect(r.score).toBe(100);
    expect(r.issues).toEqual([]);
  });

  // Monthly sales bands: ≥ 20,000 → 70; > 10,000 and < 20,000 → 50; > 5,000 and ≤ 10,000 → 40; ≤ 5,000 → 30.
  test.each<[string, number]>([
    ["2万", 70],
    ["20,000元", 70],
    ["¥20,000", 70],
    ["２００００", 70],
    ["2.5万元", 70],
    ["１９９９９.９９", 50],
    ["19,999.99", 50],
    ["1.5万", 50],
    ["10,000.01", 50],
    ["1万", 40],
    ["10k", 40],
    ["¥10,000", 40],
    ["5,000.01元", 40],
    ["5000元", 30],
    ["5千", 30],
    ["0.5万", 30],
  ])("revenue %p gives %p points", (revenue, points) => {
    const r = scoreRow(sp, { revenue, paydays: 30 });
    expect(r.criteria[0].points).toBe(points);
  });

  // Payment days bands: ≤ 30 → 30; > 30 and ≤ 45 → 20; > 45 and ≤ 60 → 10; > 60 → 0.
  test.each<[string, number]>([
    ["30天", 30],
    ["３０天", 30],
    ["30 days", 30],
    ["31天", 20],
    ["31 days", 20],
    ["45d", 20],
    ["46天", 10],
    ["60日", 10],
    ["61 days", 0],
    ["Net 90", 0],
  ])("payment days %p gives %p points", (paydays, points) => {
    const r = scoreRow(sp, { revenue: 25000, paydays });
    expect(r.criteria[1].points).toBe(points);
  });

  // The worked examples of §1, typed as text.
  test.each<[string, string, number, string]>([
    ["2.5万", "20天", 100, "A"],
    ["2万", "31天", 90, "A"],
    ["19,999.99元", "30 days", 80, "A"],
    ["¥10,000", "30d", 70, "B"],
    ["10000.01", "46天", 60, "B"],
    ["5千", "31天", 50, "C"],
    ["20k", "61 days", 70, "B"],
  ])("(%p, %p) → %p %s", (revenue, paydays, score, grade) => {
    const r = scoreRow(sp, { revenue, paydays });
    expect([r.score, r.grade]).toEqual([score, grade]);
  });

  test("negative sales in accounting form score in the lowest band with a warning (§1 Decision)", () => {
    const r = scoreRow(sp, { revenue: "(1,200)", paydays: "30天" });
    expect(r.criteria[0].points).toBe(30);
    expect(r.issues.map((i) => i.severity)).toEqual(["warning"]);
  });

  test.each<[CellValue, string]>([
    ["abc", "不是有效的金额"],
    ["#N/A", "#N/A"],
    [{ error: "#DIV/0!" }, "#DIV/0!"],
    ["30天", "不是有效的金额"],
  ])("unreadable revenue %p gives no tier and an issue", (revenue, words) => {
    const r = scoreRow(sp, { revenue, paydays: "30天" });
    expect(r.grade).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: "error", field: "revenue", value: revenue });
    expect(r.issues[0].message["zh-CN"]).toContain(words);
  });
});

describe("orders-volume (§2) from text", () => {
  const ov = compileModel(ordersVolume);
  test.each<[string, string, string]>([
    ["7单", "5万件", "B"], // 7 orders, 50,000 units
    ["2 orders", "200K", "C"], // 2 orders, 200,000 units
    ["6次", "100,001", "A"],
    ["4 orders", "1万", "B"], // 10,000 included in B
    ["4 orders", "9,999", "C"],
  ])("(%p, %p) → %s", (orders, volume, grade) => {
    expect(scoreRow(ov, { orders, volume }).grade).toBe(grade);
  });
});

describe("potential-4 (§4) from text", () => {
  const p4 = compileModel(potential4);
  test.each<[string, string, string]>([
    ["13个月", "10万", "A"], // amount ≥ 100,000
    ["13个月", "¥99,999", "B"],
    ["13个月", "2万元", "C"],
    ["3个月", "1.5万", "A"], // close time ≤ 3 lifts the grade
    ["12 months", "1.5万", "C"],
  ])("(%p, %p) → %s", (months, amount, grade) => {
    expect(scoreRow(p4, { months, amount }).grade).toBe(grade);
  });
});

describe("close-time (§3): months to close from an expected close date", () => {
  const ct = compileModel(closeTime);
  // The engine counts from the real today: build dates relative to it.
  const now = new Date();
  const inDays = (n: number) => new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + n));
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  test.each<[CellValue, string]>([
    [inDays(20), "A"],
    [iso(inDays(20)), "A"],
    [inDays(60), "B"],
    [iso(inDays(150)).replace(/-/g, "/"), "C"],
    [inDays(400), "D"],
    [0, "A"],
    ["1个月", "A"],
    ["2.5 months", "B"],
  ])("need clear, close %p → %s", (months, grade) => {
    expect(scoreRow(ct, { need: "明确", months }).grade).toBe(grade);
  });

  test("a close date in the past gives no tier and says the date has passed", () => {
    const past = inDays(-10);
    const r = scoreRow(ct, { need: "明确", months: past });
    expect(r.grade).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].field).toBe("months");
    expect(r.issues[0].message["zh-CN"]).toContain("已过");
    expect(r.issues[0].message["en-US"]).toContain(iso(past));
  });
});
