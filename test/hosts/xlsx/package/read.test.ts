/**
 * The package layer reads files other programs wrote: openpyxl's `chart.xlsx`
 * (test/fixtures/packages/make_openpyxl.py) and a workbook Microsoft ships with
 * office-addin-dev-settings (namespace-prefixed `x:` workbook XML, a BOM, no
 * styles part, an image and a web extension).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { contentTypeOf, openPackage, PackageError } from "../../../../src/hosts/xlsx/package";
import { readZip } from "../../../../src/hosts/xlsx/package/zip";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/packages", name)));

describe("xlsx package: reading", () => {
  it("lists openpyxl's parts, sheets, names and styles", () => {
    const pkg = openPackage(fixture("chart.xlsx"));
    expect(pkg.entries.map((e) => e.name).sort()).toEqual(
      [
        "docProps/app.xml", "docProps/core.xml", "xl/theme/theme1.xml", "xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels", "xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml",
        "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet2.xml", "xl/charts/chart1.xml", "xl/styles.xml",
        "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml",
      ].sort(),
    );
    expect(pkg.workbookPath).toBe("xl/workbook.xml");
    expect(pkg.sheets.map((s) => [s.name, s.path, s.kind, s.state])).toEqual([
      ["客户", "xl/worksheets/sheet1.xml", "worksheet", "visible"],
      ["备注", "xl/worksheets/sheet2.xml", "worksheet", "visible"],
    ]);
    expect(pkg.workbook.names).toEqual([{ name: "MySales", hidden: false, ref: "'客户'!$B$2:$B$5" }]);
    expect(pkg.stylesPath).toBe("xl/styles.xml");
    // The time cells use a time format: cellXfs[1] is what the sheet's `s="1"` cells point at.
    expect(pkg.styles!.cellXfNumFmts[1]).not.toBe(0);
    expect(contentTypeOf(pkg.contentTypes, "xl/charts/chart1.xml")).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    expect(contentTypeOf(pkg.contentTypes, "xl/drawings/commentsDrawing1.vml")).toBe("application/vnd.openxmlformats-officedocument.vmlDrawing");
  });

  it("inflates every part to what zlib inflates", () => {
    const bytes = fixture("chart.xlsx");
    const pkg = openPackage(bytes);
    for (const e of readZip(bytes)) {
      const expected = e.method === 8 ? inflateRawSync(e.raw) : Buffer.from(e.raw);
      expect(Buffer.from(pkg.bytes(e.name)!)).toEqual(expected);
      expect(pkg.entry(e.name.toUpperCase())).toBe(pkg.entry(e.name));
    }
  });

  it("reads a prefixed workbook (x:sheet) with a BOM, an image and no styles part", () => {
    const pkg = openPackage(fixture("excel-made.xlsx"));
    expect(pkg.sheets).toEqual([expect.objectContaining({ name: "Sheet1", sheetId: 1, rId: "Ra1532f0969794b4b", path: "xl/worksheets/sheet.xml", kind: "worksheet" })]);
    expect(pkg.styles).toBeUndefined();
    expect(pkg.entry("xl/media/image.bin")!.size).toBe(4098);
  });

  it("says what is wrong with bytes that are not a package", () => {
    expect(() => openPackage(new TextEncoder().encode("name,sales\n"))).toThrow(PackageError);
    const truncated = fixture("chart.xlsx").subarray(0, 3000);
    expect(() => openPackage(truncated)).toThrow(PackageError);
  });
});
