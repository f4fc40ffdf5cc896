/**
 * What the UI benchmark and the end-to-end tests share: a production build of the
 * pages, a static server on 127.0.0.1 for them, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser).
 */
import fs from "fs";
import http from "http";
import { createRequire } from "module";
import path from "path";
import type { AddressInfo } from "net";
import type { Browser } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_INSTALL = "apt-get install -y chromium";

/** Headless, and quiet: no background requests of Chromium's own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/** Serves a folder read-only on 127.0.0.1 (a free port). Paths outside the folder are refused. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.resolve(root, "." + (urlPath.endsWith("/") ? urlPath + "index.html" : urlPath));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Builds the production bundles (the repository's webpack.config.js) into `outDir`
 * with webpack's Node API. `root` is the repository root. `only` limits the build
 * to some entries (the browser tests need the playground alone: half the time).
 */
export async function buildUi(root: string, outDir: string, only?: string[]): Promise<void> {
  // Loaded at run time from the repository: webpack and its config are build tools, not part of the app.
  const load = createRequire(path.join(root, "package.json"));
  const webpack = load("webpack") as typeof import("webpack");
  const configure = load("./webpack.config.js") as (env: object, argv: { mode: string }) => import("webpack").Configuration;
  const config = configure({}, { mode: "production" });
  config.output = { ...config.output, path: path.resolve(outDir) };
  if (only) {
    const entries = config.entry as Record<string, string>;
    config.entry = Object.fromEntries(only.map((name) => [name, entries[name]]));
    // Pages and generated files of the entries left out go with them.
    config.plugins = (config.plugins ?? []).filter((plugin) => {
      const options = (plugin as { userOptions?: { filename?: string } }).userOptions;
      if (plugin?.constructor.name === "HtmlWebpackPlugin") return only.some((name) => options?.filename === `${name}.html`);
      if (plugin?.constructor.name === "CustomFunctionsMetadataPlugin") return only.includes("functions");
      return true;
    });
  }
  config.infrastructureLogging = { level: "error" };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}
