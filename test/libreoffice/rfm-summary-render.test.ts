/**
 * LibreOffice renders the RFM summary of the Sample Superstore order log
 * (`custtier score superstore.csv --model rfm --orders --as-of 2018-01-01`):
 * xlsx → PDF → pixels. Every segment that has customers must show its colour on
 * the summary page. The picture is kept in test-output/ (the README and
 * docs/value-models.md show a copy: docs/images/rfm-summary.png).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runJob } from "../../src/core/pipeline";
import { buildTierPlan } from "../../src/core/plan/build";
import { findPreset } from "../../src/core/presets";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { openPackage } from "../../src/hosts/xlsx/package";
import { existingSheets, writeXlsx } from "../../src/hosts/xlsx/write";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { convertMany, countColour, describeLibreOffice, rasterise } from "../support/libreoffice";
import { PDFTOTEXT } from "../../src/tools/libreoffice";
import { expectedCustomers, expectedRfm, SUPERSTORE } from "../core/orders/superstore";

const OUTPUT = join(__dirname, "..", "..", "test-output");
const AS_OF = "2018-01-01";

describeLibreOffice(
  "LibreOffice renders the RFM summary of Sample Superstore",
  () => {
    it("shows the colour of every segment that has customers on the summary page", async () => {
      const { grids } = await openWorkbook(readFileSync(SUPERSTORE), "superstore.csv");
      const input = await xlsxBytes(workbookFromGrids(grids));
      const model = findPreset("rfm")!;
      const job = runJob(grids[0], { model, lang: "en-US", today: new Date(`${AS_OF}T00:00:00Z`) });
      const plan = buildTierPlan(job.scored, job.scored.model, { lang: "en-US", existing: existingSheets(openPackage(input)) });
      const xlsx = await writeXlsx(plan, input);
      const summary = plan.sheets.find((s) => s.role === "summary")!.name;
      expect((await loadXlsx(xlsx)).worksheets.map((w) => w.name)).toContain(summary);

      // The workbook printed as CustTier sets it up (landscape, each sheet one page wide); the
      // summary's page is found by its title. (One page per sheet would scale every sheet alike,
      // and the 9,994-line order log would shrink the summary to a dot.)
      const [pdf] = await convertMany([xlsx], "pdf:calc_pdf_Export", "pdf");
      const page = pageWith(pdf.bytes, `${summary} · ${model.name["en-US"]}`);
      expect(page).toBeGreaterThan(0);
      const { pixmap, png } = rasterise(pdf.bytes, page, 110);
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(join(OUTPUT, "rfm-summary.png"), png);
      writeFileSync(join(OUTPUT, "rfm-workbook.pdf"), pdf.bytes);


      // The segments that occur, from the independent reimplementation of issue 11.
      const occurring = new Set([...expectedRfm([...expectedCustomers(AS_OF).values()]).values()].map((x) => x.segment));
      expect(occurring.size).toBeGreaterThanOrEqual(8);
      for (const tier of model.tiers) {
        if (!occurring.has(tier.id)) continue;
        expect({ segment: tier.id, shown: countColour(pixmap, tier.color) > 50 }).toEqual({ segment: tier.id, shown: true });
      }
    }, 600_000);
  },
  { needsPdftoppm: true },
);

/** The 1-based page whose text has `title` (pdftotext separates pages with a form feed). */
function pageWith(pdf: Uint8Array, title: string): number {
  const dir = mkdtempSync(join(tmpdir(), "custtier-rfm-"));
  writeFileSync(join(dir, "book.pdf"), pdf);
  const pages = execFileSync(PDFTOTEXT!, ["-layout", join(dir, "book.pdf"), "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }).split("\f");
  return pages.findIndex((p) => p.includes(title)) + 1;
}
