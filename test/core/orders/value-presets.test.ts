/**
 * RFM, RFM 8 classes, ABC, ABCD and customer status on the Sample Superstore
 * order lines, every customer checked against a plain reimplementation of the
 * definitions in issue 11 (percentiles as Excel's documentation states them,
 * scores by counting cut points, the segment grid typed in again here).
 */
import { readFileSync } from "node:fs";
import { detectTable, findPreset, scoreTable, type Model, type ScoredTable } from "../../../src/core";
import { aggregateOrders, customerMapping, customerTable, recogniseOrderLog, type OrderAggregate } from "../../../src/core/orders";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { excelPercentile, expectedAbc, expectedCustomers, expectedRfm, expectedRfm8, expectedStatus, SUPERSTORE, type Expected } from "./superstore";

const AS_OF = "2018-01-01";

let agg: OrderAggregate;
let expected: Map<string, Expected>;
let customers: Expected[];

beforeAll(async () => {
  const { grids } = await openWorkbook(readFileSync(SUPERSTORE), "superstore.csv");
  const t = detectTable(grids[0], "en-US");
  agg = aggregateOrders(t, recogniseOrderLog(t)!.mapping, new Date(`${AS_OF}T00:00:00Z`));
  expected = expectedCustomers(AS_OF);
  customers = [...expected.values()];
});

function score(id: string | Model, lang: "zh-CN" | "en-US" = "en-US"): ScoredTable {
  const model = typeof id === "string" ? findPreset(id)! : id;
  const ct = customerTable(agg, { sheetName: "Orders", headerRow: 1 }, lang);
  return scoreTable(ct, customerMapping(model, agg), model, lang);
}

function tiersById(scored: ScoredTable): Map<string, string | null> {
  return new Map(agg.ids.map((id, i) => [id, scored.rows.at(i).result.tier]));
}

describe("value presets on Sample Superstore (793 customers)", () => {
  it("rfm: R, F and M scores and the segment of every customer", () => {
    const want = expectedRfm(customers);
    const scored = score("rfm");
    expect(scored.unscored).toBe(0);
    for (let i = 0; i < agg.customers; i++) {
      const r = scored.rows.at(i).result;
      expect({ id: agg.ids[i], points: r.criteria.map((c) => c.points), segment: r.tier }).toEqual({
        id: agg.ids[i],
        points: [want.get(agg.ids[i])!.r, want.get(agg.ids[i])!.f, want.get(agg.ids[i])!.m],
        segment: want.get(agg.ids[i])!.segment,
      });
    }
    // The cut points are Excel's quintiles of the customers' values.
    const wantCuts = [0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(customers.map((e) => e.recency), k));
    scored.cuts.recency.forEach((c, k) => expect(c).toBeCloseTo(wantCuts[k], 9));
    // Every customer in exactly one segment; the segments that occur here.
    expect(scored.summary.reduce((s, t) => s + t.count, 0)).toBe(793);
  });

  it("rfm: the explanation states the cut points, R/F/M scores, FM and the segment by name", () => {
    const scored = score("rfm", "zh-CN");
    const i = agg.ids.indexOf("CG-12520");
    const e = expected.get("CG-12520")!;
    const want = expectedRfm(customers).get("CG-12520")!;
    const line = scored.rows.at(i).explanation;
    expect(line).toContain(`最近购买 ${e.recency} 天`);
    expect(line).toContain(`→ R${want.r}；购买 ${e.frequency} 次`);
    expect(line).toMatch(new RegExp(`→ M${want.m}；FM ${Math.floor((want.f + want.m) / 2 + 0.5)} → `));
    const label = findPreset("rfm")!.tiers.find((t) => t.id === want.segment)!.label["zh-CN"];
    expect(line.endsWith(label)).toBe(true);
  });

  it("rfm-8: the class of every customer from the averages", () => {
    const want = expectedRfm8(customers);
    expect(tiersById(score("rfm-8"))).toEqual(want);
  });

  it("abc: the Pareto class of every customer (80/95), and 70/90 when the limits are changed", () => {
    expect(tiersById(score("abc"))).toEqual(expectedAbc(customers));
    const counts = [...expectedAbc(customers).values()].reduce<Record<string, number>>((c, k) => ({ ...c, [k]: (c[k] ?? 0) + 1 }), {});
    expect(counts.A).toBeGreaterThan(0);
    expect(counts.B).toBeGreaterThan(0);
    expect(counts.C).toBeGreaterThan(0);
    expect(tiersById(score(withLimits(findPreset("abc")!, [0.9, 0.7])))).toEqual(expectedAbc(customers, [0.7, 0.9]));
  });

  it("value-abcd: D after 365 days without an order, else the ABC class", () => {
    const abcWant = expectedAbc(customers);
    const want = new Map(customers.map((e) => [e.id, e.recency > 365 || e.monetary <= 0 ? "D" : abcWant.get(e.id)!]));
    const got = tiersById(score("value-abcd"));
    expect(got).toEqual(want);
    expect([...got.values()].filter((t) => t === "D").length).toBe(customers.filter((e) => e.recency > 365).length);
  });

  it("customer-status: new, active, dormant, churned by the day limits", () => {
    const want = new Map(
      customers.map((e) => [e.id, expectedStatus(e)]),
    );
    expect(tiersById(score("customer-status"))).toEqual(want);
  });
});

function withLimits(model: Model, at: number[]): Model {
  return { ...model, criteria: model.criteria.map((c) => (c.kind === "bands" && c.population ? { ...c, population: { ...c.population, at } } : c)) };
}
