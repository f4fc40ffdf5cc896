// Checks manifest.xml offline (`office-addin-manifest validate` needs an online service):
// well-formed XML, schema element order where Office is strict, the shared-runtime resid
// contract, resources, icons, localisation, and that every URL is something the webpack
// build emits (read from webpack.config.js's declared outputs; no build is run here).
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type HtmlWebpackPlugin from "html-webpack-plugin";
import { EXCEL_API_MINIMUM } from "../src/hosts/excel/requirements";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  config: { dev_server_port: number };
};
const BASE_URL = `https://localhost:${PKG.config.dev_server_port}/`;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// ---------------------------------------------------------------------------------------------
// A small element tree over fast-xml-parser's order-preserving output.

interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

type Ordered = Record<string, unknown>;

function toTree(items: Ordered[]): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const rawChildren = (item[name] as Ordered[]) ?? [];
    const text = rawChildren
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("")
      .trim();
    out.push({
      name,
      attrs: (item[":@"] as Record<string, string>) ?? {},
      children: toTree(rawChildren),
      text,
    });
  }
  return out;
}

function parseManifest(xml: string): XNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const roots = toTree(parser.parse(xml) as Ordered[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

function all(node: XNode, pred: (n: XNode) => boolean, acc: XNode[] = []): XNode[] {
  if (pred(node)) acc.push(node);
  for (const c of node.children) all(c, pred, acc);
  return acc;
}

function child(node: XNode, name: string): XNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1) {
    throw new Error(`<${node.name}> should have exactly one <${name}>, found ${found.length}`);
  }
  return found[0];
}

function childPath(node: XNode, ...names: string[]): XNode {
  return names.reduce(child, node);
}

/** True when `names` appear in `actual` in this relative order (other elements may sit between). */
function inOrder(actual: string[], names: string[]): boolean {
  const positions = names.map((n) => actual.indexOf(n));
  return positions.every((p) => p >= 0) && positions.every((p, i) => i === 0 || p > positions[i - 1]);
}

// ---------------------------------------------------------------------------------------------

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");
const root = parseManifest(xml);
const versionOverrides = child(root, "VersionOverrides");
const resources = child(versionOverrides, "Resources");
const workbookHost = childPath(versionOverrides, "Hosts", "Host");

type ResKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
const RES_KINDS: ResKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];

function resourceEntries(kind: ResKind): XNode[] {
  const group = resources.children.find((c) => c.name === kind);
  return group ? group.children : [];
}

function resource(kind: ResKind, id: string): XNode {
  const found = resourceEntries(kind).filter((r) => r.attrs.id === id);
  if (found.length !== 1) throw new Error(`resource ${kind} "${id}" defined ${found.length} times`);
  return found[0];
}

function urlOf(id: string): string {
  return resource("bt:Urls", id).attrs.DefaultValue;
}

function zhOverride(node: XNode): string | undefined {
  const o = node.children.find(
    (c) => (c.name === "Override" || c.name === "bt:Override") && c.attrs.Locale === "zh-CN",
  );
  return o?.attrs.Value;
}

/** All URL values of the manifest: DefaultValue/Value attributes and AppDomain text. */
function allUrls(): string[] {
  const urls: string[] = [];
  all(root, () => true).forEach((n) => {
    for (const key of ["DefaultValue", "Value"]) {
      const v = n.attrs[key];
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
  });
  return urls;
}

function manifestFileUrls(): string[] {
  return allUrls().filter((u) => u.startsWith(BASE_URL));
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// What webpack.config.js says the build emits.

interface DeclaredOutputs {
  files: Map<string, string>; // dist-relative path -> where it comes from
  config: Record<string, unknown>;
  htmlPlugins: HtmlWebpackPlugin[];
  entries: Record<string, string>;
}

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
        if (glob[i + 1] === "/") i++;
      } else re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else if (ch === "{") {
      const end = glob.indexOf("}", i);
      re += `(?:${glob.slice(i + 1, end).split(",").map(escapeRe).join("|")})`;
      i = end;
    } else re += escapeRe(ch);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(p) : [p];
  });
}

