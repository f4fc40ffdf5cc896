/**
 * Where the pane and the playground get a workbook host. Besides the interface
 * (host.ts) and its errors, this is the only module of src/hosts they may
 * import (eslint `layers/imports`), so neither depends on a host's internals.
 */
import type { WorkbookPlan } from "../core/plan/types";
import type { FileHost } from "./xlsx/file-host";

export { createExcelHost } from "./excel/host";
export { excelCapabilities, type ExcelCapabilities } from "./excel/requirements";
export type { FileHost };

/** An .xlsx/.csv file's bytes as a host. The file host (reader, package writer, fflate) loads with the first file. */
export async function openFileHost(bytes: Uint8Array, fileName: string): Promise<FileHost> {
  const { FileHost } = await import("./xlsx/file-host");
  return FileHost.open(bytes, fileName);
}

/** A new workbook holding only `plan` (the playground's "New template" before any file is open), named `fileName`. */
export async function createFileHost(plan: WorkbookPlan, fileName: string): Promise<FileHost> {
  const { FileHost } = await import("./xlsx/file-host");
  return FileHost.create(plan, fileName);
}
