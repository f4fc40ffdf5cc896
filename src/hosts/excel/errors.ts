import { text, type Text } from "../../core/model";
import { HostError } from "../errors";

/** The `code` of an Office.js error (`OfficeExtension.Error`), if the value is one. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof error === "object" && typeof code === "string" ? code : undefined;
}

/** Office says the request or its answer is over the 5 MB limit of Excel on the web. */
export function isPayloadLimit(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** What to tell the user for each Office error code we know a remedy for. */
const REMEDIES: Record<string, { code: string; message: Text }> = {
  InvalidOperationInCellEditMode: {
    code: "cell-edit-mode",
    message: text("Excel 正在编辑单元格：请先退出单元格编辑（按 Esc）再试", "Excel is editing a cell: finish editing the cell (press Esc) and try again"),
  },
  AccessDenied: {
    code: "protected",
    message: text(
      "Excel 拒绝了修改：工作簿结构或工作表受保护。请在“审阅”选项卡中取消保护后再试",
      "Excel refused the change: the workbook structure or a sheet is protected. Unprotect it (Review tab) and try again",
    ),
  },
  InvalidOperation: {
    code: "protected",
    message: text(
      "Excel 不允许此操作：工作簿结构或工作表可能受保护，或正在共同编辑。请取消保护（“审阅”选项卡）后再试",
      "Excel does not allow this now: the workbook structure or a sheet may be protected, or being co-edited. Unprotect it (Review tab) and try again",
    ),
  },
  RequestPayloadSizeLimitExceeded: {
    code: "too-large",
    message: text(
      "一次发送给 Excel 的数据太多（网页版 Excel 每次最多 5 MB）：请选择较小的区域，或改用桌面版 Excel",
      "Too much data for one request to Excel (Excel on the web takes 5 MB at a time): select a smaller range, or use Excel on the desktop",
    ),
  },
  ResponsePayloadSizeLimitExceeded: {
    code: "too-large",
    message: text(
      "工作表太大，Excel 无法一次读出（网页版 Excel 每次最多 5 MB）：请选中客户表所在区域后再试",
      "The sheet is too large for Excel to hand over at once (Excel on the web gives 5 MB at a time): select the customer table and try again",
    ),
  },
  ItemAlreadyExists: {
    code: "already-exists",
    message: text(
      "工作簿中已有同名的工作表或名称：请重命名或删除它后再试",
      "The workbook already has a sheet or defined name with that name: rename or delete it and try again",
    ),
  },
  ItemNotFound: {
    code: "not-found",
    message: text("找不到工作表或区域：它可能刚被重命名或删除。请重新选择后再试", "A sheet or range was not found: it may have just been renamed or deleted. Choose it again and retry"),
  },
};

/** Any failure of an Excel batch as a `HostError` the task pane can show, in both languages. */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const remedy = code === undefined ? undefined : REMEDIES[code];
  if (remedy) return new HostError(remedy.message, remedy.code, { cause: error });
  const detail = error instanceof Error || typeof (error as { message?: unknown })?.message === "string" ? String((error as { message: unknown }).message) : String(error);
  return new HostError(
    text(`Excel 报告了错误：${detail}。请重试；若仍失败，请保存并重新打开工作簿`, `Excel reported an error: ${detail}. Try again; if it keeps failing, save and reopen the workbook`),
    "excel-error",
    { cause: error },
  );
}