function expandCopyPattern(pattern: { from: string; to?: string }): Array<[string, string]> {
  const from = pattern.from;
  const isGlob = /[*?{]/.test(from);
  const sources = isGlob
    ? (() => {
        const baseDir = from.slice(0, from.search(/[*?{]/)).replace(/[^/]*$/, "");
        const re = globToRegExp(from);
        return listFiles(path.join(ROOT, baseDir))
          .map((abs) => path.relative(ROOT, abs).split(path.sep).join("/"))
          .filter((rel) => re.test(rel));
      })()
    : [from.replace(/^\.\//, "")];
  // A missing source is not emitted (patterns with noErrorOnMissing silently skip it).
  return sources.filter((src) => fs.existsSync(path.join(ROOT, src))).map((src) => {
    const ext = path.extname(src);
    const name = path.basename(src, ext);
    const to = (pattern.to ?? path.basename(src)).replace("[name]", name).replace("[ext]", ext);
    return [to, src];
  });
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily: a broken build
   tool chain then fails only the webpack tests, not the manifest checks above them. */
function declaredOutputs(): DeclaredOutputs {
  const HtmlPlugin = require("html-webpack-plugin") as typeof import("html-webpack-plugin");
  const CopyPlugin = require("copy-webpack-plugin") as typeof import("copy-webpack-plugin");
  const MetadataPlugin = require("custom-functions-metadata-plugin") as typeof import("custom-functions-metadata-plugin");
  const factory = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Record<string, unknown>;
  const saved = process.env.ADDIN_PUBLIC_URL;
  delete process.env.ADDIN_PUBLIC_URL;
  let config: Record<string, unknown>;
  try {
    config = factory({}, { mode: "production" });
  } finally {
    if (saved !== undefined) process.env.ADDIN_PUBLIC_URL = saved;
  }
  const files = new Map<string, string>();
  const entries = config.entry as Record<string, string>;
  const output = config.output as { filename: string };
  expect(typeof output.filename).toBe("string");
  for (const name of Object.keys(entries)) {
    files.set(output.filename.replace("[name]", name), `entry ${name}`);
  }
  const plugins = config.plugins as unknown[];
  const htmlPlugins = plugins.filter((p): p is HtmlWebpackPlugin => p instanceof HtmlPlugin);
  for (const p of htmlPlugins) files.set(String(p.userOptions.filename), "HtmlWebpackPlugin");
  for (const p of plugins) {
    if (p instanceof CopyPlugin) {
      const patterns = (p as unknown as { patterns: Array<{ from: string; to?: string }> }).patterns;
      for (const pattern of patterns) {
        for (const [to, src] of expandCopyPattern(pattern)) files.set(to, `copy of ${src}`);
      }
    }
    if (p instanceof MetadataPlugin) {
      const options = (p as unknown as { options: { output: string } }).options;
      files.set(options.output, "CustomFunctionsMetadataPlugin");
    }
  }
  return { files, config, htmlPlugins, entries };
}
/* eslint-enable @typescript-eslint/no-require-imports */

function distPath(url: string): string {
  expect(url.startsWith(BASE_URL)).toBe(true);
  return new URL(url).pathname.replace(/^\//, "");
}

// ---------------------------------------------------------------------------------------------

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(versionOverrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(versionOverrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
  });

  it("has a real GUID id, provider, default locale and a Workbook host", () => {
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(root, "ProviderName").text).toBe("CustTier");
    expect(child(root, "DefaultLocale").text).toBe("en-US");
    expect(child(root, "DisplayName").attrs.DefaultValue).toBe("CustTier");
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(childPath(root, "Hosts").children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(workbookHost.attrs["xsi:type"]).toBe("Workbook");
  });

  it("keeps the schema's element order", () => {
    const top = root.children.map((c) => c.name);
    expect(
      inOrder(top, [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ]),
    ).toBe(true);
    // Runtimes must come first in the Host, then AllFormFactors, then DesktopFormFactor.
    expect(workbookHost.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const cf = childPath(workbookHost, "AllFormFactors", "ExtensionPoint");
    expect(cf.attrs["xsi:type"]).toBe("CustomFunctions");
    expect(cf.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const desktop = child(workbookHost, "DesktopFormFactor").children.map((c) => c.name);
    expect(inOrder(desktop, ["FunctionFile", "ExtensionPoint"])).toBe(true);
    if (desktop.includes("GetStarted")) expect(desktop[0]).toBe("GetStarted");
    expect(versionOverrides.children.map((c) => c.name)).toEqual(["Hosts", "Resources"]);
    const resKinds = resources.children.map((c) => c.name);
    expect(inOrder(resKinds, RES_KINDS.filter((k) => resKinds.includes(k)))).toBe(true);
    expect(resKinds.every((k) => (RES_KINDS as string[]).includes(k))).toBe(true);
  });

  it("requires SharedRuntime 1.1, CustomFunctionsRuntime 1.1 and the ExcelApi version the Excel host checks against", () => {
    const sets = childPath(root, "Requirements", "Sets").children.filter((c) => c.name === "Set");
    const byName = Object.fromEntries(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(byName.SharedRuntime).toBe("1.1");
    expect(byName.CustomFunctionsRuntime).toBe("1.1");
    // ExcelApi 1.9: suspendScreenUpdatingUntilNextSync, autoFilter, RangeAreas and pageLayout are called unconditionally.
    expect(byName.ExcelApi).toBe("1.9");
    expect(byName.ExcelApi).toBe(EXCEL_API_MINIMUM);
  });

  it("uses one shared runtime: Runtime, custom-functions Page and FunctionFile share a resid", () => {
    const runtimes = child(workbookHost, "Runtimes").children;
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0];
    expect(runtime.name).toBe("Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const pageResid = childPath(workbookHost, "AllFormFactors", "ExtensionPoint", "Page", "SourceLocation").attrs.resid;
    const functionFileResid = childPath(workbookHost, "DesktopFormFactor", "FunctionFile").attrs.resid;
    expect(runtime.attrs.resid).toBeTruthy();
    expect(pageResid).toBe(runtime.attrs.resid);
    expect(functionFileResid).toBe(runtime.attrs.resid);
    // The ribbon button opens the same page, and so does the default source location.
    const showTaskpane = all(workbookHost, (n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const action of showTaskpane) expect(child(action, "SourceLocation").attrs.resid).toBe(runtime.attrs.resid);
    expect(childPath(root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(urlOf(runtime.attrs.resid));
  });

  it("has the namespace CUSTTIER (at most 32 characters, not localised away)", () => {
    const nsResid = childPath(workbookHost, "AllFormFactors", "ExtensionPoint", "Namespace").attrs.resid;
    const ns = resource("bt:ShortStrings", nsResid);
    expect(ns.attrs.DefaultValue).toBe("CUSTTIER");
    expect(ns.attrs.DefaultValue.length).toBeLessThanOrEqual(32);
    for (const o of ns.children) expect(o.attrs.Value).toBe("CUSTTIER");
  });

  it("defines every referenced resid, in the right resource kind, once", () => {
    const kindFor = (n: XNode): ResKind => {
      if (n.name === "bt:Image") return "bt:Images";
      if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(n.name)) return "bt:Urls";
      if (["Label", "Title", "Namespace"].includes(n.name)) return "bt:ShortStrings";
      if (n.name === "Description") return "bt:LongStrings";
      throw new Error(`unexpected resid on <${n.name}>`);
    };
    const refs = all(versionOverrides, (n) => n.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    const referenced = new Set<string>();
    for (const ref of refs) {
      expect(ref.attrs.resid.length).toBeLessThanOrEqual(32);
      const kind = kindFor(ref);
      const defined = resourceEntries(kind).filter((r) => r.attrs.id === ref.attrs.resid);
      if (defined.length !== 1) {
        throw new Error(`<${ref.name} resid="${ref.attrs.resid}"> needs exactly one ${kind} entry, found ${defined.length}`);
      }
      referenced.add(`${kind}:${ref.attrs.resid}`);
    }
    // No dead resources either (they usually mean a typo in a resid).
    const unused = RES_KINDS.flatMap((kind) =>
      resourceEntries(kind)
        .map((r) => `${kind}:${r.attrs.id}`)
        .filter((key) => !referenced.has(key)),
    );
    expect(unused).toEqual([]);
  });

  it("points every icon at a PNG of the declared size in assets/", () => {
    const icons: Array<{ url: string; size: number }> = [
      { url: child(root, "IconUrl").attrs.DefaultValue, size: 32 },
      { url: child(root, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
    ];
    for (const img of all(versionOverrides, (n) => n.name === "bt:Image" && n.attrs.resid !== undefined)) {
      icons.push({ url: resource("bt:Images", img.attrs.resid).attrs.DefaultValue, size: Number(img.attrs.size) });
    }
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of icons) {
      const rel = distPath(url);
      expect(rel).toMatch(/^assets\/[^/]+\.png$/);
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file) ? rel : `missing ${rel}`).toBe(rel);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("uses https URLs on the dev server origin only", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(BASE_URL) ? u : `not on ${BASE_URL}: ${u}`).toBe(u);
    for (const d of childPath(root, "AppDomains").children) expect(d.text).toMatch(/^https:\/\//);
  });

  it("has zh-CN overrides for the display name, description and the ribbon texts", () => {
    const cjk = /[\u4e00-\u9fff]/;
    expect(zhOverride(child(root, "DisplayName"))).toMatch(cjk);
    expect(zhOverride(child(root, "Description"))).toMatch(cjk);
    const button = all(workbookHost, (n) => n.name === "Control" && n.attrs["xsi:type"] === "Button");
    expect(button.length).toBeGreaterThan(0);
    for (const b of button) {
      expect(zhOverride(resource("bt:ShortStrings", child(b, "Label").attrs.resid))).toMatch(cjk);
      const tip = childPath(b, "Supertip", "Description").attrs.resid;
      expect(zhOverride(resource("bt:LongStrings", tip))).toMatch(cjk);
    }
    // Localised custom-function metadata.
    const metadataResid = childPath(workbookHost, "AllFormFactors", "ExtensionPoint", "Metadata", "SourceLocation").attrs.resid;
    expect(zhOverride(resource("bt:Urls", metadataResid))).toMatch(/functions\.zh-CN\.json$/);
  });
});

describe("manifest.xml against webpack.config.js", () => {
  let declared: DeclaredOutputs;
  beforeAll(() => {
    declared = declaredOutputs();
  });

  it("builds without source maps in production", () => {
    expect(declared.config.mode).toBe("production");
    expect(declared.config.devtool).toBe(false);
  });

  it("serves over https on the manifest's port, with CORS for functions.json", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(ROOT, "webpack.config.js")) as (
      env: Record<string, unknown>,
      argv: { mode: string },
    ) => { devServer: { port: number; headers: Record<string, string>; server: unknown } };
    const dev = factory({}, { mode: "development" }).devServer;
    expect(`https://localhost:${dev.port}/`).toBe(BASE_URL);
    expect(dev.headers["Access-Control-Allow-Origin"]).toBe("*");
    const server = dev.server as string | { type: string };
    expect(typeof server === "string" ? server : server.type).toBe("https");
  });

  it("only references files the build emits", () => {
    const urls = manifestFileUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const rel = distPath(url);
      expect(declared.files.has(rel) ? rel : `not emitted by webpack: ${rel}`).toBe(rel);
    }
    // The expected ones, explicitly.
    for (const f of ["taskpane.html", "functions.js", "functions.json", "functions.zh-CN.json", "manifest.xml"]) {
      expect(declared.files.has(f) ? f : `not emitted: ${f}`).toBe(f);
    }
  });

  it("wires the custom-functions URLs to the functions entry and the metadata plugin", () => {
    const cf = childPath(workbookHost, "AllFormFactors", "ExtensionPoint");
    const script = distPath(urlOf(childPath(cf, "Script", "SourceLocation").attrs.resid));
    const metadata = distPath(urlOf(childPath(cf, "Metadata", "SourceLocation").attrs.resid));
    expect(declared.files.get(script)).toBe("entry functions");
    expect(declared.files.get(metadata)).toBe("CustomFunctionsMetadataPlugin");
    expect(path.resolve(ROOT, declared.entries.functions)).toBe(path.join(ROOT, "src/functions/functions.ts"));
  });

  it("serves the shared-runtime page with office.js, then the functions, then the task pane", () => {
    const runtimeResid = child(workbookHost, "Runtimes").children[0].attrs.resid;
    const page = distPath(urlOf(runtimeResid));
    const html = declared.htmlPlugins.find((p) => p.userOptions.filename === page);
    expect(html).toBeDefined();
    const chunks = html!.userOptions.chunks as string[];
    expect(chunks).toEqual(["functions", "taskpane"]);
    expect(html!.userOptions.chunksSortMode).toBe("manual");
    const template = fs.readFileSync(path.resolve(ROOT, String(html!.userOptions.template)), "utf8");
    const head = template.slice(0, template.indexOf("</head>"));
    expect(head).toContain(`src="${OFFICE_JS_CDN}"`);
    // office.js is the only external script.
    const external = [...template.matchAll(/<script[^>]*\ssrc="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external).toEqual([OFFICE_JS_CDN]);
  });

  it("ships the localised function metadata referenced by the manifest", () => {
    expect(declared.files.get("functions.zh-CN.json")).toBe("copy of src/functions/functions.zh-CN.json");
    const src = path.join(ROOT, "src/functions/functions.zh-CN.json");
    expect(fs.existsSync(src) ? "present" : `missing ${path.relative(ROOT, src)}`).toBe("present");
  });

  it("rewrites every localhost URL for a public deployment", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rewriteManifest } = require(path.join(ROOT, "webpack.config.js")) as {
      rewriteManifest: (xml: string, base: URL) => string;
    };
    const out = rewriteManifest(xml, new URL("https://addin.example.com/custtier/"));
    expect(out).not.toMatch(/https?:\/\/localhost/);
    expect(out).toContain("https://addin.example.com/custtier/functions.json");
    expect(out).toContain("<AppDomain>https://addin.example.com</AppDomain>");
    expect(XMLValidator.validate(out)).toBe(true);
  });
});
