/**
 * Value-preset templates at work in LibreOffice (issue 11): a template per
 * preset (rfm, rfm-8, abc, value-abcd) is filled in as a user types — last and
 * first order dates, orders, totals — recalculated, and every row's R/F/M
 * points, segment or class and customer status must be what a straightforward
 * reimplementation of the definitions (below, not the engine) says,
 * with the cut points computed from the customers typed: ties at cut points,
 * all-equal values, one customer, zero and negative totals, a customer with a
 * name only. Then cut points are overwritten with fixed numbers ("let me set
 * 30/90/180/365 days myself") and the grades must follow; the as-of day is a
 * fixed day typed over TODAY() or TODAY() itself; the summary counts per segment.
 * The example rows (`--examples`) grade as the definitions say and span
 * several segments or classes.
 */
import ExcelJS from "exceljs";
import { LANGS, type Lang, type Model } from "../../src/core/model";
import { abc, findPreset, PARETO_LIMITS } from "../../src/core/presets";
import { paretoCriterion } from "../../src/core/presets/abc";
import { WORDS } from "../../src/core/plan/words";
import { buildTemplatePlan } from "../../src/core/template";
import { TEMPLATE_WORDS } from "../../src/core/template/words";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writeXlsx } from "../../src/hosts/xlsx/write";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { excelPercentile, GRID } from "../core/orders/superstore";
import { headerColumns, load } from "./tiers";

const ROWS = 40;
const HEADER_ROW = 3;
const FIRST = HEADER_ROW + 1;
const DAY = 86_400_000;
const AS_OF = new Date(Date.UTC(2026, 5, 30));

/** A customer as typed: days before the as-of day of the last and first order (null: left empty), orders, total. */
interface Customer {
  last: number | null;
  first: number | null;
  orders: number | null;
  amount: number | null;
}
const c = (last: number | null, first: number | null, orders: number | null, amount: number | null): Customer => ({ last, first, orders, amount });

/** Ties at cut points (seven single-order customers, amounts of 120 at the 40th percentile), zero and negative totals, status edges (90/91, 365/366). */
const MAIN: Customer[] = [
  c(5, 800, 1, 120),
  c(5, 30, 1, 0),
  c(12, 60, 1, -50),
  c(30, 400, 2, 500),
  c(30, 900, 2, 500),
  c(45, 700, 3, 1200),
  c(60, 1000, 1, 120),
  c(90, 95, 5, 3000),
  c(91, 500, 1, 80),
  c(120, 1200, 8, 8000),
  c(200, 1500, 1, 120),
  c(365, 2000, 2, 700),
  c(366, 2100, 12, 15000),
  c(500, 2500, 1, 60),
  c(700, null, 4, 2500),
];
/** Pareto at the limit: the 20 has exactly 80% ahead of it (not below: B); the two 40s tie (both A). */
const EDGE: Customer[] = [c(10, 10, 3, 40), c(100, 400, 3, 40), c(400, 800, 1, 20), c(20, 300, 2, 0), c(50, 90, 1, -10)];
const EQUAL: Customer[] = Array.from({ length: 5 }, () => c(30, 200, 3, 1000));
const ONE: Customer[] = [c(40, 40, 2, 650)];

// ---- The definitions, reimplemented ----

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const above = (v: number, cuts: number[]) => cuts.filter((cut) => v > cut).length;

/** Pareto class: share ahead = what customers with a strictly greater value hold of the positive total; A < 80%, B < 95%, else C; ≤ 0 is C. */
function abcClass(v: number, all: number[], cutA?: number, byCount = false): string {
  if (v <= 0) return "C";
  const total = byCount ? all.length : all.filter((x) => x > 0).reduce((a, b) => a + b, 0);
  const ahead = (byCount ? all.filter((x) => x > v).length : all.filter((x) => x > v).reduce((a, b) => a + b, 0)) / total;
  const byShare = ahead < 0.8 ? "A" : ahead < 0.95 ? "B" : "C";
  if (cutA === undefined) return byShare;
  // A fixed A cut: A at or above it; below it, B when the live B cut (95%) is reached.
  return v >= cutA ? "A" : byShare === "C" ? "C" : "B";
}

function status(x: Customer): string {
  if (x.last === null || x.last < 0) return "";
  if (x.first !== null && x.first >= 0 && x.first <= 90) return "new";
  return x.last <= 90 ? "active" : x.last <= 365 ? "dormant" : "churned";
}
const STATUS_WORDS: Record<Lang, Record<string, string>> = {
  "zh-CN": { new: "新客户", active: "活跃", dormant: "休眠", churned: "流失", "": "" },
  "en-US": { new: "New", active: "Active", dormant: "Dormant", churned: "Churned", "": "" },
};

