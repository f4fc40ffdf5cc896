/**
 * LibreOffice renders the RFM summary of the Sample Superstore order log
 * (`custtier score superstore.csv --model rfm --orders --as-of 2018-01-01`):
 * xlsx → PDF → pixels. Every segment that has customers must show its colour on
 * the summary page. The picture is kept in test-output/ (the README and
 * docs/value-models.md show a copy: docs/images/rfm-summary.png).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runJob } from "../../src/core/pipeline";
import { buildTierPlan } from "../../src/core/plan/build";
import { findPreset } from "../../src/core/presets";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { openPackage } from "../../src/hosts/xlsx/package";
import { existingSheets, writeXlsx } from "../../src/hosts/xlsx/write";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { convertMany, countColour, describeLibreOffice, rasterise } from "../support/libreoffice";
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

      // The summary alone on one page (as one-page-per-sheet, LibreOffice would scale every
      // sheet alike, and the 9,994-line order log would shrink the summary to a dot).
      const [pdf] = await convertMany([onlySheetPrinted(xlsx, summary)], "pdf:calc_pdf_Export", "pdf");
      const { pixmap, png } = rasterise(pdf.bytes, 1, 110);
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(join(OUTPUT, "rfm-summary.png"), png);
      writeFileSync(join(OUTPUT, "rfm-summary.pdf"), pdf.bytes);

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

/**
 * A copy of the workbook for the picture: every sheet but `name` hidden (its
 * formulas still read them; LibreOffice's PDF export skips hidden sheets) and
 * `name` printed landscape on one page.
 */
function onlySheetPrinted(xlsx: Uint8Array, name: string): Uint8Array {
  const files = unzipSync(xlsx);
  const workbook = strFromU8(files["xl/workbook.xml"]);
  let rid = "";
  let index = -1;
  let at = 0;
  const sheets = workbook.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    if (tag.includes(`name="${name}"`)) {
      rid = /r:id="([^"]+)"/.exec(tag)![1];
      index = at++;
      return tag;
    }
    at++;
    return tag.replace(/\sstate="[^"]*"/, "").replace("<sheet ", '<sheet state="hidden" ');
  });
  expect(index).toBeGreaterThanOrEqual(0);
  // The printed sheet must also be the active one.
  files["xl/workbook.xml"] = strToU8(
    sheets.replace(/<bookViews>[\s\S]*?<\/bookViews>/, "").replace("<sheets>", `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews><sheets>`),
  );
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target = new RegExp(`<Relationship[^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
  const path = `xl/${/Target="\/?(?:xl\/)?([^"]+)"/.exec(target)![1]}`;
  const sheet = strFromU8(files[path])
    .replace(/<pageSetup\b[^>]*\/>/, "")
    .replace(/<sheetPr>/, '<sheetPr><pageSetUpPr fitToPage="1"/>')
    .replace(/(<pageMargins\b[^>]*\/>)/, '$1<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
  expect(sheet).toContain("fitToPage");
  files[path] = strToU8(sheet);
  return zipSync(files);
}
