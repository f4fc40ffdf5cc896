/**
 * The file path end to end (issue 4): a 100,000-customer xlsx read, scored,
 * laid out and written, against the peer of product.md — a pandas + openpyxl
 * script doing a smaller version of the same job — measured in the same run.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pickSheet, salesPayment, scoreSheet } from "../core";
import { buildTierPlan } from "../core/plan";
import { openWorkbook } from "../hosts/xlsx/read";
import { existingSheets, writeXlsx } from "../hosts/xlsx/write";
import { recalculate, SOFFICE } from "../tools/libreoffice";
import { fmtMs, perSecond } from "./timing";

/** A sheet as a sales admin keeps it: mostly numbers, some `2万` / `３０天` text, a few blanks. */
export async function syntheticWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("客户");
  ws.addRow(["客户名称", "联系人", "区域", "月均销售额", "回款天数"]);
  const regions = ["华东", "华南", "华北", "西南", "华中"];
  for (let i = 0; i < rows; i++) {
    const revenue = (i * 7919) % 40000;
    const days = (i * 31) % 120;
    ws.addRow([
      `客户${String(i + 1).padStart(6, "0")}有限公司`,
      `联系人${i % 500}`,
      regions[i % 5],
      i % 20 === 0 ? `${(revenue / 10000).toFixed(1)}万` : revenue,
      i % 25 === 0 ? `${days}天` : i % 997 === 0 ? null : days,
    ]);
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

interface Phases {
  read: number;
  score: number;
  plan: number;
  write: number;
}

/** CustTier's file path, phase by phase: exactly what `custtier score in.xlsx -o out.xlsx` does. */
export async function tierFile(bytes: Uint8Array, name: string): Promise<{ phases: Phases; out: Uint8Array }> {
  const t0 = performance.now();
  const { grids, workbook } = await openWorkbook(bytes, name);
  const t1 = performance.now();
  const options = { model: salesPayment, lang: "zh-CN" as const };
  const job = scoreSheet(pickSheet(grids, options)!, options);
  const t2 = performance.now();
  const plan = buildTierPlan(job.scored, salesPayment, { lang: "zh-CN", existing: existingSheets(workbook!) });
  const t3 = performance.now();
  const out = await writeXlsx(plan, workbook);
  const t4 = performance.now();
  return { phases: { read: t1 - t0, score: t2 - t1, plan: t3 - t2, write: t4 - t3 }, out };
}

function peer(input: string, output: string): Phases | string {
  try {
    const [read, score, write] = execFileSync("/usr/bin/python3", [join(__dirname, "../../bench/peer_pandas.py"), input, output], { encoding: "utf8" })
      .trim()
      .split(" ")
      .map(Number);
    return { read, score, plan: 0, write };
  } catch {
    return "skipped: needs Debian's python3-pandas and python3-openpyxl (apt-get install -y python3-pandas python3-openpyxl)";
  }
}

const total = (p: Phases) => p.read + p.score + p.plan + p.write;
const line = (p: Phases) => `read ${fmtMs(p.read)}, score ${fmtMs(p.score)}, lay out ${fmtMs(p.plan)}, write ${fmtMs(p.write)}`;

export async function benchFilePath(rows = 100_000): Promise<{ lines: string[]; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), "custtier-bench-"));
  const input = join(dir, "customers.xlsx");
  writeFileSync(input, await syntheticWorkbook(rows));
  const { phases, out } = await tierFile(readFileSync(input), "customers.xlsx");
  const output = join(dir, "tiers.xlsx");
  writeFileSync(output, out);
  const ours = total(phases);
  const lines = [
    `xlsx end to end, ${rows.toLocaleString("en-US")} customers (${(statSync(input).size / 1e6).toFixed(1)} MB in, ${(out.byteLength / 1e6).toFixed(1)} MB out): ${fmtMs(ours)} (${perSecond(rows, ours)})`,
    `        ${line(phases)}`,
  ];
  const p = peer(input, join(dir, "peer.xlsx"));
  if (typeof p === "string") lines.push(`        peer pandas + openpyxl: ${p}`);
  else {
    lines.push(`        peer pandas + openpyxl (numbers only, no formulas, rules or issues): ${fmtMs(total(p))} → CustTier takes ${(ours / total(p)).toFixed(2)}× the peer's time`);
    lines.push(`        peer: read ${fmtMs(p.read)}, score ${fmtMs(p.score)}, write ${fmtMs(p.write)}`);
  }
  lines.push(`        LibreOffice recalculating the written workbook: ${await libreOfficeTime(out)}`);
  return { lines, output };
}

/** How long LibreOffice needs to open the result, compute every formula and save it. */
async function libreOfficeTime(xlsx: Uint8Array): Promise<string> {
  if (!SOFFICE) return "skipped: soffice not found (apt-get install -y --no-install-recommends libreoffice-calc-nogui)";
  const [{ ms }] = await recalculate(xlsx);
  return fmtMs(ms);
}
