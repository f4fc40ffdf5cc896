import type { CellValue } from "../../core/parse/values";
import type { SheetGrid } from "../../core/sheet/types";
import { parseAddress } from "../../core/plan/address";
import type { ExcelContext, Range, RangeAreas, Worksheet } from "./api";
import { isPayloadLimit } from "./errors";

/** Excel refuses to read more cells than this in one request, on every platform. */
export const MAX_CELLS_PER_READ = 5_000_000;

export interface ReadOptions {
  /** Cells per read request; lower only to test the chunked path. */
  maxCells?: number;
  /** Read the merged areas (ExcelApi 1.13); false where Excel lacks them (requirements.ts). Default true. */
  mergedAreas?: boolean;
}

/**
 * Reads one sheet (the active one by default) for core: the used range's
 * values from its top-left cell, its merged areas, its tables and the user's
 * selection. Two syncs: one for the layout, one for the values; more only
 * for sheets over 5,000,000 cells, or when Excel on the web answers that the
 * values exceed its 5 MB response limit (then the rows are read in halves
 * until each part fits).
 *
 * Values are passed as Excel gives them: dates as serial numbers (core reads
 * serials for date fields), error cells as their text (`#N/A`), which core
 * recognises, so `valueTypes` (twice the response) is not loaded.
 */
export async function readSheet(context: ExcelContext, name?: string, options: ReadOptions = {}): Promise<SheetGrid> {
  const { workbook } = context;
  const sheet = name === undefined ? workbook.worksheets.getActiveWorksheet() : workbook.worksheets.getItem(name);
  const layout = await readLayout(context, sheet, options.mergedAreas !== false);
  if (!layout) return { name: sheet.name, values: [] };

  const { origin, rows, cols } = layout;
  const grid: SheetGrid = { name: sheet.name, values: [], origin };
  let tableRanges: Range[] = [];
  const maxCells = options.maxCells ?? MAX_CELLS_PER_READ;
  await inBlocks(context, 0, rows, Math.max(1, Math.min(rows, Math.floor(maxCells / cols))), (done, n) => {
    // The tables' ranges ride along with the first read.
    if (done === 0) tableRanges = layout.tables.map((t) => loaded(t.getRange(), "address"));
    const part = loaded(sheet.getRangeByIndexes(origin.row + done, origin.col, n, cols), "values");
    return () => {
      for (const row of part.values) grid.values.push(row as CellValue[]);
    };
  });

  const tables = layout.tables.flatMap((t, i) => {
    const area = parseAddress(tableRanges[i].address)[0];
    // A table without a header row has no column names to map: leave it to detection.
    return area && t.showHeaders !== false ? [{ name: t.name, range: area.range, totalsRow: t.showTotals === true }] : [];
  });
  if (tables.length) grid.tables = tables;
  if (layout.merges.length) grid.merges = layout.merges;
  if (layout.selection) grid.selection = layout.selection;
  return grid;
}

/**
 * `WorkbookHost.readColumns`: the used range's first `headerRows` rows, then
 * below them only the columns `pick` names, each its own range, all in one
 * request per block of rows (halved like `readSheet` when Excel answers that
 * the response is too large). Three syncs for a sheet under 5,000,000 cells.
 */
export async function readColumns(
  context: ExcelContext,
  name: string,
  headerRows: number,
  pick: (top: readonly (readonly CellValue[])[]) => number[] | undefined,
  options: ReadOptions = {},
): Promise<SheetGrid> {
  const sheet = context.workbook.worksheets.getItem(name);
  // The used range and tables only: no merges, no selection.
  const layout = await readLayoutOnce(context, sheet, false, false);
  if (!layout) return { name, values: [] };
  const { origin, rows, cols } = layout;
  const topRows = Math.min(rows, headerRows);
  const top = loaded(sheet.getRangeByIndexes(origin.row, origin.col, topRows, cols), "values");
  await context.sync();
  const values = top.values.map((r) => r as CellValue[]);
  const wanted = (pick(values) ?? []).filter((c) => c >= 0 && c < cols);
  const width = wanted.length ? wanted[wanted.length - 1] + 1 : 0;
  if (!wanted.length) return { name, values, origin };
  await inBlocks(context, topRows, rows, Math.max(1, Math.floor((options.maxCells ?? MAX_CELLS_PER_READ) / wanted.length)), (done, n) => {
    const parts = wanted.map((c) => loaded(sheet.getRangeByIndexes(origin.row + done, origin.col + c, n, 1), "values"));
    return () => {
      for (let r = 0; r < n; r++) {
        const row = new Array<CellValue>(width).fill(null);
        wanted.forEach((c, i) => (row[c] = parts[i].values[r][0] as CellValue));
        values.push(row);
      }
    };
  });
  return { name, values, origin };
}

/**
 * Sheet rows `from` to `to` (exclusive) read in blocks of at most `perRead`
 * rows, one sync each: `queue` loads a block and returns what to do with it
 * once synced. When Excel on the web answers that a response exceeds its
 * limit, the block is halved and read again until each part fits.
 */
async function inBlocks(context: ExcelContext, from: number, to: number, perRead: number, queue: (done: number, n: number) => () => void): Promise<void> {
  for (let done = from; done < to; ) {
    const n = Math.min(perRead, to - done);
    const take = queue(done, n);
    try {
      // One sync per block of rows is the point: Office refuses a response over its payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || n === 1) throw e;
      perRead = Math.ceil(n / 2);
      continue;
    }
    take();
    done += n;
  }
}

interface Layout {
  origin: { row: number; col: number };
  rows: number;
  cols: number;
  tables: Worksheet["tables"]["items"];
  merges: NonNullable<SheetGrid["merges"]>;
  selection?: NonNullable<SheetGrid["selection"]>;
}

/**
 * The sheet's name, used range, tables, merged areas and selection in one sync.
 * Merged areas fail beyond 512 and the selection fails when a shape is
 * selected: then they are given up (core detects the table without them) and
 * the rest is read again. Undefined for an empty sheet.
 */
async function readLayout(context: ExcelContext, sheet: Worksheet, mergedAreas: boolean): Promise<Layout | undefined> {
  try {
    return await readLayoutOnce(context, sheet, true, mergedAreas);
  } catch {
    return readLayoutOnce(context, sheet, false, false);
  }
}

async function readLayoutOnce(context: ExcelContext, sheet: Worksheet, withExtras: boolean, mergedAreas: boolean): Promise<Layout | undefined> {
  sheet.load("name");
  const used = loaded(sheet.getUsedRangeOrNullObject(true), "address");
  sheet.tables.load("items/name,items/showTotals,items/showHeaders");
  let merged: RangeAreas | undefined;
  let selected: Range | undefined;
  if (withExtras) {
    if (mergedAreas) merged = loaded(used.getMergedAreasOrNullObject(), "address");
    selected = loaded(context.workbook.getSelectedRange(), "address");
  }
  await context.sync();
  if (used.isNullObject) return undefined;
  const usedArea = parseAddress(used.address)[0];
  if (!usedArea) return undefined;
  const { row, col, rows, cols } = usedArea.range;
  const merges = merged && !merged.isNullObject ? parseAddress(merged.address).map((a) => a.range) : [];
  const selection = selected ? parseAddress(selected.address).find((a) => a.sheet === sheet.name)?.range : undefined;
  return { origin: { row, col }, rows, cols, tables: sheet.tables.items, merges, selection };
}

/** Queues a load and hands the proxy back, so a read reads as one line. */
function loaded<T extends { load(properties: string): unknown }>(proxy: T, properties: string): T {
  proxy.load(properties);
  return proxy;
}
