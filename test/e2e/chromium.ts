import { mkdirSync } from "fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildUi, CHROMIUM_INSTALL, CHROMIUM_PATH, hasChromium, launchChromium, serveDir, type StaticServer } from "../../src/bench/browser";
import { describeWithTools } from "../support/system-tool";

/** `describe` for suites that drive Debian's Chromium. */
export function describeChromium(title: string, body: () => void): void {
  describeWithTools(title, hasChromium() ? [] : [CHROMIUM_PATH], CHROMIUM_INSTALL, body);
}

/** The playground served from a fresh UI build, in Chromium at the pane's desktop layout. */
export interface PlaygroundSession {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Requests that tried to leave the machine (refused): customer data never may. */
  foreign: string[];
}

/** Builds the playground into `dist`, serves it and opens one page; screenshots go to `shots`. */
export async function openPlayground(root: string, dist: string, shots: string): Promise<PlaygroundSession> {
  mkdirSync(shots, { recursive: true });
  await buildUi(root, dist, ["playground"]);
  const server = await serveDir(dist);
  const browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 }, locale: "en-US", reducedMotion: "reduce" });
  const origin = new URL(server.url).origin;
  const local = (url: URL) => url.origin === origin || url.protocol === "blob:" || url.protocol === "data:";
  const foreign: string[] = [];
  await context.route(
    (url) => !local(url),
    (route) => {
      foreign.push(route.request().url());
      return route.abort();
    },
  );
  const page = await context.newPage();
  page.on("request", (r) => {
    if (!local(new URL(r.url()))) foreign.push(r.url());
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  return { server, browser, context, page, pageErrors, foreign };
}

export async function closePlayground(session: PlaygroundSession | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.close();
}
