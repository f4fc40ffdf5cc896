import { writeFileSync } from "node:fs";
import { buildTierPlan } from "../../../src/core/plan/build";
import { workbookFromGrids, writeXlsx } from "../../../src/hosts/xlsx/write";
import { scorePreset, presetSheet, TODAY } from "../../core/plan/helpers";
import { PRESET_SHEETS } from "../../core/plan/preset-rows";
it("gen", async () => {
  for (const s of PRESET_SHEETS) for (const lang of ["zh-CN", "en-US"] as const) {
    const { scored, model, grid } = scorePreset(presetSheet(s.preset), lang);
    const plan = buildTierPlan(scored, model, { today: TODAY, lang });
    writeFileSync(`/tmp/smoke/${s.preset}-${lang}.xlsx`, await writeXlsx(plan, workbookFromGrids([grid])));
  }
});
