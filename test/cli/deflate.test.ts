/**
 * The CLI's zlib deflater: chunks deflated apart still make one stream zlib (and any unzip) inflates, with the right CRC.
 * Its zlib inflater: the reader gets the same sheets as with fflate's.
 */
import { crc32 as zlibCrc, inflateRawSync } from "node:zlib";
import { zlibDeflater, zlibInflater } from "../../src/cli/deflate";
import { inputRow, syntheticWorkbook } from "../../src/bench/workbook";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readSheets } from "../../src/hosts/xlsx/sheet-read";
import { PartWriter } from "../../src/hosts/xlsx/package/deflate";
import { crc32 } from "../../src/hosts/xlsx/package/crc32";

describe("zlib deflater", () => {
  it("writes one valid raw deflate stream over chunks larger and smaller than its gathering size", () => {
    const part = new PartWriter("xl/worksheets/sheet9.xml", zlibDeflater);
    const pieces: string[] = [];
    for (let i = 0; i < 40_000; i++) pieces.push(`<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>客户${i}</t></is></c></row>`);
    const text = pieces.join("");
    for (let p = 0; p < text.length; p += 300_000) part.write(text.slice(p, p + 300_000));
    const entry = part.entry();
    const bytes = Buffer.from(text, "utf8");
    expect(inflateRawSync(entry.raw).equals(bytes)).toBe(true);
    expect(entry.size).toBe(bytes.length);
    expect(entry.crc).toBe(zlibCrc(bytes));
    expect(crc32(bytes)).toBe(zlibCrc(bytes)); // our own CRC, used in the browser, agrees with zlib's
  });
});

describe("zlib inflater", () => {
  it("reads a workbook's sheets exactly as fflate does, its sheet XML decoded a slice at a time (several slices here)", () => {
    const bytes = syntheticWorkbook(30_000); // ~2.5 MB of sheet XML: three 1 MB slices
    const viaZlib = readSheets(openPackage(bytes, zlibInflater), "in.xlsx");
    const viaFflate = readSheets(openPackage(bytes), "in.xlsx");
    expect(viaZlib).toEqual(viaFflate);
    expect(viaZlib[0].values).toHaveLength(30_001);
    // Row 30,000 of the data (sheet row 30,001) as the bench writes it, read through the slices.
    expect(viaZlib[0].values[30_000]).toEqual(inputRow(29_999));
  });
});
