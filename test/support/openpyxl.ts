/**
 * openpyxl (Python) as an independent reader of xlsx files in tests. Suites
 * that need it go through `describeOpenpyxl`: without it they fail in CI
 * (CI=true) and are skipped loudly elsewhere.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describeWithTools } from "./system-tool";

export const PYTHON = "/usr/bin/python3";

function hasOpenpyxl(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function describeOpenpyxl(title: string, body: () => void): void {
  describeWithTools(title, hasOpenpyxl() ? [] : ["python3-openpyxl"], "apt-get install -y --no-install-recommends python3-openpyxl", body);
}

/** Edits a workbook with openpyxl (another program), as a user's spreadsheet would: `script` sees `wb`. */
export function editWithOpenpyxl(input: string, output: string, script: string): void {
  execFileSync(PYTHON, ["-c", `import openpyxl\nwb = openpyxl.load_workbook(${JSON.stringify(input)})\n${script}\nwb.save(${JSON.stringify(output)})`]);
}
