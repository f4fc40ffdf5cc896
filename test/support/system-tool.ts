/**
 * `describe` for suites that need a program from Debian (LibreOffice, Chromium).
 * Missing in CI (CI=true): the suite fails, naming the install command, because
 * CI must run these tests. Missing on a developer machine: skipped, loudly.
 */
export function describeWithTools(title: string, missing: string[], install: string, body: () => void): void {
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const message = `${missing.join(" and ")} not found: install with \`${install}\``;
  if (process.env.CI) {
    describe(title, () => {
      it(`needs ${missing.join(" and ")}`, () => {
        throw new Error(`${message} (CI must run these tests)`);
      });
    });
  } else {
    console.warn(`SKIPPED "${title}": ${message}`);
    describe.skip(title, body);
  }
}