interface Expected {
  /** Column header → what the row shows. */
  cells: Record<string, string | number>[];
  /** Customers per tier id. */
  counts: Record<string, number>;
}

/** Fixed cut points the user typed, by criterion id (ascending, as on the rules sheet). */
type Fixed = Record<string, number[]>;

function expected(model: Model, lang: Lang, customers: Customer[], fixed: Fixed): Expected {
  const label = (id: string) => model.criteria.find((k) => k.id === id)!.label[lang];
  const points = (id: string) => `${label(id)} ${WORDS.pointsSuffix[lang]}`;
  const known = <K extends keyof Customer>(k: K) => customers.map((x) => x[k]).filter((v): v is number => v !== null);
  const counts: Record<string, number> = Object.fromEntries(model.tiers.map((t) => [t.id, 0]));
  const cells = customers.map((x) => {
    const row: Record<string, string | number> = {};
    let tier = "";
    if (model.id === "rfm") {
      const cuts = (id: string, values: number[]) => fixed[id] ?? [0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(values, k));
      const r = 5 - above(x.last!, cuts("recency", known("last")));
      const f = 1 + above(x.orders!, cuts("frequency", known("orders")));
      const m = 1 + above(x.amount!, cuts("monetary", known("amount")));
      const fm = Math.floor((f + m) / 2 + 0.5);
      tier = GRID[r][fm - 1];
      Object.assign(row, { [points("recency")]: r, [points("frequency")]: f, [points("monetary")]: m, FM: fm });
    } else if (model.id === "rfm-8") {
      const cut = (id: string, values: number[]) => fixed[id]?.[0] ?? average(values);
      const near = x.last! < cut("recency", known("last"));
      const highF = x.orders! > cut("frequency", known("orders"));
      const highM = x.amount! > cut("monetary", known("amount"));
      tier = `${highM ? "important" : "general"}-${near ? (highF ? "value" : "develop") : highF ? "keep" : "retain"}`;
      Object.assign(row, { [points("recency")]: near ? 2 : 0, [points("frequency")]: highF ? 1 : 0, [points("monetary")]: highM ? 4 : 0 });
    } else {
      const byCount = model.criteria.some((k) => k.kind === "bands" && k.population?.basis === "customers");
      const klass = abcClass(x.amount!, known("amount"), fixed.pareto?.[1], byCount);
      tier = model.id !== "value-abcd" ? klass : x.last! > 365 || x.amount! <= 0 ? "D" : klass;
    }
    row[WORDS.tier[lang]] = tier;
    if (model.id === "rfm" || model.id === "rfm-8" || model.id === "value-abcd") row[TEMPLATE_WORDS.status[lang]] = STATUS_WORDS[lang][status(x)];
    counts[tier]++;
    return row;
  });
  return { cells, counts };
}

// ---- Filling the template as a user would ----

interface Case {
  key: string;
  model: Model;
  lang: Lang;
  customers: Customer[];
  /** The as-of day typed over TODAY(), or TODAY() left. */
  asOf: Date | "today";
  fixed: Fixed;
  plan: WorkbookPlan;
  bytes: Uint8Array;
}

function localToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** The cells of a defined name (`'Tier rules'!$E$22:$E$25`) as 1-based [row, col] pairs. */
function nameCells(plan: WorkbookPlan, name: string): [number, number][] {
  const ref = plan.names!.find((n) => n.name === name)?.ref;
  if (!ref) throw new Error(`no name ${name} in ${plan.names!.map((n) => n.name).join(", ")}`);
  const m = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)!;
  const col = (s: string) => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  const out: [number, number][] = [];
  for (let r = Number(m[2]); r <= Number(m[4] ?? m[2]); r++) out.push([r, col(m[1])]);
  return out;
}

const HEADERS = {
  "zh-CN": { last: "最近购买日期", first: "首次购买日期", orders: "购买次数", amount: "消费金额" },
  "en-US": { last: "Last order", first: "First order", orders: "Orders", amount: "Total spent" },
} as const;

