/**
 * The value presets' tier workbooks for the Sample Superstore order log
 * (9,994 lines → 793 customers), recalculated by LibreOffice: the customer
 * summary's days and status, the R/F/M points, FM and segment (rfm), the
 * classes of rfm-8, abc and value-abcd, and the status model, on every
 * customer, equal a plain reimplementation of issue 11's definitions (and the
 * engine). Then a user's edits on the rules sheet — the as-of day, a cell of
 * the R × FM grid — re-tier the workbook.
 */
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { Lang } from "../../src/core/model";
import { summaryHeader } from "../../src/core/orders/customers";
import { runJob } from "../../src/core/pipeline";
import { buildTierPlan } from "../../src/core/plan/build";
import { WORDS } from "../../src/core/plan/words";
import { customerStatus } from "../../src/core/presets/abc";
import { findPreset } from "../../src/core/presets";
import type { ScoredTable } from "../../src/core/sheet/types";
import { openWorkbook } from "../../src/hosts/xlsx/read";
import { existingSheets, writeXlsx } from "../../src/hosts/xlsx/write";
import { openPackage } from "../../src/hosts/xlsx/package";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { expectedAbc, expectedCustomers, expectedRfm, expectedRfm8, expectedStatus, SUPERSTORE, type Expected } from "../core/orders/superstore";
import { readTierSheet } from "./tiers";

const AS_OF = "2018-01-01";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Run {
  preset: string;
  lang: Lang;
  scored: ScoredTable;
  xlsx: Uint8Array;
  sheets: { tiers: string; customers: string; rules: string };
}

let input: Uint8Array;
const runs: Run[] = [];
const recalculated = new Map<string, ExcelJS.Workbook>();
let expected: Map<string, Expected>;
let customers: Expected[];

async function generate(preset: string, lang: Lang): Promise<Run> {
  const { grids } = await openWorkbook(readFileSync(SUPERSTORE), "superstore.csv");
  const job = runJob(grids[0], { model: findPreset(preset)!, lang, today: day(AS_OF) });
  const plan = buildTierPlan(job.scored, job.scored.model, { lang, existing: existingSheets(openPackage(input)) });
  const role = (r: string) => plan.sheets.find((s) => s.role === r)!.name;
  return { preset, lang, scored: job.scored, xlsx: await writeXlsx(plan, input), sheets: { tiers: role("tiers"), customers: role("customers"), rules: role("rules") } };
}

const key = (r: Run) => `${r.preset}/${r.lang}`;
const run = (preset: string, lang: Lang = "en-US") => runs.find((r) => r.preset === preset && r.lang === lang)!;

/** Customer id of tier-sheet row i: the rows are the aggregate's customers, in order. */
const idAt = (r: Run, i: number) => r.scored.orders!.aggregate.ids[i];

/** The customer summary as LibreOffice computed it, by header. */
function customerRows(workbook: ExcelJS.Workbook, r: Run) {
  return readTierSheet(workbook, r.sheets.customers, r.scored.rows.length).rows;
}

