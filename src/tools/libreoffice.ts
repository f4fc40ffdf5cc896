/**
 * LibreOffice as an independent spreadsheet engine (tests and the benchmark):
 * recalculate an xlsx — every formula computed by LibreOffice, results cached
 * in the file — or convert it to PDF. One profile per process, created once;
 * calls are serialised because LibreOffice cannot run two instances on one profile.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
  if (!soffice) throw new Error(`soffice not found: ${LIBREOFFICE_INSTALL}`);
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

