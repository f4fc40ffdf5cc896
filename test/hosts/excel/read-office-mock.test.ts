/**
 * The read path against office-addin-mock, Microsoft's mock of the Office.js
 * object model: a property read before `load()` + `sync()` comes back as an
 * error string, so this proves `readSheet` loads everything it reads.
 * Mock quirks (env-notes.md): no enums, and collections' `items/…` loads are
 * not navigable, so the tables collection and `isNullObject` are plain
 * properties set after the mock is built.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ExcelContext } from "../../../src/hosts/excel/api";
import { readSheet } from "../../../src/hosts/excel/read";

function mockContext() {
  const context = new OfficeMockObject({
    workbook: {
      sheet: {
        name: "Customers",
        used: {
          address: "Customers!C3:E6",
          merged: { address: "Customers!C3:E3" },
          getMergedAreasOrNullObject() {
            return context.workbook.sheet.used.merged;
          },
        },
        values: {
          values: [
            ["Customer tiers 2024", "", ""],
            ["Customer", "Monthly sales", "Payment days"],
            ["Acme", 25000, 20],
            ["Globex", "1.5万", "30 days"],
          ],
        },
        getUsedRangeOrNullObject() {
          return context.workbook.sheet.used;
        },
        getRangeByIndexes() {
          return context.workbook.sheet.values;
        },
      },
      selected: { address: "Customers!C4:E6" },
      worksheets: {
        getActiveWorksheet() {
          return context.workbook.sheet;
        },
      },
      getSelectedRange() {
        return context.workbook.selected;
      },
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  }) as any;
  context.workbook.sheet.used.isNullObject = false;
  context.workbook.sheet.used.merged.isNullObject = false;
  context.workbook.sheet.tables = { items: [], load: () => undefined };
  return context as ExcelContext;
}

describe("readSheet with office-addin-mock", () => {
  it("loads every property it reads, and places the values at the used range's origin", async () => {
    const grid = await readSheet(mockContext());
    expect(grid).toEqual({
      name: "Customers",
      origin: { row: 2, col: 2 },
      values: [
        ["Customer tiers 2024", "", ""],
        ["Customer", "Monthly sales", "Payment days"],
        ["Acme", 25000, 20],
        ["Globex", "1.5万", "30 days"],
      ],
      merges: [{ row: 2, col: 2, rows: 1, cols: 3 }],
      selection: { row: 3, col: 2, rows: 3, cols: 3 },
    });
  });
});
