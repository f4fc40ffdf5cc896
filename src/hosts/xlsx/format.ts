/** Plan formats in exceljs terms: colours, fonts, range styles, conditional-format rules. */
import type ExcelJS from "exceljs";
import { rangeAddress } from "../../core/plan/a1";
import type { ConditionalRule, RangeStyle } from "../../core/plan/types";

/** `#C6EFCE` → `FFC6EFCE`. */
export function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

export function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/** Applies a range style cell by cell (ranges in a plan are headers, titles and small tables). */
export function applyRangeStyle(ws: ExcelJS.Worksheet, style: RangeStyle, baseFont: Partial<ExcelJS.Font> | undefined): void {
  const { range } = style;
  const fill = style.fill ? solidFill(style.fill) : undefined;
  const side: Partial<ExcelJS.Border> | undefined = style.border ? { style: "thin", color: { argb: argb(style.border.color) } } : undefined;
  const fontChange = style.fontColor !== undefined || style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined;
  for (let r = range.row; r < range.row + range.rows; r++) {
    for (let c = range.col; c < range.col + range.cols; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      // Data cells share style objects (write.ts): change a copy, not every cell of the column.
      cell.style = { ...cell.style };
      if (fill) cell.fill = fill;
      if (fontChange) {
        cell.font = {
          ...baseFont,
          ...cell.font,
          ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
          ...(style.bold !== undefined ? { bold: style.bold } : {}),
          ...(style.italic !== undefined ? { italic: style.italic } : {}),
          ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
        };
      }
      if (style.wrap !== undefined || style.align !== undefined) {
        cell.alignment = { ...cell.alignment, ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}), ...(style.align ? { horizontal: style.align } : {}), vertical: "middle" };
      }
      if (side) {
        const edges = style.border!.edges;
        const last = r === range.row + range.rows - 1;
        cell.border = edges === "all" ? { top: side, left: side, bottom: side, right: side } : last ? { ...cell.border, bottom: side } : cell.border;
      }
    }
  }
}

/** Adds the plan's rules to a sheet, each with its own range and priority. */
export function addConditionalRules(ws: ExcelJS.Worksheet, rules: readonly ConditionalRule[]): void {
  for (const rule of rules) {
    const ref = rangeAddress(rule.range);
    if (rule.kind === "formula") {
      const style: Partial<ExcelJS.Style> = {};
      // Differential fills take the colour from bgColor.
      if (rule.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } };
      if (rule.fontColor || rule.bold) style.font = { ...(rule.fontColor ? { color: { argb: argb(rule.fontColor) } } : {}), ...(rule.bold ? { bold: true } : {}) };
      const cf: ExcelJS.ExpressionRuleType & { stopIfTrue?: boolean } = { type: "expression", formulae: [rule.formula], style, priority: rule.priority };
      if (rule.stopIfTrue) cf.stopIfTrue = true;
      ws.addConditionalFormatting({ ref, rules: [cf] });
    } else {
      const bar = {
        type: "dataBar" as const,
        priority: rule.priority,
        cfvo: [{ type: "num" as const, value: 0 }, rule.max === undefined ? { type: "max" as const } : { type: "num" as const, value: rule.max }],
        color: { argb: argb(rule.color) },
        gradient: false,
      };
      ws.addConditionalFormatting({ ref, rules: [bar as ExcelJS.DataBarRuleType] });
    }
  }
}
