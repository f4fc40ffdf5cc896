import fc from "fast-check";
import type { Cell } from "../../../src/core/plan/types";
import { BlockSlice, jsonStringBytes } from "../../../src/hosts/excel/slice";
import { requestBytes } from "../../../src/hosts/excel/testing/recording-context";

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(-0, 1e15, 999_999_999_999_999, -1e21, 0.1 + 0.2),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }), // lone surrogates, control characters
  fc.constantFrom("客户名称", "=HYPERLINK(1)", "+1", "-x", "@foo", 'a"b\\c\n'),
  fc.record({ kind: fc.constant("formula" as const), formula: fc.constantFrom("A1+B1", 'IF(F2>=80,"A","B")', "'分级规则'!$B$2") }),
  fc.record({ kind: fc.constant("text" as const), text: fc.string({ unit: "grapheme" }) }),
  fc.record({ kind: fc.constant("formatted" as const), value: fc.oneof(fc.integer(), fc.string()), numberFormat: fc.constantFrom("#,##0", '0 "天"', "[Blue]#,##0") }),
);

describe("request sizes", () => {
  it("a string's JSON size is its UTF-8 JSON length, escapes and surrogates included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => jsonStringBytes(s) === requestBytes(s)));
    expect(jsonStringBytes("客户")).toBe(2 + 6);
    expect(jsonStringBytes('"\n\u0001')).toBe(2 + 2 + 2 + 6);
  });

  it("a slice knows exactly what its calls will weigh, before they are built", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const slice = new BlockSlice(0, { at: { row: 0, col: 0 } }, 0, width);
        for (const row of rows) slice.addRow(row);
        const predicted = slice.bytes();
        const w = slice.writes();
        const sent = [w.numberFormat, w.formulas, w.values].filter((x) => x !== undefined).reduce((n, x) => n + requestBytes(x), 0);
        return predicted === sent;
      }),
      { numRuns: 500 },
    );
  });

  it("taking back a row restores the size it had", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 3, maxLength: 3 }), fc.array(cell, { minLength: 3, maxLength: 3 }), (a, b) => {
        const slice = new BlockSlice(0, { at: { row: 0, col: 0 } }, 0, 3);
        slice.addRow(a);
        const before = slice.bytes();
        slice.addRow(b);
        slice.dropLastRow();
        const w = slice.writes();
        const sent = [w.numberFormat, w.formulas, w.values].filter((x) => x !== undefined).reduce((n, x) => n + requestBytes(x), 0);
        return slice.bytes() === before && sent === before && slice.rows === 1;
      }),
    );
  });
});
