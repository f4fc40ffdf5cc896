#!/usr/bin/env node
// `npm run deploy -- https://your.host/path/ [--out DIR]`: the production add-in
// built for that address (ADDIN_PUBLIC_URL) into dist/ (or DIR), then checked:
// every URL of its manifest.xml lies under the address and names a file the
// build wrote. Copy the folder to any static https host (docs/deploy.md).
const fs = require("node:fs");
const path = require("node:path");
const { parseArgs } = require("node:util");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "..");

/** Problems with `dir`'s manifest for an add-in hosted at `base` (a URL ending in "/"): empty when ready. */
function checkDist(dir, base) {
  const file = path.join(dir, "manifest.xml");
  if (!fs.existsSync(file)) return [`no manifest.xml in ${dir}`];
  const xml = fs.readFileSync(file, "utf8");
  const problems = [];
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  for (const url of urls) {
    if (!url.startsWith(base.href)) problems.push(`${url} is not under ${base.href}`);
    else if (!fs.existsSync(path.join(dir, decodeURI(new URL(url).pathname.slice(base.pathname.length))))) problems.push(`${url}: the build wrote no such file`);
  }
  for (const [, domain] of xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) {
    if (domain !== base.origin) problems.push(`AppDomain ${domain} is not ${base.origin}`);
  }
  if (urls.length === 0) problems.push("manifest.xml names no URL");
  return problems;
}

function build(url, out) {
  process.env.ADDIN_PUBLIC_URL = url;
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  config.output.path = out;
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
  if (positionals.length !== 1) {
    console.error("usage: npm run deploy -- https://your.host/path/ [--out DIR]");
    process.exit(2);
  }
  const out = path.resolve(values.out ?? path.join(ROOT, "dist"));
  await build(positionals[0], out);
  // webpack.config.js normalised the address (https only, ending in "/").
  const base = new URL(positionals[0].endsWith("/") ? positionals[0] : `${positionals[0]}/`);
  const problems = checkDist(out, base);
  if (problems.length) {
    console.error(`deploy: ${out} is not ready:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`Ready: copy the contents of ${path.relative(process.cwd(), out) || "."}/ to ${base.href}`);
  console.log(`Then install ${base.href}manifest.xml (docs/deploy.md: admin center, or sideload).`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`deploy: ${e.message}`);
    process.exit(1);
  });
}

module.exports = { checkDist };
