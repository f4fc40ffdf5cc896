/**
 * One line for every file the reader cannot take: what is wrong and what to do,
 * in both languages, never a library's words. The CLI prints it and exits 1;
 * the pane shows it.
 */
import { text } from "../../core/model";
import { HostError } from "../errors";

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;
const count = (n: number) => n.toLocaleString("en-US");

export function oldFormat(file: string, ext: string): HostError {
  return new HostError(
    text(`“${file}”是旧版 .${ext} 文件，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 后再试`, `"${file}" is an old .${ext} file, which cannot be read: save it as .xlsx in Excel or WPS and try again`),
    "unsupported-format",
  );
}

export function openDocument(file: string): HostError {
  return new HostError(
    text(
      `“${file}”是 OpenDocument 表格（.ods），无法读取：请在 LibreOffice、WPS 或 Excel 中另存为 .xlsx 后再试`,
      `"${file}" is an OpenDocument spreadsheet (.ods), which cannot be read: save it as .xlsx in LibreOffice, WPS or Excel and try again`,
    ),
    "unsupported-format",
  );
}

export function encrypted(file: string): HostError {
  return new HostError(
    text(
      `“${file}”设有打开密码，无法读取：请在 Excel 中打开它，取消密码（文件 › 信息 › 保护工作簿 › 用密码进行加密）并保存后再试`,
      `"${file}" is protected with a password, so it cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save and try again`,
    ),
    "encrypted",
  );
}

export function notSpreadsheet(file: string): HostError {
  return new HostError(
    text(
      `“${file}”不是 Excel 工作簿（文件内容不是 xlsx 格式）：请确认选对了文件，或在 Excel 中打开后另存为 .xlsx`,
      `"${file}" is not an Excel workbook (its content is not in xlsx format): check that it is the right file, or open it in Excel and save it as .xlsx`,
    ),
    "unreadable-file",
  );
}

export function damaged(file: string): HostError {
  return new HostError(
    text(
      `“${file}”已损坏或不完整（可能下载或复制中断）：请在 Excel 中打开并另存一份，或重新获取该文件`,
      `"${file}" is damaged or incomplete (perhaps an interrupted download or copy): open it in Excel and save a new copy, or get the file again`,
    ),
    "unreadable-file",
  );
}

export function noWorkbook(file: string): HostError {
  return new HostError(
    text(
      `“${file}”是压缩包，但里面没有 Excel 工作簿（可能是 Word、PowerPoint 或其他文件）：请选择 .xlsx 工作簿`,
      `"${file}" is a zip package with no Excel workbook inside (a Word or PowerPoint file, or another kind): choose an .xlsx workbook`,
    ),
    "unreadable-file",
  );
}

export function noSheets(file: string): HostError {
  return new HostError(
    text(`“${file}”里没有工作表（只有图表或为空）：请在含有客户表的工作簿上运行`, `"${file}" has no worksheets (only charts, or none at all): run it on a workbook that holds the customer sheet`),
    "no-sheet",
  );
}

/** Beyond one of the documented limits (docs/reading.md): which, how much, and the limit. */
export function tooLarge(file: string, where: string, size: number, limit: number, what: "bytes" | "cells" | "merges" | "rows" | "columns" = "bytes"): HostError {
  const counted = { cells: ["个非空单元格", "non-empty cells"], merges: ["个合并区域", "merged ranges"], rows: ["行", "rows"], columns: ["列", "columns"] } as const;
  const [zhWhat, enWhat, shown, max] = what === "bytes" ? ["数据", "data", mb(size), mb(limit)] : [...counted[what], count(size), count(limit)];
  return new HostError(
    text(
      `“${file}”太大，无法读取：${where} 有 ${shown}${what === "bytes" ? " " + zhWhat : zhWhat}，上限是 ${max}。请把客户表复制到一个新工作簿，或拆分后再试`,
      `"${file}" is too large to read: ${where} has ${shown}${what === "bytes" ? " of " : " "}${enWhat}, the limit is ${max}. Copy the customer sheet to a new workbook, or split it, and try again`,
    ),
    "too-large",
  );
}
