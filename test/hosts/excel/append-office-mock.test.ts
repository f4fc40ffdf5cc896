/**
 * The history's Excel paths against office-addin-mock, Microsoft's mock of the
 * Office.js object model: a property read before `load()` + `sync()` comes back
 * as an error string, so these prove that `readColumns` (the tier sheet's
 * override columns) and the append's filter growth load everything they read.
 * Mock quirks as in read-office-mock.test.ts: `isNullObject` set by hand.
 */
import { OfficeMockObject } from "office-addin-mock";
import { tierSheetColumns, TIER_HEADER_ROWS } from "../../../src/core/history";
import { parseAddress } from "../../../src/core/plan/address";
import type { SheetPlan } from "../../../src/core/plan/types";
import type { ExcelContext, Worksheet } from "../../../src/hosts/excel/api";
import { growFilter, loadAppendTarget } from "../../../src/hosts/excel/append";
import { readColumns } from "../../../src/hosts/excel/read";

describe("office-addin-mock: the history's Excel paths load what they read", () => {
  it("readColumns: the used range, the first rows, then one range per column core names", async () => {
    const asked: number[][] = [];
    const context = new OfficeMockObject({
      workbook: {
        sheet: {
          name: "Customer tiers",
          used: { address: "'Customer tiers'!A1:E12" },
          top: { values: [["Title", "", "", "", ""], ["Customer", "Customer ID", "Score", "Override", "Reason"], ...Array.from({ length: 8 }, (_, i) => [`c${i}`, `C${i}`, 50, "", ""])] },
          colA: { values: [["c8"], ["c9"]] },
          colB: { values: [["C8"], ["C9"]] },
          colD: { values: [["B"], [""]] },
          colE: { values: [["复核"], [""]] },
          getUsedRangeOrNullObject() {
            return context.workbook.sheet.used;
          },
          getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
            asked.push([row, col, rows, cols]);
            const s = context.workbook.sheet;
            return row === 0 ? s.top : [s.colA, s.colB, null, s.colD, s.colE][col];
          },
        },
        worksheets: {
          getItem() {
            return context.workbook.sheet;
          },
        },
      },
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    }) as any;
    context.workbook.sheet.used.isNullObject = false;
    context.workbook.sheet.tables = { items: [], load: () => undefined };
    const grid = await readColumns(context as ExcelContext, "Customer tiers", TIER_HEADER_ROWS, tierSheetColumns);
    // Rows 1–10 whole, then columns A, B, D, E of rows 11–12 (C, the score, is not read).
    expect(asked).toEqual([
      [0, 0, 10, 5],
      [10, 0, 2, 1],
      [10, 1, 2, 1],
      [10, 3, 2, 1],
      [10, 4, 2, 1],
    ]);
    expect(grid.values.slice(10)).toEqual([
      ["c8", "C8", null, "B", "复核"],
      ["c9", "C9", null, "", ""],
    ]);
  });

  it("growFilter: reads the filter's state and range after loading them, and applies it down to the new last row", async () => {
    const applied: unknown[] = [];
    const context = new OfficeMockObject({
      ws: {
        autoFilter: {
          enabled: true,
          isDataFiltered: false,
          range: { address: "'Tier history'!A1:K5" },
          getRangeOrNullObject() {
            return context.ws.autoFilter.range;
          },
          apply(range: unknown) {
            applied.push(range);
          },
        },
        grown: { address: "grown" },
        getRangeByIndexes(...args: number[]) {
          applied.push(args);
          return context.ws.grown;
        },
      },
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    }) as any;
    context.ws.autoFilter.range.isNullObject = false;
    const target = loadAppendTarget(context.ws as Worksheet);
    await context.sync();
    const sheet = { action: { kind: "append", existing: "Tier history", drop: [] }, autoFilter: { row: 0, col: 0, rows: 9, cols: 10 } } as unknown as SheetPlan;
    growFilter(target, sheet, (a) => parseAddress(a)[0]?.range);
    // The user's columns (A:K), down to row 9.
    expect(applied).toEqual([[0, 0, 9, 11], context.ws.grown]);
  });
});
