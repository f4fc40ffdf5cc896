/**
 * Boundary cases of issue 11's value presets (rfm, rfm-8, abc, value-abcd,
 * customer-status), through the CLI (`custtier score … --as-of … -o … --json`)
 * and recalculated by LibreOffice in one run: values exactly at a quintile, at
 * the average, at the 80% / 95% share and at the 90 / 365-day limits; all-equal
 * values; one customer; zero and negative totals (refunds); order dates as
 * Excel serials (with and without a date format, with a time of day) and as
 * text. Every R/F/M score, FM, segment, class and status the workbook computes
 * equals the definitions reimplemented in test code (../core/orders/superstore.ts
 * and the log summed here) and the engine's --json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import type { Lang } from "../../src/core/model";
import { summaryHeader } from "../../src/core/orders/customers";
import { WORDS } from "../../src/core/plan/words";
import { customerStatus } from "../../src/core/presets/abc";
import type { CellValue } from "../../src/core/parse/values";
import { runIn } from "../cli/run";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { describeLibreOffice, recalculate } from "../support/libreoffice";
import { daysBetween, expectedAbc, expectedRfm, expectedRfm8, expectedStatus, type Expected } from "../core/orders/superstore";
import { readTierSheet } from "./tiers";

const AS_OF = "2026-06-30";
const PRESETS = ["rfm", "rfm-8", "abc", "value-abcd", "customer-status"] as const;
type Preset = (typeof PRESETS)[number];

/** Customer sheets: name, days since the last order, orders, total, days since the first order. */
type CustomerLine = [string, number, number, number, number];
const CUSTOMER_HEADERS = ["Customer", "Recency", "Frequency", "Monetary", "Days since first order"];
const POPULATIONS: Record<string, CustomerLine[]> = {
  // 11 customers: PERCENTILE.INC at 20/40/60/80% lands on the 3rd, 5th, 7th and 9th value exactly, so many
  // customers sit exactly on a cut point (not strictly above it). Recency averages 91 and frequency 2 exactly
  // (rfm-8: c09's 91 days is not near, the 2-order customers not high). Days at 90/91/365/366 (status, value-abcd).
  ties: [
    ["c01", 3, 1, -40, 3],
    ["c02", 3, 1, 0, 90],
    ["c03", 3, 1, 0, 91],
    ["c04", 10, 1, 100, 400],
    ["c05", 10, 1, 100, 10],
    ["c06", 30, 1, 100, 500],
    ["c07", 30, 1, 250, 700],
    ["c08", 90, 2, 250, 800],
    ["c09", 91, 2, 800, 900],
    ["c10", 365, 3, 800, 1000],
    ["c11", 366, 8, 5000, 1200],
  ],
  // Everyone equal: one score, one class.
  equal: [1, 2, 3, 4, 5].map((i) => [`e${i}`, 30, 2, 100, 200] as CustomerLine),
  one: [["solo", 12, 3, 450, 400]],
  // Positive total 100: the 40s have nothing ahead (A), 15 has exactly 80% ahead (B), 5 exactly 95% (C); zero and negative are C.
  pareto: [
    ["p1", 5, 4, 40, 300],
    ["p2", 20, 2, 40, 20],
    ["p3", 100, 1, 15, 100],
    ["p4", 400, 1, 5, 800],
    ["p5", 50, 1, 0, 60],
    ["p6", 60, 2, -10, 365],
  ],
};

/** An order log: order id, customer, order date (ISO day; `bad` is no date at all), amount. */
type OrderLine = [string, string, string, number];
const ORDERS: OrderLine[] = [
  ["O1", "Alpha", "2026-06-30", 120], // last order today; first 90 days ago: new
  ["O2", "Alpha", "2026-04-01", 80],
  ["O3", "Bravo", "2026-03-31", 300], // first 91 days ago, last 90: active
  ["O4", "Bravo", "2026-04-01", 300],
  ["O5", "Charlie", "2026-03-31", 50], // 91: dormant
  ["O6", "Delta", "2025-06-30", 500], // 365: dormant, not D
  ["O7", "Echo", "2025-06-29", 900], // 366: churned, D
  ["O8", "Foxtrot", "2026-05-01", 200], // refunded in full: total 0
  ["O9", "Foxtrot", "2026-05-02", -200],
  ["O10", "Golf", "2026-02-01", 50], // refund larger than the order: -70
  ["O11", "Golf", "2026-02-10", -120],
  ["O12", "Hotel", "2026-06-01", 100], // two lines of one order: 1 order, 250
  ["O12", "Hotel", "2026-06-01", 150],
  ["O13", "India", "2026-01-15", 300], // India and Juliet tie
  ["O14", "Juliet", "2026-01-15", 300],
  ["O15", "Alpha", "bad", 999], // unreadable date: reported and left out
];

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - SERIAL_EPOCH) / 86_400_000;

