#!/usr/bin/env node
// `npm run typecheck`: each layer with only the types it may use, then everything with the tests.
const { execFileSync } = require("node:child_process");

const TSC = require.resolve("typescript/bin/tsc");
const CONFIGS = [
  "tsconfig.core.json", // ES2022 only: no DOM, Node, Office or React
  "tsconfig.excel.json", // + Office.js
  "tsconfig.xlsx.json",
  "tsconfig.functions.json", // + custom functions runtime
  "tsconfig.taskpane.json", // + DOM, React
  "tsconfig.cli.json", // + Node
  "tsconfig.json", // everything, tests included
];

for (const config of CONFIGS) {
  try {
    execFileSync(process.execPath, [TSC, "--noEmit", "-p", config], { stdio: "inherit" });
  } catch {
    console.error(`typecheck failed: ${config}`);
    process.exit(1);
  }
}
