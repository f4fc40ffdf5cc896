import { CHROMIUM_INSTALL, CHROMIUM_PATH, hasChromium } from "../../src/bench/browser";
import { describeWithTools } from "../support/system-tool";

/** `describe` for suites that drive Debian's Chromium. */
export function describeChromium(title: string, body: () => void): void {
  describeWithTools(title, hasChromium() ? [] : [CHROMIUM_PATH], CHROMIUM_INSTALL, body);
}
