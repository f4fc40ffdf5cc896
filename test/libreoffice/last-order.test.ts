/**
 * Issue 11, a customer sheet (one row per customer) with a last order DATE
 * instead of a number of days: `custtier score --model rfm --as-of …` reads the
 * dates (date cells, serials, text in three spellings, one impossible day, one
 * after the as-of day), and the written workbook, recalculated by LibreOffice,
 * counts the days live from the rules sheet's as-of cell. Expected days, cut
 * points, scores and segments are computed here from the definitions.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { WORDS } from "../../src/core/plan/words";
import ExcelJSLib from "exceljs";
import { loadXlsx, xlsxBytes } from "../support/exceljs";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { excelPercentile } from "../core/orders/superstore";
import { run } from "../cli/run";
import { readTierSheet } from "./tiers";

const DAY = 86_400_000;
const AS_OF = "2026-11-30";
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** Excel's serial of a day after 1900-03-01. */
const serialOf = (iso: string) => utc(iso) / DAY + 25569;

/** Customer i: frequency and monetary spread so that every score occurs; the last order written one of five ways. */
interface Customer {
  name: string;
  iso: string | null;
  cell: string | number | Date;
  frequency: number;
  monetary: number;
}

function customers(): Customer[] {
  const out: Customer[] = [];
  for (let i = 0; i < 40; i++) {
    const iso = new Date(utc(AS_OF) - ((i * 37) % 400) * DAY).toISOString().slice(0, 10);
    const [y, m, d] = iso.split("-").map(Number);
    const ways: (string | number | Date)[] = [new Date(utc(iso)), serialOf(iso), iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`];
    out.push({ name: `客户${String(i + 1).padStart(2, "0")}`, iso, cell: ways[i % 5], frequency: 1 + ((i * 7) % 9), monetary: 100 + ((i * 53) % 31) * 40 });
  }
  // The as-of day itself: 0 days.
  out[7] = { ...out[7], iso: AS_OF, cell: AS_OF };
  out.push({ name: "坏日期", iso: null, cell: "2026-02-30", frequency: 2, monetary: 300 });
  out.push({ name: "未来", iso: null, cell: "2026-12-25", frequency: 3, monetary: 500 });
  return out;
}

const GRID: Record<number, string[]> = {
  5: ["new", "potential", "potential", "champions", "champions"],
  4: ["promising", "potential", "potential", "champions", "champions"],
  3: ["sleepy", "sleepy", "attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
  1: ["lost", "lost", "at-risk", "at-risk", "cant-lose"],
};
/** Seed 003 from the days since the last order: active ≤ 90, dormant ≤ 365, else churned (no first orders here). */
const status = (days: number | null) => (days === null ? "" : days <= 90 ? "Active" : days <= 365 ? "Dormant" : "Churned");
const quintiles = (values: number[]) => [0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(values, k));
const above = (v: number, cuts: number[]) => cuts.filter((c) => v > c).length;

/** Days from each readable last order to `asOf`; null for the bad and the future date. */
function expectedDays(list: Customer[], asOf: string): (number | null)[] {
  return list.map((c) => (c.iso === null ? null : (utc(asOf) - utc(c.iso)) / DAY));
}

/** R, F, M, segment per customer; R against `rCuts` (the rules sheet's numbers once written), else the days' own quintiles. */
function expectedRfm(list: Customer[], days: (number | null)[], rCuts?: number[]) {
  // Each quintile over the customers that have that value: F and M over everyone, R over the readable days.
  const rc = rCuts ?? quintiles(days.filter((d): d is number => d !== null));
  const fc = quintiles(list.map((c) => c.frequency));
  const mc = quintiles(list.map((c) => c.monetary));
  return {
    rc,
    rows: list.map((c, i) => {
      const d = days[i];
      if (d === null) return null;
      const r = 5 - above(d, rc);
      const f = 1 + above(c.frequency, fc);
      const m = 1 + above(c.monetary, mc);
      return { r, f, m, segment: GRID[r][Math.floor((f + m) / 2 + 0.5) - 1] };
    }),
  };
}

const tmp = mkdtempSync(join(tmpdir(), "custtier-last-order-"));
const list = customers();
const input = join(tmp, "customers.xlsx");
const output = join(tmp, "tiers.xlsx");
let json: {
  columns: Record<string, { header: string; column: string }>;
  rows: { row: number; customer: string; values: Record<string, unknown>; points: Record<string, unknown>; tier: string | null }[];
  issues: { severity: string; row?: number; column?: string; value?: unknown; message: string }[];
};
let recalculated: ExcelJS.Workbook;
const tierSheet = WORDS.tierSheet["en-US"];
const rulesSheet = WORDS.rulesSheet["en-US"];

describeLibreOffice("a customer sheet with last order dates: rfm from the CLI, recalculated by LibreOffice", () => {
  beforeAll(async () => {
    const wb = new ExcelJSLib.Workbook();
    const ws = wb.addWorksheet("客户");
    ws.addRow(["客户名称", "最近购买日期", "购买次数", "消费金额"]);
    for (const c of list) ws.addRow([c.name, c.cell, c.frequency, c.monetary]);
    writeFileSync(input, await xlsxBytes(wb));
    const scored = await run("score", input, "--model", "rfm", "--as-of", AS_OF, "--json");
    expect(scored.code).toBe(0); // scored, with the bad and the future date as issues
    json = JSON.parse(scored.out);
    const written = await run("score", input, "--model", "rfm", "--as-of", AS_OF, "-o", output);
    expect(written.code).toBe(0);
    const [result] = await recalculate(new Uint8Array(readFileSync(output)));
    recalculated = await loadXlsx(result.bytes);
  }, 300_000);

  it("--json: days = as-of − last order, the ISO date, R/F/M and the segment of every customer", () => {
    expect(json.columns.lastOrder).toEqual(expect.objectContaining({ header: "最近购买日期", column: "B" }));
    const days = expectedDays(list, AS_OF);
    const want = expectedRfm(list, days).rows;
    expect(json.rows).toHaveLength(list.length);
    json.rows.forEach((row, i) => {
      const w = want[i];
      expect({ customer: row.customer, recency: row.values.recency, lastOrder: row.values.lastOrder, r: row.points.recency, f: row.points.frequency, m: row.points.monetary, tier: row.tier }).toEqual({
        customer: list[i].name,
        recency: days[i],
        lastOrder: list[i].iso ?? (list[i].name === "未来" ? "2026-12-25" : null),
        r: w?.r ?? null,
        f: w?.f ?? expect.anything(),
        m: w?.m ?? expect.anything(),
        tier: w?.segment ?? null,
      });
    });
    expect(new Set(want.map((w) => w?.r)).size).toBeGreaterThanOrEqual(5);
  });

  it("the impossible and the future date are reported naming row, column and value", () => {
    const errors = json.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.row, i.column, i.value])).toEqual([
      [list.length, "最近购买日期", "2026-02-30"],
      [list.length + 1, "最近购买日期", "2026-12-25"],
    ]);
    expect(errors[1].message).toContain(AS_OF);
  });

  it("the workbook: the recency column is a live formula on the date and LibreOffice's days, points and segments equal the definitions", () => {
    const ws = recalculated.getWorksheet(tierSheet)!;
    const view = readTierSheet(recalculated, tierSheet, list.length);
    const recencyCol = view.header.indexOf("Recency") + 1;
    expect(recencyCol).toBeGreaterThan(0);
    expect((ws.getRow(4).getCell(recencyCol).value as { formula?: string }).formula).toMatch(/As_of/);
    const days = expectedDays(list, AS_OF);
    const want = expectedRfm(list, days).rows;
    const points = view.header.filter((h) => h.endsWith(WORDS.pointsSuffix["en-US"]));
    view.rows.forEach((row, i) => {
      expect({ name: list[i].name, days: row.Recency, r: row[points[0]], segment: row[WORDS.tier["en-US"]], status: row.Status }).toEqual({
        name: list[i].name,
        days: days[i] ?? "",
        r: want[i]?.r ?? "",
        segment: want[i]?.segment ?? "",
        status: status(days[i]),
      });
    });
    expect(new Set(view.rows.map((row) => row.Status))).toEqual(new Set(["Active", "Dormant", "Churned", ""]));
  });

  it("a later as-of day typed on the rules sheet recounts the days and re-grades R against the written cut points", async () => {
    const edited = await loadXlsx(readFileSync(output));
    const later = "2027-02-15";
    let asOfCell: ExcelJS.Cell | undefined;
    edited.getWorksheet(rulesSheet)!.eachRow((row) => {
      if (!asOfCell && shown(row.getCell(1)) === WORDS.orderAsOf["en-US"]) asOfCell = row.getCell(3);
    });
    expect(shown(asOfCell!)).toBe(AS_OF);
    asOfCell!.value = new Date(utc(later));
    const [result] = await recalculate(await xlsxBytes(edited));
    const view = readTierSheet(await loadXlsx(result.bytes), tierSheet, list.length);
    const before = expectedRfm(list, expectedDays(list, AS_OF));
    const days = expectedDays(list, later);
    // The future date is now in the past: it gets days too (the engine refused it as of the first day).
    const future = list.length - 1;
    days[future] = (utc(later) - utc("2026-12-25")) / DAY;
    const want = expectedRfm(list, days, before.rc).rows;
    const points = view.header.filter((h) => h.endsWith(WORDS.pointsSuffix["en-US"]));
    let moved = 0;
    view.rows.forEach((row, i) => {
      if (want[i] && before.rows[i] && want[i]!.segment !== before.rows[i]!.segment) moved++;
      expect({ name: list[i].name, days: row.Recency, r: row[points[0]], segment: row[WORDS.tier["en-US"]], status: row.Status }).toEqual({
        name: list[i].name,
        days: days[i] ?? "",
        r: want[i]?.r ?? "",
        segment: want[i]?.segment ?? "",
        status: status(days[i]),
      });
    });
    expect(moved).toBeGreaterThan(0);
  }, 300_000);
});

describeLibreOffice("a customer sheet with recency in days: the status column and its editable limits", () => {
  it("shows every customer's status from the days, and re-reads it when the active limit on the rules sheet changes", async () => {
    const days = [0, 30, 31, 90, 91, 200, 365, 366, 800];
    const wb = new ExcelJSLib.Workbook();
    const ws = wb.addWorksheet("客户");
    ws.addRow(["客户名称", "最近购买天数", "购买次数", "消费金额"]);
    days.forEach((d, i) => ws.addRow([`客户${i + 1}`, d, 1 + (i % 4), 100 * (i + 1)]));
    const file = join(tmp, "days.xlsx");
    const out = join(tmp, "days-tiers.xlsx");
    writeFileSync(file, await xlsxBytes(wb));
    expect((await run("score", file, "--model", "rfm-8", "-o", out)).code).toBe(0);
    const edited = await loadXlsx(readFileSync(out));
    let active: ExcelJS.Cell | undefined;
    edited.getWorksheet(rulesSheet)!.eachRow((row) => {
      if (shown(row.getCell(1)) === WORDS.statusActiveDays["en-US"]) active = row.getCell(3);
    });
    expect(active!.value).toBe(90);
    active!.value = 30;
    const [before, after] = await recalculate(new Uint8Array(readFileSync(out)), await xlsxBytes(edited));
    const statusWith = (activeDays: number) => days.map((d) => (d <= activeDays ? "Active" : d <= 365 ? "Dormant" : "Churned"));
    const read = async (bytes: Uint8Array) => readTierSheet(await loadXlsx(bytes), tierSheet, days.length).rows.map((r) => r.Status);
    expect(await read(before.bytes)).toEqual(statusWith(90));
    expect(await read(after.bytes)).toEqual(statusWith(30));
  }, 300_000);
});
