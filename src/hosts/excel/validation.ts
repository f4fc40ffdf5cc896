/** Plan data validations through Office.js: one range per validation, its rule and messages set on it. */
import { serialDate } from "../../core/plan/cells";
import type { DataValidation as PlanValidation, ValidationRule } from "../../core/plan/types";
import type { DataValidationRule, Worksheet } from "./api";

export function addValidations(ws: Worksheet, validations: readonly PlanValidation[]): void {
  for (const v of validations) {
    const dv = ws.getRangeByIndexes(v.range.row, v.range.col, v.range.rows, v.range.cols).dataValidation;
    dv.ignoreBlanks = true;
    dv.rule = officeRule(v.rule);
    dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
  }
}

export function officeRule(r: ValidationRule): DataValidationRule {
  switch (r.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: `=${r.source}` } };
    case "number": {
      const bounds = r.max === undefined ? { formula1: r.min, operator: "GreaterThanOrEqualTo" } : { formula1: r.min, formula2: r.max, operator: "Between" };
      return r.whole ? { wholeNumber: bounds } : { decimal: bounds };
    }
    case "date":
      // Office.js takes a date bound as an ISO 8601 date.
      return { date: { formula1: serialDate(r.min).toISOString().slice(0, 10), operator: "GreaterThanOrEqualTo" } };
  }
}
