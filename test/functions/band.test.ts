import { band } from "../../src/functions/functions";
import { cell, column, expectError, only, setDisplayLanguage } from "./helpers";

afterEach(() => setDisplayLanguage(undefined));

const THRESHOLDS = [[0, 60, 80]];
const POINTS = [[1, 2, 3]];

describe("BAND(value, thresholds, points)", () => {
  it("takes each threshold as an inclusive lower bound", () => {
    const values = [0, 59.99, 60, 79.99, 80, 1e9];
    expect(band(column(...values), THRESHOLDS, POINTS)).toEqual([[1], [1], [2], [2], [3], [3]]);
  });

  it("accepts thresholds and points as a column, and text numbers", () => {
    expect(only(band(cell("2万"), column(0, 5000, 10000), column(30, 40, 50)))).toBe(50);
    expect(only(band(cell(5000), column("0", "5,000", "1万"), column(30, 40, 50)))).toBe(40);
  });

  it("returns the shape of the value range", () => {
    expect(
      band(
        [
          [10, 70],
          [90, 60],
        ],
        THRESHOLDS,
        POINTS,
      ),
    ).toEqual([
      [1, 2],
      [3, 2],
    ]);
  });

  it("gives #N/A below the first threshold, naming the value", () => {
    const err = expectError(only(band(cell(-1), THRESHOLDS, POINTS)), "#N/A");
    expect(err.message).toMatch(/^value\b/);
    expect(err.message).toContain("-1");
  });

  it("gives an empty result for an empty value and #VALUE! for a non-number", () => {
    expect(band(column(null, "", 70), THRESHOLDS, POINTS)).toEqual([[""], [""], [2]]);
    const err = expectError(only(band(cell("high"), THRESHOLDS, POINTS)), "#VALUE!");
    expect(err.message).toContain("high");
  });

  it("rejects thresholds that do not go up, in the user's language", () => {
    const err = expectError(only(band(cell(1), [[0, 80, 60]], POINTS)), "#VALUE!");
    expect(err.message).toMatch(/^thresholds\b/);
    expect(err.message).toContain("60");
    setDisplayLanguage("zh-CN");
    const zh = expectError(only(band(cell(1), [[0, 0]], [[1, 2]])), "#VALUE!");
    expect(zh.message).toMatch(/从小到大/);
  });

  it("rejects points that do not match the thresholds one for one", () => {
    const err = expectError(only(band(cell(1), THRESHOLDS, [[1, 2]])), "#VALUE!");
    expect(err.message).toMatch(/^points\b/);
    expectError(only(band(cell(1), cell(null), cell(null))), "#VALUE!");
    expectError(only(band(cell(1), [[0, null, 80]], POINTS)), "#VALUE!");
    expectError(only(band(cell(1), THRESHOLDS, [[1, "two", 3]])), "#VALUE!");
  });
});
