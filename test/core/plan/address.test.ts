import { parseAddress } from "../../../src/core/plan/address";

describe("Office addresses", () => {
  it.each([
    ["Sheet1!C3:F20", [{ sheet: "Sheet1", range: { row: 2, col: 2, rows: 18, cols: 4 } }]],
    ["客户表!B2", [{ sheet: "客户表", range: { row: 1, col: 1, rows: 1, cols: 1 } }]],
    ["='Old tiers'!$A$1", [{ sheet: "Old tiers", range: { row: 0, col: 0, rows: 1, cols: 1 } }]],
    ["'It''s, here!'!AA10:AB11", [{ sheet: "It's, here!", range: { row: 9, col: 26, rows: 2, cols: 2 } }]],
    [
      "Sheet1!A1:D1, Sheet1!B5:C6",
      [
        { sheet: "Sheet1", range: { row: 0, col: 0, rows: 1, cols: 4 } },
        { sheet: "Sheet1", range: { row: 4, col: 1, rows: 2, cols: 2 } },
      ],
    ],
    ["=#REF!", []],
    ["=0.07", []],
  ])("%s", (address, areas) => {
    expect(parseAddress(address)).toEqual(areas);
  });

});
