import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { HostError } from "../../../src/hosts/errors";
import { decodeText, detectEncoding } from "../../../src/hosts/xlsx/encoding";
import { readWorkbook } from "../../../src/hosts/xlsx/read";

const FIXTURES = join(__dirname, "..", "..", "fixtures");

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("xlsx cells", () => {
  it("hands over plain values: text, numbers, booleans, dates, rich text, hyperlinks, formula results, errors", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("客户");
      ws.getRow(1).values = [
        "杭州华信",
        25000,
        true,
        new Date(Date.UTC(2024, 2, 1)),
        { richText: [{ text: "宁波" }, { text: "恒达", font: { bold: true } }] },
        { text: "官网", hyperlink: "https://example.com" },
        { formula: "B1*2", result: 50000 },
        { formula: "NA()", result: { error: "#N/A" } },
        { error: "#DIV/0!" },
        { formula: "B1", result: undefined },
      ] as ExcelJS.CellValue[];
    });
    const [grid] = await readWorkbook(bytes, "in.xlsx");
    expect(grid.name).toBe("客户");
    const [name, sales, flag, date, ...rest] = grid.values[0];
    expect([name, sales, flag]).toEqual(["杭州华信", 25000, true]);
    // A date cell is a Date that keeps the serial as stored (45352 = 2024-03-01 in Excel's 1900 system).
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(date).toMatchObject({ serial: 45352 });
    // A formula without a cached result is an empty cell (nothing after the last value).
    expect(rest).toEqual(["宁波恒达", "官网", 50000, { error: "#N/A" }, { error: "#DIV/0!" }]);
  });

  it("keeps a merged value in its top-left cell only, and reports the merge", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("s");
      ws.getCell("B2").value = "2024年客户表";
      ws.mergeCells("B2:D3");
      ws.getCell("A5").value = "客户名称";
    });
    const [grid] = await readWorkbook(bytes, "s.xlsx");
    expect(grid.values[1][1]).toBe("2024年客户表");
    expect(grid.values[1].filter((v) => v !== null)).toEqual(["2024年客户表"]);
    expect(grid.values[2].every((v) => v === null)).toBe(true);
    expect(grid.values[3]).toEqual([]); // an empty row between stays a row: row numbers must not shift
    expect(grid.merges).toEqual([{ row: 1, col: 1, rows: 2, cols: 3 }]);
  });

  it("reports Excel tables with their range and totals row", async () => {
    const bytes = readFileSync(join(FIXTURES, "zh-excel-table.xlsx"));
    const [grid] = await readWorkbook(bytes, "zh-excel-table.xlsx");
    expect(grid.tables).toEqual([{ name: "客户表", range: { row: 2, col: 1, rows: 6, cols: 4 }, totalsRow: true }]);
  });

  it("lists visible sheets first, in tab order", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("辅助", { state: "hidden" });
      wb.addWorksheet("客户");
      wb.addWorksheet("汇总");
    });
    expect((await readWorkbook(bytes, "x.xlsx")).map((g) => g.name)).toEqual(["客户", "汇总", "辅助"]);
  });

  it("takes an ArrayBuffer as the browser gives it", async () => {
    const bytes = await xlsxBytes((wb) => (wb.addWorksheet("s").getCell("A1").value = "客户"));
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readWorkbook(copy, "x.xlsx"))[0].values).toEqual([["客户"]]);
  });

  it("explains files it cannot read, in both languages", async () => {
    const notZip = readWorkbook(new TextEncoder().encode("PK not really a zip"), "broken.xlsx");
    await expect(notZip).rejects.toBeInstanceOf(HostError);
    await expect(readWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), "old.xls")).rejects.toMatchObject({
      code: "unsupported-format",
      userMessage: { "zh-CN": expect.stringContaining(".xlsx"), "en-US": expect.stringContaining(".xlsx") },
    });
  });
});

describe("CSV", () => {
  const gbk = readFileSync(join(FIXTURES, "zh-gbk.csv"));

  it("decodes GBK with the platform's TextDecoder (杭州 = BA BC D6 DD)", () => {
    expect(new TextDecoder("gb18030").decode(new Uint8Array([0xba, 0xbc, 0xd6, 0xdd]))).toBe("杭州");
    expect(detectEncoding(new Uint8Array(gbk))).toBe("gb18030");
    expect(decodeText(new Uint8Array(gbk)).text.startsWith("客户名称,联系电话")).toBe(true);
  });

  it.each([
    ["UTF-8 with BOM", [0xef, 0xbb, 0xbf], (s: string) => new TextEncoder().encode(s), "utf-8"],
    ["UTF-8", [], (s: string) => new TextEncoder().encode(s), "utf-8"],
    ["UTF-16 LE with BOM", [0xff, 0xfe], (s: string) => new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer), "utf-16le"],
  ])("reads %s, dropping the BOM", async (_name, bom, encode, encoding) => {
    const body = encode("客户,月均销售额\r\n杭州华信,2万\r\n");
    const bytes = new Uint8Array([...bom, ...body]);
    expect(detectEncoding(bytes)).toBe(encoding);
    const [grid] = await readWorkbook(bytes, "客户.csv");
    expect(grid.name).toBe("客户");
    expect(grid.values).toEqual([
      ["客户", "月均销售额"],
      ["杭州华信", "2万"],
    ]);
  });

  it("keeps every cell as text and keeps blank lines, so row numbers match Excel's", async () => {
    const [grid] = await readWorkbook(new TextEncoder().encode('标题\n\n客户,电话,金额\n甲,0571-1,"12,000"\n'), "a.csv");
    expect(grid.values).toEqual([["标题"], [""], ["客户", "电话", "金额"], ["甲", "0571-1", "12,000"]]);
  });

  it("reads the GBK fixture's cells as typed", async () => {
    const [grid] = await readWorkbook(gbk, "zh-gbk.csv");
    expect(grid.values[2]).toEqual(["宁波恒达机械制造有限公司", "0574-87776655", "12,000", "45"]);
  });
});
