/**
 * `describe` for suites that drive Debian's Chromium. Missing in CI: the suite
 * fails with the install command. Missing locally: skipped, loudly.
 */
import { CHROMIUM_INSTALL, CHROMIUM_PATH, hasChromium } from "../../src/bench/browser";

export function describeChromium(title: string, body: () => void): void {
  if (hasChromium()) {
    describe(title, body);
    return;
  }
  const message = `${CHROMIUM_PATH} not found: install it with \`${CHROMIUM_INSTALL}\``;
  if (process.env.CI) {
    describe(title, () => {
      it("needs Chromium", () => {
        throw new Error(`${message} (CI must run the browser tests)`);
      });
    });
  } else {
    console.warn(`SKIPPED "${title}": ${message}`);
    describe.skip(title, body);
  }
}
