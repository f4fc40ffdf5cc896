/**
 * The file path end to end (issue 10, figures 1 and 2): a synthetic customer
 * xlsx read, scored, laid out and written in a child process with Node's
 * default heap, against the peer of product.md — a pandas + openpyxl script
 * doing a smaller version of the same job — on the same file, in the same run.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pickSheet, plan, runJob, salesPayment } from "../core";
import type { WorkbookPlan } from "../core/plan/types";
import { openWorkbook } from "../hosts/xlsx/read";
import { zlibDeflater, zlibInflater } from "../cli/deflate";
import { existingSheets, outputSource, writeOutput } from "../hosts/xlsx/write";
import { fmtMs } from "./timing";

interface Phases {
  read: number;
  score: number;
  plan: number;
  write: number;
}

/**
 * CustTier's file path, phase by phase: exactly what `custtier score in.xlsx -o out.xlsx` does.
 * `transform` swaps the plan before writing (figure 3's hand-written baseline).
 */
export async function tierFile(
  bytes: Uint8Array,
  name: string,
  transform = (plan: WorkbookPlan) => plan,
  /** Called after each phase with what it holds (memory accounting). */
  after: (phase: keyof Phases, held: unknown) => void = () => {},
): Promise<{ phases: Phases; out: Uint8Array }> {
  const t0 = performance.now();
  const { grids, pkg } = await openWorkbook(bytes, name, zlibInflater);
  after("read", grids);
  const t1 = performance.now();
  const options = { model: salesPayment, lang: "zh-CN" as const };
  const job = runJob(pickSheet(grids, options)!, options);
  after("score", job);
  const t2 = performance.now();
  const source = outputSource(pkg, grids);
  const tierPlan = transform(plan(job.scored, { lang: "zh-CN", existing: existingSheets(source.pkg) }));
  after("plan", tierPlan);
  const t3 = performance.now();
  // Our sheets added to the input's package, its parts copied as stored: no re-serialisation of the user's file.
  const { bytes: out } = await writeOutput(source, tierPlan, { deflater: zlibDeflater });
  after("write", out);
  const t4 = performance.now();
  return { phases: { read: t1 - t0, score: t2 - t1, plan: t3 - t2, write: t4 - t3 }, out };
}

/** The peer is stopped after this long (a million rows under load can take longer than the whole bench should). */
const PEER_TIMEOUT_MS = 15 * 60_000;

/** `bench/peer_pandas.py` on the same file: its read, score and write times, or why it could not run. */
export function peer(input: string, output: string): Phases | string {
  try {
    const [read, score, write] = execFileSync("/usr/bin/python3", [join(__dirname, "../../bench/peer_pandas.py"), input, output], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "pipe"], timeout: PEER_TIMEOUT_MS })
      .trim()
      .split(" ")
      .map(Number);
    return { read, score, plan: 0, write };
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    if (/ETIMEDOUT/.test(message)) return `stopped: did not finish in ${PEER_TIMEOUT_MS / 60_000} minutes`;
    return /No module named/.test(message)
      ? "skipped: needs Debian's python3-pandas and python3-openpyxl (apt-get install -y python3-pandas python3-openpyxl)"
      : `failed: ${message}`;
  }
}

export const totalMs = (p: Phases) => p.read + p.score + p.plan + p.write;
export const phaseLine = (p: Phases) => `read ${fmtMs(p.read)}, score ${fmtMs(p.score)}, lay out ${fmtMs(p.plan)}, write ${fmtMs(p.write)}`;
export type { Phases };
