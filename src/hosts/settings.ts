/** The settings codec and store both hosts share. */
import type { Model } from "../core/model";
import { validateModel } from "../core/validate";
import { textCell } from "../core/plan/cells";
import { markerName, placeSheets } from "../core/plan/naming";
import type { Cell, WorkbookPlan } from "../core/plan/types";
import type { SheetGrid } from "../core/sheet/types";
import type { SavedSettings, SheetInfo, WorkbookHost } from "./host";

/** Saved settings from their JSON, or null when they are not usable. Both hosts read their stored JSON with it. */
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
  const models = Array.isArray(s.models) ? s.models.filter(usableModel) : [];
  return { version: 1, model: s.model as Model, mapping: s.mapping, ...(s.sheet !== undefined ? { sheet: s.sheet } : {}), ...(models.length ? { models } : {}) };
}

/** A saved model the engine can use (one that is not is left out, not the whole settings). */
function usableModel(m: unknown): m is Model {
  try {
    return typeof m === "object" && m !== null && typeof (m as Model).id === "string" && validateModel(m as Model).length === 0;
  } catch {
    return false;
  }
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

/**
 * Where both hosts keep the settings: a very hidden sheet of ours (marker
 * `CustTier_Settings`), the JSON down column A. It is written as an ordinary
 * plan sheet, so each host's plan writer stores it with no special case, and
 * a workbook set up in the playground or the CLI opens in Excel with its
 * model and mapping, and back.
 */
export const SETTINGS_SHEET = "CustTier_Settings";
const SETTINGS_MARKER = markerName("settings");
/** Excel's limit of characters in one cell: longer settings span several cells down column A. */
const CELL_LIMIT = 32767;

/** The settings sheet among the host's sheets: by our marker, else by its name. */
export function findSettingsSheet(sheets: readonly SheetInfo[]): SheetInfo | undefined {
  const fold = (s: string) => s.toLowerCase();
  return sheets.find((s) => s.marker !== undefined && fold(s.marker) === fold(SETTINGS_MARKER)) ?? sheets.find((s) => fold(s.name) === fold(SETTINGS_SHEET));
}

/** The plan that stores `settings`, replacing the earlier settings sheet; the active sheet stays active. */
export function settingsPlan(settings: SavedSettings, sheets: readonly SheetInfo[]): WorkbookPlan {
  const json = JSON.stringify(settings);
  const cells: Cell[][] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(json.length, i + CELL_LIMIT);
    // Never split a character outside the BMP across two cells.
    if (end < json.length && /[\uDC00-\uDFFF]/.test(json[end])) end--;
    cells.push([textCell(json.slice(i, end))]);
    i = end;
  }
  const earlier = findSettingsSheet(sheets);
  // Found by name too: the file host of an earlier version wrote the sheet without a marker.
  const [placed] = earlier
    ? [{ name: earlier.name, action: { kind: "replace" as const, existing: earlier.name } }]
    : placeSheets([{ role: "settings" as const, name: SETTINGS_SHEET }], sheets);
  const active = sheets.find((s) => s.active && !s.hidden) ?? sheets.find((s) => !s.hidden);
  return {
    sheets: [
      {
        name: placed.name,
        role: "settings",
        action: placed.action,
        marker: { name: SETTINGS_MARKER, cell: { row: 0, col: 0 } },
        blocks: [{ at: { row: 0, col: 0 }, cells }],
        styles: [],
        columns: [],
        rules: [],
        visibility: "veryHidden",
      },
    ],
    activate: active?.name ?? placed.name,
  };
}

/** The settings a settings sheet holds, or null when they are not usable. */
export function settingsFromGrid(grid: SheetGrid): SavedSettings | null {
  const origin = grid.origin ?? { row: 0, col: 0 };
  if (origin.col !== 0) return null;
  return parseSettings(grid.values.map((row) => (typeof row[0] === "string" ? row[0] : "")).join(""));
}

/** Reads the settings sheet through any host. */
export async function loadSettingsSheet(host: Pick<WorkbookHost, "listSheets" | "readSheet">): Promise<SavedSettings | null> {
  const sheet = findSettingsSheet(await host.listSheets());
  return sheet ? settingsFromGrid(await host.readSheet(sheet.name)) : null;
}

/** Writes the settings sheet through any host's plan writer. */
export async function saveSettingsSheet(host: Pick<WorkbookHost, "listSheets" | "applyPlan">, settings: SavedSettings): Promise<void> {
  await host.applyPlan(settingsPlan(settings, await host.listSheets()));
}
