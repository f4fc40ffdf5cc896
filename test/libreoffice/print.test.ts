/**
 * Workbooks print well (issue 13): LibreOffice prints (File → Print, no
 * options) the bundled sample's tier workbook and a template to PDF with the
 * page set-up we write. Every page is landscape; each sheet is one page wide
 * (its last header is on every page of the sheet: the header row repeats and no
 * column spills onto a page of its own); the template does not print as dozens
 * of pages; and the sheet XML carries the set-up Excel and WPS read.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { pickSheet, runJob } from "../../src/core/pipeline";
import { findPreset } from "../../src/core/presets";
import { buildTierPlan } from "../../src/core/plan/build";
import type { Cell, WorkbookPlan } from "../../src/core/plan/types";
import type { SheetGrid } from "../../src/core/sheet/types";
import { buildTemplatePlan, DEFAULT_TEMPLATE_ROWS } from "../../src/core/template";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { outputSource, writeOutput, writeXlsx } from "../../src/hosts/xlsx/write";
import { TODAY } from "../core/plan/helpers";
import { convertMany, describeLibreOffice } from "../support/libreoffice";
import { PDFINFO, PDFTOTEXT } from "../../src/tools/libreoffice";

interface Page {
  width: number;
  height: number;
  text: string;
}

/** LibreOffice's PDF of the whole workbook as it prints (no single-page-sheet option). */
async function printed(xlsx: Uint8Array): Promise<Page[]> {
  const [pdf] = await convertMany([xlsx], "pdf", "pdf");
  const dir = mkdtempSync(join(tmpdir(), "custtier-print-"));
  const path = join(dir, "book.pdf");
  writeFileSync(path, pdf.bytes);
  const info = execFileSync(PDFINFO!, ["-f", "1", "-l", "9999", path], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return sizes.map((size, i) => ({ ...size, text: execFileSync(PDFTOTEXT!, ["-f", String(i + 1), "-l", String(i + 1), "-layout", path, "-"], { encoding: "utf8" }) }));
}

/** The sheet part of each plan sheet, by name, from the written file. */
function sheetXml(xlsx: Uint8Array): { workbook: string; sheets: string[] } {
  const files = unzipSync(xlsx);
  const sheets = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .map((f) => strFromU8(files[f]));
  return { workbook: strFromU8(files["xl/workbook.xml"]), sheets };
}

function expectPrintSetup(plan: WorkbookPlan, xlsx: Uint8Array): void {
  const { workbook, sheets } = sheetXml(xlsx);
  for (const s of plan.sheets) {
    if (s.visibility && s.visibility !== "visible") continue;
    expect({ sheet: s.name, print: s.print }).toEqual({ sheet: s.name, print: expect.objectContaining({ orientation: "landscape", fitToWidth: true, area: expect.anything() }) });
    // Sheet names appear quoted (or not) in the print area's reference.
    expect(workbook).toMatch(new RegExp(`name="_xlnm.Print_Area" localSheetId="\\d+"[^>]*>'?${s.name.replace(/[()]/g, "\\$&")}'?!\\$A\\$1:`));
  }
  const ours = sheets.filter((x) => x.includes('fitToPage="1"'));
  expect(ours.length).toBe(plan.sheets.length);
  for (const x of ours) expect(x).toMatch(/<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
}

/** What a plan cell shows as text (titles, headers). */
function cellText(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "object") return "text" in c ? c.text : "value" in c ? String(c.value) : "";
  return String(c);
}

describeLibreOffice("LibreOffice prints the workbooks we write: landscape, one page wide, header repeated", () => {
  it("the bundled sample's tier workbook: every page landscape, the tier sheet one page wide with its header on each page", async () => {
    const file = join(__dirname, "..", "..", "assets", "samples", "customers-zh.csv");
    const grids = await readWorkbook(new Uint8Array(readFileSync(file)), "customers-zh.csv");
    const model = findPreset("sales-payment")!;
    const options = { model, lang: "zh-CN" as const, today: TODAY };
    const { scored } = runJob(pickSheet(grids, options) as SheetGrid, options);
    const plan = buildTierPlan(scored, model, { today: TODAY, keyColumns: [1, 2] });
    const { bytes } = await writeOutput(outputSource(undefined, grids), plan);
    expectPrintSetup(plan, bytes);

    const pages = await printed(bytes);
    const tierSheet = plan.sheets.find((s) => s.role === "tiers")!;
    const headers = tierSheet.blocks[0].cells[2].map(cellText);
    const first = headers[0];
    const last = headers[headers.length - 1];
    // Pages of the tier sheet: those showing its first header (the source sheet has none of its headers beyond the customer name).
    const tierPages = pages.filter((p) => p.text.includes(last));
    expect(tierPages.length).toBeGreaterThanOrEqual(1);
    for (const p of tierPages) expect(p.text).toContain(first);
    // The sample (36 customers) fits on one landscape page.
    expect(tierPages.length).toBe(1);
    // Our sheets print landscape; the source sheet (the user's, first) keeps its own set-up.
    const ours = pages.slice(pages.findIndex((p) => p.text.includes(last)));
    for (const p of ours) expect({ landscape: p.width > p.height }).toEqual({ landscape: true });
    // The title is printed whole, not cut at column A's width.
    expect(tierPages[0].text).toContain(cellText(tierSheet.blocks[0].cells[0][0]));
  });

  it(`a template (${DEFAULT_TEMPLATE_ROWS} rows ready) prints one page wide, landscape, in a few pages, not dozens`, async () => {
    const plan = buildTemplatePlan(findPreset("sales-payment")!, { lang: "en-US", examples: true, today: TODAY });
    const bytes = await writeXlsx(plan);
    expectPrintSetup(plan, bytes);
    const pages = await printed(bytes);
    for (const p of pages) expect({ landscape: p.width > p.height }).toEqual({ landscape: true });
    const customers = plan.sheets[0];
    const headers = customers.blocks[0].cells[2].map(cellText).filter(Boolean);
    // Contact person: a header only the customer sheet has.
    const [second, last] = [headers[1], headers[headers.length - 1]];
    // One page wide, header repeated: every page of the customer sheet shows its second and last header.
    const customerPages = pages.filter((p) => p.text.includes(second));
    expect(customerPages.length).toBeGreaterThanOrEqual(2);
    for (const p of customerPages) expect(p.text).toContain(last);
    // Each sheet one page wide: the 500 ready rows take a few pages tall, never dozens (the customer sheet, summary, rules).
    expect(pages.length).toBeLessThanOrEqual(customerPages.length + 3);
    expect(customerPages.length).toBeLessThanOrEqual(Math.ceil(DEFAULT_TEMPLATE_ROWS / 40));
  });
}, { needsPdftoppm: true });
