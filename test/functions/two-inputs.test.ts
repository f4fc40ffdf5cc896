import { score, tier, why } from "../../src/functions/functions";
import { SALES_PAYMENT_WORKED } from "../golden/sales-payment";
import { cell, column, expectError, only, setDisplayLanguage } from "./helpers";

afterEach(() => setDisplayLanguage(undefined));


describe("TIER and SCORE on the sales-payment model (tiering-models.md §1)", () => {
  it.each(SALES_PAYMENT_WORKED)("(%p, %p) → %p points, tier %p", (revenue, paydays, points, grade) => {
    expect(only(tier(cell(revenue), cell(paydays)))).toBe(grade);
    expect(only(score(cell(revenue), cell(paydays)))).toBe(points);
  });

  it("uses sales-payment when [model] is omitted (null, as Excel passes it) or blank", () => {
    expect(only(tier(cell(5000), cell(31), null as unknown as string))).toBe("C");
    expect(only(tier(cell(5000), cell(31), ""))).toBe("C");
    expect(only(tier(cell(5000), cell(31), "sales-payment"))).toBe("C");
  });

  it("reads text forms through the engine's parser: 2万, 30天, full-width digits", () => {
    expect(only(tier(cell("2万"), cell("30天")))).toBe("A");
    expect(only(tier(cell("2万"), cell("３０天")))).toBe("A");
    // 1.5万 = 15,000 → 50; ４５天 = 45 days → 20; 70 → B.
    expect(only(score(cell("1.5万"), cell("４５天")))).toBe(70);
  });
});

describe("ranges", () => {
  it("returns an N×1 column for N×1 ranges, row for row", () => {
    const revenue = column(...SALES_PAYMENT_WORKED.map((w) => w[0]));
    const paydays = column(...SALES_PAYMENT_WORKED.map((w) => w[1]));
    expect(tier(revenue, paydays)).toEqual(SALES_PAYMENT_WORKED.map((w) => [w[3]]));
    expect(score(revenue, paydays)).toEqual(SALES_PAYMENT_WORKED.map((w) => [w[2]]));
  });

  it("returns an N×M block for N×M ranges", () => {
    const revenue = [
      [25000, 10000, 5000],
      [20000, 10000.01, 20000],
    ];
    const paydays = [
      [20, 30, 31],
      [31, 46, 61],
    ];
    expect(tier(revenue, paydays)).toEqual([
      ["A", "B", "C"],
      ["A", "B", "B"],
    ]);
  });

  it("uses a single value for every cell of the other range (broadcast), either way round", () => {
    // 30 days → 30 points: 25,000 → 100 A, 10,000 → 70 B, 5,000 → 60 B.
    expect(score(column(25000, 10000, 5000), cell(30))).toEqual([[100], [70], [60]]);
    expect(tier(cell(20000), column(30, 61, 45))).toEqual([["A"], ["B"], ["A"]]);
  });

  it("rejects ranges of different sizes with one #VALUE! naming both", () => {
    const err = expectError(only(tier(column(1, 2, 3), column(1, 2))), "#VALUE!");
    expect(err.message).toContain("paydays");
    expect(err.message).toContain("revenue");
    expect(err.message).toContain("2×1");
    expect(err.message).toContain("3×1");
  });

  it("gives an empty result for an empty input cell, and still grades the others", () => {
    const out = tier(column(25000, null, "", 5000, "  "), column(20, 20, 20, null, 31));
    expect(out).toEqual([["A"], [""], [""], [""], [""]]);
    expect(only(why(cell(null), cell(null)))).toBe("");
  });

  it("makes only the bad cell of a range an error", () => {
    const out = tier(column(25000, "lots", 5000), cell(31));
    expect(out[0][0]).toBe("A");
    expectError(out[1][0], "#VALUE!");
    expect(out[2][0]).toBe("C");
  });
});

