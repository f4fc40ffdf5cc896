/**
 * Task pane and playground figures: production bundle sizes (raw and gzip) from
 * dist/, and the playground's time to first render in Chromium (navigation start
 * to the page's own `custtier:first-render` mark), plus the time to open the
 * bundled sample and show its table. Builds dist/ first so the sizes are current.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { FIRST_RENDER_MARK } from "../taskpane/first-render";
import { buildUi, CHROMIUM_INSTALL, hasChromium, launchChromium, serveDir } from "./browser";
import { fmtMs } from "./timing";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const ENTRIES = new Set(["taskpane.js", "functions.js", "playground.js"]);
const RUNS = 5;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function sizes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(DIST, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

function sizeLine(label: string, files: string[]): string {
  const { raw, gzip } = sizes(files);
  return `${label}: ${kb(raw)} raw, ${kb(gzip)} gzip (${files.join(" + ")})`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function renderTimes(): Promise<string[]> {
  if (!hasChromium()) return [`Playground first render: skipped, Chromium not installed (${CHROMIUM_INSTALL})`];
  const server = await serveDir(DIST);
  const browser = await launchChromium();
  const firstRender: number[] = [];
  const sampleShown: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A new context per run: nothing cached from the previous one.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}playground.html?lang=en-US`);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK);
      firstRender.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, FIRST_RENDER_MARK));
      const clicked = await page.evaluate(() => performance.now());
      await page.getByRole("button", { name: "Load the sample" }).first().click();
      await page.getByText(/Header in row \d+/).waitFor();
      sampleShown.push((await page.evaluate(() => performance.now())) - clicked);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return [
    `Playground first render (navigation → pane shell drawn), median of ${RUNS}: ${fmtMs(median(firstRender))} (best ${fmtMs(Math.min(...firstRender))})`,
    `Open the sample and show its detected table (loads the file host), median of ${RUNS}: ${fmtMs(median(sampleShown))}`,
  ];
}

export async function benchUi(): Promise<string[]> {
  const started = Date.now();
  await buildUi(ROOT, DIST);
  const built = Date.now() - started;
  const chunks = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && !ENTRIES.has(f));
  return [
    `Production build (webpack): ${fmtMs(built)}`,
    sizeLine("Task pane page (shared runtime)", ["taskpane.js", "functions.js"]),
    sizeLine("Playground first load", ["playground.js"]),
    ...(chunks.length ? [sizeLine("Playground file support, loaded with the first file", chunks)] : []),
    ...(await renderTimes()),
  ];
}
