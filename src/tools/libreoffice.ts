/**
 * LibreOffice as an independent spreadsheet engine (tests and the benchmark):
 * recalculate an xlsx — every formula computed by LibreOffice, results cached
 * in the file — or convert it to PDF. One profile per process, created once;
 * calls are serialised because LibreOffice cannot run two instances on one profile.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const LIBREOFFICE_INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-noto-cjk";

function which(command: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

export const SOFFICE = which("soffice");
export const PDFTOPPM = which("pdftoppm");
/** poppler-utils, like pdftoppm: page sizes and text of a PDF (print checks). */
export const PDFINFO = which("pdfinfo");
export const PDFTOTEXT = which("pdftotext");

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
  return convertEach(inputs, filter, inputExt, (outDir, i, ms) => {
    const path = join(outDir, `book${i}.${outputExt}`);
    return existsSync(path) ? { bytes: new Uint8Array(readFileSync(path)), ms } : null;
  });
}

/**
 * Every sheet of each xlsx as CSV text (UTF-8; values as stored, not as
 * formatted; formulas as their results), by sheet name: what LibreOffice reads
 * in the file, from one soffice run.
 */
export function sheetsAsCsv(inputs: Uint8Array[]): Promise<Record<string, string>[]> {
  // Tokens: comma, double quote, UTF-8 (76), line 1, …, not "as shown" (9), no formulas (10), sheet -1: each sheet to `<name>-<sheet>.csv`.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  return convertEach(inputs, filter, "xlsx", (outDir, i) => {
    const prefix = `book${i}-`;
    const files = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.startsWith(prefix) && f.endsWith(".csv")) : [];
    if (!files.length) return null;
    return Object.fromEntries(files.map((f) => [f.slice(prefix.length, -4), readFileSync(join(outDir, f), "utf8")]));
  });
}

/** One soffice run over `inputs`; `collect` takes input i's result from the output folder (null: none there, an error). */
function convertEach<T>(inputs: Uint8Array[], filter: string, inputExt: string, collect: (outDir: string, i: number, ms: number) => T | null): Promise<T[]> {
  const soffice = SOFFICE;
  if (!soffice) throw new Error(`soffice not found: ${LIBREOFFICE_INSTALL}`);
  return serialised(
    () =>
      new Promise<T[]>((resolve, reject) => {
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
          const results = error ? [] : inputs.map((_, i) => collect(outDir, i, ms));
          const absent = results.flatMap((r, i) => (r === null ? [`book${i}`] : []));
          if (error || absent.length) {
            reject(new Error(`soffice --convert-to ${filter} failed: ${error?.message ?? `nothing for ${absent.join(", ")}`}\n${stderr}`));
            return;
          }
          resolve(results as T[]);
        });
      }),
  );
}

/** LibreOffice opens each xlsx, computes every formula and saves it: the results are the cached values. */
export function recalculate(...xlsx: Uint8Array[]): Promise<ConvertResult[]> {
  return convertMany(xlsx, "xlsx:Calc MS Excel 2007 XML", "xlsx");
}

