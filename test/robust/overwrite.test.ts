/**
 * Issue 14 §3: `-o` naming the input file is refused (exit 2, nothing
 * written) however it is spelled, unless --force. The input is a workbook (a
 * CSV input cannot be named by `-o`, which only writes .xlsx: test/cli/help.test.ts).
 */
import { linkSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { main } from "../../src/cli/main";
import { run } from "../cli/run";

const SAMPLE = join(__dirname, "../../assets/samples/customers-zh.csv");

/** A user's workbook: the sample tiered once, as a user would have it after a first run. */
async function fresh(): Promise<{ dir: string; input: string; before: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), "custtier-same-"));
  const input = join(dir, "same.xlsx");
  expect((await run("score", SAMPLE, "-o", input)).code).toBe(0);
  return { dir, input, before: readFileSync(input) };
}

describe("-o naming the input", () => {
  it.each([
    ["the same path", (_dir: string, input: string) => input],
    ["another spelling", (dir: string) => join(dir, ".", "sub", "..", "same.xlsx")],
    ["a relative path", (_dir: string, input: string) => relative(process.cwd(), input)],
    ["a symlink", (dir: string, input: string) => (symlinkSync(input, join(dir, "link.xlsx")), join(dir, "link.xlsx"))],
    ["a hard link", (dir: string, input: string) => (linkSync(input, join(dir, "hard.xlsx")), join(dir, "hard.xlsx"))],
  ])("is refused with exit 2 for %s, and the input is left as it was", async (_title, output) => {
    const { dir, input, before } = await fresh();
    const out = output(dir, input);
    const { code, err, out: stdout } = await run("score", input, "-o", out);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(err).toContain("is the input file");
    expect(err).toContain("--force");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("says so in Chinese in a Chinese terminal", async () => {
    const { input } = await fresh();
    const chunks: string[] = [];
    const sink = { write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream;
    const code = await main(["score", input, "-o", input], { stdout: sink, stderr: sink, env: { LANG: "zh_CN.UTF-8" } });
    expect(code).toBe(2);
    expect(chunks.join("")).toContain("就是输入文件");
  });

  it("overwrites the input with --force", async () => {
    const { input, before } = await fresh();
    const { code } = await run("score", input, "-o", input, "--force");
    expect(code).toBe(0);
    const after = readFileSync(input);
    expect(after.equals(before)).toBe(false);
    expect(after.subarray(0, 2).toString("latin1")).toBe("PK"); // the workbook with the new run's sheets
  });

  it("writes a different file as before", async () => {
    const { dir, input, before } = await fresh();
    expect((await run("score", input, "-o", join(dir, "out.xlsx"))).code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});
