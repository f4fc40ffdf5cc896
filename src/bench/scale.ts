/**
 * Runs a measured task in a child process with Node's default heap and
 * watches its peak resident memory (VmHWM) from outside, so that a run that
 * crashes still says how far it got and how much memory it held.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildResult } from "./child";

export type ChildRun = { ok: true; result: ChildResult } | { ok: false; ms: number; peakRss: number; why: string };

function vmHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function runChild(args: string[], nodeFlags: string[] = []): Promise<ChildRun> {
  const t0 = performance.now();
  // No --max-old-space-size: the point is Node's default heap.
  const child = spawn(process.execPath, [...nodeFlags, join(__dirname, "child.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let peak = 0;
  const watch = setInterval(() => (peak = Math.max(peak, vmHwm(child.pid!))), 250);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20000)));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearInterval(watch);
      const ms = performance.now() - t0;
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) {
        const result = JSON.parse(line) as ChildResult;
        result.peakRss = Math.max(result.peakRss, peak);
        resolve({ ok: true, result });
        return;
      }
      // V8's own verdict (`FATAL ERROR: Reached heap limit…`) rather than the stack frames after it.
      const lines = stderr.trim().split("\n");
      const last = lines.find((l) => /FATAL ERROR|RangeError|Error:/.test(l)) ?? lines.filter((l) => /error|heap|killed|memory/i.test(l)).pop() ?? lines.pop() ?? "";
      resolve({ ok: false, ms, peakRss: peak, why: `exit ${signal ?? code}: ${last.slice(0, 300)}` });
    });
  });
}

export const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
