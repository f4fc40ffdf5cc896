/**
 * The five figures of issue 10, each against a baseline measured in the same
 * run, at 100,000 and 1,000,000 customers. Every CustTier run is a child
 * process with Node's default heap (see scale.ts); nothing here asserts.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_REQUEST_BYTES } from "../hosts/excel/apply";
import { recalculate, SOFFICE } from "../tools/libreoffice";
import type { ChildResult } from "./child";
import { measureEngine } from "./engine";
import { peer, phaseLine, totalMs, type Phases } from "./file-path";
import { gib, runChild, type ChildRun } from "./scale";
import { fmtMs, perSecond } from "./timing";
import { syntheticWorkbook } from "./workbook";

const TWO_GIB = 2 * 2 ** 30;
const count = (n: number) => n.toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

interface SizeRun {
  rows: number;
  input: string;
  output: string;
  file: ChildRun;
  peer: Phases | string;
  excel: ChildRun;
}

export interface Figures {
  runs: SizeRun[];
  dir: string;
}

/** Inputs, CustTier's runs and the peer's, one size after the other (one heavy process at a time on a shared machine). */
export async function measureSizes(sizes: number[], log: (line: string) => void): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), "custtier-bench-"));
  const runs: SizeRun[] = [];
  for (const rows of sizes) {
    const input = join(dir, `customers-${rows}.xlsx`);
    writeFileSync(input, syntheticWorkbook(rows));
    const output = join(dir, `tiers-${rows}.xlsx`);
    log(`  ${count(rows)} customers: ${(statSync(input).size / 1e6).toFixed(1)} MB input; running CustTier (file path)…`);
    const file = await runChild(["file", input, output]);
    log(`  ${count(rows)}: running the pandas + openpyxl peer…`);
    const p = peer(input, join(dir, `peer-${rows}.xlsx`));
    log(`  ${count(rows)}: running the Excel host on the recording fake…`);
    const excel = await runChild(["excel", String(rows)]);
    runs.push({ rows, input, output, file, peer: p, excel });
  }
  return { runs, dir };
}

/** The run's CPU time beside its wall time: what it cost without the waiting on a shared machine. */
const cpu = (r: ChildResult) => (r.cpuMs === undefined ? "" : ` (CPU ${fmtMs(r.cpuMs)})`);

function failed(run: Extract<ChildRun, { ok: false }>): string {
  return `CRASHED after ${fmtMs(run.ms)}, peak RSS ${gib(run.peakRss)} — ${run.why}`;
}

/** 1. File path against pandas + openpyxl on the same file (target ≤ 0.25×). */
export function filePathLines(f: Figures): string[] {
  const lines = ["target: CustTier ≤ 0.25× the peer's time (peer: numbers only — no 2万/30天, formulas, rules, issues)"];
  for (const r of f.runs) {
    const head = `${count(r.rows).padStart(9)} customers:`;
    if (!r.file.ok) {
      lines.push(`${head} CustTier ${failed(r.file)}`);
      continue;
    }
    const ours = r.file.result;
    const out = ours.outBytes ? ` (${(ours.outBytes / 1e6).toFixed(1)} MB out)` : "";
    lines.push(`${head} CustTier ${fmtMs(ours.ms)}${cpu(ours)}${out} (${perSecond(r.rows, ours.ms)}) — ${phaseLine(ours.phases as unknown as Phases)}`);
    if (typeof r.peer === "string") lines.push(`${" ".repeat(head.length)} peer ${r.peer}`);
    else lines.push(`${" ".repeat(head.length)} peer ${fmtMs(totalMs(r.peer))} (${phaseLine(r.peer).replace(", lay out 0.0 ms", "")}) → CustTier takes ${ratio(ours.ms, totalMs(r.peer))} the peer's time`);
  }
  return lines;
}

function scaleLine(label: string, runs: SizeRun[], pick: (r: SizeRun) => ChildRun): string[] {
  const [small, ...big] = runs;
  const base = pick(small);
  const lines: string[] = [];
  const fmt = (r: SizeRun, run: ChildRun) => (run.ok ? `${count(r.rows)}: ${fmtMs(run.result.ms)}${cpu(run.result)}, peak RSS ${gib(run.result.peakRss)}${run.result.peakRss <= TWO_GIB ? "" : " (over 2 GiB)"}` : `${count(r.rows)}: ${failed(run)}`);
  lines.push(`${label} ${fmt(small, base)}`);
  for (const r of big) {
    const run = pick(r);
    const cpuRatio = run.ok && base.ok && run.result.cpuMs && base.result.cpuMs ? `, CPU ${ratio(run.result.cpuMs, base.result.cpuMs)}` : "";
    const time = run.ok && base.ok ? ` → ${ratio(run.result.ms, base.result.ms)} the ${count(small.rows)}-row time${cpuRatio} (${(r.rows / small.rows).toFixed(0)}× the rows; target ≤ 12×)` : "";
    lines.push(`${" ".repeat(label.length)} ${fmt(r, run)}${time}`);
  }
  return lines;
}

