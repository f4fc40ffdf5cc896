#!/usr/bin/env node
// The CLI is compiled to lib/ by `npm install` (the `prepare` script) or `npm run build:cli`.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const entry = join(__dirname, "../lib/cli/main.js");
if (!existsSync(entry)) {
  process.stderr.write("custtier: 尚未编译，请先运行 npm run build:cli\ncusttier: not built yet: run npm run build:cli first\n");
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