/** The log's date cells: Excel serials (a date cell, a bare number, a number with a time of day) or text in three spellings. */
function dateCell(iso: string, i: number, as: "serial" | "text"): CellValue {
  if (iso === "bad") return "not a date";
  const [y, m, d] = iso.split("-").map(Number);
  if (as === "serial") return i % 3 === 0 ? new Date(`${iso}T00:00:00Z`) : i % 3 === 1 ? serialOf(iso) : serialOf(iso) + 0.75;
  return i % 3 === 0 ? iso : i % 3 === 1 ? `${y}/${m}/${d}` : `${y}年${m}月${d}日`;
}

/** The log summed per customer here, without CustTier: distinct order ids, sum, first and last day. */
function expectedFromLog(lines: OrderLine[]): Expected[] {
  const by = new Map<string, { orders: Set<string>; sum: number; first: string; last: string }>();
  for (const [order, name, day, amount] of lines) {
    if (day === "bad") continue;
    let c = by.get(name);
    if (!c) by.set(name, (c = { orders: new Set(), sum: 0, first: day, last: day }));
    c.orders.add(order);
    c.sum += amount;
    if (day < c.first) c.first = day;
    if (day > c.last) c.last = day;
  }
  return [...by].map(([name, c]) => ({
    id: name,
    name,
    frequency: c.orders.size,
    monetary: c.sum,
    lastOrder: c.last,
    firstOrder: c.first,
    recency: daysBetween(c.last, AS_OF),
    firstOrderDays: daysBetween(c.first, AS_OF),
  }));
}

function expectedFromSheet(lines: CustomerLine[]): Expected[] {
  return lines.map(([name, recency, frequency, monetary, firstOrderDays]) => ({ id: name, name, frequency, monetary, recency, firstOrderDays, lastOrder: "", firstOrder: "" }));
}

/** What the definitions give each customer, by name. */
interface Want {
  tier: string;
  rfm?: { r: number; f: number; m: number; fm: number };
}

function want(preset: Preset, customers: Expected[]): Map<string, Want> {
  const out = new Map<string, Want>();
  if (preset === "rfm") {
    for (const [id, w] of expectedRfm(customers)) out.set(id, { tier: w.segment, rfm: { r: w.r, f: w.f, m: w.m, fm: Math.floor((w.f + w.m) / 2 + 0.5) } });
  } else if (preset === "rfm-8") {
    for (const [id, t] of expectedRfm8(customers)) out.set(id, { tier: t });
  } else {
    const abc = expectedAbc(customers);
    for (const e of customers) {
      const tier = preset === "abc" ? abc.get(e.id)! : preset === "value-abcd" ? (e.recency > 365 || e.monetary <= 0 ? "D" : abc.get(e.id)!) : expectedStatus(e);
      out.set(e.id, { tier });
    }
  }
  return out;
}

interface Case {
  title: string;
  preset: Preset;
  lang: Lang;
  orders: boolean;
  customers: Expected[];
  json: { rows: { customer: string; points: Record<string, number | string>; tier: string; computedTier: string; values: Record<string, unknown> }[]; orders?: { lines: number; counted: number; customers: number } };
  xlsx: Uint8Array;
}

const dir = mkdtempSync(join(tmpdir(), "custtier-boundaries-"));
const cases: Case[] = [];
const books: ExcelJS.Workbook[] = [];

async function scoreWithCli(title: string, preset: Preset, input: string, lang: Lang, orders: boolean, customers: Expected[]) {
  const out = join(dir, `${title}-${preset}.xlsx`);
  const env = { LANG: lang === "zh-CN" ? "zh_CN.UTF-8" : "en_US.UTF-8" };
  const { code, out: stdout, err } = await runIn(env, "score", input, "--model", preset, "--as-of", AS_OF, ...(orders ? ["--orders"] : []), "-o", out, "--json");
  if (code !== 0) throw new Error(`${title}/${preset}: exit ${code}\n${err}`);
  cases.push({ title, preset, lang, orders, customers, json: JSON.parse(stdout), xlsx: new Uint8Array(readFileSync(out)) });
}

const tierWord = (lang: Lang, history: boolean) => (history ? WORDS.computedTier : WORDS.tier)[lang];