/** 2. Scale: peak RSS and time against the 100,000-row run, Node's default heap; what each phase holds per customer. */
export async function scaleLines(f: Figures): Promise<string[]> {
  const small = f.runs[0];
  const heap = await runChild(["heap", small.input, String(small.rows)], ["--expose-gc"]);
  const held = heap.ok
    ? Object.entries(heap.result.phases ?? {}).map(([phase, bytes]) => `${phase} ${count(Math.round(bytes))} B`).join(", ")
    : failed(heap);
  return [
    "target: 1,000,000 customers in Node's default heap, peak RSS ≤ 2 GiB, time ≤ 12× the 100,000-row time; each run is its own process",
    ...scaleLine("file path (read, detect, score, plan, write):", f.runs, (r) => r.file),
    ...scaleLine("Excel host on the recording fake (table, score, plan, apply):", f.runs, (r) => r.excel),
    `heap each phase adds and holds, per customer (${count(small.rows)} rows, after a full GC): ${held}`,
  ];
}

/** 3. LibreOffice recalculating our 100,000-row workbook and the nested-IF one (target ≤ 1.5×). */
export async function recalcLines(f: Figures): Promise<string[]> {
  const r = f.runs.find((x) => x.rows === 100_000) ?? f.runs[0];
  if (!SOFFICE) return ["skipped: soffice not found (apt-get install -y --no-install-recommends libreoffice-calc-nogui)"];
  if (!r.file.ok) return ["skipped: the file path run failed"];
  const nestedPath = join(f.dir, `nested-if-${r.rows}.xlsx`);
  const nested = await runChild(["nested-if", r.input, nestedPath]);
  if (!nested.ok) return [`nested-IF baseline: ${failed(nested)}`];
  // One LibreOffice run per file, forced to recalculate every formula (OOXMLRecalcMode = 0 in its profile).
  const [ours] = await recalculate(new Uint8Array(readFileSync(r.output)));
  const [base] = await recalculate(new Uint8Array(readFileSync(nestedPath)));
  return [
    `target: ≤ 1.5× the time of the same workbook with hand-written nested-IF tier formulas (literal thresholds)`,
    `${count(r.rows)} customers, LibreOffice open + full recalculation + save: ours ${fmtMs(ours.ms)}, nested-IF ${fmtMs(base.ms)} → ${ratio(ours.ms, base.ms)}`,
  ];
}

/** 4. Excel host request bytes against writing every row's formula text, and syncs per ≤ 4 MB chunk. */
export function excelLines(f: Figures): string[] {
  const lines = [`target: request bytes ≤ 20% of every row's formula text from the same plan; syncs = constant + one per ≤ ${mb(MAX_REQUEST_BYTES)} request`];
  for (const r of f.runs) {
    const head = `${count(r.rows).padStart(9)} rows:`;
    if (!r.excel.ok) {
      lines.push(`${head} ${failed(r.excel)}`);
      continue;
    }
    const x = (r.excel.result as Required<ChildResult>).excel;
    lines.push(
      `${head} ${mb(x.bytes)} sent vs ${mb(x.baselineBytes)} per-row formula text → ${(100 * x.bytes / x.baselineBytes).toFixed(1)}%; ` +
        `${x.syncs} syncs (${x.syncs - x.cellRequests} + ${x.cellRequests} requests of cells, ≥ ${Math.ceil(x.bytes / MAX_REQUEST_BYTES)} needed), largest ${mb(x.largest)}, ` +
        `${count(x.calls)} API calls, ${x.formulaWrites} formula writes, ${x.rules} conditional formats`,
    );
  }
  return lines;
}

/** 5. The compiled scorer against hand-coded if/else over the same columns. */
export function engineLines(): string[] {
  const { rows, engineMs, baselineMs } = measureEngine();
  return [
    "target: ≥ 10,000,000 rows/s (1,000,000 rows ≤ 100 ms), sales-payment; best of 15 after 3 warm-up runs",
    `${count(rows)} rows: engine ${fmtMs(engineMs)} (${perSecond(rows, engineMs)}), hand-coded if/else ${fmtMs(baselineMs)} (${perSecond(rows, baselineMs)}) → engine takes ${ratio(engineMs, baselineMs)} the baseline's time`,
  ];
}

/** 6. rfm from `lines` order lines (summed per customer, then scored) against rfm on as many customer rows. */
export async function orderLogLines(lines: number): Promise<string[]> {
  const orders = await runChild(["orders", String(lines)]);
  const rows = await runChild(["customers-rfm", String(lines)]);
  const line = (label: string, run: ChildRun) => {
    if (!run.ok) return `${label} ${failed(run)}`;
    const r = run.result;
    const o = r.orders!;
    const sizes = o.lines === o.customers ? `${count(o.customers)} customers` : `${count(o.lines)} lines (${count(o.used)} summed) → ${count(o.customers)} customers`;
    return `${label} ${sizes}, ${count(o.scored)} in a segment: ${fmtMs(r.ms)}${cpu(r)} (${perSecond(o.lines, r.ms)}), peak RSS ${gib(r.peakRss)}`;
  };
  const both = orders.ok && rows.ok ? [`→ the order log takes ${ratio(orders.result.ms, rows.result.ms)} the time of as many customer rows`] : [];
  return [
    "each its own process, Node's default heap; the table is built before the clock starts (peak RSS includes it); text dates as a CSV gives them",
    line("order log (aggregate + score rfm):", orders),
    line("customer rows (score rfm):        ", rows),
    ...both,
  ];
}
