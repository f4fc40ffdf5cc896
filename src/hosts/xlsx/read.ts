import ExcelJS from "exceljs";
import { text } from "../../core/model";
import { legalSheetName } from "../../core/plan/naming";
import type { CellValue } from "../../core/parse/values";
import { rangeFromA1 } from "../../core/sheet/columns";
import type { CellRange, SheetGrid } from "../../core/sheet/types";
import { HostError } from "../errors";
import { readCsv } from "./csv";

/**
 * The sheets of an `.xlsx` or `.csv` file, from its bytes (no file system here:
 * the CLI reads the file, the playground hands over the upload's ArrayBuffer).
 * Visible sheets come first, in tab order, then hidden ones. A file that
 * cannot be read throws a HostError with a message for the user.
 */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<SheetGrid[]> {
  return (await openWorkbook(bytes, fileName)).grids;
}

/**
 * The file parsed once: its sheets as grids for core, and (xlsx only) the
 * exceljs workbook, so that writing the result does not parse the file again.
 */
export async function openWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<{ grids: SheetGrid[]; workbook?: ExcelJS.Workbook }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const dot = fileName.lastIndexOf(".");
  const ext = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  const base = (dot >= 0 ? fileName.slice(0, dot) : fileName).replace(/^.*[\\/]/, "");
  if (ext === "xls" || ext === "et") {
    throw new HostError(
      text(`不支持旧版 .${ext} 文件，请在 Excel 或 WPS 中另存为 .xlsx`, `Old .${ext} files are not supported: save the file as .xlsx in Excel or WPS`),
      "unsupported-format",
    );
  }
  // A zip (PK) is an xlsx whatever its name; anything else is read as delimited text.
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  if (ext === "xlsx" || ext === "xlsm" || isZip) return readXlsx(data, fileName);
  return { grids: [readCsv(data, legalSheetName(base))] };
}

async function readXlsx(data: Uint8Array, fileName: string): Promise<{ grids: SheetGrid[]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types say Buffer; JSZip underneath takes any Uint8Array, also in the browser.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new HostError(
      text(`无法打开“${fileName}”：不是有效的 xlsx 文件（${why}）`, `Cannot open "${fileName}": not a valid xlsx file (${why})`),
      "unreadable-file",
      { cause: e },
    );
  }
  const sheets = workbook.worksheets;
  const visible = sheets.filter((ws) => ws.state === "visible" || ws.state === undefined);
  const hidden = sheets.filter((ws) => !visible.includes(ws));
  return { grids: [...visible, ...hidden].map(readSheet), workbook };
}

/** What exceljs keeps of a loaded table (its typings describe tables being added, not read). */
interface LoadedTable {
  table?: { name?: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean };
}

function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        // Only the top-left cell of a merge holds the value, as in Excel; the rest is empty.
        const master = cell.master;
        const key = master.address;
        const m = merges.get(key) ?? { top: Number(master.row) - 1, left: Number(master.col) - 1, bottom: 0, right: 0 };
        m.bottom = Math.max(m.bottom, rowNumber - 1, m.top);
        m.right = Math.max(m.right, colNumber - 1, m.left);
        merges.set(key, m);
        return;
      }
      cells[colNumber - 1] = plainValue(cell.value);
    });
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    values[rowNumber - 1] = cells;
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];

  const tables: NonNullable<SheetGrid["tables"]> = [];
  for (const t of ws.getTables() as unknown as LoadedTable[]) {
    const model = t.table;
    const range = model && rangeFromA1(model.tableRef ?? model.ref ?? "");
    // A table without a header row has no column names to map: leave it to detection.
    if (!model || !range || model.headerRow === false) continue;
    tables.push({ name: model.name ?? "", range, totalsRow: model.totalsRow === true });
  }

  const grid: SheetGrid = { name: ws.name, values };
  if (merges.size) {
    grid.merges = [...merges.values()].map(
      (m): CellRange => ({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }),
    );
  }
  if (tables.length) grid.tables = tables;
  return grid;
}

/**
 * A cell as core takes it: rich text and hyperlinks as their text, formulas as
 * their cached result, errors as `{ error: "#N/A" }`.
 */
function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v) return v.richText.map((run) => run.text).join("");
  if ("formula" in v || "sharedFormula" in v) return plainValue((v as { result?: ExcelJS.CellValue }).result);
  if ("hyperlink" in v) return plainValue((v as { text?: ExcelJS.CellValue }).text);
  return null;
}
