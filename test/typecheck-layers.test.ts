/**
 * Each layer's tsconfig gives it only the types it may use: listing the files a
 * config compiles shows which type libraries are in scope. (`npm run typecheck`
 * compiles them; this proves the configs still say what issue 9 asks.)
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** Type-library files (lib.*.d.ts and node_modules declarations) that `config` brings into scope. */
function typeFiles(config: string): string[] {
  const tsc = require.resolve("typescript/bin/tsc");
  const out = execFileSync(process.execPath, [tsc, "--listFilesOnly", "-p", config], { cwd: ROOT, encoding: "utf8" });
  return out.split("\n").filter((f) => f.includes("node_modules/"));
}

const DOM = /lib\.dom\./;
const NODE = /@types\/node\//;
const OFFICE = /@types\/office-js\//;
const REACT = /@types\/react\//;

test("core compiles with ES2022 alone: no DOM, Node, Office or React types", () => {
  const files = typeFiles("tsconfig.core.json");
  expect(files.some((f) => /lib\.es2022\.d\.ts$/.test(f))).toBe(true);
  expect(files.filter((f) => DOM.test(f) || NODE.test(f) || OFFICE.test(f) || REACT.test(f))).toEqual([]);
});

test("the Excel host and the functions get Office.js but neither DOM nor Node", () => {
  for (const config of ["tsconfig.excel.json", "tsconfig.functions.json"]) {
    const files = typeFiles(config);
    expect(files.some((f) => OFFICE.test(f))).toBe(true);
    expect(files.filter((f) => DOM.test(f) || NODE.test(f))).toEqual([]);
  }
});

test("the pane gets the DOM and React; the file host no DOM and no Office", () => {
  const pane = typeFiles("tsconfig.taskpane.json");
  expect(pane.some((f) => DOM.test(f)) && pane.some((f) => REACT.test(f))).toBe(true);
  const xlsx = typeFiles("tsconfig.xlsx.json");
  expect(xlsx.filter((f) => DOM.test(f) || OFFICE.test(f))).toEqual([]);
});
