import { plan as tierPlan, runJob } from "../../src/core/pipeline";
import { historyStage } from "../../src/core/history";
import { readHistoryLog } from "../../src/core/history/sheet";
import { salesPayment } from "../../src/core/presets";
import { createdSheets } from "../../src/playground/plan-view";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

describe("playground drawing of the created sheets", () => {
  const grid = salesSheet();
  const { scored } = runJob(grid, { model: salesPayment, lang: "en-US" });
  const plan = tierPlan(scored, { lang: "en-US", existing: [{ name: grid.name }] });
  const sheets = createdSheets({ model: salesPayment, plan, scored, tierSheet: "", sourceSheet: grid.name, settingsSaved: true });
  const tiers = sheets.get(plan.sheets.find((s) => s.role === "tiers")!.name)!;

  /** Tier by score with the preset's cuts (tiering-models.md §1): what the formulas compute. */
  const golden = SALES_EXAMPLES.map((r) => (r.score === null ? null : r.score >= 80 ? "A" : r.score >= 60 ? "B" : "C"));

  it("shows formula cells with the engine's values, in the rows of the written plan", () => {
    const header = tiers.grid.values.findIndex((row) => row.includes("Tier"));
    const tierCol = tiers.grid.values[header].indexOf("Tier");
    const customerCol = tiers.grid.values[header].indexOf("Customer");
    const rows = tiers.grid.values.slice(header + 1, header + 1 + SALES_EXAMPLES.length);
    expect(rows.map((r) => r[customerCol])).toEqual(SALES_EXAMPLES.map((r) => r.name));
    expect(rows.map((r) => r[tierCol] || null)).toEqual(golden);
  });

  it("keeps the written plan's own text (the live legend), not the static plan's", () => {
    const texts = (p: typeof plan) =>
      p.sheets.find((s) => s.role === "tiers")!.blocks.flatMap((b) => b.cells.flat().map((c) => (typeof c === "string" ? c : c && typeof c === "object" && c.kind === "text" ? c.text : null)));
    const legend = tiers.grid.values[1][0] as string;
    expect(texts(plan)).toContain(legend);
    const staticPlan = tierPlan(scored, { lang: "en-US", staticValues: true });
    expect(texts(staticPlan)).not.toContain(legend);
  });

  it("shows the summary's shares as percentages (count over tiered customers, one decimal), not fractions", () => {
    const summary = sheets.get(plan.sheets.find((s) => s.role === "summary")!.name)!.grid.values;
    const header = summary.findIndex((row) => row.includes("Share of customers"));
    const shareCol = summary[header].indexOf("Share of customers");
    const tiered = golden.filter((t) => t !== null).length;
    const expected = ["A", "B", "C"].map((tier) => `${((golden.filter((t) => t === tier).length / tiered) * 100).toFixed(1)}%`);
    expect(summary.slice(header + 1, header + 4).map((r) => r[shareCol])).toEqual(expected);
    expect(summary[header + 4][shareCol]).toBe("100.0%");
  });

  it("fills the rules sheet's lookup table (formulas repeating a bound or a points cell) with those cells' values", () => {
    const rules = sheets.get(plan.sheets.find((s) => s.role === "rules")!.name)!.grid.values;
    const header = rules.findIndex((row) => row.includes("Bound (for lookup)"));
    const col = rules[header].indexOf("Bound (for lookup)");
    const lookup = rules.slice(header + 1, header + 5).map((r) => [r[col], r[col + 1], r[col + 2]]);
    // tiering-models.md §1, monthly sales: ≤5,000 → 30, (5,000, 10,000] → 40, (10,000, 20,000) → 50, ≥20,000 → 70.
    expect(lookup).toEqual([
      ["-∞", 30, 30],
      [5000, 30, 40],
      [10000, 40, 50],
      [20000, 70, 70],
    ]);
  });

  it("colours each tiered row with its tier's fill, and leaves the unscored row plain", () => {
    const header = tiers.grid.values.findIndex((row) => row.includes("Tier"));
    golden.forEach((tier, i) => {
      const fill = tiers.fills.get(`${header + 1 + i},0`);
      if (tier === null) expect(fill).toBeUndefined();
      else expect(fill?.fill).toBe(salesPayment.tiers.find((t) => t.id === tier)!.color);
    });
  });
});

