// Lints each test/fixtures/lint/ file through the ESLint Node API at the path its
// first line names, and prints {fixture: messages} as JSON. A separate process
// because ESLint loads eslint.config.mjs with import(), which Jest's VM refuses.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(root, "test/fixtures/lint");
const eslint = new ESLint({ cwd: root });
const out = {};
for (const name of readdirSync(dir).sort()) {
  const code = readFileSync(path.join(dir, name), "utf8");
  const at = /^\/\/ Linted as (\S+) by/.exec(code)?.[1];
  if (!at) throw new Error(`${name}: the first line must say where it is linted`);
  const [result] = await eslint.lintText(code, { filePath: path.join(root, at) });
  out[name] = result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line }));
}
process.stdout.write(JSON.stringify(out));
