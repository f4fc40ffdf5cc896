import { cellAddress, columnIndex, columnLetter, quoteSheetName, rangeAddress, sheetRef } from "../../../src/core/plan/a1";

describe("A1 addresses", () => {
  it("names columns as Excel does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("reads column letters back", () => {
    for (let col = 0; col < 2000; col += 37) expect(columnIndex(columnLetter(col))).toBe(col);
    expect(columnIndex("xfd")).toBe(16383);
  });

  it("writes relative, absolute and mixed cell addresses from 0-based positions", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(4, 2, true)).toBe("$C$5");
    expect(cellAddress(4, 2, { col: true })).toBe("$C5");
    expect(cellAddress(4, 2, { row: true })).toBe("C$5");
  });

  it("writes ranges, a single cell as a cell", () => {
    expect(rangeAddress({ row: 2, col: 0, rows: 10, cols: 8 })).toBe("A3:H12");
    expect(rangeAddress({ row: 2, col: 0, rows: 1, cols: 1 }, true)).toBe("$A$3");
  });

  it("quotes sheet names that are not plain ASCII words, doubling quotes", () => {
    expect(quoteSheetName("Rules")).toBe("Rules");
    expect(quoteSheetName("客户分级")).toBe("'客户分级'");
    expect(quoteSheetName("Customer tiers")).toBe("'Customer tiers'");
    expect(quoteSheetName("Bob's sheet")).toBe("'Bob''s sheet'");
    expect(quoteSheetName("客户分级 (2)")).toBe("'客户分级 (2)'");
    // Names Excel would read as a cell, an R1C1 reference or a boolean.
    for (const name of ["A1", "XFD100", "R1C1", "R", "C", "TRUE", "1abc"]) expect(quoteSheetName(name)).toMatch(/^'.*'$/);
  });

  it("qualifies references with the sheet", () => {
    expect(sheetRef("分级规则", { row: 4, col: 2 })).toBe("'分级规则'!$C$5");
    expect(sheetRef("Rules", { row: 4, col: 2, rows: 3, cols: 1 })).toBe("Rules!$C$5:$C$7");
    expect(sheetRef("客户表", { row: 4, col: 2 }, false)).toBe("'客户表'!C5");
  });
});
