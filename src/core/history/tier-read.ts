import type { CellValue } from "../parse/values";
import { isBlank } from "../parse/values";
import { cellText } from "../sheet/cell-text";
import { columnLetter } from "../sheet/columns";
import type { SheetGrid } from "../sheet/types";
import { fold } from "../text/normalize";
import type { OverrideEntry } from "./overrides";
import type { Place } from "./types";

/** Header texts of the tier sheet's columns read back, either language (plan/words.ts writes them). */
const HEADERS = {
  override: ["人工等级", "Override"],
  reason: ["调整理由", "Reason"],
  id: ["客户编号", "Customer ID"],
  customer: ["客户", "Customer"],
} as const;

export interface TierSheetOverrides {
  entries: OverrideEntry[];
  places: { tier?: Place; reason?: Place; sheet?: string };
}

/** Where the override columns are: the header row (index into the values) and each column, -1 when absent. */
interface TierHeader {
  h: number;
  override: number;
  reason: number;
  id: number;
  customer: number;
}

/** The first of the first ten rows naming an override column, and the columns read back. */
function findHeader(values: readonly (readonly CellValue[])[]): TierHeader | undefined {
  for (let h = 0; h < Math.min(10, values.length); h++) {
    const col = (names: readonly string[]) => values[h].findIndex((v) => typeof v === "string" && names.some((n) => fold(n) === fold(v)));
    const override = col(HEADERS.override);
    if (override < 0) continue;
    return { h, override, reason: col(HEADERS.reason), id: col(HEADERS.id), customer: col(HEADERS.customer) };
  }
  return undefined;
}

/** Rows a host reads first to find the header (`tierSheetColumns`). */
export const TIER_HEADER_ROWS = 10;

/**
 * The only columns `readTierOverrides` needs (customer ID, customer,
 * override, reason; indices into the rows given), found in the sheet's first
 * `TIER_HEADER_ROWS` rows: a host reads just those below them, not the whole
 * tier sheet. Undefined when there is no override column (nothing more to read).
 */
export function tierSheetColumns(top: readonly (readonly CellValue[])[]): number[] | undefined {
  const found = findHeader(top);
  return found && [found.id, found.customer, found.override, found.reason].filter((c) => c >= 0).sort((a, b) => a - b);
}

/**
 * What a user typed in the override columns of the tier sheet a run is about
 * to replace: one entry per data row with a customer, keyed like the history
 * (customer ID when filled, else the name). Undefined when the sheet has no
 * override column (a sheet from before this feature): overrides then come from the history.
 * The grid may hold only the columns `tierSheetColumns` names (the rest null).
 */
export function readTierOverrides(grid: SheetGrid): TierSheetOverrides | undefined {
  const { values } = grid;
  const originRow = grid.origin?.row ?? 0;
  const originCol = grid.origin?.col ?? 0;
  const found = findHeader(values);
  if (!found) return undefined;
  const { h, override: o, reason: r, id, customer: name } = found;
  const text = (v: CellValue) => (isBlank(v) ? "" : cellText(v));
  const entries: OverrideEntry[] = [];
  for (let i = h + 1; i < values.length; i++) {
    const row = values[i];
    const key = (id >= 0 ? text(row[id]) : "") || (name >= 0 ? text(row[name]) : "");
    if (!key) continue;
    entries.push({ key, row: originRow + i + 1, tier: row[o] ?? null, reason: r >= 0 ? (row[r] ?? null) : null });
  }
  const place = (c: number) => (c < 0 ? undefined : { header: String(values[h][c]), letter: columnLetter(originCol + c) });
  return { entries, places: { tier: place(o), reason: place(r), sheet: grid.name } };
}
