/**
 * LibreOffice as an independent spreadsheet engine for tests: recalculate an
 * xlsx (formulas computed by LibreOffice, results cached in the file) and
 * render one to PDF/PPM. One profile per Jest worker process, created once and
 * shared by its tests; calls are serialised because LibreOffice cannot run two
 * instances on one profile.
 *
 * Tests that need it go through `describeLibreOffice`: without `soffice` they
 * fail in CI (CI=true) and are skipped loudly elsewhere.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeWithTools } from "./system-tool";

const INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-noto-cjk";

function which(command: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

export const SOFFICE = which("soffice");
export const PDFTOPPM = which("pdftoppm");

/** `describe` for suites that need LibreOffice (and pdftoppm when `needsPdftoppm`). */
export function describeLibreOffice(title: string, body: () => void, options: { needsPdftoppm?: boolean } = {}): void {
  const missing = [SOFFICE ? "" : "soffice", options.needsPdftoppm && !PDFTOPPM ? "pdftoppm" : ""].filter(Boolean);
  describeWithTools(title, missing, INSTALL, body);
}

/** Calc settings: recalculate every formula on load, whatever the file has cached. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profile: string | null = null;

function profileDir(): string {
  if (profile) return profile;
  profile = mkdtempSync(join(tmpdir(), "custtier-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
  return profile;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs jobs one after another (one LibreOffice at a time on this worker's profile). */
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

export interface ConvertResult {
  bytes: Uint8Array;
  /** Wall time of the LibreOffice run (all files of the batch), for reports; tests never assert timings. */
  ms: number;
}

/** Converts files with one `soffice --convert-to <filter>` run; results in the order of `inputs`. */
export function convertMany(inputs: Uint8Array[], filter: string, outputExt: string, inputExt = "xlsx"): Promise<ConvertResult[]> {
  const soffice = SOFFICE;
  if (!soffice) throw new Error(`soffice not found: ${INSTALL}`);
  return serialised(
    () =>
      new Promise<ConvertResult[]>((resolve, reject) => {
        const dir = mkdtempSync(join(tmpdir(), "custtier-lo-job-"));
        const outDir = join(dir, "out");
        const paths = inputs.map((bytes, i) => {
          const path = join(dir, `book${i}.${inputExt}`);
          writeFileSync(path, bytes);
          return path;
        });
        const args = [`-env:UserInstallation=file://${profileDir()}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, ...paths];
        const started = Date.now();
        execFile(soffice, args, { timeout: 600_000 }, (error, _stdout, stderr) => {
          const ms = Date.now() - started;
          const outputs = inputs.map((_, i) => join(outDir, `book${i}.${outputExt}`));
          const absent = outputs.filter((p) => !existsSync(p));
          if (error || absent.length) {
            reject(new Error(`soffice --convert-to ${filter} failed: ${error?.message ?? `no ${absent.join(", ")}`}\n${stderr}`));
            return;
          }
          resolve(outputs.map((p) => ({ bytes: new Uint8Array(readFileSync(p)), ms })));
        });
      }),
  );
}

/** LibreOffice opens each xlsx, computes every formula and saves it: the results are the cached values. */
export function recalculate(...xlsx: Uint8Array[]): Promise<ConvertResult[]> {
  return convertMany(xlsx, "xlsx:Calc MS Excel 2007 XML", "xlsx");
}

/** Renders every sheet to PDF, one page per sheet (the whole sheet on one page). */
export async function renderPdf(xlsx: Uint8Array): Promise<ConvertResult> {
  const options = JSON.stringify({ SinglePageSheets: { type: "boolean", value: "true" } });
  return (await convertMany([xlsx], `pdf:calc_pdf_Export:${options}`, "pdf"))[0];
}

export interface Pixmap {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  rgb: Uint8Array;
}

/** One PDF page as pixels (pdftoppm's PPM: a tiny header and raw RGB) and as PNG bytes. */
export function rasterise(pdf: Uint8Array, page: number, dpi: number): { pixmap: Pixmap; png: Uint8Array } {
  if (!PDFTOPPM) throw new Error(`pdftoppm not found: ${INSTALL}`);
  const dir = mkdtempSync(join(tmpdir(), "custtier-ppm-"));
  const pdfPath = join(dir, "page.pdf");
  writeFileSync(pdfPath, pdf);
  const common = ["-f", String(page), "-l", String(page), "-r", String(dpi), "-singlefile"];
  execFileSync(PDFTOPPM, [...common, pdfPath, join(dir, "page")]);
  execFileSync(PDFTOPPM, [...common, "-png", pdfPath, join(dir, "page")]);
  return { pixmap: parsePpm(new Uint8Array(readFileSync(join(dir, "page.ppm")))), png: new Uint8Array(readFileSync(join(dir, "page.png"))) };
}

/** Parses a binary PPM (P6, maxval 255). */
export function parsePpm(bytes: Uint8Array): Pixmap {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]))) i++;
    if (bytes[i] === 0x23) {
      while (bytes[i] !== 0x0a) i++; // comment
      continue;
    }
    let token = "";
    while (!/\s/.test(String.fromCharCode(bytes[i]))) token += String.fromCharCode(bytes[i++]);
    fields.push(token);
  }
  i++; // the single white-space byte before the pixels
  const [magic, w, h, max] = fields;
  if (magic !== "P6" || max !== "255") throw new Error(`unsupported PPM: ${fields.join(" ")}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, rgb: bytes.subarray(i, i + width * height * 3) };
}

/** Pixels within `tolerance` (per channel) of a `#RRGGBB` colour. */
export function countColour(pixmap: Pixmap, hex: string, tolerance = 6): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let n = 0;
  const { rgb } = pixmap;
  for (let p = 0; p < rgb.length; p += 3) {
    if (Math.abs(rgb[p] - r) <= tolerance && Math.abs(rgb[p + 1] - g) <= tolerance && Math.abs(rgb[p + 2] - b) <= tolerance) n++;
  }
  return n;
}

/** What a cell shows after LibreOffice computed it: the cached formula result, rich text flattened, "" for empty. */
export function shown(cell: { value: unknown; result?: unknown; type?: unknown }): string | number | boolean {
  const v = cell.value as unknown;
  const raw = v !== null && typeof v === "object" && "formula" in (v as object) ? cell.result : v;
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === "object" && "richText" in (raw as object)) return (raw as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  if (typeof raw === "object" && "error" in (raw as object)) return String((raw as { error: unknown }).error);
  return raw as string | number | boolean;
}
