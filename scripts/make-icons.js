#!/usr/bin/env node
/* global document -- used inside page.evaluate (runs in the browser) */
// Renders assets/icon.svg to the PNG icons and assets/logo.svg to assets/logo.png with
// headless Chromium. Not part of the build: the PNGs are committed. Run after editing the SVGs:
//   node scripts/make-icons.js
// Needs /usr/bin/chromium (or CHROMIUM_PATH) and playwright-core; makes no network request.
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const ASSETS = path.resolve(__dirname, "..", "assets");
const ICON_SIZES = [16, 32, 64, 80, 128];
const LOGO_SCALE = 2;

/** Sets the root <svg> element's width and height attributes (the viewBox does the scaling). */
function sized(svg, width, height) {
  return svg.replace(/<svg\b([^>]*)>/, (match, attrs) => {
    const rest = attrs.replace(/\s(width|height)="[^"]*"/g, "");
    return `<svg${rest} width="${width}" height="${height}">`;
  });
}

function viewBoxSize(svg) {
  const m = /viewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*"/.exec(svg);
  if (!m) throw new Error("SVG needs a viewBox");
  return { width: Number(m[1]), height: Number(m[2]) };
}

async function render(page, svg, width, height, outFile) {
  await page.setViewportSize({ width, height });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}` +
      `svg{display:block}</style></head><body>${sized(svg, width, height)}</body></html>`,
  );
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: outFile, omitBackground: true, clip: { x: 0, y: 0, width, height } });
  console.log(`wrote ${path.relative(process.cwd(), outFile)} (${width}x${height})`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    // Nothing in the SVGs is fetched; refuse any request anyway.
    await page.route("**/*", (route) => route.abort());

    const icon = fs.readFileSync(path.join(ASSETS, "icon.svg"), "utf8");
    for (const size of ICON_SIZES) {
      await render(page, icon, size, size, path.join(ASSETS, `icon-${size}.png`));
    }

    const logo = fs.readFileSync(path.join(ASSETS, "logo.svg"), "utf8");
    const { width, height } = viewBoxSize(logo);
    await render(page, logo, width * LOGO_SCALE, height * LOGO_SCALE, path.join(ASSETS, "logo.png"));
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