describe("invalid input", () => {
  it("says which argument and which value, in English outside Office", () => {
    const err = expectError(only(tier(cell("lots"), cell(30))), "#VALUE!");
    expect(err.message).toMatch(/^revenue\b/);
    expect(err.message).toContain("lots");

    const days = expectError(only(score(cell(25000), cell(-5))), "#VALUE!");
    expect(days.message).toMatch(/^paydays\b/);
    expect(days.message).toContain("-5");

    expectError(only(tier(cell(true), cell(30))), "#VALUE!");
  });

  it("answers in Chinese when Office's UI is Chinese", () => {
    setDisplayLanguage("zh-CN");
    const err = expectError(only(tier(cell(25000), cell("很快"))), "#VALUE!");
    expect(err.message).toMatch(/^paydays/);
    expect(err.message).toContain("很快");
    expect(err.message).toMatch(/[\u4e00-\u9fff]{2}/);
    expect(err.message).not.toMatch(/is not/);
  });

  it("names an unknown model and lists the presets", () => {
    const err = expectError(only(tier(cell(1), cell(1), "gold-silver")), "#VALUE!");
    expect(err.message).toContain("gold-silver");
    expect(err.message).toContain("sales-payment");
  });

  it("sends models with another number of inputs to GRADE", () => {
    for (const model of ["nine-grid", "weighted", "sales-stage", "real-estate"]) {
      const err = expectError(only(tier(cell(1), cell(1), model)), "#VALUE!");
      expect(err.message).toContain("GRADE");
      expect(err.message).toContain(model);
    }
  });

  it("uses the Excel runtime's CustomFunctions.Error when it exists", () => {
    class RuntimeError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    try {
      const err = only(tier(cell("x"), cell(30)));
      expect(err).toBeInstanceOf(RuntimeError);
      expect((err as RuntimeError).code).toBe("#VALUE!");
    } finally {
      delete g.CustomFunctions;
    }
  });
});

describe("other two-input models through [model]", () => {
  it("orders-volume: the worse of the two levels (tiering-models.md §2)", () => {
    expect(only(tier(cell(7), cell(50000), "orders-volume"))).toBe("B");
    expect(only(tier(cell(2), cell(200000), "orders-volume"))).toBe("C");
  });

  it("potential-4: months then amount, the better level (§4)", () => {
    expect(tier(column(2, 8, 5, 13), column(10000, 120000, 30000, 10000), "potential-4")).toEqual([["A"], ["A"], ["B"], ["D"]]);
  });

  it("close-time: need and months; need 'none' is E whatever the months (§3)", () => {
    expect(tier(column("明确", "clear", "潜在", "无"), column(1, 3, 1, null), "close-time")).toEqual([["A"], ["B"], ["D"], ["E"]]);
  });

  it("SCORE refuses level models, pointing to TIER", () => {
    const err = expectError(only(score(cell(7), cell(50000), "orders-volume")), "#VALUE!");
    expect(err.message).toContain("TIER");
  });
});

describe("WHY", () => {
  it("gives the issue's example line in Chinese", () => {
    setDisplayLanguage("zh-CN");
    expect(only(why(cell(25000), cell(20)))).toBe("月均销售额 25,000 ≥ 20,000 → 70；回款 20 天 ≤ 30 → 30；合计 100 → A");
  });

  it("explains in English outside Office or with an English UI", () => {
    for (const lang of [undefined, "en-US", "fr-FR"]) {
      setDisplayLanguage(lang);
      const line = only(why(cell(10000.01), cell(46))) as string;
      // §1: over 10,000 and under 20,000 → 50; 46 days (over 45, up to 60) → 10; 60 → B.
      expect(line).toMatch(/^Monthly sales 10,000.01 .*→ 50; .*46 days.*→ 10; total 60 → B$/);
    }
  });

  it("returns one line per row of a range", () => {
    setDisplayLanguage("zh-CN");
    const out = why(column(25000, 5000), column(20, 31)) as string[][];
    expect(out).toHaveLength(2);
    expect(out[0][0]).toMatch(/合计 100 → A$/);
    expect(out[1][0]).toMatch(/合计 50 → C$/);
  });
});
