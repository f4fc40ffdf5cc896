/**
 * The pane's settings saved inside the workbook, so they travel with the file.
 *
 * Stored with `context.workbook.settings` (ExcelApi 1.4), one key holding JSON,
 * rather than `Office.context.document.settings`: it goes through the same
 * batched `Excel.run` context as everything else (so the recording fake tests
 * it), needs no separate `saveAsync` callback, and is saved with the workbook
 * like any other change.
 */
import type { SavedSettings } from "../host";
import { parseSettings } from "../settings";
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
