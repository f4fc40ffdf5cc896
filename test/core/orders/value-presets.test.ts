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
import { expectedCustomers, SUPERSTORE, type Expected } from "./superstore";

const AS_OF = "2018-01-01";

/** PERCENTILE.INC as Microsoft documents it: the k-th percentile at 1-based rank k·(n−1)+1, interpolated. */
function excelPercentile(values: number[], k: number): number {
  const a = [...values].sort((x, y) => x - y);
  const rank = k * (a.length - 1) + 1;
  const whole = Math.floor(rank);
  const frac = rank - whole;
  return whole >= a.length ? a[a.length - 1] : a[whole - 1] + frac * (a[whole] - a[whole - 1]);
}

const above = (v: number, cuts: number[]) => cuts.filter((c) => v > c).length;
const GRID: Record<number, string[]> = {
  5: ["new", "potential", "potential", "champions", "champions"],
  4: ["promising", "potential", "potential", "champions", "champions"],
  3: ["sleepy", "sleepy", "attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
  1: ["lost", "lost", "at-risk", "at-risk", "cant-lose"],
};

function expectedRfm(customers: Expected[]) {
  const cuts = (get: (e: Expected) => number) => [0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(customers.map(get), k));
  const rc = cuts((e) => e.recency);
  const fc = cuts((e) => e.frequency);
  const mc = cuts((e) => e.monetary);
  return new Map(
    customers.map((e) => {
      const r = 5 - above(e.recency, rc);
      const f = 1 + above(e.frequency, fc);
      const m = 1 + above(e.monetary, mc);
      const fm = Math.floor((f + m) / 2 + 0.5);
      return [e.id, { r, f, m, segment: GRID[r][fm - 1] }];
    }),
  );
}

function expectedRfm8(customers: Expected[]) {
  const avg = (get: (e: Expected) => number) => customers.reduce((s, e) => s + get(e), 0) / customers.length;
  const [ar, af, am] = [avg((e) => e.recency), avg((e) => e.frequency), avg((e) => e.monetary)];
  return new Map(
    customers.map((e) => {
      const near = e.recency < ar;
      const highF = e.frequency > af;
      const highM = e.monetary > am;
      const kind = near ? (highF ? "value" : "develop") : highF ? "keep" : "retain";
      return [e.id, `${highM ? "important" : "general"}-${kind}`];
    }),
  );
}

/** Share ahead = what customers with a strictly greater value hold, of the positive total. */
function expectedAbc(customers: Expected[], limits = [0.8, 0.95]) {
  const positive = customers.map((e) => e.monetary).filter((v) => v > 0);
  const total = positive.reduce((s, v) => s + v, 0);
  return new Map(
    customers.map((e) => {
      if (e.monetary <= 0) return [e.id, "C"];
      const ahead = positive.filter((v) => v > e.monetary).reduce((s, v) => s + v, 0) / total;
      return [e.id, ahead < limits[0] ? "A" : ahead < limits[1] ? "B" : "C"];
    }),
  );
}

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
      customers.map((e) => [e.id, e.firstOrderDays <= 90 ? "new" : e.recency <= 90 ? "active" : e.recency <= 365 ? "dormant" : "churned"]),
    );
    expect(tiersById(score("customer-status"))).toEqual(want);
  });
});

function withLimits(model: Model, at: number[]): Model {
  return { ...model, criteria: model.criteria.map((c) => (c.kind === "bands" && c.population ? { ...c, population: { ...c.population, at } } : c)) };
}
