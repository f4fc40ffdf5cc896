/**
 * The pane's settings saved inside the workbook, so they travel with the file.
 *
 * Stored with `context.workbook.settings` (ExcelApi 1.4), one key holding JSON,
 * rather than `Office.context.document.settings`: it goes through the same
 * batched `Excel.run` context as everything else (so the recording fake tests
 * it), needs no separate `saveAsync` callback, and is saved with the workbook
 * like any other change.
 */
import type { Model } from "../../core/model";
import { validateModel } from "../../core/validate";
import type { SavedSettings } from "../host";
import type { ExcelContext } from "./api";

export const SETTINGS_KEY = "CustTier.settings";

export async function saveSettings(context: ExcelContext, settings: SavedSettings): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
  await context.sync();
}

/** The saved settings, or null when there are none or they are not usable (edited by hand, older version). */
export async function loadSettings(context: ExcelContext): Promise<SavedSettings | null> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject || typeof item.value !== "string") return null;
  return parseSettings(item.value);
}

/** Saved settings from their JSON, or null when they are not usable. Shared with the file host. */
export function parseSettings(json: string): SavedSettings | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const s = data as Partial<SavedSettings> | null;
  if (!s || s.version !== 1 || !s.model || typeof s.model !== "object" || !isStringRecord(s.mapping)) return null;
  if (s.sheet !== undefined && typeof s.sheet !== "string") return null;
  try {
    if (validateModel(s.model as Model).length > 0) return null;
  } catch {
    // Not even shaped like a model.
    return null;
  }
  return { version: 1, model: s.model as Model, mapping: s.mapping, ...(s.sheet !== undefined ? { sheet: s.sheet } : {}) };
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}
