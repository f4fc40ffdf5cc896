/** What the pane reads through its host for the history stage: our history and tier sheets, nothing else. */
import { historySheets, readWorkbookHistory, tierSheetColumns, TIER_HEADER_ROWS, type WorkbookHistory } from "../../core/history";
import type { SheetGrid } from "../../core/sheet/types";
import type { SheetInfo, WorkbookHost } from "../../hosts/host";

/**
 * The workbook's tier history and the override cells of its tier sheet, for
 * `historyStage`: reads the two sheets our markers point at (one read each,
 * values only; of the tier sheet only the columns core names) and hands the grids to core, which finds the columns.
 */
export async function readHistory(host: Pick<WorkbookHost, "readSheet" | "readColumns">, sheets: readonly SheetInfo[]): Promise<WorkbookHistory> {
  const names = historySheets(sheets);
  // Of the tier sheet only the override columns and who they belong to (a big sheet is mostly formulas' results).
  const tiers = names.tiers === undefined ? undefined : host.readColumns ? host.readColumns(names.tiers, TIER_HEADER_ROWS, tierSheetColumns) : host.readSheet(names.tiers);
  const grids: SheetGrid[] = await Promise.all([names.history === undefined ? undefined : host.readSheet(names.history), tiers].filter((g): g is Promise<SheetGrid> => g !== undefined));
  return readWorkbookHistory(sheets, (name) => grids.find((g) => g.name === name));
}
