import { compileModel, findPreset, ModelError, scoreTable, validateModel, type Model, type SourceTable } from "../../src/core";
import { mapColumns } from "../../src/core/sheet/mapping";
import { paretoCuts, percentileInc } from "../../src/core/population";

/** A customer sheet: recency, frequency, monetary per customer. */
function sheet(rows: [number, number, number][]): SourceTable {
  return {
    sheetName: "客户",
    headerRow: 1,
    firstCol: 0,
    headers: ["客户", "最近购买", "购买次数", "消费金额"],
    rows: rows.map((r, i) => ({ row: i + 2, cells: [`客户${i + 1}`, ...r] })),
    skipped: [],
    foundBy: "detected",
  };
}

function run(model: Model, rows: [number, number, number][]) {
  const t = sheet(rows);
  return scoreTable(t, mapColumns(t.headers, model), model, "zh-CN");
}

const points = (s: ReturnType<typeof run>) => s.rows.map((r) => r.result.criteria.map((c) => c.points));
const tiers = (s: ReturnType<typeof run>) => s.rows.map((r) => r.result.tier);

describe("PERCENTILE.INC", () => {
  it("matches Excel's documented values", () => {
    // Microsoft's example: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9.
    expect(percentileInc([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    expect(percentileInc([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileInc([1, 2, 3, 4], 1)).toBe(4);
    expect(percentileInc([7], 0.4)).toBe(7);
    // (5−1)·0.2 = 0.8: 10 + 0.8·(20 − 10).
    expect(percentileInc([10, 20, 30, 40, 50], 0.2)).toBe(18);
  });

  it("has no floating noise from the rank's fraction: 793 values, rank 792·0.8 = 633.6 between 8 and 9 is 8.6", () => {
    // Superstore's order counts: 634 customers at 8 or less, then 9 — 8 + 0.6·(9 − 8).
    const sorted = [...new Array<number>(634).fill(8), ...new Array<number>(159).fill(9)];
    expect(percentileInc(sorted, 0.8)).toBe(8.6);
    // And on the other side of a small rank: (5−1)·0.3 = 1.2 → 10 + 0.2·10.
    expect(percentileInc([10, 20, 30, 40, 50], 0.3)).toBe(22);
  });
});

describe("Pareto cut points", () => {
  it("the customer crossing 80% is still A, equal values share a class, values ≤ 0 are below every cut", () => {
    // Total 100: 50 (ahead 0) A, 30 (ahead 50%) A, 10 and 10 (ahead 80%) B, 0 and −5 C.
    const cuts = paretoCuts([-5, 0, 10, 10, 30, 50], [0.95, 0.8]);
    expect(cuts).toEqual([10, 30]);
    // Share of customers: 6 customers, A = less than 20% ahead: only 50 (0 ahead) and 30 (1/6 ahead).
    expect(paretoCuts([-5, 0, 10, 10, 30, 50], [0.5, 0.2], "customers")).toEqual([10, 30]);
  });
});

describe("rfm scores at the boundaries", () => {
  const rfm = findPreset("rfm")!;

  it("a value equal to a cut point is not above it: F and M stay in the lower score, R in the higher", () => {
    // Frequencies 1,1,1,1,5: every cut is 1 (PERCENTILE.INC) except the 80% one (1.8); the one-time buyers all get F1.
    const s = run(rfm, [
      [10, 1, 100],
      [20, 1, 100],
      [30, 1, 100],
      [40, 1, 100],
      [50, 5, 900],
    ]);
    expect(s.cuts.frequency).toEqual([1, 1, 1, 1.8]);
    expect(points(s).map((p) => p[1])).toEqual([1, 1, 1, 1, 5]);
    // Recency cuts 18, 26, 34, 42: 10 → R5, 20 → R4, 30 → R3, 40 → R2, 50 → R1.
    expect(points(s).map((p) => p[0])).toEqual([5, 4, 3, 2, 1]);
    // A recency exactly on a cut (18 of 10,18,26,34,42… here: 10 → cut 0.2 = 18): equal to the cut is not above it.
    const tie = run(rfm, [
      [10, 1, 1],
      [18, 1, 1],
      [26, 1, 1],
      [34, 1, 1],
      [42, 1, 1],
      [18, 1, 1],
    ]);
    expect(tie.rows.at(1).result.criteria[0].points).toBe(tie.rows.at(5).result.criteria[0].points);
  });

  it("all-equal values: every customer gets the same scores and the same segment", () => {
    const s = run(rfm, [
      [30, 2, 500],
      [30, 2, 500],
      [30, 2, 500],
    ]);
    // Every cut is the value itself and nothing is strictly above it: R5, F1, M1, FM 1 → new.
    expect(points(s)).toEqual([
      [5, 1, 1],
      [5, 1, 1],
      [5, 1, 1],
    ]);
    expect(tiers(s)).toEqual(["new", "new", "new"]);
  });

  it("one customer: scored against itself, R5 F1 M1", () => {
    const s = run(rfm, [[400, 9, 10000]]);
    expect(points(s)).toEqual([[5, 1, 1]]);
    expect(s.unscored).toBe(0);
  });

  it("FM is ROUND((F+M)/2, 0), halves away from zero: F1 M2 → FM 2 (potential for R4, not promising); F2 M3 → FM 3", () => {
    const s = run(rfm, [
      [1, 1, 1],
      [2, 1, 2],
      [3, 1, 3],
      [4, 1, 4],
      [5, 1, 5],
    ]);
    // Monetary 2 is above the 20% cut (1.8) only: M2; F is 1 for everyone; R: 1 → 5, 2 → 4.
    expect(s.rows.at(1).result.criteria.map((c) => c.points)).toEqual([4, 1, 2]);
    expect(s.rows.at(1).result.tier).toBe("potential");
    // 2.5 → 3 as Excel's ROUND does (round-half-even would give 2).
    expect(compileModel(s.model).grid!.colValue([5, 2, 3])).toBe(3);
  });

  it("fixed cut points replace the computed ones (30/90/180/365 days)", () => {
    const fixed: Model = {
      ...rfm,
      criteria: rfm.criteria.map((c) => (c.id === "recency" && c.kind === "bands" ? { ...c, population: { ...c.population!, fixed: [30, 90, 180, 365] } } : c)),
    };
    const s = run(fixed, [
      [30, 1, 1],
      [31, 1, 1],
      [365, 1, 1],
      [366, 1, 1],
    ]);
    expect(s.cuts.recency).toEqual([30, 90, 180, 365]);
    expect(points(s).map((p) => p[0])).toEqual([5, 4, 2, 1]);
    expect(s.rows.at(0).explanation).toContain("最近购买 30 天 ≤ 30 → R5");
  });

  it("zero and negative totals: scored, the negative one flagged with its row and column", () => {
    const s = run(rfm, [
      [10, 1, 0],
      [20, 2, -50],
      [30, 3, 100],
    ]);
    expect(s.unscored).toBe(0);
    const flagged = s.issues.filter((i) => i.field === "monetary");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ severity: "warning", row: 3, columnLetter: "D" });
  });
});

describe("rfm-8, abc at the boundaries", () => {
  it("rfm-8: near only below the average recency, high only above the average F and M", () => {
    // Averages: recency 20, frequency 2, monetary 200.
    const s = run(findPreset("rfm-8")!, [
      [20, 2, 200],
      [10, 3, 300],
      [30, 1, 100],
    ]);
    expect(tiers(s)).toEqual(["general-retain", "important-value", "general-retain"]);
    expect(s.cuts).toEqual({ recency: [20], frequency: [2], monetary: [200] });
  });

  it("abc: all-equal values share one class (A: nobody is ahead); zero and negative are C", () => {
    expect(tiers(run(findPreset("abc")!, [[1, 1, 50], [1, 1, 50], [1, 1, 50]]))).toEqual(["A", "A", "A"]);
    expect(tiers(run(findPreset("abc")!, [[1, 1, 50], [1, 1, 0], [1, 1, -3]]))).toEqual(["A", "C", "C"]);
  });

  it("value-abcd: D on a total of zero and after 365 days, not at 365", () => {
    expect(tiers(run(findPreset("value-abcd")!, [[365, 1, 50], [366, 1, 50], [10, 1, 0]]))).toEqual(["A", "D", "D"]);
  });

  it("value-abcd: a negative total is flagged once, though two of its criteria read it (the class and the D rule)", () => {
    const s = run(findPreset("value-abcd")!, [[10, 1, 100], [20, 2, -50], [30, 3, 200]]);
    const flagged = s.issues.filter((i) => i.field === "monetary");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ severity: "warning", row: 3, columnLetter: "D" });
    expect(s.rows.at(1).issues).toHaveLength(1);
  });
});

describe("model format", () => {
  it("the value presets are valid models; scoring one row at a time is refused with a bilingual reason", () => {
    for (const id of ["rfm", "rfm-8", "abc", "value-abcd", "customer-status"]) expect(validateModel(findPreset(id)!)).toEqual([]);
    expect(() => compileModel(findPreset("rfm")!)).toThrow(ModelError);
    try {
      compileModel(findPreset("abc")!);
    } catch (e) {
      const [problem] = (e as ModelError).problems;
      expect(problem.message["zh-CN"]).toContain("整张表");
      expect(problem.message["en-US"]).toContain("whole table");
    }
  });

  it("says what is wrong with population cuts and grids, in both languages", () => {
    const rfm = findPreset("rfm")!;
    const bad: Model = {
      ...rfm,
      criteria: rfm.criteria.map((c, i) => (i === 0 && c.kind === "bands" ? { ...c, population: { stat: "percentile", at: [0.8, 0.2], tie: "below", fixed: [3, 1] } } : c)),
      grid: { ...rfm.grid!, tiers: rfm.grid!.tiers.slice(1), colPoints: [1, 2, 3, 4] },
    };
    const messages = validateModel(bad).map((p) => p.message["en-US"]);
    expect(messages).toEqual(
      expect.arrayContaining([
        "percentiles must be between 0 and 1, ascending",
        "2 cut points make 3 bands, not 5",
        "fixed cut points must be 2 numbers, ascending",
        "the tier grid's size does not match its row and column points",
        "the tier grid has no column for FM 5",
      ]),
    );
    expect(validateModel(bad).every((p) => p.message["zh-CN"].length > 0)).toBe(true);
  });
});
