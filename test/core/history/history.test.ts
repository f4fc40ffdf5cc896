/**
 * Tiers over time (issue 12), the pure core: keys, previous tier and change,
 * the gone, the migration matrix, overrides, the stability rule and
 * real-estate D. Tiers come from the spec's worked examples
 * (tiering-models.md §1: (25000, 20 → A) · (10000, 30 → B) · (5000, 31 → C) ·
 * (20000, 61 → B) · (10000.01, 46 → B)); expected changes and counts are worked out by hand below.
 */
import type { CellValue } from "../../../src/core/parse/values";
import type { Lang, Model } from "../../../src/core/model";
import { realEstate, salesPayment } from "../../../src/core/presets";
import { ORDER_LOG } from "../../../src/core/orders";
import { detectTable } from "../../../src/core/sheet/detect";
import { mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import { validateModel } from "../../../src/core/validate";
import { text } from "../../../src/core/model";
import { applyHistory, CHANGE_NAMES, customerKeys, historyStage, keySource, type OverrideEntry, type Snapshot } from "../../../src/core/history";

function score(values: CellValue[][], model: Model = salesPayment, lang: Lang = "zh-CN") {
  const table = detectTable({ name: "客户", values }, lang);
  const mapping = mapColumns(table.headers, model, {}, table.firstCol);
  return scoreTable(table, mapping, model, lang);
}

/** One run: score the grid, read it against the history, return what the tier sheet and `--json` show. */
function run(values: CellValue[][], asOf: string, history: Snapshot[], opts: { model?: Model; overrides?: OverrideEntry[] } = {}) {
  const model = opts.model ?? salesPayment;
  const scored = score(values, model);
  const src = keySource(scored);
  const keys = customerKeys(src);
  const out = applyHistory({ model: scored.model, asOf, keys, names: src.names, score: scored.scores.score, tier: scored.scores.tier, sub: scored.scores.sub, history, overrides: opts.overrides });
  const rows = Array.from({ length: keys.length }, (_, i) => ({
    customer: src.names?.[i],
    tier: out.snapshot.tier[i],
    computed: out.snapshot.computedTier[i],
    previous: out.snapshot.previousTier[i] || null,
    change: CHANGE_NAMES[out.change[i]],
    note: out.notes.get(i),
  }));
  const gone = Array.from(out.gone, (r) => out.previous!.customer[r]);
  return { out, rows, gone, keys };
}

const HEADER = ["客户编号", "客户名称", "月均销售额", "回款天数"];

describe("the customer ID field", () => {
  it.each([["客户编号"], ["编号"], ["客户ID"], ["Customer ID"], ["Account ID"], ["account no"]])("is taken from a header %s", (h) => {
    const m = mapColumns([h, "客户名称", "月均销售额", "回款天数"], salesPayment);
    expect(m.columns.customerId).toBe(0);
    expect(m.columns.customer).toBe(1);
  });

  it("an order log's customer ID keeps its own synonyms (客户编号 there; 订单编号 is the order)", () => {
    const m = mapColumns(["订单编号", "客户编号", "客户名称", "订单日期", "金额"], ORDER_LOG);
    expect(m.columns.customerId).toBe(1);
    expect(m.columns.orderId).toBe(0);
  });
});

describe("customer keys", () => {
  it("is the ID when filled, else the name; a shared key is warned about on both rows and kept out of matching", () => {
    const keys = customerKeys({
      length: 5,
      ids: ["C1", null, "C1", " ", "C9"],
      names: ["甲", "乙", "丙", "丁", null],
      rows: [2, 3, 4, 5, 6],
      idColumn: { header: "客户编号", letter: "A" },
    });
    expect(keys.key).toEqual(["C1", "乙", "C1", "丁", "C9"]);
    expect(Array.from(keys.excluded)).toEqual([1, 0, 1, 0, 0]);
    expect(keys.issues).toEqual([
      expect.objectContaining({ severity: "warning", row: 4, column: "客户编号", columnLetter: "A", value: "C1", message: expect.objectContaining({ "zh-CN": expect.stringContaining("第 2 行和第 4 行") }) }),
    ]);
  });

  it("folds width, case and spaces: Ａｃｍｅ Co and acmeco are one customer", () => {
    const keys = customerKeys({ length: 2, names: ["Ａｃｍｅ Co", "acmeco"], rows: [2, 3] });
    expect(Array.from(keys.excluded)).toEqual([1, 1]);
  });

  it("says when there is neither a name nor an ID column", () => {
    expect(customerKeys({ length: 1, rows: [2] }).issues).toHaveLength(1);
  });
});

// Month 1: 甲 A (25000, 20 → 100), 乙 B (10000, 30 → 70), 丙 C (5000, 31 → 50), 丁 B (20000, 61 → 70).
const JAN: CellValue[][] = [HEADER, ["C1", "甲", 25000, 20], ["C2", "乙", 10000, 30], ["C3", "丙", 5000, 31], ["C4", "丁", 20000, 61]];
// Month 2: 甲 down to B (10000, 30), 乙 up to A (25000, 20), 丙 same C, 丁 deleted, 戊 new B (10000.01, 46 → 60), 乙 renamed (same ID).
const FEB: CellValue[][] = [HEADER, ["C1", "甲", 10000, 30], ["C2", "乙公司", 25000, 20], ["C3", "丙", 5000, 31], ["C5", "戊", 10000.01, 46]];

describe("previous tier, change, gone and the migration matrix", () => {
  const jan = run(JAN, "2026-01-31", []);
  const feb = run(FEB, "2026-02-28", [jan.out.snapshot]);

  it("the first run: every customer is new, none is gone", () => {
    expect(jan.rows.map((r) => [r.tier, r.change])).toEqual([["A", "new"], ["B", "new"], ["C", "new"], ["B", "new"]]);
    expect(jan.gone).toEqual([]);
  });

  it("the next run compares by key (a renamed customer with the same ID is the same customer)", () => {
    expect(feb.rows.map((r) => [r.customer, r.previous, r.tier, r.change])).toEqual([
      ["甲", "A", "B", "down"],
      ["乙公司", "B", "A", "up"],
      ["丙", "C", "C", "same"],
      ["戊", null, "B", "new"],
    ]);
    expect(feb.gone).toEqual(["丁"]);
    expect(feb.out.previous?.asOf).toBe("2026-01-31");
  });

  it("counts previous × current tiers, with a row for the new and a column for the gone", () => {
    // rows: previous A, B, C, new; columns: current A, B, C, gone.
    expect(feb.out.matrix).toEqual([
      [0, 1, 0, 0], // 甲 A → B
      [1, 0, 0, 1], // 乙 B → A; 丁 B gone
      [0, 0, 1, 0], // 丙 C → C
      [0, 1, 0, 0], // 戊 new → B
    ]);
  });

  it("the previous snapshot is the latest one of the same model before the as-of date; a same-day snapshot is ignored (it is being replaced)", () => {
    const other: Snapshot = { ...jan.out.snapshot, modelId: "potential-4", asOf: "2026-02-15" };
    const sameDay: Snapshot = { ...jan.out.snapshot, asOf: "2026-02-28" };
    const again = run(FEB, "2026-02-28", [sameDay, other, jan.out.snapshot]);
    expect(again.out.previous?.asOf).toBe("2026-01-31");
    expect(again.rows.map((r) => r.change)).toEqual(["down", "up", "same", "new"]);
  });

  it("rows sharing a key get no change, stay out of the matrix and are recorded without a key; the previous row they would follow is out of this run's tiers", () => {
    const dup = run([...FEB, ["C3", "丙二", 25000, 20]], "2026-02-28", [jan.out.snapshot]);
    expect(dup.rows.map((r) => r.change)).toEqual(["down", "up", null, "new", null]);
    // January's C3 (C) is followed by no tiered row now: the matrix's last column, as the summary's COUNTIFS count it
    // (January's C rows minus those a February row names as previous). It is not gone: C3 is still in the sheet.
    expect(dup.out.matrix[2]).toEqual([0, 0, 0, 1]);
    expect(Array.from(dup.out.gone, (r) => jan.out.snapshot.key[r])).not.toContain("C3");
    // No later run, and no COUNTIFS over the history sheet, counts the two C3 rows.
    expect(dup.out.snapshot.key.filter((k) => k === "C3")).toEqual([]);
    expect(dup.out.snapshot.key.filter((k) => k === "")).toHaveLength(2);
    expect(dup.out.issues.some((x) => x.row === 6 && x.value === "C3")).toBe(true);
  });

  it("the snapshot holds the key, name, score, computed and final tier and the previous tier", () => {
    const s = feb.out.snapshot;
    expect(s).toMatchObject({ asOf: "2026-02-28", modelId: "sales-payment", length: 4 });
    expect(s.key).toEqual(["C1", "C2", "C3", "C5"]);
    expect(s.customer).toEqual(["甲", "乙公司", "丙", "戊"]);
    expect(Array.from(s.score)).toEqual([70, 100, 50, 60]);
    expect(s.previousTier).toEqual(["A", "B", "C", ""]);
  });
});

describe("overrides typed in the tier sheet", () => {
  const jan = run(JAN, "2026-01-31", []);

  it("an override becomes the tier, the computed tier stays beside it, and the snapshot records it", () => {
    const feb = run(FEB, "2026-02-28", [jan.out.snapshot], { overrides: [{ key: "C3", row: 4, tier: "b", reason: "战略客户" }] });
    expect(feb.rows[2]).toMatchObject({ tier: "B", computed: "C", change: "up" });
    expect(feb.rows[2].note?.["zh-CN"]).toBe("计算为 C，人工调整为 B（战略客户）");
    expect(feb.out.snapshot.override.get(2)).toEqual({ tier: "B", reason: "战略客户" });
  });

  it("the summary the pane and --json show counts the final tiers: an override moves its customer between tiers", () => {
    // FEB by hand: 甲 B (10000, 30), 乙公司 A, 丙 C, 戊 B (10000.01, 46); 丙 set to B by hand.
    const staged = historyStage({ tierSheet: { entries: [{ key: "C3", row: 4, tier: "B", reason: "战略客户" }], places: {} } }, "2026-02-28")(score(FEB));
    expect(staged.summary.map((t) => [t.tier, t.count])).toEqual([
      ["A", 1],
      ["B", 3],
      ["C", 0],
    ]);
    expect(staged.summary.map((t) => t.value)).toEqual([25000, expect.closeTo(25000.01, 6), 0]);
    expect(staged.unscored).toBe(0);
    // Without an override the counts are the computed ones.
    const plain = historyStage({}, "2026-02-28")(score(FEB));
    expect(plain.summary.map((t) => t.count)).toEqual([1, 2, 1]);
  });

  it("a value that is not a tier of the model is an error naming row and value, and is not applied", () => {
    const feb = run(FEB, "2026-02-28", [jan.out.snapshot], { overrides: [{ key: "C3", row: 4, tier: "S", reason: "x" }] });
    expect(feb.rows[2].tier).toBe("C");
    expect(feb.out.issues).toEqual([expect.objectContaining({ severity: "error", row: 4, value: "S" })]);
    expect(feb.out.issues[0].message["en-US"]).toContain("use A, B, C");
  });

  it("an override with no reason is applied with a warning naming the row", () => {
    const feb = run(FEB, "2026-02-28", [jan.out.snapshot], { overrides: [{ key: "C3", row: 4, tier: "A", reason: null }] });
    expect(feb.rows[2].tier).toBe("A");
    expect(feb.out.issues).toEqual([expect.objectContaining({ severity: "warning", row: 4 })]);
  });

  it("carries over from the last snapshot when there is no tier sheet; a cleared cell removes it", () => {
    const feb = run(FEB, "2026-02-28", [jan.out.snapshot], { overrides: [{ key: "C3", tier: "B", reason: "战略客户" }] });
    const mar = run(FEB, "2026-03-31", [jan.out.snapshot, feb.out.snapshot]);
    expect(mar.rows[2]).toMatchObject({ tier: "B", computed: "C", previous: "B", change: "same" });
    const cleared = run(FEB, "2026-03-31", [jan.out.snapshot, feb.out.snapshot], { overrides: [{ key: "C3", tier: "", reason: "战略客户" }] });
    expect(cleared.rows[2]).toMatchObject({ tier: "C", change: "down" });
    expect(cleared.out.overrides.size).toBe(0);
  });
});

describe("the stability rule (a downgrade takes effect after N consecutive snapshots)", () => {
  const stable: Model = { ...salesPayment, history: { downgradeAfter: 2 } };
  const jan = run(JAN, "2026-01-31", [], { model: stable });
  const feb = run(FEB, "2026-02-28", [jan.out.snapshot], { model: stable });

  it("the first lower result keeps the previous tier and says so", () => {
    expect(feb.rows[0]).toMatchObject({ customer: "甲", computed: "B", tier: "A", change: "same" });
    expect(feb.rows[0].note).toEqual({ "zh-CN": "计算为 B，连续 1 期，未满 2 期，保持 A", "en-US": "computed B for 1 snapshot in a row, fewer than 2: stays A" });
    // Upgrades are not held back.
    expect(feb.rows[1]).toMatchObject({ tier: "A", change: "up" });
  });

  it("the second consecutive lower result takes effect", () => {
    const mar = run(FEB, "2026-03-31", [jan.out.snapshot, feb.out.snapshot], { model: stable });
    expect(mar.rows[0]).toMatchObject({ computed: "B", tier: "B", previous: "A", change: "down" });
    expect(mar.rows[0].note?.["zh-CN"]).toBe("计算为 B，连续 2 期，降为 B");
  });

  it("a model's history rule is checked: a whole number of snapshots, a tier of the model", () => {
    const bad: Model = { ...salesPayment, history: { downgradeAfter: 1.5, recall: { tier: "Z", because: text("放弃", "gave up") } } };
    expect(validateModel(bad).map((p) => p.path)).toEqual(["history.downgradeAfter", "history.recall"]);
    expect(validateModel(stable)).toEqual([]);
  });

  it("off by default: the model's tier applies at once", () => {
    expect(run(FEB, "2026-02-28", [jan.out.snapshot]).rows[0]).toMatchObject({ tier: "B", change: "down" });
  });
});

describe("real-estate D from the history (tiering-models.md §8: was A, B or C and gave up)", () => {
  const H = ["客户名称", "客户状态"];
  const jan = run([H, ["张三", "交定金"], ["李四", "首次来访，意向较强"]], "2026-01-31", [], { model: realEstate });
  const feb = run([H, ["张三", "最终放弃"], ["李四", "最终放弃"]], "2026-02-28", [jan.out.snapshot], { model: realEstate });

  it("gives D with the earlier grade in the explanation", () => {
    expect(jan.rows.map((r) => r.tier)).toEqual(["B+", "C"]);
    expect(feb.rows.map((r) => [r.tier, r.change])).toEqual([["D", "down"], ["D", "down"]]);
    expect(feb.rows[0].note).toEqual({ "zh-CN": "曾为 B+，已放弃 → D", "en-US": "was B+, gave up → D" });
    expect(feb.rows[1].note?.["zh-CN"]).toBe("曾为 C，已放弃 → D");
  });

  it("looks past earlier D snapshots to the last grade before them", () => {
    const mar = run([H, ["张三", "放弃"]], "2026-03-31", [feb.out.snapshot, jan.out.snapshot], { model: realEstate });
    expect(mar.rows[0]).toMatchObject({ tier: "D", change: "same" });
    expect(mar.rows[0].note?.["zh-CN"]).toBe("曾为 B+，已放弃 → D");
  });

  it("an override may name a sub-level of the model (A-), not one it lacks", () => {
    const m = run([H, ["张三", "交定金"]], "2026-02-28", [jan.out.snapshot], {
      model: realEstate,
      overrides: [{ key: "张三", row: 2, tier: "a-", reason: "口头承诺" }],
    });
    expect(m.rows[0]).toMatchObject({ tier: "A-", computed: "B+", change: "up" });
    const bad = run([H, ["张三", "交定金"]], "2026-02-28", [], { model: realEstate, overrides: [{ key: "张三", row: 2, tier: "D+", reason: "x" }] });
    expect(bad.out.issues[0]).toMatchObject({ severity: "error", value: "D+" });
  });
});

describe("many customers", () => {
  // 200,000 here (Jest's sandbox is slow); plain Node does 1,000,000 in about 2.5 s and 170 MB of heap.
  it("keys, previous tier, change, gone and matrix over 200,000 rows as columns", () => {
    const n = 200_000;
    const ids = Array.from({ length: n }, (_, i) => `K${i}`);
    const keys = customerKeys({ length: n, ids, rows: new Int32Array(n) });
    // Previous run: customer K(j) for j = 10..n+9, tier j % 3 (A, B, C): K0..K9 are new, K(n)..K(n+9) are gone.
    const tiers = ["A", "B", "C"];
    const prev: Snapshot = {
      asOf: "2026-01-31",
      modelId: "sales-payment",
      length: n,
      key: Array.from({ length: n }, (_, r) => `K${r + 10}`),
      customer: new Array<string>(n).fill(""),
      score: new Float64Array(n),
      tier: Array.from({ length: n }, (_, r) => tiers[(r + 10) % 3]),
      computedTier: new Array<string>(n).fill(""),
      previousTier: new Array<string>(n).fill(""),
      override: new Map(),
    };
    // Now customer Ki has tier (i + 1) % 3: A → B and B → C are down, C → A is up.
    const tier = Int16Array.from({ length: n }, (_, i) => (i + 1) % 3);
    const out = applyHistory({ model: salesPayment, asOf: "2026-02-28", keys, score: new Float64Array(n), tier, sub: new Uint8Array(n), history: [prev] });
    const counts = [0, 0, 0, 0, 0];
    for (const c of out.change) counts[c]++;
    let up = 0;
    for (let i = 10; i < n; i++) if (i % 3 === 2) up++;
    expect(counts).toEqual([0, 10, 0, up, n - 10 - up]);
    expect(out.gone.length).toBe(10);
    expect(Array.from(out.gone, (r) => prev.key[r])).toEqual(Array.from({ length: 10 }, (_, k) => `K${n + k}`));
    expect(out.matrix.flat().reduce((a, b) => a + b, 0)).toBe(n + 10);
  });
});
