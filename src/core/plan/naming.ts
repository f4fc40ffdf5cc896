/**
 * Which sheet each part of the plan goes to. Our sheets carry a workbook-scoped
 * defined name (the marker) pointing at their A1: renaming a sheet keeps it, and
 * a user's sheet that merely has our sheet's name never has it. So: a marked
 * sheet is replaced; a free name is taken; a name held by a user's sheet gets a
 * suffix (`客户分级 (2)`). Hosts only read the names and markers and execute.
 */
import { parseAddress } from "./address";
import type { SheetAction, SheetRole } from "./types";

/** What a host reports about each sheet before a plan is built (the hosts' `SheetInfo` fits). */
export interface ExistingSheet {
  name: string;
  /** The defined name pointing into this sheet that looks like one of our markers, if any. */
  marker?: string;
}

/** Prefix of every marker name; letters, digits and `_` only, valid in Excel, WPS and LibreOffice. */
export const MARKER_PREFIX = "CustTier_";

// A template's customer sheet never carries this one (it is the user's sheet, see template/build.ts): no run replaces it.
const MARKER_SUFFIX: Record<SheetRole, string> = { tiers: "Tiers", customers: "Customers", rules: "Rules", summary: "Summary", settings: "Settings", history: "History" };

export function markerName(role: SheetRole): string {
  return MARKER_PREFIX + MARKER_SUFFIX[role];
}

/** A defined name of ours (a user's own names are never taken for markers); Excel compares names without case. */
export function isMarkerName(name: string): boolean {
  return name.toLowerCase().startsWith(MARKER_PREFIX.toLowerCase());
}

/**
 * The sheet a marker points into, or null when the name is not ours or does
 * not point at one area of one sheet (`#REF!` after the sheet was deleted, a
 * list of areas). `refersTo` as either host reads it: `=Sheet1!$A$1`, `'客户 分级'!$A$1`.
 * Both hosts recognise markers with this one rule.
 */
export function markerSheet(name: string, refersTo: string): string | null {
  if (!isMarkerName(name)) return null;
  const areas = parseAddress(refersTo);
  return areas.length === 1 ? areas[0].sheet : null;
}

/** Excel's sheet-name limit, counted in UTF-16 code units (what Excel counts). */
export const MAX_SHEET_NAME = 31;

/** Excel keeps this name for its change-tracking sheet: a workbook cannot have a sheet so named. */
const RESERVED = new Set(["history"]);

/**
 * The one way to make a sheet name from any text (a file name, a wanted name):
 * `[]:*?/\` become spaces, no leading or trailing `'`, not empty, not a name
 * Excel reserves, at most 31 UTF-16 units without splitting a surrogate pair,
 * and unique case-insensitively among `taken` (`name (2)`…). Every formula
 * must refer to the sheet by the name this returns, never by the text it got.
 */
export function legalSheetName(wanted: string, taken: Iterable<string> = []): string {
  const takenKeys = new Set<string>();
  for (const t of taken) takenKeys.add(t.toLowerCase());
  // Control characters are not allowed in sheet names either (Excel refuses them on rename).
  // eslint-disable-next-line no-control-regex
  let name = wanted.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ");
  name = trimName(clip(name, MAX_SHEET_NAME)) || "Sheet";
  if (RESERVED.has(name.toLowerCase())) name = `${name} (1)`;
  return uniqueName(name, takenKeys);
}

/** No spaces or apostrophes at either end (Excel refuses a name starting or ending with `'`). */
function trimName(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, "");
}

/** The first `max` UTF-16 units of `s`, never ending in half a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

export interface SheetPlacement<R extends SheetRole = SheetRole> {
  role: R;
  name: string;
  action: SheetAction;
}

/**
 * Decides name and action for each wanted sheet.
 * `protect`: sheets that must never be replaced even if marked (the source being tiered).
 */
export function placeSheets<R extends SheetRole>(wanted: { role: R; name: string }[], existing: readonly ExistingSheet[], protect: string[] = []): SheetPlacement<R>[] {
  const key = (s: string) => s.toLowerCase(); // Excel sheet names are case-insensitive
  const protectedNames = new Set(protect.map(key));
  const taken = new Set(existing.map((s) => key(s.name)));
  const replaced = new Set<string>();
  const placements = new Map<R, SheetPlacement<R>>();

  // Replacements first: a marked sheet keeps its current name (the user may have renamed it on purpose).
  for (const w of wanted) {
    const marker = markerName(w.role).toLowerCase();
    const sheet = existing.find((s) => s.marker?.toLowerCase() === marker && !protectedNames.has(key(s.name)) && !replaced.has(key(s.name)));
    if (!sheet) continue;
    replaced.add(key(sheet.name));
    placements.set(w.role, { role: w.role, name: sheet.name, action: { kind: "replace", existing: sheet.name } });
  }
  for (const w of wanted) {
    if (placements.has(w.role)) continue;
    const name = legalSheetName(w.name, taken);
    taken.add(key(name));
    placements.set(w.role, { role: w.role, name, action: { kind: "create" } });
  }
  return wanted.map((w) => placements.get(w.role)!);
}

/** `name`, else `name (2)`, `name (3)`… shortened to fit 31 characters (`taken` holds lower-case names). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = trimName(clip(name, MAX_SHEET_NAME - suffix.length)) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Names Excel or LibreOffice would read as a cell (A1, XFD1048576) or an R1C1 reference (R1C1, R, C2). */
const CELL_LIKE = /^([A-Z]{1,3}\d+|R\d*C?\d*|C\d*)$/i;

/**
 * A workbook-scoped defined name both Excel and LibreOffice accept, close to
 * `wanted`: letters (Chinese too), digits, `_` and `.`; a letter or `_`
 * first; not cell-like; not in `taken` (lower case; the result is added).
 */
export function definedName(wanted: string, taken: Set<string>): string {
  let base = wanted.trim().replace(/[^\p{L}\p{N}_.]+/gu, "_").replace(/^_+|_+$/g, "");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (CELL_LIKE.test(base)) base = `${base}_`;
  let name = base.slice(0, 200);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 195)}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}
