/**
 * Issue 14 §6, §7, §10, §11 on the xlsx reader: files Excel opens are read
 * (checked against xlsx2csv's own expected output for the same files), date
 * serials keep their exact value and Excel's 1900 calendar, `_xHHHH_` is
 * decoded, every unreadable file gets one line, and the merge limit holds.
 */
import { strToU8, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { dateSerial } from "../../src/core/plan/cells";
import { parseDate } from "../../src/core/parse/values";
import type { CellValue } from "../../src/core/parse/values";
import { HostError } from "../../src/hosts/errors";
import { LIMITS } from "../../src/hosts/xlsx/limits";
import { readWorkbook } from "../../src/hosts/xlsx/read";

const REAL = join(__dirname, "../fixtures/real-world");

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal package written here by hand, as the spec describes it. */
function pkg(sheetXml: string, extra: { styles?: string; strings?: string; workbook?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(extra.workbook ?? `<?xml version="1.0"?><workbook ${NS} ${R}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet ${NS}>${sheetXml}</worksheet>`),
  };
  if (extra.styles) files["xl/styles.xml"] = strToU8(`<?xml version="1.0"?><styleSheet ${NS}>${extra.styles}</styleSheet>`);
  if (extra.strings) files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0"?><sst ${NS}>${extra.strings}</sst>`);
  return zipSync(files);
}

/** A cell as xlsx2csv writes it. */
function asCsv(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

describe("files Excel opens", () => {
  it.each(["namespace", "no_cell_ids", "utf8"])("xlsx2csv's %s.xlsx reads as xlsx2csv's own expected CSV", async (name) => {
    const [grid] = await readWorkbook(readFileSync(join(REAL, "xlsx2csv", `${name}.xlsx`)), `${name}.xlsx`);
    const want = Papa.parse<string[]>(readFileSync(join(REAL, "xlsx2csv", `${name}.csv`), "utf8"), { skipEmptyLines: false }).data.filter((r) => r.some((c) => c !== ""));
    const got = grid.values.map((row) => row.map(asCsv)).filter((r) => r.some((c) => c !== ""));
    expect(got.map((r) => r.join("|").replace(/\|+$/, ""))).toEqual(want.map((r) => r.join("|").replace(/\|+$/, "")));
  });

  it("reads inline strings (openxlsx's inlineStr.xlsx, written by writexl)", async () => {
    const [grid] = await readWorkbook(readFileSync(join(REAL, "openxlsx", "inlineStr.xlsx")), "inlineStr.xlsx");
    expect(grid.values[0]).toEqual(["this", "it"]);
    expect(grid.values[1]).toEqual(["is an xlsx file", "cannot be read"]);
  });

  it("reads prefixed (x:) elements, inline rich text without phonetic guides, and decodes _xHHHH_", async () => {
    const bytes = pkg(
      `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>杭州</x:t></x:r><x:r><x:t>华信</x:t></x:r><x:rPh><x:t>ハンジョウ</x:t></x:rPh></x:is></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData>`,
      { strings: `<si><t>line_x000D_</t><t xml:space="preserve"> two</t></si><si><t>_x005F_x0041_ &amp; A_x0041_</t></si>` },
    );
    const [grid] = await readWorkbook(bytes, "ns.xlsx");
    expect(grid.values[0]).toEqual(["line\r two", "杭州华信", "_x0041_ & AA"]);
  });
});

describe("dates", () => {
  const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]h:mm;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>`;
  const serials = [1, 59, 60, 61, 45352, 0.020833333333333332, 45352.020833333336];
  const sheet = `<sheetData>${serials.map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i === 5 ? 2 : 1}"><v>${s}</v></c><c r="B${i + 1}"><v>${s}</v></c></row>`).join("")}</sheetData>`;

  it("date-styled serials are dates of Excel's 1900 calendar (1 = 1900-01-01, 60 = its fictitious 1900-02-29) and keep the stored serial exactly", async () => {
    const [grid] = await readWorkbook(pkg(sheet, { styles }), "dates.xlsx");
    const a = grid.values.map((r) => r[0]);
    const day = (v: CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    // A time of day alone (POI's 57181.xlsm has 56 such cells) stays the number it is: no day to show.
    expect(a.map(day)).toEqual(["1900-01-01", "1900-02-28", 60, "1900-03-01", "2024-03-01", 0.020833333333333332, "2024-03-01"]);
    // Written back, every date cell is the number that was stored, to the last bit.
    expect(a.map((v) => (v instanceof Date ? dateSerial(v) : v))).toEqual(serials);
    // Serial 60 stays a number, which the engine refuses as Excel's day that never existed.
    const leap = parseDate(a[2]);
    expect(leap.ok).toBe(false);
    // Unstyled cells are plain numbers, untouched.
    expect(grid.values.map((r) => r[1])).toEqual(serials);
  });
});

describe("one line for every file that cannot be read", () => {
  const cases: [string, () => Uint8Array, string, RegExp][] = [
    ["an .xls file (readxl's deaths.xls)", () => readFileSync(join(REAL, "readxl", "deaths.xls")), "deaths.xls", /old \.xls file.*save it as \.xlsx/],
    ["an .xls file named .xlsx", () => readFileSync(join(REAL, "readxl", "deaths.xls")), "deaths.xlsx", /old \.xls file/],
    ["a password-protected xlsx (xlsx-populate's example)", () => readFileSync(join(REAL, "xlsx-populate", "encrypted-in.xlsx")), "secret.xlsx", /protected with a password/],
    ["an .ods file", () => zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<x/>") }), "book.ods", /OpenDocument spreadsheet.*save it as \.xlsx/],
    ["not a zip", () => strToU8("this is not a workbook"), "junk.xlsx", /not an Excel workbook/],
    ["a zip without a workbook", () => zipSync({ "word/document.xml": strToU8("<w/>"), "[Content_Types].xml": strToU8("<Types/>") }), "letter.xlsx", /no Excel workbook inside/],
    ["a truncated xlsx", () => readFileSync(join(REAL, "readxl", "deaths.xlsx")).subarray(0, 4000), "cut.xlsx", /damaged or incomplete/],
    ["a workbook without worksheets", () => pkg("", { workbook: `<workbook ${NS} ${R}><sheets/></workbook>` }), "empty.xlsx", /has no worksheets/],
  ];
  it.each(cases)("%s", async (_title, bytes, name, message) => {
    const error = await readWorkbook(bytes(), name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostError);
    const { userMessage } = error as HostError;
    expect(userMessage["en-US"]).toMatch(message);
    expect(userMessage["en-US"]).toContain(name);
    for (const line of Object.values(userMessage)) {
      expect(line.split("\n")).toHaveLength(1);
      expect(line).not.toMatch(/undefined|Cannot read properties|JSZip|exceljs|TypeError/);
    }
    expect(userMessage["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("merged ranges", () => {
  const merges = (n: number) => `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="${n}">${Array.from({ length: n }, (_, i) => `<mergeCell ref="A${2 * i + 2}:B${2 * i + 3}"/>`).join("")}</mergeCells>`;

  it("reads a sheet with 50,000 merged ranges (POI's 57893-many-merges has as many), each as one range", async () => {
    const [grid] = await readWorkbook(pkg(merges(50_000)), "many-merges.xlsx");
    expect(grid.merges).toHaveLength(50_000);
    expect(grid.merges![49_999]).toEqual({ row: 99_999, col: 0, rows: 2, cols: 2 });
  });

  it("refuses more merged ranges than the documented limit, saying so", async () => {
    const error = await readWorkbook(pkg(merges(LIMITS.merges + 1)), "too-many.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).userMessage["en-US"]).toContain(`${(LIMITS.merges + 1).toLocaleString("en-US")} merged ranges`);
  });
});
