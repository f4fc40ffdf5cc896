/**
 * After `npm install` the command works: the `prepare` script builds what
 * bin/custtier.js loads, and the installed command prints its help (exit 0).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };

beforeAll(() => {
  // What npm install / npm ci run after installing the dependencies.
  execFileSync("npm", ["run", "--silent", "prepare"], { cwd: ROOT, stdio: "inherit" });
});

/** Runs the `custtier` that package.json installs, in a terminal whose locale is `lang`. */
const custtier = (lang: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, pkg.bin.custtier), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: lang, LC_ALL: "", LC_MESSAGES: "" },
  });

test("the installed command prints each help and exits 0", () => {
  for (const [args, start] of [
    [["--help"], "custtier — grade customers"],
    [["score", "--help"], "Usage: custtier score"],
    [["template", "--help"], "Usage: custtier template"],
  ] as const) {
    const { status, stdout, stderr } = custtier("en_US.UTF-8", ...args);
    expect({ args, status, stderr }).toEqual({ args, status: 0, stderr: "" });
    expect(stdout.startsWith(start)).toBe(true);
  }
});

test("the command follows LANG and exits 2 on a usage error", () => {
  const zh = custtier("zh_CN.UTF-8", "score", "--bogus");
  expect(zh.status).toBe(2);
  expect(zh.stderr).toMatch(/^custtier: 未知选项 --bogus/);
});
