/**
 * LibreOffice renders a generated tier workbook (xlsx → PDF → pixels): the
 * tier colours of the conditional formats must be on the tier sheet's page,
 * and not on the source sheet's. The picture is kept in test-output/ (the
 * README shows a copy: docs/images/tier-sheet.png).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pickSheet, runJob } from "../../src/core/pipeline";
import { findPreset } from "../../src/core/presets";
import { buildTierPlan } from "../../src/core/plan/build";
import type { SheetGrid } from "../../src/core/sheet/types";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { openPackage } from "../../src/hosts/xlsx/package";
import { existingSheets, writeXlsx } from "../../src/hosts/xlsx/write";
import { workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { TODAY } from "../core/plan/helpers";
import { countColour, describeLibreOffice, rasterise, renderPdf } from "../support/libreoffice";

const OUTPUT = join(__dirname, "..", "..", "test-output");

describeLibreOffice(
  "LibreOffice renders the tier sheet in the tier colours",
  () => {
    it("shows every tier's fill on the tier sheet, none on the source sheet", async () => {
      const file = join(__dirname, "..", "..", "assets", "samples", "customers-zh.csv");
      const grids = await readWorkbook(new Uint8Array(readFileSync(file)), "customers-zh.csv");
      const model = findPreset("sales-payment")!;
      const options = { model, lang: "zh-CN" as const, today: TODAY };
      const { scored } = runJob(pickSheet(grids, options) as SheetGrid, options);
      const source = await xlsxBytes(workbookFromGrids(grids));
      // Contact and region (联系人, 区域) beside the customer, as a sales admin would keep them.
      const plan = buildTierPlan(scored, model, { existing: existingSheets(openPackage(source)), today: TODAY, keyColumns: [1, 2] });
      const pdf = await renderPdf(await writeXlsx(plan, source));

      // Pages: the source sheet, then the tier sheet (one page per sheet).
      const sourcePage = rasterise(pdf.bytes, 1, 60).pixmap;
      const { pixmap, png } = rasterise(pdf.bytes, 2, 110);
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(join(OUTPUT, "tier-sheet.png"), png);

      const tiered = new Set(scored.rows.map((r) => r.result.tier).filter(Boolean));
      for (const tier of model.tiers) {
        if (!tiered.has(tier.id)) continue;
        expect({ tier: tier.id, pixels: countColour(pixmap, tier.color) > 500 }).toEqual({ tier: tier.id, pixels: true });
        expect({ tier: tier.id, onSource: countColour(sourcePage, tier.color) }).toEqual({ tier: tier.id, onSource: 0 });
      }
      expect(tiered.size).toBe(model.tiers.length);
    });
  },
  { needsPdftoppm: true },
);
