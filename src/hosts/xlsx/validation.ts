/**
 * Plan data validations in exceljs terms: one `<dataValidation>` per plan
 * range (the worksheet's model keyed by the range address), not one per cell.
 */
import type ExcelJS from "exceljs";
import { rangeAddress } from "../../core/plan/a1";
import { serialDate } from "../../core/plan/cells";
import type { DataValidation, ValidationRule } from "../../core/plan/types";

/** `worksheet.dataValidations` exists in exceljs 4 but is missing from its typings. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export function addValidations(ws: ExcelJS.Worksheet, validations: readonly DataValidation[]): void {
  const target = (ws as unknown as WithValidations).dataValidations;
  for (const v of validations) {
    target.add(rangeAddress(v.range), {
      ...rule(v.rule),
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.prompt.title,
      prompt: v.prompt.message,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.error.title,
      error: v.error.message,
    });
  }
}

function rule(r: ValidationRule): Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae"> {
  switch (r.kind) {
    case "list":
      return { type: "list", formulae: [r.source] };
    case "number":
      return {
        type: r.whole ? "whole" : "decimal",
        ...(r.max === undefined ? { operator: "greaterThanOrEqual", formulae: [r.min] } : { operator: "between", formulae: [r.min, r.max] }),
      };
    case "date":
      // exceljs writes a date rule's bound from a Date.
      return { type: "date", operator: "greaterThanOrEqual", formulae: [serialDate(r.min)] };
  }
}
