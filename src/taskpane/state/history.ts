/** What the pane reads through its host for the history stage: our history and tier sheets, nothing else. */
import { historySheets, readWorkbookHistory, type WorkbookHistory } from "../../core/history";
import type { SheetGrid } from "../../core/sheet/types";
import type { SheetInfo, WorkbookHost } from "../../hosts/host";

/**
 * The workbook's tier history and the override cells of its tier sheet, for
 * `historyStage`: reads the two sheets our markers point at (one read each,
 * values only) and hands the grids to core, which finds the columns.
 */
export async function readHistory(host: Pick<WorkbookHost, "readSheet">, sheets: readonly SheetInfo[]): Promise<WorkbookHistory> {
  const names = historySheets(sheets);
  const wanted = [names.history, names.tiers].filter((n): n is string => n !== undefined);
  const grids: SheetGrid[] = await Promise.all(wanted.map((name) => host.readSheet(name)));
  return readWorkbookHistory(sheets, (name) => grids.find((g) => g.name === name));
}
