/**
 * With history on, the tier sheet has exactly one final tier column (等级 /
 * Tier) and one computed tier column beside it, whatever the model combines
 * by: a sum (sales-payment), levels (potential-4) or the R × FM grid (rfm,
 * from an order log) — the grid branch once headed its computed tier "Tier"
 * too, so a user (and the next run reading overrides) saw two "Tier" columns.
 */
import type { Lang } from "../../../src/core/model";
import { historyStage } from "../../../src/core/history";
import { runJob } from "../../../src/core/pipeline";
import { buildTierPlan } from "../../../src/core/plan/build";
import { cellText } from "../../../src/core/plan/cells";
import { WORDS } from "../../../src/core/plan/words";
import { findPreset } from "../../../src/core/presets";
import type { SheetGrid } from "../../../src/core/sheet/types";
import { presetGrid, PRESET_SHEETS } from "./preset-rows";
import { TODAY } from "./helpers";

const ORDERS: SheetGrid = {
  name: "订单",
  values: [
    ["订单编号", "客户", "订单日期", "金额"],
    ["O1", "甲", "2026-10-01", 500],
    ["O2", "甲", "2026-11-01", 300],
    ["O3", "乙", "2025-06-01", 80],
    ["O4", "丙", "2026-11-20", 1200],
    ["O5", "丙", "2026-09-15", 900],
    ["O6", "丁", "2024-01-10", 40],
  ],
};

function tierHeader(preset: string, grid: SheetGrid, lang: Lang): string[] {
  const model = findPreset(preset)!;
  const { scored } = runJob(grid, { model, lang, today: TODAY, stages: [historyStage({}, "2026-11-23")] });
  expect(scored.history).toBeDefined();
  const sheet = buildTierPlan(scored, scored.model, { lang }).sheets.find((s) => s.role === "tiers")!;
  return sheet.blocks[0].cells[2].map(cellText);
}

describe("tier sheet with history: one final tier column, one computed tier column", () => {
  const cases: [string, SheetGrid][] = [
    ["rfm", ORDERS],
    ["sales-payment", presetGrid(PRESET_SHEETS.find((s) => s.preset === "sales-payment")!)],
    ["potential-4", presetGrid(PRESET_SHEETS.find((s) => s.preset === "potential-4")!)],
  ];
  for (const [preset, grid] of cases) {
    it.each([["zh-CN"], ["en-US"]] as const)(`${preset} (%s)`, (lang) => {
      const header = tierHeader(preset, grid, lang);
      expect(header.filter((h) => h === WORDS.tier[lang])).toHaveLength(1);
      expect(header.filter((h) => h === WORDS.computedTier[lang])).toHaveLength(1);
      // The final tier comes after the computed one.
      expect(header.indexOf(WORDS.tier[lang])).toBeGreaterThan(header.indexOf(WORDS.computedTier[lang]));
    });
  }
});
