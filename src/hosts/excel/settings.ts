/**
 * Settings as the earlier version kept them: one `workbook.settings` key
 * (ExcelApi 1.4) holding JSON. Settings now live in the settings sheet both
 * hosts share (../settings.ts); this is read only for a workbook that has no
 * settings sheet yet, so that its model and mapping come back once.
 */
import type { SavedSettings } from "../host";
import { parseSettings } from "../settings";
import type { ExcelContext } from "./api";

export const SETTINGS_KEY = "CustTier.settings";

/** The settings the earlier version saved, or null when there are none or they are not usable. */
export async function loadLegacySettings(context: ExcelContext): Promise<SavedSettings | null> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject || typeof item.value !== "string") return null;
  return parseSettings(item.value);
}
