/**
 * The benchmark's input: a customer sheet as a sales admin keeps it — mostly
 * numbers, some `2万` / `30天` text, a few blanks — written as Excel writes it
 * (shared strings), streamed through fflate so that 1,000,000 rows need no
 * more memory than their compressed bytes.
 */
import { strToU8, Zip, ZipDeflate } from "fflate";

export const INPUT_HEADERS = ["客户名称", "联系人", "区域", "月均销售额", "回款天数"];
const REGIONS = ["华东", "华南", "华北", "西南", "华中"];

/** Row i of the sheet (0-based, after the header). */
export function inputRow(i: number): (string | number | null)[] {
  const revenue = (i * 7919) % 40000;
  const days = (i * 31) % 120;
  return [
    `客户${String(i + 1).padStart(6, "0")}有限公司`,
    `联系人${i % 500}`,
    REGIONS[i % 5],
    i % 20 === 0 ? `${(revenue / 10000).toFixed(1)}万` : revenue,
    i % 25 === 0 ? `${days}天` : i % 997 === 0 ? null : days,
  ];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function letter(c: number): string {
  return String.fromCharCode(65 + c);
}

const PARTS: Record<string, string> = {
  "[Content_Types].xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  "_rels/.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  "xl/workbook.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>',
  "xl/_rels/workbook.xml.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  "xl/styles.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
};

/** The xlsx bytes of `rows` customers under one header row. */
export function syntheticWorkbook(rows: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  for (const [name, text] of Object.entries(PARTS)) add(name, text);

  const strings = new Map<string, number>();
  const sst = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  const cell = (r: number, c: number, v: string | number | null) =>
    v === null ? "" : typeof v === "number" ? `<c r="${letter(c)}${r}"><v>${v}</v></c>` : `<c r="${letter(c)}${r}" t="s"><v>${sst(v)}</v></c>`;
  const row = (r: number, values: (string | number | null)[]) => `<row r="${r}">${values.map((v, c) => cell(r, c, v)).join("")}</row>`;
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E${rows + 1}"/><sheetData>${row(1, INPUT_HEADERS)}`;
  for (let i = 0; i < rows; i++) {
    xml += row(i + 2, inputRow(i));
    if (xml.length > 1 << 20) {
      sheet.push(strToU8(xml));
      xml = "";
    }
  }
  sheet.push(strToU8(`${xml}</sheetData></worksheet>`), true);

  const sstFile = new ZipDeflate("xl/sharedStrings.xml", { level: 6 });
  zip.add(sstFile);
  let text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">`;
  for (const s of strings.keys()) {
    text += `<si><t>${esc(s)}</t></si>`;
    if (text.length > 1 << 20) {
      sstFile.push(strToU8(text));
      text = "";
    }
  }
  sstFile.push(strToU8(`${text}</sst>`), true);
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