async function fill(id: string | Model, lang: Lang, customers: Customer[], asOf: Date | "today", fixed: Fixed, tag: string): Promise<Case> {
  const model = typeof id === "string" ? findPreset(id)! : id;
  const plan = buildTemplatePlan(model, { lang, rows: ROWS });
  const workbook = await load(await writeXlsx(plan));
  const ws = workbook.getWorksheet(plan.sheets[0].name)!;
  const rules = workbook.getWorksheet(plan.sheets[2].name)!;
  const col = headerColumns(ws, HEADER_ROW);
  const suffix = TEMPLATE_WORDS.nameSuffix[lang];
  const day = asOf === "today" ? localToday() : asOf;
  const date = (days: number) => new Date(day.getTime() - days * DAY);
  customers.forEach((x, i) => {
    const row = ws.getRow(FIRST + i);
    row.getCell(1).value = `${lang === "zh-CN" ? "客户" : "Customer"} ${i + 1}`;
    if (model.criteria.some((k) => k.kind === "bands" && k.field === "recency")) {
      if (x.last !== null) row.getCell(col(HEADERS[lang].last)).value = date(x.last);
      if (x.first !== null) row.getCell(col(HEADERS[lang].first)).value = date(x.first);
    }
    if (model.id === "rfm" || model.id === "rfm-8") row.getCell(col(HEADERS[lang].orders)).value = x.orders;
    row.getCell(col(HEADERS[lang].amount)).value = x.amount;
  });
  // A customer with a name only: no grade, and not one of the population.
  ws.getCell(FIRST + customers.length, 1).value = lang === "zh-CN" ? "尚未填写" : "Nothing typed yet";
  // abc reads no dates, so it has no as-of day.
  if (asOf !== "today" && model.criteria.some((k) => k.kind === "bands" && k.field === "recency")) {
    const [[r, k]] = nameCells(plan, `${WORDS.nameAsOf[lang]}${suffix}`);
    rules.getCell(r, k).value = asOf;
  }
  for (const [criterion, cuts] of Object.entries(fixed)) {
    const c = model.criteria.find((x) => x.id === criterion)!;
    const cells = nameCells(plan, `${c.label[lang]}${WORDS.nameBounds[lang]}${suffix}`);
    cuts.forEach((v, i) => {
      if (!Number.isNaN(v)) rules.getCell(...cells[i]).value = v;
    });
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { key: `${model.id} ${lang} ${tag}`, model, lang, customers, asOf, fixed, plan, bytes };
}

const PRESET_IDS = ["rfm", "rfm-8", "abc", "value-abcd"] as const;
/** The user's own cut points: R at 30/90/180/365 days; F at 3 orders; the A cut at 2,000 (B stays live). */
const FIXED: Record<(typeof PRESET_IDS)[number], Fixed> = {
  rfm: { recency: [30, 90, 180, 365] },
  "rfm-8": { frequency: [3] },
  abc: { pareto: [NaN, 2000] },
  "value-abcd": { pareto: [NaN, 2000] },
};

describeLibreOffice("LibreOffice grades value-preset templates as the issue defines them", () => {
  const cases: Case[] = [];
  const computed = new Map<string, ExcelJS.Workbook>();

  beforeAll(async () => {
    for (const id of PRESET_IDS) {
      cases.push(await fill(id, "en-US", MAIN, AS_OF, {}, "main"));
      cases.push(await fill(id, "zh-CN", MAIN, "today", {}, "main, as of TODAY()"));
      cases.push(await fill(id, "en-US", EDGE, AS_OF, {}, "edge"));
      cases.push(await fill(id, "zh-CN", EQUAL, AS_OF, {}, "all equal"));
      cases.push(await fill(id, "en-US", ONE, AS_OF, {}, "one customer"));
      cases.push(await fill(id, LANGS[1], MAIN, AS_OF, FIXED[id], "fixed cuts"));
    }
    // ABC on the share of customers (A = the top 20% by count), the alternative basis.
    const byCustomers: Model = { ...abc, id: "abc-customers", criteria: [paretoCriterion(PARETO_LIMITS, "customers")] };
    for (const [data, tag] of [[MAIN, "main"], [EDGE, "edge"]] as const) cases.push(await fill(byCustomers, "en-US", data, AS_OF, {}, tag));
    const results = await recalculate(...cases.map((x) => x.bytes));
    for (const [i, r] of results.entries()) computed.set(cases[i].key, await load(r.bytes));
  }, 600_000);

  const keys = [
    ...PRESET_IDS.flatMap((id) => ["main", "main, as of TODAY()", "edge", "all equal", "one customer", "fixed cuts"].map((tag) => [id, tag] as const)),
    ["abc-customers", "main"],
    ["abc-customers", "edge"],
  ] as const;

  it.each(keys)("%s (%s): every row's points, segment or class and status", (id, tag) => {
    const f = cases.find((x) => x.key.startsWith(`${id} `) && x.key.endsWith(` ${tag}`))!;
    const ws = computed.get(f.key)!.getWorksheet(f.plan.sheets[0].name)!;
    const col = headerColumns(ws, HEADER_ROW);
    const want = expected(f.model, f.lang, f.customers, f.fixed);
    want.cells.forEach((cells, i) => {
      const got = Object.fromEntries(Object.keys(cells).map((h) => [h, shown(ws.getCell(FIRST + i, col(h)))]));
      expect({ row: i + 1, ...got }).toEqual({ row: i + 1, ...cells });
    });
    // The name-only customer and the empty rows below: no grade, no status.
    for (let r = FIRST + f.customers.length; r < FIRST + ROWS; r++) {
      const got = Object.keys(want.cells[0]).map((h) => shown(ws.getCell(r, col(h))));
      expect({ r, got: got.join("") }).toEqual({ r, got: "" });
    }
  });

  it.each(keys)("%s (%s): the summary counts every segment or class", (id, tag) => {
    const f = cases.find((x) => x.key.startsWith(`${id} `) && x.key.endsWith(` ${tag}`))!;
    const ws = computed.get(f.key)!.getWorksheet(f.plan.sheets[1].name)!;
    const got: Record<string, unknown> = {};
    ws.eachRow((row) => {
      const label = shown(row.getCell(1));
      if (f.model.tiers.some((t) => t.id === label)) got[label as string] = shown(row.getCell(3));
    });
    expect(got).toEqual(expected(f.model, f.lang, f.customers, f.fixed).counts);
  });

  it("the main data set really ties at cut points and spreads over segments (the test data does what it claims)", () => {
    const frequency = MAIN.map((x) => x.orders!);
    expect([0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(frequency, k))).toEqual([1, 1, 2, expect.closeTo(4.2, 9)]);
    const rfm = expected(findPreset("rfm")!, "en-US", MAIN, {});
    expect(Object.values(rfm.counts).filter((n) => n > 0).length).toBeGreaterThanOrEqual(5);
    const abcEdge = expected(findPreset("abc")!, "en-US", EDGE, {});
    expect(abcEdge.cells.map((r) => r.Tier)).toEqual(["A", "A", "B", "C", "C"]);
    // Values never sit a rounding error away from a live percentile cut (LibreOffice and this test round alike).
    for (const values of [MAIN.map((x) => x.last!), frequency, MAIN.map((x) => x.amount!)]) {
      for (const k of [0.2, 0.4, 0.6, 0.8]) {
        const cut = excelPercentile(values, k);
        for (const v of values) expect(v === Math.round(cut * 1e9) / 1e9 || Math.abs(v - cut) > 1e-6).toBe(true);
      }
    }
  });
});

describeLibreOffice("LibreOffice grades the value templates' example rows as the definitions say", () => {
  const today = localToday();
  const books = new Map<string, { plan: WorkbookPlan; workbook: ExcelJS.Workbook }>();

  beforeAll(async () => {
    const plans = PRESET_IDS.map((id) => buildTemplatePlan(findPreset(id)!, { lang: "en-US", rows: 20, examples: true, today }));
    const results = await recalculate(...(await Promise.all(plans.map((p) => writeXlsx(p)))));
    for (const [i, r] of results.entries()) books.set(PRESET_IDS[i], { plan: plans[i], workbook: await load(r.bytes) });
  }, 600_000);

  // At least: rfm five segments, rfm-8 three classes, abc A/B/C, value-abcd A/B/C/D; a zero total and lapsed customers among them.
  it.each([
    ["rfm", 5],
    ["rfm-8", 3],
    ["abc", 3],
    ["value-abcd", 4],
  ] as const)("%s: every example row as the definitions say, over %i or more segments or classes", (id, atLeast) => {
    const { plan, workbook } = books.get(id)!;
    const ws = workbook.getWorksheet(plan.sheets[0].name)!;
    const col = headerColumns(ws, HEADER_ROW);
    const h = HEADERS["en-US"];
    const days = (header: string, r: number) => {
      const v = shown(ws.getCell(r, col(header)));
      return v === "" ? null : Math.round((today.getTime() - Date.parse(`${v}T00:00:00Z`)) / DAY);
    };
    const customers: Customer[] = [];
    for (let r = FIRST; shown(ws.getCell(r, 1)) !== ""; r++) {
      customers.push({
        last: id === "abc" ? 0 : days(h.last, r),
        first: id === "abc" ? 0 : days(h.first, r),
        orders: id === "rfm" || id === "rfm-8" ? Number(shown(ws.getCell(r, col(h.orders)))) : null,
        amount: Number(shown(ws.getCell(r, col(h.amount)))),
      });
    }
    expect(customers.length).toBe(12);
    const want = expected(findPreset(id)!, "en-US", customers, {});
    want.cells.forEach((cells, i) => {
      const got = Object.fromEntries(Object.keys(cells).map((k) => [k, shown(ws.getCell(FIRST + i, col(k)))]));
      expect({ row: i + 1, ...got }).toEqual({ row: i + 1, ...cells });
    });
    expect(Object.values(want.counts).filter((n) => n > 0).length).toBeGreaterThanOrEqual(atLeast);
    expect(customers.some((x) => x.amount === 0)).toBe(true);
    if (id !== "abc") expect(customers.filter((x) => x.last! > 365).length).toBeGreaterThanOrEqual(2);
  });
});
