/**
 * What Excel does with an entry, given the data validation found in a file
 * (as exceljs reads it): refuse it or let it in. Written from the file
 * format's meaning of each rule, independently of the code that writes them.
 */
import type ExcelJS from "exceljs";
import type { Lang, Model } from "../../../src/core/model";
import { parseRef } from "./plan-view";

export interface FileValidation {
  type: string;
  formulae?: unknown[];
  operator?: string;
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  errorStyle?: string;
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
}

/** The validation of one cell (`F4`) of a sheet, if any. */
export function validationAt(ws: ExcelJS.Worksheet, address: string): FileValidation | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, FileValidation> } }).dataValidations.model[address];
}

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (d: Date) => (d.getTime() - EPOCH) / 86_400_000;

/** Whether typing `entry` into a cell with this validation is refused (a stop alert). */
export function refuses(v: FileValidation, entry: unknown, workbook: ExcelJS.Workbook): boolean {
  if (entry === null || entry === undefined || entry === "") return v.allowBlank === false;
  // Only a stop alert refuses; warning and information alerts let the entry in.
  if (!v.showErrorMessage || (v.errorStyle !== undefined && v.errorStyle !== "stop")) return false;
  const bounds = (v.formulae ?? []).map((f) => (f instanceof Date ? serial(f) : Number(f)));
  switch (v.type) {
    case "list":
      return !listValues(String(v.formulae?.[0]), workbook).includes(String(entry));
    case "whole":
      return typeof entry !== "number" || !Number.isInteger(entry) || !within(entry, v.operator, bounds);
    case "decimal":
      return typeof entry !== "number" || !within(entry, v.operator, bounds);
    case "date": {
      const day = entry instanceof Date ? serial(entry) : typeof entry === "number" ? entry : NaN;
      return Number.isNaN(day) || !within(day, v.operator, bounds);
    }
    default:
      throw new Error(`validation type ${v.type} not covered by this check`);
  }
}

function within(x: number, operator = "between", [a, b]: number[]): boolean {
  switch (operator) {
    case "between":
      return x >= a && x <= b;
    case "notBetween":
      return x < a || x > b;
    case "equal":
      return x === a;
    case "notEqual":
      return x !== a;
    case "greaterThan":
      return x > a;
    case "lessThan":
      return x < a;
    case "greaterThanOrEqual":
      return x >= a;
    case "lessThanOrEqual":
      return x <= a;
    default:
      throw new Error(`operator ${operator}`);
  }
}

/** The texts of a list's source range (`'Tier rules'!$A$40:$A$43`) in the workbook. */
export function listValues(source: string, workbook: ExcelJS.Workbook): string[] {
  const { sheet, range } = parseRef(source);
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`list source on a missing sheet: ${source}`);
  const out: string[] = [];
  for (let r = range.row; r < range.row + range.rows; r++) {
    const v = ws.getCell(r + 1, range.col + 1).value;
    // LibreOffice saves mixed-script text (`A01 结案级`) as rich text runs.
    if (v !== null && typeof v === "object" && "richText" in v) out.push(v.richText.map((run) => run.text).join(""));
    else out.push(v === null || v === undefined ? "" : typeof v === "object" && "result" in v ? String(v.result) : String(v));
  }
  return out;
}

export interface Entries {
  header: string;
  /** Entries a user may type. */
  valid: unknown[];
  /** Entries the file must refuse. */
  invalid: unknown[];
}

/**
 * What may and may not be typed into each input column of a template (issue 6:
 * dropdowns for categories, numbers ≥ 0 for amounts and days, dates for dates).
 */
export function entriesFor(model: Model, lang: Lang, statusHeader: string, statuses: string[], lastContactHeader: string): Entries[] {
  const zh = lang === "zh-CN";
  const out: Entries[] = [{ header: statusHeader, valid: statuses, invalid: [zh ? "出差中" : "On holiday", 3] }];
  const read = new Set(model.criteria.flatMap((c) => (c.kind === "table" ? [c.rowField, c.colField] : [c.field])));
  for (const field of model.fields.filter((f) => read.has(f.id))) {
    const header = field.label[lang];
    if (field.kind === "category") {
      const options = model.criteria.flatMap((c) =>
        c.kind === "categories" && c.field === field.id ? c.categories : c.kind === "table" ? (c.rowField === field.id ? c.rows : c.colField === field.id ? c.cols : []) : [],
      );
      out.push({ header, valid: options.map((k) => k.label[lang]), invalid: [zh ? "不知道" : "unknown", "A9"] });
    } else {
      const invalid: unknown[] = [-5, zh ? "2万" : "20k", "abc"];
      if (field.kind === "count") invalid.push(2.5);
      // A 0–100 score cannot be 150; months to close typed as a date (a serial day) are not months.
      if (model.criteria.some((c) => c.kind === "value" && c.field === field.id)) invalid.push(150);
      if (field.fromDate) invalid.push(46000);
      out.push({ header, valid: field.kind === "count" ? [0, 7] : [0, 12, 45.5], invalid });
    }
  }
  out.push({ header: lastContactHeader, valid: [new Date(Date.UTC(2026, 10, 1))], invalid: [zh ? "上周五" : "last Friday", -1] });
  return out;
}
