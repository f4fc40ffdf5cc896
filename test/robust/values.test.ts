/**
 * Issue 14 §5 and §9 on the CLI: numbers Excel cannot hold never reach a cell
 * as numbers, text beyond a cell's 32,767 characters is cut with an issue, and
 * a CSV's encoding is chosen by the share of valid UTF-8, named in the output.
 */
import { strFromU8, unzipSync, zipSync, strToU8 } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeText } from "../../src/hosts/xlsx/encoding";
import { run } from "../cli/run";

const tmp = mkdtempSync(join(tmpdir(), "custtier-values-"));
const FIXTURES = join(__dirname, "../fixtures");

interface JsonIssue {
  row?: number;
  columnLetter?: string;
  value?: unknown;
  message: string;
}

async function scoreJson(file: string): Promise<{ encoding?: string; issues: JsonIssue[]; rows: { row: number; tier: string | null }[] }> {
  const { code, out, err } = await run("score", file, "--json");
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out);
}

/** Every `<v>` and text of every sheet part of the written workbook. */
function sheetValues(xlsx: Uint8Array): string[] {
  const parts = unzipSync(xlsx);
  const values: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
    for (const m of strFromU8(bytes).matchAll(/<(v|t)(?: [^>]*)?>([^<]*)<\/\1>/g)) values.push(m[2]);
  }
  return values;
}

/** The numbers of number cells in the sheets we add (every sheet part but the first, the user's source sheet). */
function ourNumbers(xlsx: Uint8Array): number[] {
  const parts = unzipSync(xlsx);
  const numbers: number[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name) || name === "xl/worksheets/sheet1.xml") continue;
    for (const m of strFromU8(bytes).matchAll(/<c\b([^>]*)>(?:<f>[^<]*<\/f>)?<v>([^<]*)<\/v>/g)) {
      if (!/\bt="(s|str|inlineStr|b|e)"/.test(m[1])) numbers.push(Number(m[2]));
    }
  }
  return numbers;
}

async function writeBoth(input: string, numbers: number[] = []): Promise<string[]> {
  const all: string[] = [];
  for (const extra of [[], ["--values"]]) {
    const out = join(tmp, `out-${Math.random().toString(36).slice(2)}.xlsx`);
    const { code, err } = await run("score", input, "-o", out, ...extra);
    expect(err).toBe("");
    expect(code).toBe(0);
    const xlsx = new Uint8Array(readFileSync(out));
    all.push(...sheetValues(xlsx));
    numbers.push(...ourNumbers(xlsx));
  }
  return all;
}