describeLibreOffice("value presets on Sample Superstore, recalculated by LibreOffice", () => {
  beforeAll(async () => {
    const { grids } = await openWorkbook(readFileSync(SUPERSTORE), "superstore.csv");
    input = await xlsxBytes(workbookFromGrids(grids));
    expected = expectedCustomers(AS_OF);
    customers = [...expected.values()];
    for (const [preset, lang] of [["rfm", "en-US"], ["rfm", "zh-CN"], ["rfm-8", "en-US"], ["abc", "en-US"], ["value-abcd", "en-US"], ["customer-status", "zh-CN"]] as const) {
      runs.push(await generate(preset, lang));
    }
    const results = await recalculate(...runs.map((r) => r.xlsx));
    for (let i = 0; i < runs.length; i++) recalculated.set(key(runs[i]), await loadXlsx(results[i].bytes));
  }, 300_000);

  it("the customer summary: days since the last and first order, orders, total and status of every customer", () => {
    for (const lang of ["en-US", "zh-CN"] as const) {
      const r = run("rfm", lang);
      const rows = customerRows(recalculated.get(key(r))!, r);
      expect(rows).toHaveLength(793);
      const statusLabel = (id: string) => customerStatus.tiers.find((t) => t.id === id)!.label[lang];
      rows.forEach((row, i) => {
        const e = expected.get(idAt(r, i))!;
        const h = (field: string) => row[summaryHeader(field, lang)];
        expect({ id: e.id, recency: h("recency"), firstDays: h("firstOrderDays"), frequency: h("frequency"), status: row[WORDS.status[lang]] }).toEqual({
          id: e.id,
          recency: e.recency,
          firstDays: e.firstOrderDays,
          frequency: e.frequency,
          status: statusLabel(expectedStatus(e)),
        });
        expect(h("monetary") as number).toBeCloseTo(e.monetary, 6);
      });
    }
  });

  it("rfm: R, F, M points, FM and the segment of every customer are live and equal the definitions", () => {
    const want = expectedRfm(customers);
    for (const lang of ["en-US", "zh-CN"] as const) {
      const r = run("rfm", lang);
      const wb = recalculated.get(key(r))!;
      const ws = wb.getWorksheet(r.sheets.tiers)!;
      // Live: the segment cell is a formula reading the rules sheet's grid by name.
      const view = readTierSheet(wb, r.sheets.tiers, 793);
      const tierCol = view.header.indexOf(WORDS.tier[lang]) + 1;
      const formula = (ws.getRow(4).getCell(tierCol).value as { formula?: string }).formula;
      expect(formula).toBeDefined();
      const points = view.header.filter((h) => h.endsWith(WORDS.pointsSuffix[lang]));
      expect(points).toHaveLength(3);
      view.rows.forEach((row, i) => {
        const w = want.get(idAt(r, i))!;
        expect({ id: idAt(r, i), r: row[points[0]], f: row[points[1]], m: row[points[2]], fm: row.FM, segment: row[WORDS.tier[lang]] }).toEqual({
          id: idAt(r, i),
          r: w.r,
          f: w.f,
          m: w.m,
          fm: Math.floor((w.f + w.m) / 2 + 0.5),
          segment: w.segment,
        });
      });
      // And the engine says the same.
      expect(view.rows.map((row) => row[WORDS.tier[lang]])).toEqual(r.scored.rows.map((x) => x.result.tier));
    }
  });

  it("rfm-8, abc, value-abcd and customer status: the class of every customer", () => {
    const abc = expectedAbc(customers);
    const wants: Record<string, (e: Expected) => string> = {
      "rfm-8": (e) => expectedRfm8(customers).get(e.id)!,
      abc: (e) => abc.get(e.id)!,
      "value-abcd": (e) => (e.recency > 365 || e.monetary <= 0 ? "D" : abc.get(e.id)!),
      "customer-status": (e) => expectedStatus(e),
    };
    for (const [preset, want] of Object.entries(wants)) {
      const r = runs.find((x) => x.preset === preset)!;
      const view = readTierSheet(recalculated.get(key(r))!, r.sheets.tiers, 793);
      const got = view.rows.map((row, i) => [idAt(r, i), row[WORDS.tier[r.lang]]]);
      expect({ preset, tiers: got }).toEqual({ preset, tiers: got.map(([id]) => [id, want(expected.get(id as string)!)]) });
    }
  });

  it("the summary: count, revenue and average recency, frequency and monetary per segment; ABC's cumulative share of revenue", () => {
    const r = run("rfm");
    const ws = recalculated.get(key(r))!.getWorksheet(WORDS.summarySheet["en-US"])!;
    const header = ws.getRow(3).values as unknown[];
    const col = (title: string) => header.indexOf(title);
    const want = expectedRfm(customers);
    const rowOf = new Map<string, number>();
    ws.eachRow((row, n) => rowOf.set(String(shown(row.getCell(1))), n));
    let segments = 0;
    for (const tier of findPreset("rfm")!.tiers) {
      const members = customers.filter((e) => want.get(e.id)!.segment === tier.id);
      const row = ws.getRow(rowOf.get(tier.id)!);
      const mean = (get: (e: Expected) => number) => members.reduce((s, e) => s + get(e), 0) / members.length;
      expect([tier.id, shown(row.getCell(col("Customers")))]).toEqual([tier.id, members.length]);
      if (!members.length) continue;
      segments++;
      expect(shown(row.getCell(col("Monetary total"))) as number).toBeCloseTo(members.reduce((s, e) => s + e.monetary, 0), 4);
      expect(shown(row.getCell(col("Average Recency"))) as number).toBeCloseTo(mean((e) => e.recency), 6);
      expect(shown(row.getCell(col("Average Frequency"))) as number).toBeCloseTo(mean((e) => e.frequency), 6);
      expect(shown(row.getCell(col("Average Monetary"))) as number).toBeCloseTo(mean((e) => e.monetary), 4);
    }
    expect(segments).toBeGreaterThan(5);

    // ABC: A, then A + B, then everything, of the positive total.
    const abcRun = run("abc");
    const sheet = recalculated.get(key(abcRun))!.getWorksheet(WORDS.summarySheet["en-US"])!;
    const abcHeader = sheet.getRow(3).values as unknown[];
    const cum = abcHeader.indexOf("Cumulative share of Monetary");
    const classes = expectedAbc(customers);
    const total = customers.reduce((s, e) => s + e.monetary, 0);
    let running = 0;
    ["A", "B", "C"].forEach((k, i) => {
      running += customers.filter((e) => classes.get(e.id) === k).reduce((s, e) => s + e.monetary, 0);
      expect(shown(sheet.getRow(4 + i).getCell(cum)) as number).toBeCloseTo(running / total, 9);
    });
  });

  it("editing the as-of day on the rules sheet recounts the days, the status and R; editing a grid cell changes that segment", async () => {
    const r = run("rfm");
    const asOfEdit = await loadXlsx(r.xlsx);
    const later = "2018-03-01";
    cellRightOf(asOfEdit.getWorksheet(r.sheets.rules)!, WORDS.orderAsOf["en-US"], 2).value = day(later);
    const gridEdit = await loadXlsx(r.xlsx);
    // R 5 × FM 1 is "new" by default; the user calls them promising instead.
    const r5fm1 = cellRightOf(gridEdit.getWorksheet(r.sheets.rules)!, "R 5", 2);
    expect(r5fm1.value).toBe("new");
    r5fm1.value = "promising";
    const [a, b] = await recalculate(await xlsxBytes(asOfEdit), await xlsxBytes(gridEdit));

    // As of two months later: days and status recounted; R against the cut points written on the rules sheet.
    const after = expectedCustomers(later);
    const label = (id: string) => customerStatus.tiers.find((t) => t.id === id)!.label["en-US"];
    const laterBook = await loadXlsx(a.bytes);
    customerRows(laterBook, r).forEach((row, i) => {
      const e = after.get(idAt(r, i))!;
      expect([e.id, row[summaryHeader("recency", "en-US")], row[WORDS.status["en-US"]]]).toEqual([e.id, e.recency, label(expectedStatus(e))]);
    });
    const cuts = r.scored.cuts.recency;
    const laterView = readTierSheet(laterBook, r.sheets.tiers, 793);
    const rHeader = laterView.header.find((h) => h.endsWith(WORDS.pointsSuffix["en-US"]))!;
    let changed = 0;
    laterView.rows.forEach((row, i) => {
      const e = after.get(idAt(r, i))!;
      const rScore = 5 - cuts.filter((c) => e.recency > c).length;
      if (rScore !== expectedRfm(customers).get(e.id)!.r) changed++;
      expect([e.id, row[rHeader]]).toEqual([e.id, rScore]);
    });
    expect(changed).toBeGreaterThan(0);

    // The grid edit: exactly the R5 × FM1 customers become promising, everyone else keeps the segment.
    const want = expectedRfm(customers);
    const gridView = readTierSheet(await loadXlsx(b.bytes), r.sheets.tiers, 793);
    let moved = 0;
    gridView.rows.forEach((row, i) => {
      const w = want.get(idAt(r, i))!;
      const fm = Math.floor((w.f + w.m) / 2 + 0.5);
      const segment = w.r === 5 && fm === 1 ? "promising" : w.segment;
      if (segment !== w.segment) moved++;
      expect([idAt(r, i), row[WORDS.tier["en-US"]]]).toEqual([idAt(r, i), segment]);
    });
    expect(moved).toBeGreaterThan(0);
  }, 300_000);
});

/** The cell `offset` columns right of the first cell in `labelCol` (1-based) showing `label`. */
function cellRightOf(ws: ExcelJS.Worksheet, label: string, offset: number, labelCol = 1): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    if (!found && shown(row.getCell(labelCol)) === label) found = row.getCell(labelCol + offset);
  });
  if (!found) throw new Error(`no "${label}" on ${ws.name}`);
  return found;
}
