import fc from "fast-check";
import type { CellValue } from "../../../src/core/parse/values";
import { PRESETS } from "../../../src/core/presets";
import { columnLetter } from "../../../src/core/sheet/columns";
import { detectTable } from "../../../src/core/sheet/detect";
import { MappingError, mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import type { CellRange, SheetGrid, SourceTable } from "../../../src/core/sheet/types";

/** Words real sheets hold: headers of every preset, totals and note labels, messy numbers, categories. */
const WORDS = [
  ...new Set(PRESETS.flatMap((m) => m.fields.flatMap((f) => [f.label["zh-CN"], f.label["en-US"], ...f.synonyms.slice(0, 3)]))),
  "合计", "小计", "Total", "Grand total", "备注：见附件", "制表人：张三", "单位：元", "华东区",
  "2万", "¥12,000", "1.5万元", "３０天", "30 days", "(1,200)", "待定", "#N/A", "-5", "明确", "潜在", "首选", "三级", "A05",
  "杭州华信贸易有限公司", "", "   ", "=HYPERLINK(\"x\")",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.double(),
  fc.integer({ min: -100000, max: 100000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "").map((error) => ({ error })),
);

const range: fc.Arbitrary<CellRange> = fc.record({
  row: fc.integer({ min: -3, max: 30 }),
  col: fc.integer({ min: -3, max: 12 }),
  rows: fc.integer({ min: 0, max: 20 }),
  cols: fc.integer({ min: 0, max: 12 }),
});

/** Present in one sheet of five: most sheets have neither an Excel table nor a selection. */
function sometimes<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });
}

const sheet: fc.Arbitrary<SheetGrid> = fc.record(
  {
    name: fc.constant("随机"),
    values: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 24 }),
    origin: fc.record({ row: fc.nat(50), col: fc.nat(10) }),
    merges: fc.array(range, { maxLength: 3 }),
    tables: sometimes(fc.array(fc.record({ name: fc.constant("t"), range, totalsRow: fc.boolean() }), { minLength: 1, maxLength: 2 })),
    selection: sometimes(range),
  },
  { requiredKeys: ["name", "values", "tables", "selection"] },
);

/** Puts a header row of the model's own labels into the random values, so that columns map and cells get read. */
function plantHeader(grid: SheetGrid, labels: string[], row: number, col: number) {
  while (grid.values.length <= row) grid.values.push([]);
  grid.values[row] = [...new Array<CellValue>(col).fill(null), ...labels];
}

/** What every table must be, whatever the sheet: rows inside it, in order, each as wide as the header. */
function checkTable(t: SourceTable) {
  const rows = t.rows.map((r) => r.row);
  for (let i = 0; i < rows.length; i++) {
    expect(rows[i]).toBeGreaterThan(i ? rows[i - 1] : t.headerRow);
    expect(t.rows[i].cells).toHaveLength(t.headers.length);
  }
  for (const s of t.skipped) expect(rows).not.toContain(s.row);
  expect(t.headers.every((h) => typeof h === "string" && h.length > 0)).toBe(true);
}

describe("random sheets", () => {
  test("detectTable, mapColumns and scoreTable never throw; every issue names a real row and column of the table", () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom(...PRESETS), fc.constantFrom("zh-CN" as const, "en-US" as const), fc.option(fc.tuple(fc.nat(6), fc.nat(4))), (grid, model, lang, plant) => {
        if (plant) plantHeader(grid, model.fields.map((f) => f.label[lang]), ...plant);
        const table = detectTable(grid, lang);
        checkTable(table);
        const mapping = mapColumns(table.headers, model, {}, table.firstCol);
        const used = Object.values(mapping.columns);
        expect(new Set(used).size).toBe(used.length);
        for (const col of used) expect(col >= 0 && col < table.headers.length).toBe(true);

        const scored = scoreTable(table, mapping, model, lang, new Date("2024-06-01T00:00:00Z"));
        const rows = new Set(table.rows.map((r) => r.row));
        const letters = table.headers.map((_, i) => columnLetter(table.firstCol + i));
        for (const issue of scored.issues) {
          if (issue.row !== undefined) expect(rows.has(issue.row)).toBe(true);
          if (issue.columnLetter !== undefined) {
            const at = letters.indexOf(issue.columnLetter);
            expect(at).toBeGreaterThanOrEqual(0);
            expect(issue.column).toBe(table.headers[at]);
          }
          // An issue about a mapped field is always placed in that field's column.
          if (issue.field !== undefined && issue.field in mapping.columns) {
            expect(issue.columnLetter).toBe(letters[mapping.columns[issue.field]]);
          }
          expect(issue.message[lang].length).toBeGreaterThan(0);
        }
        expect(scored.rows).toHaveLength(table.rows.length);
        expect(scored.summary.reduce((n, s) => n + s.count, 0) + scored.unscored).toBe(table.rows.length);
      }),
      { numRuns: 400 },
    );
  });

  test("an explicit mapping either applies or fails with a MappingError", () => {
    fc.assert(
      fc.property(
        sheet,
        fc.constantFrom(...PRESETS),
        fc.dictionary(fc.constantFrom("customer", "revenue", "paydays", "months", "x"), fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom("A", "B", "C", "ZZ"))),
        (grid, model, explicit) => {
          const table = detectTable(grid);
          try {
            const m = mapColumns(table.headers, model, explicit, table.firstCol);
            for (const field of Object.keys(explicit)) expect(m.confidence[field]).toBe(1);
          } catch (e) {
            expect(e).toBeInstanceOf(MappingError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a customer table placed anywhere", () => {
  /** Title rows as people write them: one text each, or nothing. */
  const titleRow = fc.oneof(
    fc.constant([] as CellValue[]),
    fc.constantFrom("2024年客户分级表", "统计日期：2024年6月30日", "Customer list Q2", "单位：元").map((t) => [t] as CellValue[]),
  );
  const dataRow = fc.tuple(
    fc.constantFrom("杭州华信贸易有限公司", "宁波恒达机械制造有限公司", "Northwind Trading"),
    fc.oneof(fc.integer({ min: 0, max: 90000 }), fc.constantFrom("2万", "¥12,000", "待定")),
    fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom("30天", "45 days")),
  );

  test("is found at its header row and column, with every data row", () => {
    fc.assert(
      fc.property(
        fc.array(titleRow, { maxLength: 6 }),
        fc.nat(5),
        fc.constantFrom(["客户名称", "月均销售额", "回款天数"], ["Customer", "Monthly sales (¥)", "Payment days"], ["公司", "销售额（元）", "账期"]),
        fc.array(dataRow, { minLength: 1, maxLength: 15 }),
        (titles, indent, header, data) => {
          const pad = (cells: readonly CellValue[]): CellValue[] => [...new Array<CellValue>(indent).fill(null), ...cells];
          const values = [...titles, pad(header), ...data.map(pad)];
          const t = detectTable({ name: "s", values });
          expect([t.headerRow, t.firstCol, t.headers]).toEqual([titles.length + 1, indent, header]);
          expect(t.rows.map((r) => r.row)).toEqual(data.map((_, i) => titles.length + 2 + i));
          const m = mapColumns(t.headers, PRESETS[0], {}, t.firstCol);
          expect(m.columns).toEqual({ customer: 0, revenue: 1, paydays: 2 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
