/**
 * Deployment: `npm run deploy -- <https url>` (scripts/deploy.js) builds the
 * production add-in for a public address, and every URL of the built
 * manifest points there at a file the build wrote. One production build,
 * shared by the checks below (webpack takes minutes on a busy machine).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://example-org.github.io/custtier/";
const out = mkdtempSync(path.join(tmpdir(), "custtier-deploy-"));
let manifest = "";

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/deploy.js"), BASE, "--out", out], { cwd: ROOT, stdio: "pipe" });
  manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
}, 900_000);

/** Every absolute URL in the manifest but the XML namespaces. */
function manifestUrls(): string[] {
  const withoutNamespaces = manifest.replace(/\sxmlns(?::\w+)?="[^"]*"/g, "");
  return [...withoutNamespaces.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

describe("a production build for a public address", () => {
  it("points every URL of the manifest at that address (AppDomain: its origin)", () => {
    const urls = manifestUrls();
    // Icons (3), support and help pages, taskpane page, functions script and metadata, strings, AppDomain.
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const astray = urls.filter((u) => !u.startsWith(BASE) && u !== "https://example-org.github.io");
    expect(astray).toEqual([]);
    expect(manifest).not.toMatch(/https?:\/\/localhost/);
    expect(manifest).toContain("<AppDomain>https://example-org.github.io</AppDomain>");
  });

  it("wrote every file the manifest names", () => {
    const files = manifestUrls()
      .filter((u) => u.startsWith(BASE))
      .map((u) => u.slice(BASE.length));
    for (const f of ["taskpane.html", "functions.js", "functions.json", "help.html", "assets/icon-32.png"]) expect(files).toContain(f);
    expect(files.filter((f) => !existsSync(path.join(out, f)))).toEqual([]);
  });

  it("refuses an address Office cannot load (plain http)", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/deploy.js"), "http://example.com/custtier/", "--out", path.join(out, "http")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("ADDIN_PUBLIC_URL must use https");
  });
});

describe(".github/workflows/pages.yml", () => {
  const workflow = readFileSync(path.join(ROOT, ".github/workflows/pages.yml"), "utf8");

  it("on a version tag, builds with the same deploy script for the Pages address and publishes dist/", () => {
    expect(workflow).toMatch(/on:\s*\n\s*push:\s*\n\s*tags: \["v\*"\]/);
    expect(workflow).toContain('npm run deploy -- "${{ steps.pages.outputs.base_url }}/"');
    expect(workflow).toMatch(/upload-pages-artifact@v\d+\s*\n\s*with:\s*\n\s*path: dist/);
    expect(workflow).toContain("actions/deploy-pages@");
    expect(workflow).toContain("node-version: 20");
  });
});
