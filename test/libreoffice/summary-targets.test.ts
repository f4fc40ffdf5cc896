/**
 * LibreOffice computes the summary of a calibrated model (issue 13): per tier
 * the actual share (COUNTIF over the tier sheet, live) beside the target share
 * the model was fitted to, both checked against counts made here from the
 * engine's tiers; and a level model with target shares still ranks every
 * customer as the engine does (its rank reads the summary's counts, which
 * moved one column right).
 */
import type ExcelJS from "exceljs";
import { withThresholds } from "../../src/core/calibrate";
import type { Model } from "../../src/core/model";
import { buildTierPlan } from "../../src/core/plan/build";
import { WORDS } from "../../src/core/plan/words";
import { runJob } from "../../src/core/pipeline";
import type { ScoredTable } from "../../src/core/sheet/types";
import { openPackage } from "../../src/hosts/xlsx/package";
import { existingSheets, writeXlsx } from "../../src/hosts/xlsx/write";
import { workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { presetGrid } from "../core/plan/preset-rows";
import { presetSheet, scorePreset, TODAY } from "../core/plan/helpers";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { engineRanks, load, readTierSheet } from "./tiers";

interface Built {
  model: Model;
  scored: ScoredTable;
  bytes: Uint8Array;
  tierSheet: string;
  summarySheet: string;
}

async function build(model: Model, preset: string): Promise<Built> {
  const grid = presetGrid(presetSheet(preset));
  const { scored } = runJob(grid, { model, lang: "en-US", today: TODAY });
  // The tier sheet's inputs read the source sheet: it is in the workbook, as in every real run.
  const source = await xlsxBytes(workbookFromGrids([grid]));
  const plan = buildTierPlan(scored, model, { lang: "en-US", today: TODAY, existing: existingSheets(openPackage(source)) });
  const sheet = (role: string) => plan.sheets.find((s) => s.role === role)!.name;
  return { model, scored, bytes: await writeXlsx(plan, source), tierSheet: sheet("tiers"), summarySheet: sheet("summary") };
}

/** Per tier: the summary row's cells under each header (row 3 is the header). */
function summaryByTier(workbook: ExcelJS.Workbook, b: Built): Record<string, Record<string, unknown>> {
  const ws = workbook.getWorksheet(b.summarySheet)!;
  const header: string[] = [];
  ws.getRow(3).eachCell((cell, col) => (header[col] = String(shown(cell))));
  const out: Record<string, Record<string, unknown>> = {};
  ws.eachRow((row, r) => {
    const id = shown(row.getCell(1));
    if (r > 3 && b.model.tiers.some((t) => t.id === id)) out[id as string] = Object.fromEntries(header.flatMap((h, c) => (h ? [[h, shown(row.getCell(c))]] : [])));
  });
  return out;
}

describeLibreOffice("LibreOffice: target share beside the actual share on the summary", () => {
  it("a calibrated points model and a level model with target shares", async () => {
    const sales = scorePreset(presetSheet("sales-payment"), "en-US").model;
    const calibrated = await build(withThresholds(sales, [90, 70], [0.1, 0.2, 0.7]), "sales-payment");
    const levels = scorePreset(presetSheet("orders-volume"), "en-US").model;
    const shares = levels.tiers.map((_, i, all) => (i === all.length - 1 ? 1 - (all.length - 1) * 0.2 : 0.2));
    const level = await build({ ...levels, targetShares: shares }, "orders-volume");
    const [a, b] = await recalculate(calibrated.bytes, level.bytes);

    for (const [built, result] of [
      [calibrated, a],
      [level, b],
    ] as const) {
      const workbook = await load(result.bytes);
      const tiers = built.scored.rows.map((r) => r.result.grade).filter((g): g is string => g !== null);
      const got = summaryByTier(workbook, built);
      for (const [i, t] of built.model.tiers.entries()) {
        // Counted here from the engine's tiers, not read from its summary.
        const count = tiers.filter((g) => g.replace(/[+-]$/, "") === t.id).length;
        const row = got[t.id];
        expect({ tier: t.id, count: row[WORDS.summaryCount["en-US"]], target: row[WORDS.summaryTargetShare["en-US"]] }).toEqual({ tier: t.id, count, target: built.model.targetShares![i] });
        expect(row[WORDS.summaryShare["en-US"]] as number).toBeCloseTo(count / tiers.length, 12);
      }
      // The tier sheet's ranks (level models read the summary's counts) are still the engine's.
      const view = readTierSheet(workbook, built.tierSheet, built.scored.rows.length);
      expect(view.rows.map((r) => r[WORDS.rank["en-US"]])).toEqual(engineRanks(built.model, built.scored));
    }
  });
});
