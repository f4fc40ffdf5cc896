import { columnCells, dataColumn, exceptionsIn, expandRows, formulaColumn, fromR1C1, rowFormulas, toR1C1 } from "../../../src/core/plan/columns";
import type { ColumnBlock } from "../../../src/core/plan/types";

describe("formula columns", () => {
  test("relative row references move down, absolute ones and strings stay", () => {
    const f = rowFormulas(`IF('客户表'!B5="","",INDEX(销售额得分,MATCH(D5,'分级规则'!$C$5:$C$8,1)))&"A1"`);
    expect(f(0)).toBe(`IF('客户表'!B5="","",INDEX(销售额得分,MATCH(D5,'分级规则'!$C$5:$C$8,1)))&"A1"`);
    expect(f(3)).toBe(`IF('客户表'!B8="","",INDEX(销售额得分,MATCH(D8,'分级规则'!$C$5:$C$8,1)))&"A1"`);
  });

  test("function names with digits, numbers with exponents and names are not references", () => {
    const f = rowFormulas("LOG10(A2)+1E5+CustTier_Tiers+ROUND(B$2,6)");
    expect(f(2)).toBe("LOG10(A4)+1E5+CustTier_Tiers+ROUND(B$2,6)");
  });

  test("R1C1: one text for every row, and back to each row's A1", () => {
    const a1 = `IF(D5="","",INDEX(销售额得分,MATCH(D5,'分级规则'!$C$5:$C$8,1)))+$A5+B$1`;
    // Written in F5 (row 4, col 5): D5 is two columns left, same row.
    const r1c1 = toR1C1(a1, 4, 5);
    expect(r1c1).toBe(`IF(RC[-2]="","",INDEX(销售额得分,MATCH(RC[-2],'分级规则'!R5C3:R8C3,1)))+RC1+R1C[-4]`);
    expect(fromR1C1(r1c1, 4, 5)).toBe(a1);
    expect(fromR1C1(r1c1, 9, 5)).toBe(rowFormulas(a1)(5));
    expect(fromR1C1("ROUND(RC[-1],6)&\"RC\"", 0, 3)).toBe('ROUND(C1,6)&"RC"');
  });
});

describe("column blocks", () => {
  const block: ColumnBlock = {
    at: { row: 3, col: 0 },
    rows: 5,
    columns: [
      dataColumn((r) => `客户${r + 1}`),
      formulaColumn("A4*2", [
        { row: 1, cell: { kind: "text", text: "+1" } },
        { row: 3, cell: null },
      ]),
    ],
  };

  test("expanding rows gives each row's cells, exceptions in place of the formula", () => {
    const chunks = [...expandRows(block, 2)];
    expect(chunks.map((c) => c.first)).toEqual([0, 2, 4]);
    const rows = chunks.flatMap((c) => c.cells);
    expect(rows).toEqual([
      ["客户1", { kind: "formula", formula: "A4*2" }],
      ["客户2", { kind: "text", text: "+1" }],
      ["客户3", { kind: "formula", formula: "A6*2" }],
      ["客户4", null],
      ["客户5", { kind: "formula", formula: "A8*2" }],
    ]);
  });

  test("a chunk's exceptions are found without reading the others", () => {
    const column = block.columns[1];
    if (column.kind !== "formula") throw new Error("formula column expected");
    expect(exceptionsIn(column, 2, 5).map((e) => e.row)).toEqual([3]);
    expect(exceptionsIn(column, 0, 1)).toEqual([]);
    expect(columnCells(block.columns[0], 1, 3)).toEqual(["客户2", "客户3"]);
  });
});