describeLibreOffice("value presets at their boundaries: CLI workbooks recalculated by LibreOffice", () => {
  beforeAll(async () => {
    for (const [title, lines] of Object.entries(POPULATIONS)) {
      const input = join(dir, `${title}.xlsx`);
      writeFileSync(input, await xlsxBytes(workbookFromGrids([{ name: "Customers", values: [CUSTOMER_HEADERS, ...lines] }])));
      for (const preset of PRESETS) await scoreWithCli(title, preset, input, "en-US", false, expectedFromSheet(lines));
    }
    // The same log twice: dates as serials (English headers), then as text (Chinese headers, Chinese output).
    const logs = [
      { title: "orders-serial", lang: "en-US" as Lang, headers: ["Order ID", "Customer", "Order Date", "Amount"], as: "serial" as const },
      { title: "orders-text", lang: "zh-CN" as Lang, headers: ["订单编号", "客户", "订单日期", "金额"], as: "text" as const },
    ];
    for (const log of logs) {
      const values = [log.headers, ...ORDERS.map(([o, c, d, a], i) => [o, c, dateCell(d, i, log.as), a])];
      const input = join(dir, `${log.title}.xlsx`);
      writeFileSync(input, await xlsxBytes(workbookFromGrids([{ name: "Orders", values }])));
      for (const preset of PRESETS) await scoreWithCli(log.title, preset, input, log.lang, true, expectedFromLog(ORDERS));
    }
    // One LibreOffice run for every workbook.
    const results = await recalculate(...cases.map((c) => c.xlsx));
    for (const r of results) books.push(await loadXlsx(r.bytes));
  }, 600_000);

  it("the engine's --json equals the definitions for every case", () => {
    expect(cases).toHaveLength(30);
    for (const c of cases) {
      const w = want(c.preset, c.customers);
      expect(c.json.rows.map((r) => r.customer).sort()).toEqual([...w.keys()].sort());
      for (const r of c.json.rows) {
        const e = w.get(r.customer)!;
        const got: Want = { tier: r.tier, ...(e.rfm ? { rfm: { r: r.points.recency as number, f: r.points.frequency as number, m: r.points.monetary as number, fm: e.rfm.fm } } : {}) };
        expect({ case: `${c.title}/${c.preset}`, customer: r.customer, ...got }).toEqual({ case: `${c.title}/${c.preset}`, customer: r.customer, ...e });
        expect(r.computedTier).toBe(e.tier);
      }
    }
  });

  it("an order log: the unreadable date is left out, refunds summed; serial and text dates give the same customers", () => {
    const logs = cases.filter((c) => c.orders && c.preset === "rfm");
    for (const c of logs) {
      expect(c.json.orders).toMatchObject({ lines: ORDERS.length, counted: ORDERS.length - 1, customers: 10 });
      const by = new Map(c.customers.map((e) => [e.name, e]));
      for (const r of c.json.rows) {
        const e = by.get(r.customer)!;
        expect({ customer: r.customer, ...r.values }).toMatchObject({ customer: e.name, recency: e.recency, frequency: e.frequency, monetary: e.monetary, lastOrder: e.lastOrder });
      }
    }
    expect(logs.map((c) => c.json.rows.map((r) => [r.customer, r.tier]))).toEqual([logs[0].json.rows.map((r) => [r.customer, r.tier]), logs[0].json.rows.map((r) => [r.customer, r.tier])]);
  });

  it("LibreOffice's live R, F, M, FM, segment, class and status equal the definitions and the engine", () => {
    let checked = 0;
    cases.forEach((c, k) => {
      const w = want(c.preset, c.customers);
      const view = readTierSheet(books[k], WORDS.tierSheet[c.lang], w.size);
      const computed = tierWord(c.lang, true);
      // With history on (the CLI always records it) exactly one final and one computed tier column.
      expect([c.title, c.preset, view.header.filter((h) => h === WORDS.tier[c.lang]).length, view.header.filter((h) => h === computed).length]).toEqual([c.title, c.preset, 1, 1]);
      const points = view.header.filter((h) => h.endsWith(WORDS.pointsSuffix[c.lang]));
      for (const row of view.rows) {
        const name = String(row[WORDS.customer[c.lang]]);
        const e = w.get(name);
        expect([c.title, c.preset, name, e !== undefined]).toEqual([c.title, c.preset, name, true]);
        const got: Want = { tier: String(row[computed]), ...(e!.rfm ? { rfm: { r: row[points[0]] as number, f: row[points[1]] as number, m: row[points[2]] as number, fm: row.FM as number } } : {}) };
        expect({ case: `${c.title}/${c.preset}`, customer: name, ...got }).toEqual({ case: `${c.title}/${c.preset}`, customer: name, ...e });
        expect([name, row[WORDS.tier[c.lang]]]).toEqual([name, e!.tier]);
        checked++;
      }
    });
    expect(checked).toBe(5 * (11 + 5 + 1 + 6) + 2 * 5 * 10);
  });

  it("order logs: the customer summary's live days and status equal the definitions (90 and 365 days inclusive)", () => {
    let checked = 0;
    cases.forEach((c, k) => {
      if (!c.orders) return;
      const by = new Map(c.customers.map((e) => [e.name, e]));
      const view = readTierSheet(books[k], WORDS.customersSheet[c.lang], by.size);
      const label = (id: string) => customerStatus.tiers.find((t) => t.id === id)!.label[c.lang];
      for (const row of view.rows) {
        const e = by.get(String(row[summaryHeader("customer", c.lang)]))!;
        expect([c.title, e.name, row[summaryHeader("recency", c.lang)], row[summaryHeader("firstOrderDays", c.lang)], row[WORDS.status[c.lang]]]).toEqual([
          c.title,
          e.name,
          e.recency,
          e.firstOrderDays,
          label(expectedStatus(e)),
        ]);
        checked++;
      }
    });
    expect(checked).toBe(2 * 5 * 10);
  });
});
