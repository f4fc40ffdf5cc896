/**
 * One measured run in its own process, with Node's default heap (no
 * --max-old-space-size anywhere): `node lib/bench/child.js file <in.xlsx> <out.xlsx>`
 * (`nested-if` instead of `file`: figure 3's hand-written baseline), or
 * `node lib/bench/child.js excel <rows>`, or `node --expose-gc lib/bench/child.js heap <in.xlsx> <rows>`, or
 * `orders <lines>` / `customers-rfm <rows>` (rfm from an order log / from customer rows). Prints one line of JSON with the
 * figures and the process's peak resident memory.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { salesPayment } from "../core";
import { plan as tierPlan, resolve, score } from "../core/pipeline";
import type { WorkbookPlan } from "../core/plan/types";
import type { SourceTable } from "../core/sheet/types";
import { applyPlan } from "../hosts/excel/apply";
import { RecordingContext } from "../hosts/excel/testing/recording-context";
import { tierFile } from "./file-path";
import { nestedIfPlan } from "./nested-if";
import { customerRowsTable, orderColumns, orderTable, scoreRfm } from "./orders";
import { perRowFormulaBytes } from "./request-bytes";
import { inputRow } from "./workbook";

export interface ChildResult {
  ms: number;
  /** CPU time of the process over the same span (all its threads): on a shared machine, the work without the waiting. */
  cpuMs?: number;
  /** Peak resident set size, bytes. */
  peakRss: number;
  phases?: Record<string, number>;
  outBytes?: number;
  /** Order-log runs: lines read, lines summed, customers and segments (sizes, for the report). */
  orders?: { lines: number; used: number; customers: number; scored: number };
  excel?: { syncs: number; cellRequests: number; bytes: number; largest: number; calls: number; baselineBytes: number; rules: number; formulaWrites: number };
}

const SOURCE = "客户表";
const HEADERS = ["客户名称", "月均销售额", "回款天数"];

/** The customers of the file benchmark as detection would hand them over (header in row 1). */
function customerTable(n: number): SourceTable {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const [name, , , revenue, days] = inputRow(i);
    rows[i] = { row: i + 2, cells: [name, revenue, days] };
  }
  return { sheetName: SOURCE, headerRow: 1, firstCol: 0, headers: HEADERS, rows, skipped: [], foundBy: "detected" };
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function file(input: string, output: string, nestedIf = false): Promise<ChildResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const transform = nestedIf ? (plan: WorkbookPlan) => nestedIfPlan(plan, salesPayment, "zh-CN") : undefined;
  const { phases, out } = await tierFile(readFileSync(input), basename(input), transform);
  writeFileSync(output, out);
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(cpu0), peakRss: 0, phases: { ...phases }, outBytes: out.byteLength };
}

/** Heap held after each phase of the file path, in bytes per customer (run with --expose-gc). */
async function heap(input: string, rows: number): Promise<ChildResult> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const held: Record<string, number> = {};
  gc();
  let before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  await tierFile(readFileSync(input), basename(input), undefined, (phase) => {
    gc();
    const now = process.memoryUsage().heapUsed;
    held[phase] = (now - before) / rows;
    before = now;
  });
  return { ms: performance.now() - t0, peakRss: 0, phases: held };
}

async function excel(n: number): Promise<ChildResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const table = customerTable(n);
  // The pipeline from its resolve stage: the table is made here, not located in a sheet.
  const scored = score(resolve({ table, lang: "zh-CN" }, salesPayment));
  const plan = tierPlan(scored, { existing: [{ name: SOURCE }] });
  // Cells are counted and measured, not kept: a million rows would only fill memory.
  const ctx = new RecordingContext({ sheets: [{ name: SOURCE }], storeCells: false });
  const t1 = performance.now();
  await applyPlan(ctx, plan);
  const ms = performance.now() - t0;
  const cpuMs = cpuMsSince(cpu0);
  const cellApis = new Set(["range.values", "range.formulas", "range.formulasR1C1"]);
  const cellRequests = new Set(ctx.calls.filter((c) => cellApis.has(c.api)).map((c) => c.request)).size;
  return {
    ms,
    cpuMs,
    peakRss: 0,
    phases: { "read, score, lay out": t1 - t0, apply: ms - (t1 - t0) },
    excel: {
      syncs: ctx.syncs,
      cellRequests,
      bytes: ctx.requests.reduce((s, r) => s + r.bytes, 0),
      largest: ctx.largestRequest,
      calls: ctx.calls.length,
      baselineBytes: perRowFormulaBytes(plan),
      rules: ctx.calls.filter((c) => c.api === "range.conditionalFormats.add").length,
      formulaWrites: ctx.calls.filter((c) => c.api === "range.formulas" || c.api === "range.formulasR1C1").length,
    },
  };
}

/** rfm from `n` order lines (summed per customer, then scored) or from `n` customer rows; the table is built before the clock starts. */
function rfmRun(n: number, fromOrders: boolean): ChildResult {
  const source = fromOrders ? orderTable(orderColumns(n)) : customerRowsTable(n);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const scored = scoreRfm(source, fromOrders);
  const ms = performance.now() - t0;
  const agg = scored.orders?.aggregate;
  const counted = scored.summary.reduce((s, t) => s + t.count, 0);
  return { ms, cpuMs: cpuMsSince(cpu0), peakRss: 0, orders: { lines: agg?.lines ?? n, used: agg?.used ?? n, customers: agg?.customers ?? n, scored: counted } };
}

async function main() {
  const [task, a, b] = process.argv.slice(2);
  const result =
    task === "excel"
      ? await excel(Number(a))
      : task === "heap"
        ? await heap(a, Number(b))
        : task === "orders" || task === "customers-rfm"
          ? rfmRun(Number(a), task === "orders")
          : await file(a, b, task === "nested-if");
  result.peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
