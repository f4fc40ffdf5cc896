/**
 * Issue 14 §2 on the CLI: source cells come through bit-identical. An xlsx
 * with time-of-day cells (as in POI's 57181.xlsm, where exceljs's round trip
 * through JavaScript dates changed 0.020833333333333332 into
 * 0.020833333332120674) and doubles at the edges of their precision keeps every
 * `<v>` of its sheet as it was, and the values we copy into our sheet are the
 * same doubles; control characters in a CSV's text reach the output's cells,
 * as LibreOffice reads them.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { run } from "../cli/run";
import { describeLibreOffice, sheetsAsCsv } from "../support/libreoffice";

const tmp = mkdtempSync(join(tmpdir(), "custtier-source-"));
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Revenue values as Excel writes them: 17 significant digits where needed, its own exponent style. */
const REVENUES = ["25000.000000000004", "1.0000000000000002", "0.020833333333333332", "1.2345678901234568E+20", "4.9406564584124654E-324", "0.1"];
/** Times of day (h:mm), the cells exceljs used to change in the 12th digit. */
const TIMES = ["0.020833333333333332", "0.0625", "0.10416666666666667", "0.14583333333333334", "0.99998842592592596", "0.5"];

/** A package written here by hand: one sheet, header in shared strings, times styled h:mm (numFmtId 20). */
function workbook(): Uint8Array {
  const strings = ["客户名称", "月均销售额", "回款天数", "到访时间", ...REVENUES.map((_, i) => `客户${i + 1}`)];
  const head = `<row r="1">${["A", "B", "C", "D"].map((col, i) => `<c r="${col}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
  const rows = REVENUES.map(
    (revenue, i) =>
      `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i + 4}</v></c><c r="B${i + 2}"><v>${revenue}</v></c><c r="C${i + 2}"><v>${10 * (i + 1)}</v></c><c r="D${i + 2}" s="1"><v>${TIMES[i]}</v></c></row>`,
  ).join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<?xml version="1.0"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    "xl/sharedStrings.xml": strToU8(`<?xml version="1.0"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${head}${rows}</sheetData></worksheet>`),
  });
}

/** Each number cell's reference and `<v>` text, as written in a sheet part. */
function numberCells(sheetXml: string): [string, string][] {
  return [...sheetXml.matchAll(/<c r="([A-Z]+\d+)"((?:(?!>)[^t]|t(?!="))*)>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v>/g)].map((m) => [m[1], m[3]]);
}

async function score(input: string, ...extra: string[]): Promise<Record<string, Uint8Array>> {
  const out = join(tmp, `out-${Math.random().toString(36).slice(2)}.xlsx`);
  const { code, err } = await run("score", input, "-o", out, ...extra);
  expect(err).toBe("");
  expect(code).toBe(0);
  return unzipSync(readFileSync(out));
}

describe("an xlsx's numbers come through bit-identical", () => {
  const input = join(tmp, "times.xlsx");
  writeFileSync(input, workbook());
  const source = numberCells(strFromU8(unzipSync(readFileSync(input))["xl/worksheets/sheet1.xml"]));

  it("reads the cells this test wrote (guard: the pattern finds them all)", () => {
    expect(source.filter(([ref]) => ref.startsWith("D")).map(([, v]) => v)).toEqual(TIMES);
    expect(source.filter(([ref]) => ref.startsWith("B")).map(([, v]) => v)).toEqual(REVENUES);
  });

  it.each([["with formulas", []], ["with --values", ["--values"]]])("%s: the source sheet's <v> texts are those of the input", async (_how, extra) => {
    const parts = await score(input, ...extra);
    expect(numberCells(strFromU8(parts["xl/worksheets/sheet1.xml"]))).toEqual(source);
  });

  it("with --values, the tier sheet's copies of the revenues are the same doubles", async () => {
    const parts = await score(input, "--values");
    const ours = Object.entries(parts)
      .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && name !== "xl/worksheets/sheet1.xml")
      .flatMap(([, bytes]) => numberCells(strFromU8(bytes)).map(([, v]) => Number(v)));
    for (const revenue of REVENUES) expect(ours.some((n) => Object.is(n, Number(revenue)))).toBe(true);
  });
});

describeLibreOffice("a CSV's control characters reach the output's cells", () => {
  it("LibreOffice reads every field of the source sheet as the CSV has it, and the tier sheet's customer names (--values) too", async () => {
    const rows = [
      ["客户名称", "月均销售额", "回款天数", "备注"],
      ["a\u0001b", "25000", "20", "bell\u0007x\u001fy"],
      ["tab\there", "8000", "45", "cr\rmid"],
      ["line\nbreak", "15000", "30", "_x0041_ stays as typed"],
      ["esc\u001b[0m", "3000", "10", "nul-free \u000b\u000c"],
    ];
    const input = join(tmp, "control.csv");
    writeFileSync(input, Papa.unparse(rows, { quotes: true }));
    const outputs = [join(tmp, "control-live.xlsx"), join(tmp, "control-values.xlsx")];
    for (const [i, out] of outputs.entries()) {
      const { code, err } = await run("score", input, "-o", out, ...(i ? ["--values"] : []), "--lang", "en-US");
      expect(err).toBe("");
      expect(code).toBe(0);
    }
    const sheets = await sheetsAsCsv(outputs.map((o) => new Uint8Array(readFileSync(o))));
    for (const csv of sheets) {
      expect(Papa.parse<string[]>(csv.control.replace(/\n$/, "")).data).toEqual(rows);
    }
    const tiers = Papa.parse<string[]>(sheets[1]["Customer tiers"]).data;
    const names = rows.slice(1).map((r) => r[0]);
    expect(names.every((name) => tiers.some((row) => row[0] === name))).toBe(true);
  }, 240_000);
});
