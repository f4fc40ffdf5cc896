/**
 * Which sheet each part of the plan goes to. Our sheets carry a workbook-scoped
 * defined name (the marker) pointing at their A1: renaming a sheet keeps it, and
 * a user's sheet that merely has our sheet's name never has it. So: a marked
 * sheet is replaced; a free name is taken; a name held by a user's sheet gets a
 * suffix (`客户分级 (2)`). Hosts only read the names and markers and execute.
 */
import type { SheetAction, SheetRole } from "./types";

/** What a host reports about the workbook before a plan is built. */
export interface WorkbookState {
  sheetNames: string[];
  /** Defined names that look like our markers, with the sheet they point at (null when broken: #REF!). */
  markers: { name: string; sheet: string | null }[];
}

export const EMPTY_WORKBOOK: WorkbookState = { sheetNames: [], markers: [] };

/** Prefix of every marker name; letters, digits and `_` only, valid in Excel, WPS and LibreOffice. */
export const MARKER_PREFIX = "CustTier_";

const MARKER_SUFFIX: Record<SheetRole, string> = { tiers: "Tiers", rules: "Rules", summary: "Summary" };

export function markerName(role: SheetRole): string {
  return MARKER_PREFIX + MARKER_SUFFIX[role];
}

/** Excel's sheet-name limits: 31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export const MAX_SHEET_NAME = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME);
}

export interface SheetPlacement {
  role: SheetRole;
  name: string;
  action: SheetAction;
}

/**
 * Decides name and action for each wanted sheet.
 * `protect`: sheets that must never be replaced even if marked (the source being tiered).
 */
export function placeSheets(wanted: { role: SheetRole; name: string }[], state: WorkbookState, protect: string[] = []): SheetPlacement[] {
  const key = (s: string) => s.toLowerCase(); // Excel sheet names are case-insensitive
  const exists = new Set(state.sheetNames.map(key));
  const protectedNames = new Set(protect.map(key));
  const taken = new Set(exists);
  const placements: SheetPlacement[] = [];
  const replaced = new Set<string>();

  // Replacements first: their names stay taken by the same role.
  for (const w of wanted) {
    const marker = state.markers.find((m) => m.name.toLowerCase() === markerName(w.role).toLowerCase());
    const sheet = marker?.sheet;
    if (sheet && exists.has(key(sheet)) && !protectedNames.has(key(sheet)) && !replaced.has(key(sheet))) {
      replaced.add(key(sheet));
      const actual = state.sheetNames.find((n) => key(n) === key(sheet))!;
      // Keep its current name: the user may have renamed it on purpose.
      placements.push({ role: w.role, name: actual, action: { kind: "replace", existing: actual } });
    }
  }
  for (const w of wanted) {
    if (placements.some((p) => p.role === w.role)) continue;
    const name = uniqueName(cleanSheetName(w.name), taken);
    taken.add(key(name));
    placements.push({ role: w.role, name, action: { kind: "create" } });
  }
  return wanted.map((w) => placements.find((p) => p.role === w.role)!);
}

/** `name`, else `name (2)`, `name (3)`… shortened to fit 31 characters. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
