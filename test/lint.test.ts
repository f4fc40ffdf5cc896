/**
 * The lint config keeps the layers apart: each fixture in test/fixtures/lint/ is
 * linted through the ESLint Node API as if it sat where its first line says,
 * with the repository's eslint.config.mjs (test/support/lint-fixtures.mjs).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

let linted: Record<string, Message[]>;
beforeAll(() => {
  const script = path.resolve(__dirname, "support/lint-fixtures.mjs");
  linted = JSON.parse(execFileSync(process.execPath, [script], { encoding: "utf8" }));
});

function lintFixture(name: string): Message[] {
  const messages = linted[name];
  if (!messages) throw new Error(`no fixture ${name}`);
  return messages;
}

describe("eslint layering rules", () => {
  test("core may import neither a host nor a Node module", () => {
    const messages = lintFixture("core-imports-host.ts");
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: "layers/imports", line: 2, message: expect.stringContaining("src/core may not import packages (node:fs)") }),
      expect.objectContaining({ ruleId: "layers/imports", line: 3, message: expect.stringContaining("src/core may not import src/hosts/errors") }),
    ]);
  });

  test("the Excel host may not import the file host, nor the file host the Excel host", () => {
    expect(lintFixture("excel-imports-xlsx.ts")).toEqual([
      expect.objectContaining({ ruleId: "layers/imports", line: 2, message: expect.stringContaining("src/hosts/excel may not import src/hosts/xlsx/write") }),
    ]);
    expect(lintFixture("xlsx-imports-excel.ts")).toEqual([
      expect.objectContaining({ ruleId: "layers/imports", line: 2, message: expect.stringContaining("src/hosts/xlsx may not import src/hosts/excel/settings") }),
    ]);
  });

  test("the task pane may not reach into a host's internals", () => {
    expect(lintFixture("taskpane-imports-excel.ts")).toEqual([
      expect.objectContaining({ ruleId: "layers/imports", line: 2, message: expect.stringContaining("src/taskpane may not import src/hosts/excel/apply") }),
    ]);
  });

  test("imports along the layers pass", () => {
    expect(lintFixture("core-correct.ts")).toEqual([]);
    expect(lintFixture("taskpane-correct.ts")).toEqual([]);
  });
});
