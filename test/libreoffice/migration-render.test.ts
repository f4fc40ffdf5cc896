/**
 * Grading every month, as the README shows it: the CLI runs on the bundled
 * sample (`--as-of 2026-10-31`), the user changes a number in the source and
 * types an override with a reason into the tier sheet (openpyxl, another
 * program), the CLI runs again on that file (`--as-of 2026-11-30`).
 * LibreOffice prints the workbook; the summary's migration matrix is cropped
 * into test-output/migration-matrix.png (the README shows a copy:
 * docs/images/migration-matrix.png).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFTOPPM, PDFTOTEXT } from "../../src/tools/libreoffice";
import { run } from "../cli/run";
import { convertMany, describeLibreOffice } from "../support/libreoffice";

const OUTPUT = join(__dirname, "..", "..", "test-output");
const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "customers-zh.csv");
const dir = mkdtempSync(join(tmpdir(), "custtier-monthly-"));
const file = (name: string) => join(dir, name);

function openpyxl(input: string, output: string, script: string): void {
  execFileSync("/usr/bin/python3", ["-c", `import openpyxl\nwb = openpyxl.load_workbook(${JSON.stringify(input)})\n${script}\nwb.save(${JSON.stringify(output)})`]);
}

interface Word {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its page and box in points (pdftotext -bbox). */
function words(pdf: string): Word[] {
  const html = execFileSync(PDFTOTEXT!, ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
  }
  return out;
}

describeLibreOffice(
  "grading every month: the migration matrix after two runs of the bundled sample",
  () => {
    it("counts the moves and renders the matrix as a picture under 200 KB", async () => {
      const first = await run("score", SAMPLE, "-o", file("october.xlsx"), "--as-of", "2026-10-31", "--lang", "en-US");
      expect(first.code).toBe(0);
      // 合肥新启点文具商行 (5000, 31 days: C) sells 25,000 a month now; 苏州恒达精密五金厂 is set to A by hand.
      openpyxl(
        file("october.xlsx"),
        file("edited.xlsx"),
        `src = wb.worksheets[0]
for row in src.iter_rows():
    if row[0].value == "合肥新启点文具商行":
        row[3].value = 25000
t = wb["Customer tiers"]
head = [c.value for c in t[3]]
for r in range(4, t.max_row + 1):
    if t.cell(r, head.index("Customer") + 1).value == "苏州恒达精密五金厂":
        t.cell(r, head.index("Override") + 1).value = "A"
        t.cell(r, head.index("Reason") + 1).value = "Key account"`,
      );
      const second = await run("score", file("edited.xlsx"), "-o", file("november.xlsx"), "--as-of", "2026-11-30", "--lang", "en-US", "--json");
      expect(second.code).toBe(0);
      const doc = JSON.parse(second.out) as { rows: { customer: string; change: string | null }[] };
      const change = (who: string) => doc.rows.find((r) => r.customer === who)?.change;
      expect(change("合肥新启点文具商行")).toBe("up");
      expect(change("苏州恒达精密五金厂")).toBe("up");
      expect(doc.rows.filter((r) => r.change === "up")).toHaveLength(2);
      expect(doc.rows.filter((r) => r.change === "down")).toHaveLength(0);

      // Printed as CustTier sets it up; the page with the matrix found by its corner label.
      const [pdf] = await convertMany([new Uint8Array(readFileSync(file("november.xlsx")))], "pdf:calc_pdf_Export", "pdf");
      mkdirSync(OUTPUT, { recursive: true });
      const pdfPath = join(OUTPUT, "monthly-workbook.pdf");
      writeFileSync(pdfPath, pdf.bytes);
      const all = words(pdfPath);
      const title = all.find((w) => w.text === "changes" && all.some((v) => v.page === w.page && v.text === "(previous" && Math.abs(v.yMin - w.yMin) < 2));
      expect(title).toBeDefined();
      const onPage = all.filter((w) => w.page === title!.page);
      // The matrix: from its title down to the "New" row (the first "New" below the title), full width of its columns.
      const newRow = onPage.filter((w) => w.text === "New" && w.yMin > title!.yMax).sort((a, b) => a.yMin - b.yMin)[0];
      expect(newRow).toBeDefined();
      const gone = onPage.find((w) => w.text === "Gone" && w.yMin > title!.yMax && w.yMin < newRow.yMin);
      expect(gone).toBeDefined();
      const dpi = 144;
      const px = (pt: number) => Math.round((pt * dpi) / 72);
      const block = onPage.filter((v) => v.yMin >= title!.yMin - 1 && v.yMax <= newRow.yMax + 1);
      const x = px(Math.max(0, Math.min(...block.map((v) => v.xMin)) - 12));
      const y = px(Math.max(0, title!.yMin - 10));
      const w = px(Math.max(gone!.xMax + 30, ...block.map((v) => v.xMax)) + 12) - x;
      const h = px(newRow.yMax + 8) - y;
      const base = join(OUTPUT, "migration-matrix");
      execFileSync(PDFTOPPM!, ["-f", String(title!.page), "-l", String(title!.page), "-r", String(dpi), "-x", String(x), "-y", String(y), "-W", String(w), "-H", String(h), "-png", "-singlefile", pdfPath, base]);
      const png = readFileSync(`${base}.png`);
      expect(png.length).toBeGreaterThan(1000);
      expect(png.length).toBeLessThan(200 * 1024);
    }, 600_000);
  },
  { needsPdftoppm: true },
);
