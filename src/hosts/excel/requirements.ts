/**
 * The Office.js requirement sets the Excel host needs. manifest.xml declares
 * EXCEL_API_MINIMUM (test/manifest.test.ts keeps the two equal), so Excel does
 * not offer the add-in where the host cannot run; what the host calls from a
 * newer set is checked here at start-up and, where missing, left out with a
 * message in the pane instead of failing.
 *
 * Highest sets called (docs: learn.microsoft.com/javascript/api/requirement-sets/excel):
 * 1.9 application.suspendScreenUpdatingUntilNextSync, worksheet.autoFilter,
 * RangeAreas, worksheet.pageLayout; 1.8 dataValidation, showGridlines;
 * 1.7 getRangeByIndexes, tabColor, freezePanes, NamedItem.formula;
 * 1.6 conditional formats, suspendApiCalculationUntilNextSync;
 * 1.4 names.add, settings, getUsedRangeOrNullObject; 1.2 formulasR1C1.
 * Newer, optional: 1.13 range.getMergedAreasOrNullObject (reading merged cells).
 */
import { text, type Text } from "../../core/model";

/** The ExcelApi version declared in manifest.xml: everything the host calls unconditionally. */
export const EXCEL_API_MINIMUM = "1.9";

/** `Office.context.requirements`, as far as the check needs it. */
export interface RequirementSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ExcelCapabilities {
  /** The declared minimum is there (false only where Excel ignored the manifest's requirements). */
  minimum: boolean;
  /** ExcelApi 1.13: the merged areas of a sheet can be read. */
  mergedAreas: boolean;
  /** What is missing, for the pane to say: empty on an up-to-date Excel. */
  notices: Text[];
}

const VERSIONS = text(
  "Windows 版 Microsoft 365 2102 或更高版本、Excel 2021、Mac 版 16.50 或更高版本，或 Excel 网页版",
  "Microsoft 365 on Windows Version 2102 or later, Excel 2021, Excel for Mac 16.50 or later, or Excel on the web",
);

export const NOTICES = {
  tooOld: text(
    `此版本的 Excel 太旧，无法运行 CustTier（需要 ExcelApi ${EXCEL_API_MINIMUM}）。请更新 Excel：${VERSIONS["zh-CN"]}。`,
    `This version of Excel is too old for CustTier (it needs ExcelApi ${EXCEL_API_MINIMUM}). Please update Excel: ${VERSIONS["en-US"]}.`,
  ),
  noMergedAreas: text(
    `此版本的 Excel 无法读取合并单元格（ExcelApi 1.13），表头含合并单元格的表格可能识别得不够准确。更新 Excel 可解决：${VERSIONS["zh-CN"]}。`,
    `This version of Excel cannot read merged cells (ExcelApi 1.13), so a table with merged header cells may be recognised less well. Updating Excel fixes this: ${VERSIONS["en-US"]}.`,
  ),
};

/** What this Excel supports of what the host uses. */
export function excelCapabilities(support: RequirementSupport): ExcelCapabilities {
  const has = (version: string) => support.isSetSupported("ExcelApi", version);
  const minimum = has(EXCEL_API_MINIMUM);
  const mergedAreas = has("1.13");
  const notices = !minimum ? [NOTICES.tooOld] : mergedAreas ? [] : [NOTICES.noMergedAreas];
  return { minimum, mergedAreas, notices };
}