describe("the playground reads meaning from the plan, never from its formulas", () => {
  const grid = salesSheet();
  const { scored } = runJob(grid, { model: salesPayment, lang: "en-US" });
  const plan = tierPlan(scored, { lang: "en-US", existing: [{ name: grid.name }] });
  const draw = (p: typeof plan) => createdSheets({ model: salesPayment, plan: p, scored, tierSheet: "", sourceSheet: grid.name, settingsSaved: true });
  const tierName = plan.sheets.find((s) => s.role === "tiers")!.name;

  it("colours the same cells when every rule's formula is unreadable (only the plan's tier metadata is used)", () => {
    const scrambled = { ...plan, sheets: plan.sheets.map((s) => ({ ...s, rules: s.rules.map((r) => (r.kind === "formula" ? { ...r, formula: "NOT(FALSE)" } : r)) })) };
    const fills = draw(plan).get(tierName)!.fills;
    expect(fills.size).toBeGreaterThan(0);
    expect([...draw(scrambled).get(tierName)!.fills]).toEqual([...fills]);
  });

  it("colours nothing when the table does not say which column is the tier", () => {
    const noRoles = {
      ...plan,
      sheets: plan.sheets.map((s) => ({ ...s, tables: s.tables?.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, role: undefined })) })) })),
    };
    expect(draw(noRoles).get(tierName)!.fills.size).toBe(0);
  });
});

describe("the playground shows the dates of a graded workbook as dates", () => {
  it("the history sheet's as-of days and the rules sheet's last graded day read yyyy-mm-dd, not serial numbers", () => {
    const grid = salesSheet();
    // An earlier snapshot on 2026-10-31; this run's is 2026-11-30 (serial 46356).
    const log = readHistoryLog([["As of", "Model", "Key", "Customer", "Score", "Computed tier", "Tier"], ["2026-10-31", salesPayment.id, "华信贸易", "华信贸易", 70, "B", "B"]]);
    const { scored } = runJob(grid, { model: salesPayment, lang: "en-US", stages: [historyStage({ log }, "2026-11-30")] });
    const plan = tierPlan(scored, { lang: "en-US", existing: [{ name: grid.name }] });
    const sheets = createdSheets({ model: salesPayment, plan, scored, tierSheet: "", sourceSheet: grid.name, settingsSaved: true });
    const values = (role: string) => sheets.get(plan.sheets.find((s) => s.role === role)!.name)!.grid.values;
    const history = values("history");
    const asOf = history[0].indexOf("As of");
    // This run's snapshot rows as the plan writes them (appended under the earlier ones, which the sheet already holds).
    const days = history.slice(1).map((r) => r?.[asOf]).filter((v) => v !== null && v !== undefined);
    expect(days.length).toBeGreaterThan(0);
    expect(new Set(days)).toEqual(new Set(["2026-11-30"]));
    const graded = values("rules").find((r) => r?.[0] === "Last graded")!;
    expect(graded.filter((v) => v !== null)).toEqual(["Last graded", "2026-11-30"]);
    // No cell of any created sheet shows a day of 2026 as its serial number (46023–46387).
    for (const [, d] of sheets) for (const r of d.grid.values) for (const v of r ?? []) if (typeof v === "number") expect(v >= 46023 && v <= 46387).toBe(false);
  });

  it("does not draw a history sheet the run appended to: it holds the user's rows, which the plan does not, and is shown as the host read it back", () => {
    const grid = salesSheet();
    const log = { ...readHistoryLog([["As of", "Model", "Key", "Customer", "Score", "Computed tier", "Tier"], ["2026-10-31", salesPayment.id, "华信贸易", "华信贸易", 70, "B", "B"]]), sheet: "Tier history" };
    const { scored } = runJob(grid, { model: salesPayment, lang: "en-US", stages: [historyStage({ log }, "2026-11-30")] });
    const plan = tierPlan(scored, { lang: "en-US", existing: [{ name: grid.name }, { name: "Tier history", marker: "CustTier_History" }] });
    expect(plan.sheets.find((s) => s.role === "history")!.action.kind).toBe("append");
    const sheets = createdSheets({ model: salesPayment, plan, scored, tierSheet: "", sourceSheet: grid.name, settingsSaved: true });
    expect(sheets.has("Tier history")).toBe(false);
    expect(sheets.has(plan.sheets.find((s) => s.role === "tiers")!.name)).toBe(true);
  });
});
