import type { WorkbookHost } from "../host";
import type { ExcelContext, RunBatch } from "./api";
import { applyPlan } from "./apply";
import { toHostError } from "./errors";
import { readColumns, readSheet, type ReadOptions } from "./read";
import { loadSettingsSheet, saveSettingsSheet } from "../settings";
import { loadLegacySettings } from "./settings";
import { listSheets, select } from "./sheets";

/**
 * `Excel.run`, typed as the API subset the host uses. Assigning the real
 * context to `ExcelContext` here makes `tsc` check every API name in api.ts
 * against the office-js typings. Only called inside Excel (office.js loaded).
 */
export const excelRun: RunBatch = (batch) => Excel.run((context) => batch(context satisfies ExcelContext));

/**
 * The task pane's host inside Excel; `run` is swapped for the recording fake in
 * tests. `read.mergedAreas: false` where Excel lacks ExcelApi 1.13 (requirements.ts).
 */
export function createExcelHost(run: RunBatch = excelRun, read: Pick<ReadOptions, "mergedAreas"> = {}): WorkbookHost {
  /** Every Office failure reaches the pane as a `HostError` with a bilingual remedy. */
  const batch = <T>(fn: (context: ExcelContext) => Promise<T>): Promise<T> =>
    run(fn).catch((e: unknown) => Promise.reject(toHostError(e)));
  return {
    kind: "excel",
    listSheets: () => batch(listSheets),
    readSheet: (name) => batch((context) => readSheet(context, name, read)),
    readColumns: (name, headerRows, pick) => batch((context) => readColumns(context, name, headerRows, pick)),
    applyPlan: (plan, options) => batch((context) => applyPlan(context, plan, options)),
    select: (sheet, address) => batch((context) => select(context, sheet, address)),
    // The settings sheet both hosts write; a workbook saved by the earlier version has only `workbook.settings`.
    loadSettings: () =>
      batch(async (context) => (await loadSettingsSheet({ listSheets: () => listSheets(context), readSheet: (name) => readSheet(context, name, read) })) ?? loadLegacySettings(context)),
    saveSettings: (settings) => batch((context) => saveSettingsSheet({ listSheets: () => listSheets(context), applyPlan: (plan) => applyPlan(context, plan) }, settings)),
  };
}
