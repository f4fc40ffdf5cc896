import fc from "fast-check";
import { columnIndex, columnLetter, rangeFromA1 } from "../../../src/core/sheet/columns";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %d is %s and back", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
    expect(columnIndex(letter)).toBe(index);
    expect(columnIndex(letter.toLowerCase())).toBe(index);
  });

  it("refuses what is not a column of a sheet", () => {
    for (const s of ["", "A1", "客户", "XFE", "ABCD", "1"]) expect(columnIndex(s)).toBe(-1);
  });

  it("round-trips every column Excel has", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetter(i)) === i));
  });
});

describe("A1 ranges", () => {
  it("reads a table's ref and a single cell", () => {
    expect(rangeFromA1("B3:E8")).toEqual({ row: 2, col: 1, rows: 6, cols: 4 });
    expect(rangeFromA1("$B$3")).toEqual({ row: 2, col: 1, rows: 1, cols: 1 });
    expect(rangeFromA1("E8:B3")).toEqual({ row: 2, col: 1, rows: 6, cols: 4 });
    expect(rangeFromA1("客户表")).toBeUndefined();
    expect(rangeFromA1("A0")).toBeUndefined();
  });
});
