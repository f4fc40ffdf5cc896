/**
 * The summary's target share beside the actual share (issue 13): a calibrated
 * model (one with target shares) gets a "Target share" column right after
 * "Share of customers"; the columns after it move right and every formula that
 * reads them follows. Without target shares the summary is unchanged.
 */
import { withThresholds } from "../../../src/core/calibrate";
import { cellText } from "../../../src/core/plan/cells";
import { buildTierPlan } from "../../../src/core/plan/build";
import { cellBlocks } from "../../../src/core/plan/columns";
import type { Cell, WorkbookPlan } from "../../../src/core/plan/types";
import { runJob } from "../../../src/core/pipeline";
import { presetGrid } from "./preset-rows";
import { presetSheet, scorePreset, TODAY } from "./helpers";

const summaryRows = (plan: WorkbookPlan): Cell[][] => cellBlocks(plan.sheets.find((s) => s.role === "summary")!)[0].cells;
const formula = (c: Cell) => (typeof c === "object" && c !== null && c.kind === "formula" ? c.formula : undefined);

describe("summary: target share beside the actual share", () => {
  const { model: preset } = scorePreset(presetSheet("sales-payment"), "en-US");
  const shares = [0.1, 0.2, 0.7];
  const model = withThresholds(preset, [90, 70], shares);
  const { scored } = runJob(presetGrid(presetSheet("sales-payment")), { model, lang: "en-US", today: TODAY });

  it("live: the target (the model's value) right after the COUNTIF share; cumulative and value columns move right and read their own column", () => {
    const rows = summaryRows(buildTierPlan(scored, model, { lang: "en-US", today: TODAY }));
    expect(rows[2].map(cellText).slice(0, 6)).toEqual(["Tier", "Name", "Customers", "Share of customers", "Target share", "Cumulative customers"]);
    model.tiers.forEach((_, i) => {
      const r = rows[3 + i];
      const sheetRow = 4 + i;
      expect(formula(r[2])).toMatch(/^COUNTIF\(/);
      expect(formula(r[3])).toBe(`IF($C$7=0,"",C${sheetRow}/$C$7)`);
      expect(r[4]).toBe(shares[i]);
      expect(formula(r[5])).toBe(`SUM($C$4:C${sheetRow})`);
      // Sales total and its share: columns G and H now.
      expect(formula(r[6])).toMatch(/^SUMIF\(/);
      expect(formula(r[7])).toBe(`IF($G$7=0,"",G${sheetRow}/$G$7)`);
    });
    const total = rows[6];
    expect(total.slice(2, 8).map(formula)).toEqual(["SUM(C4:C6)", "SUM(D4:D6)", "SUM(E4:E6)", undefined, "SUM(G4:G6)", "SUM(H4:H6)"]);
  });

  it("static values: the engine's share and the target side by side", () => {
    const rows = summaryRows(buildTierPlan(scored, model, { lang: "en-US", today: TODAY, staticValues: true }));
    model.tiers.forEach((t, i) => {
      const s = scored.summary.find((x) => x.tier === t.id)!;
      expect(rows[3 + i].slice(2, 5)).toEqual([s.count, s.share, shares[i]]);
    });
  });

  it("a model without target shares keeps the summary as it was (no target column)", () => {
    const { scored: plain } = runJob(presetGrid(presetSheet("sales-payment")), { model: preset, lang: "en-US", today: TODAY });
    const rows = summaryRows(buildTierPlan(plain, preset, { lang: "en-US", today: TODAY }));
    expect(rows[2].map(cellText)).not.toContain("Target share");
    expect(rows[2].map(cellText)[4]).toBe("Cumulative customers");
  });
});