/** A minimal xlsx holding these rows of cell XML in Sheet1 (written here, by hand, as Excel would). */
function xlsxWithCells(rowsXml: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`,
    ),
  });
}

describe("numbers Excel cannot hold", () => {
  it("a 万元 value that overflows when scaled is an issue naming row, column and value, and no cell gets Infinity", async () => {
    const file = join(tmp, "scaled.csv");
    writeFileSync(file, "客户名称,月均销售额（万元）,回款天数\n甲公司,5e307,20\n乙公司,2,30\n");
    const doc = await scoreJson(file);
    const issue = doc.issues.find((i) => i.row === 2);
    expect(issue).toMatchObject({ columnLetter: "B", value: "5e307" });
    expect(issue!.message).toContain("largest number Excel can hold");
    expect(issue!.message).toContain("5e307 × 10,000");
    expect(doc.rows.map((r) => r.tier)).toEqual([null, "A"]); // 乙: 2万 ≥ 20,000 → 70, 30 days → 30
    const values = await writeBoth(file);
    expect(values.filter((v) => /inf|nan/i.test(v))).toEqual([]);
  });

  it("text beyond Excel's range (1e309, 1e308万) is refused with the same message", async () => {
    const file = join(tmp, "huge.csv");
    writeFileSync(file, "客户名称,月均销售额,回款天数\n甲公司,1e309,20\n乙公司,1e308万,30\n丙公司,2万,30\n");
    const doc = await scoreJson(file);
    for (const row of [2, 3]) expect(doc.issues.find((i) => i.row === row)!.message).toContain("largest number Excel can hold");
    expect((await writeBoth(file)).filter((v) => /inf|nan/i.test(v))).toEqual([]);
  });

  it("values that each fit but add up beyond Excel's largest number leave the summary's totals empty, with a warning", async () => {
    const file = join(tmp, "sum.csv");
    writeFileSync(file, "客户名称,月均销售额,回款天数\n甲公司,9e307,20\n乙公司,9e307,30\n");
    const doc = await scoreJson(file);
    expect(doc.rows.map((r) => r.tier)).toEqual(["A", "A"]);
    expect(doc.issues.some((i) => i.message.includes("total of Monthly sales"))).toBe(true);
    expect((await writeBoth(file)).filter((v) => /inf|nan/i.test(v))).toEqual([]);
  });

  it("an xlsx cell holding the largest double is an issue and never copied as a number beyond Excel's limit", async () => {
    const file = join(tmp, "max-double.xlsx");
    const rows =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Customer</t></is></c><c r="B1" t="inlineStr"><is><t>Monthly sales</t></is></c><c r="C1" t="inlineStr"><is><t>Payment days</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>1.7976931348623157e308</v></c><c r="C2"><v>20</v></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>Bolt</t></is></c><c r="B3"><v>25000</v></c><c r="C3"><v>20</v></c></row>`;
    writeFileSync(file, xlsxWithCells(rows));
    const doc = await scoreJson(file);
    expect(doc.rows.map((r) => r.tier)).toEqual([null, "A"]);
    expect(doc.issues.find((i) => i.row === 2)).toMatchObject({ columnLetter: "B" });
    const numbers: number[] = [];
    await writeBoth(file, numbers);
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((n) => !(Math.abs(n) <= 9.99999999999999e307))).toEqual([]);
  });
});

describe("text longer than a cell holds", () => {
  it("is cut to 32,767 characters with an issue naming row and column", async () => {
    const file = join(tmp, "long.csv");
    const note = "长".repeat(40_000);
    writeFileSync(file, `客户名称,月均销售额,回款天数,备注\n甲公司,25000,20,${note}\n乙公司,3000,70,短\n`);
    const doc = await scoreJson(file);
    const issue = doc.issues.find((i) => i.columnLetter === "D");
    expect(issue).toMatchObject({ row: 2 });
    expect(issue!.message).toContain("40,000 characters");
    const values = await writeBoth(file);
    expect(Math.max(...values.map((v) => v.length))).toBe(32_767);
  });
});

describe("CSV encoding", () => {
  const header = "客户名称,联系人,月均销售额,回款天数\n";
  const lines = ["杭州华信贸易有限公司,王建国,25000,20", "宁波海联电子科技有限公司,李芳,8000,31", "上海博远机电设备有限公司,张伟,19999,30", "苏州恒达精密五金厂,刘洋,10000,30", "南京瑞丰食品有限公司,陈静,12000,46"];

  it("one bad byte in a UTF-8 file keeps UTF-8, and the issue names the row of the bad byte", async () => {
    const good = Buffer.from(header + lines.join("\n") + "\n", "utf8");
    // Row 4 (苏州…) gets a stray 0xFF inside its contact name.
    const at = good.indexOf(Buffer.from("刘洋", "utf8"));
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    expect(decodeText(new Uint8Array(bytes)).encoding).toBe("utf-8");
    const file = join(tmp, "one-bad-byte.csv");
    writeFileSync(file, bytes);
    const doc = await scoreJson(file);
    expect(doc.encoding).toBe("UTF-8");
    expect(doc.rows[0]).toMatchObject({ row: 2, tier: "A" }); // headers read: columns found
    const issue = doc.issues.find((i) => i.message.includes("not valid UTF-8"));
    expect(issue).toMatchObject({ row: 5, columnLetter: "B", value: "\ufffd刘洋" });
    const summary = await run("score", file);
    expect(summary.out).toContain("one-bad-byte.csv (UTF-8)");
  });

  it("a GBK file is still GB18030, and says so", async () => {
    const doc = await scoreJson(join(FIXTURES, "zh-gbk.csv"));
    expect(doc.encoding).toBe("GB18030");
  });
});
