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
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertMany, LIBREOFFICE_INSTALL, PDFTOPPM, SOFFICE, type ConvertResult } from "../../src/tools/libreoffice";
import { describeWithTools } from "./system-tool";

export { convertMany, recalculate, sheetsAsCsv, SOFFICE, PDFTOPPM, type ConvertResult } from "../../src/tools/libreoffice";

/** `describe` for suites that need LibreOffice (and pdftoppm when `needsPdftoppm`). */
export function describeLibreOffice(title: string, body: () => void, options: { needsPdftoppm?: boolean } = {}): void {
  const missing = [SOFFICE ? "" : "soffice", options.needsPdftoppm && !PDFTOPPM ? "pdftoppm" : ""].filter(Boolean);
  describeWithTools(title, missing, LIBREOFFICE_INSTALL, body);
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
  if (!PDFTOPPM) throw new Error(`pdftoppm not found: ${LIBREOFFICE_INSTALL}`);
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
