/** The CLI's zlib deflater: chunks deflated apart still make one stream zlib (and any unzip) inflates, with the right CRC. */
import { crc32 as zlibCrc, inflateRawSync } from "node:zlib";
import { zlibDeflater } from "../../src/cli/deflate";
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
