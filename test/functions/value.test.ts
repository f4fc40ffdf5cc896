/**
 * CUSTTIER.RFM and CUSTTIER.ABC (issue 11, tiering-models.md §9): the ranges
 * given are the customers. Expected cut points, scores and classes are worked
 * out by hand here from the definitions, never taken from the engine.
 */
import { abc, grade, rfm } from "../../src/functions/functions";
import { cell, column, expectError, only, setDisplayLanguage } from "./helpers";
import { SEGMENT_LABELS } from "./segments";

afterEach(() => setDisplayLanguage(undefined));

/** The default R × FM grid of issue 11, typed in again: GRID[5 − R][FM − 1]. */
const GRID = [
  ["new", "potential", "potential", "champions", "champions"],
  ["promising", "potential", "potential", "champions", "champions"],
  ["sleepy", "sleepy", "attention", "loyal", "loyal"],
  ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
  ["lost", "lost", "at-risk", "at-risk", "cant-lose"],
];

const segment = (r: number, f: number, m: number) => GRID[5 - r][Math.floor((f + m) / 2 + 0.5) - 1];
const en = (r: number, f: number, m: number) => SEGMENT_LABELS[segment(r, f, m)].en;

describe("CUSTTIER.RFM: quintile scores against the ranges given", () => {
  // 1..6 in every column: PERCENTILE.INC at 20/40/60/80% over 6 values is exactly 2, 3, 4, 5
  // (rank (6−1)·k), so 2, 3, 4 and 5 each sit on a cut point.
  // F, M = 1 + cut points strictly below: 1→1, 2→1, 3→2, 4→3, 5→4, 6→5.
  // R = 5 − cut points strictly below:    1→5, 2→5, 3→4, 4→3, 5→2, 6→1.
  const fm = [1, 1, 2, 3, 4, 5];
  const r = [5, 5, 4, 3, 2, 1];

  it("a value on a cut point is not above it (ties at a cut point), for R, F and M", () => {
    const recency = [1, 2, 3, 4, 5, 6];
    const frequency = [6, 5, 4, 3, 2, 1];
    const monetary = [3, 1, 6, 2, 5, 4];
    const want = recency.map((_, i) => [en(r[recency[i] - 1], fm[frequency[i] - 1], fm[monetary[i] - 1])]);
    expect(rfm(column(...recency), column(...frequency), column(...monetary))).toEqual(want);
    // Worked by hand for the first rows: R5 F5 M2 → FM 4 (3.5 rounds up) → champions; R5 F4 M1 → FM 3 (2.5 up) → potential.
    expect(want.slice(0, 2)).toEqual([["Champions"], ["Potential loyalist"]]);
  });

  it("covers the whole grid: every R with every FM", () => {
    // Recency 1..6 give R 5,5,4,3,2,1; frequency = monetary gives FM = F.
    for (const [rec, R] of [[1, 5], [3, 4], [4, 3], [5, 2], [6, 1]]) {
      const recency = [rec, ...[1, 2, 3, 4, 5, 6].filter((x) => x !== rec)];
      for (const [v, F] of [[1, 1], [3, 2], [4, 3], [5, 4], [6, 5]]) {
        const freq = [v, ...[1, 2, 3, 4, 5, 6].filter((x) => x !== v)];
        const out = rfm(column(...recency), column(...freq), column(...freq));
        expect(out[0][0]).toBe(SEGMENT_LABELS[GRID[5 - R][F - 1]].en);
      }
    }
  });

  it("equal values get equal scores: all customers alike are all New (R5, F1, M1)", () => {
    expect(rfm(column(10, 10, 10, 10), column(1, 1, 1, 1), column(99, 99, 99, 99))).toEqual([["New"], ["New"], ["New"], ["New"]]);
  });

  it("most customers buying once are not split across bins", () => {
    // PERCENTILE.INC over 1,1,1,1,1,1,1,2,3,9: rank 9k → 1.8, 3.6, 5.4 (inside the 1s) and 7.2 → 2 + 0.2·(3 − 2) = 2.2.
    // Cuts 1, 1, 1, 2.2: F1 for every one-time buyer, F4 for 2 (above three cuts), F5 for 3 and 9.
    const frequency = [1, 1, 1, 1, 1, 1, 1, 2, 3, 9];
    const recency = new Array(10).fill(30);
    const monetary = [1, 1, 1, 1, 1, 1, 1, 2, 3, 9];
    const out = rfm(column(...recency), column(...frequency), column(...monetary));
    // Recency all 30: R5. F = M: 1 → 1, 2 → 4 (above 1, 1, 1), 3 and 9 → 5.
    expect(out).toEqual([...new Array(7).fill(["New"]), ["Champions"], ["Champions"], ["Champions"]]);
  });

  it("one customer: every cut point is its own value, so R5 F1 M1: New", () => {
    expect(only(rfm(cell(400), cell(12), cell(90000)))).toBe("New");
  });

  it("zero and negative amounts are scored like any amount (refunds), below the positive ones", () => {
    // Monetary −50, 0, 0, 100, 200 over 5 customers: rank 4k → cuts −10, 0, 40, 120.
    // M: −50 → 1, 0 → 2 (above −10 only), 100 → 4, 200 → 5. Recency all 7 → R5.
    // Frequency 1..5: cuts 1.8, 2.6, 3.4, 4.2 → F = 1..5.
    const out = rfm(column(7, 7, 7, 7, 7), column(1, 2, 3, 4, 5), column(-50, 0, 0, 100, 200));
    expect(out).toEqual([[en(5, 1, 1)], [en(5, 2, 2)], [en(5, 3, 2)], [en(5, 4, 4)], [en(5, 5, 5)]]);
    // FM 1, 2, 3 (2.5 rounds up), 4, 5.
    expect(out.map((x) => x[0])).toEqual(["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"]);
  });

  it("a blank row gives an empty cell and is no customer: the others score as without it", () => {
    const recency = [1, 2, 3, 4, 5, 6];
    const frequency = [6, 5, 4, 3, 2, 1];
    const monetary = [3, 1, 6, 2, 5, 4];
    const without = rfm(column(...recency), column(...frequency), column(...monetary));
    const withBlank = rfm(column(1, 2, null, 3, 4, 5, 6), column(6, 5, null, 4, 3, 2, 1), column(3, 1, "", 6, 2, 5, 4));
    expect(withBlank).toEqual([...without.slice(0, 2), [""], ...without.slice(2)]);
    // A blank in one column only: that row has no segment.
    expect(rfm(column(1, 2), column(null, 1), column(5, 5))[0]).toEqual([""]);
  });

  it("reads text numbers as the sheet reader does (30天, 1,200, 2万)", () => {
    const numbers = rfm(column(30, 5, 200), column(3, 1, 12), column(1200, 20000, 300));
    expect(rfm(column("30天", "5", "200 天"), column("3次", 1, "12"), column("1,200", "2万", "¥300"))).toEqual(numbers);
  });

  it("names the argument and the value of a cell it cannot read, and leaves it out of the cut points", () => {
    const out = rfm(column(1, "soon", 2, 3, 4, 5, 6), column(6, null, 5, 4, 3, 2, 1), column(3, null, 1, 6, 2, 5, 4));
    const err = expectError(out[1][0], "#VALUE!");
    expect(err.message).toContain("recency");
    expect(err.message).toContain("soon");
    // Without that row every column is 1..6 again: cuts 2, 3, 4, 5 as above.
    expect(out[0][0]).toBe(en(5, 5, fm[2]));
    expect(out[6][0]).toBe(en(1, 1, fm[3]));
  });

  it("refuses a negative number of days with #VALUE!", () => {
    const err = expectError(rfm(column(-3, 10), column(1, 2), column(5, 6))[0][0], "#VALUE!");
    expect(err.message).toContain("recency");
    expect(err.message).toContain("-3");
  });

  it("an error cell in a range gives #VALUE! in its row, not a crash", () => {
    const out = rfm(column(1, { code: "#N/A" }, 3), column(1, 2, 3), column(1, 2, 3));
    expectError(out[1][0], "#VALUE!");
    expect(typeof out[0][0]).toBe("string");
  });

  it("rejects ranges of different sizes with one #VALUE! naming both", () => {
    const err = expectError(only(rfm(column(1, 2, 3), column(1, 2), column(1, 2, 3))), "#VALUE!");
    expect(err.message).toContain("frequency");
    expect(err.message).toContain("recency");
  });

  it("shows the segment in Office's language", () => {
    setDisplayLanguage("zh-CN");
    expect(rfm(column(1, 6), column(6, 1), column(6, 1))).toEqual([["冠军客户"], ["已流失"]]);
    const err = expectError(only(rfm(column(1, 2), column(1, 2, 3), column(1, 2))), "#VALUE!");
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("GRADE points to CUSTTIER.RFM and CUSTTIER.ABC for these models", () => {
    expect(expectError(only(grade("rfm", [cell(1), cell(1), cell(1)])), "#VALUE!").message).toContain("CUSTTIER.RFM");
    expect(expectError(only(grade("abc", [cell(1)])), "#VALUE!").message).toContain("CUSTTIER.ABC");
  });
});

describe("CUSTTIER.ABC: share ahead of the positive total", () => {
  it("A below 80% ahead, B below 95%, else C: a share of exactly 80% or 95% is the next class", () => {
    // Total 100: ahead of 50 is 0, of 30 50%, of 15 80% (not < 80%: B), of 5 95% (not < 95%: C).
    expect(abc(column(50, 30, 15, 5))).toEqual([["A"], ["A"], ["B"], ["C"]]);
  });

  it("the customer that crosses 80% is still A", () => {
    // Total 100: 60 → 0, 30 → 60% (A although 60 + 30 passes 80%), 10 → 90% → B.
    expect(abc(column(60, 30, 10))).toEqual([["A"], ["A"], ["B"]]);
  });

  it("equal values share a class (ties)", () => {
    // Two of 40: both have 0 ahead (only strictly greater values count); 20 has 80% ahead → B.
    expect(abc(column(40, 20, 40))).toEqual([["A"], ["B"], ["A"]]);
    expect(abc(column(10, 10, 10))).toEqual([["A"], ["A"], ["A"]]);
  });

  it("one customer is A; a lone zero or negative value is C", () => {
    expect(only(abc(cell(5)))).toBe("A");
    expect(only(abc(cell(0)))).toBe("C");
    expect(only(abc(cell(-3)))).toBe("C");
  });

  it("zero and negative values are C and do not count in the total", () => {
    // Positive total 120: 20 has 100/120 = 83% ahead → B. (Counting −50 would make it 100/70: C.)
    expect(abc(column(100, 20, -50, 0))).toEqual([["A"], ["B"], ["C"], ["C"]]);
  });

  it("takes other limits: 70% / 90%", () => {
    // Total 100: 60 → 0, 25 → 60% A, 10 → 85% B, 5 → 95% C; at 70/90 too: 25 A, 10 B, 5 C.
    expect(abc(column(60, 25, 10, 5), 0.7, 0.9)).toEqual([["A"], ["A"], ["B"], ["C"]]);
    // 50, 30, 15, 5: 15 has 80% ahead: B at 70/90 (A at 0.85), 5 has 95%: C at 0.9, B at 0.96.
    expect(abc(column(50, 30, 15, 5), 0.7, 0.9)).toEqual([["A"], ["A"], ["B"], ["C"]]);
    expect(abc(column(50, 30, 15, 5), 0.85, 0.96)).toEqual([["A"], ["A"], ["A"], ["B"]]);
    // Omitted (null, as Excel passes it) is the default on either side.
    expect(abc(column(50, 30, 15, 5), null as unknown as number, 0.96)).toEqual([["A"], ["A"], ["B"], ["B"]]);
    expect(abc(column(50, 30, 15, 5), 0.85, null as unknown as number)).toEqual([["A"], ["A"], ["A"], ["C"]]);
  });

  it("refuses limits that are not shares going up, with one #VALUE!", () => {
    for (const [a, b] of [
      [0.95, 0.8],
      [80, 95],
      [0, 0.95],
      [0.8, 0.8],
      [0.8, 1.2],
    ]) {
      const err = expectError(only(abc(column(50, 30), a, b)), "#VALUE!");
      expect(err.message).toContain("cutA");
    }
  });

  it("blank cells give empty results and are not customers; text numbers are read; bad text is #VALUE!", () => {
    expect(abc(column(50, null, "30", "", "¥15", 5))).toEqual([["A"], [""], ["A"], [""], ["B"], ["C"]]);
    const out = abc(column(50, "lots", 30, 15, 5));
    const err = expectError(out[1][0], "#VALUE!");
    expect(err.message).toContain("values");
    expect(err.message).toContain("lots");
    expect([out[0], out[2], out[3], out[4]]).toEqual([["A"], ["A"], ["B"], ["C"]]);
  });

  it("says what is wrong in Office's language", () => {
    setDisplayLanguage("zh-CN");
    expect(expectError(only(abc(column(1, 2), 0.9, 0.5)), "#VALUE!").message).toMatch(/[\u4e00-\u9fff]/);
    expect(abc(column(60, 30, 10))).toEqual([["A"], ["A"], ["B"]]);
  });
});
