/**
 * How a model input shows on the tier sheet: a link to the source cell when
 * the formulas can read it as the engine did; else the engine's reading of it
 * in blue (`2万` → 20,000; in a live sheet every such copy, so that what does
 * not follow the source looks different), or the unreadable text itself.
 */
import type { Category, FieldDef, Lang, Model } from "../model";
import type { CellValue } from "../parse/values";
import type { ScoredRow, ScoredTable } from "../sheet/types";
import { dateSerial, formattedCell, numberCell, textCell } from "./cells";
import { indexLinkFormula, linkFormula } from "./formulas";
import { spellings } from "./rules-sheet";
import { STYLE } from "./style";
import { dataColumn, formulaColumn } from "./columns";
import type { Cell, ColumnException, PlanColumn } from "./types";

export interface InputColumn {
  numberFormat: string | undefined;
  /** Block row i = scored row i. */
  column: PlanColumn;
}

interface InputContext {
  scored: ScoredTable;
  model: Model;
  lang: Lang;
  live: boolean;
  /** Scored row i (built by the engine on demand; the caller may keep a page of them). */
  rowAt: (i: number) => ScoredRow;
  /** The tier sheet's column of source row numbers, and the sheet row of its first customer (1-based). */
  sourceRowColumn: string;
  firstRow: number;
  /**
   * Where the inputs live when not in the source table at the scored rows' own
   * row numbers: an order log's customer summary sheet, row i = customer i.
   */
  linkTo?: { sheet: string; firstRow: number; column: (fieldId: string) => number | undefined };
}

/**
 * The input columns, reading the scored rows once whatever the number of
 * fields: for the number formats and for the rows a link cannot show (only
 * those rows are built again, to make their cells).
 */
export function inputColumns(fields: readonly FieldDef[], ctx: InputContext): InputColumn[] {
  const { scored, model, lang, live, rowAt, linkTo } = ctx;
  // Scored row i is the table's row i.
  const source = scored.table.rows;
  const rows = scored.rows;
  const first = linkTo ? linkTo.firstRow : rows.length ? rows.at(0).row : 1;
  // Source rows one after another (or an order log's customer summary): one link formula filled down, the rows it cannot link as exceptions.
  const consecutive = linkTo !== undefined || rows.length === 0 || rows.at(rows.length - 1).row === first + rows.length - 1;
  // The sheet column a field links to, if any.
  const linkColumn = (fieldId: string, mapped: number | undefined): number | undefined => {
    if (!live || mapped === undefined) return undefined;
    return linkTo ? linkTo.column(fieldId) : scored.table.firstCol + mapped;
  };
  const inputs = fields.map((field) => {
    const mapped = scored.mapping.columns[field.id];
    const categories = fieldCategories(model, field.id);
    const exact = categories ? exactSpellings(categories) : undefined;
    const col = linkColumn(field.id, mapped);
    const link =
      col === undefined
        ? undefined
        : consecutive
          ? linkFormula(linkTo ? linkTo.sheet : scored.table.sheetName, col)(first)
          : indexLinkFormula(scored.table.sheetName, col, ctx.sourceRowColumn)(ctx.firstRow);
    const raw = (i: number) => (mapped === undefined ? null : source[i].cells[mapped]);
    const linkable = (sr: ScoredRow, i: number) => isLinkable(field, raw(i), sr.values[field.id] ?? null, sr.converted, categories, exact);
    return { field, categories, link, raw, linkable, scanned: link !== undefined, unlinked: [] as number[] };
  });
  const fractional = new Set<string>();
  const scanned = inputs.filter((x) => x.scanned);
  for (let i = 0; i < rows.length; i++) {
    const sr = rowAt(i);
    for (const f of fields) {
      const v = sr.values[f.id];
      if (typeof v === "number" && !Number.isInteger(v)) fractional.add(f.id);
    }
    for (const x of scanned) if (!x.linkable(sr, i)) x.unlinked.push(i);
  }
  return inputs.map(({ field, categories, link, raw, scanned: isScanned, unlinked }) => {
    const numberFormat = fieldFormat(field, fractional.has(field.id), lang);
    // What the sheet shows when it cannot link: the engine's reading in blue, or the unreadable text.
    const value = (sr: ScoredRow, i: number): Cell => convertedOrRaw(sr.values[field.id] ?? null, raw(i), live || sr.converted.includes(field.id), numberFormat, categories, lang);
    const column: PlanColumn =
      link && isScanned ? formulaColumn(link, unlinked.map((i): ColumnException => ({ row: i, cell: value(rows.at(i), i) }))) : dataColumn((i) => value(rowAt(i), i));
    return { numberFormat, column };
  });
}

/** The categories a category field is read against (categories criterion, or a table's rows/cols). */
function fieldCategories(model: Model, fieldId: string): readonly Category[] | undefined {
  for (const c of model.criteria) {
    if (c.kind === "categories" && c.field === fieldId) return c.categories;
    if (c.kind === "table" && c.rowField === fieldId) return c.rows;
    if (c.kind === "table" && c.colField === fieldId) return c.cols;
  }
  return undefined;
}

/** Spelling as MATCH compares it (case-insensitive, nothing else folded) → category id. */
function exactSpellings(categories: readonly Category[]): Map<string, string> {
  return new Map(spellings(categories).map(([s, no]) => [s.toLowerCase(), categories[no - 1].id]));
}

/**
 * Whether the tier sheet can refer to the source cell and still compute the
 * engine's result: a plain number (a date for date fields), or a category
 * text that MATCH finds as it is (no width/space folding, no wildcards).
 */
function isLinkable(
  field: FieldDef,
  raw: CellValue,
  parsed: ScoredRow["values"][string],
  converted: string[],
  categories: readonly Category[] | undefined,
  exact: Map<string, string> | undefined,
): boolean {
  if (converted.includes(field.id)) return false;
  if (categories && exact) {
    return typeof raw === "string" && !/[*?~]/.test(raw) && parsed !== null && exact.get(raw.toLowerCase()) === parsed;
  }
  if (field.kind === "date") return raw instanceof Date || typeof raw === "number";
  return typeof raw === "number" && raw === parsed;
}

/** The parsed value, in blue when marked (or when it shows something else than the source), or the raw cell when nothing could be read. */
function convertedOrRaw(
  parsed: ScoredRow["values"][string],
  raw: CellValue,
  marked: boolean,
  format: string | undefined,
  categories: readonly Category[] | undefined,
  lang: Lang,
): Cell {
  if (parsed === null) return unreadableCell(raw);
  let value: number | string;
  let numberFormat = format ?? "General";
  if (parsed instanceof Date) value = dateSerial(parsed);
  else if (typeof parsed === "string") {
    value = categories?.find((k) => k.id === parsed)?.label[lang] ?? parsed;
    numberFormat = "@";
  } else value = parsed;
  // Blue when marked (read from text, or a copy in a live sheet), or when the cell shows something other than the source (a category's label, a scaled number).
  const differs = marked || !sameAsSource(raw, value);
  return differs ? formattedCell(value, `${STYLE.convertedColor}${numberFormat}`) : typeof value === "string" ? textCell(value) : value;
}

/** Whether the source cell holds the value as written (a CSV's `12000` is the number 12000). */
function sameAsSource(raw: CellValue, value: number | string): boolean {
  if (typeof raw === "number") return raw === value;
  if (raw instanceof Date) return dateSerial(raw) === value;
  if (typeof raw !== "string") return false;
  return typeof value === "string" ? raw === value : raw.trim() !== "" && Number(raw) === value;
}

/**
 * An input the engine could not use, shown as text so that the formulas cannot
 * use it either (a past close date must not become a number of months).
 */
function unreadableCell(raw: CellValue): Cell {
  if (raw === null || raw === undefined) return null;
  const shown = raw instanceof Date ? (Number.isFinite(raw.getTime()) ? raw.toISOString().slice(0, 10) : "") : typeof raw === "object" ? raw.error : String(raw);
  return shown.trim() === "" ? null : { kind: "text", text: shown };
}

/** A source cell copied as it is: numbers stay numbers, text stays text, dates become serials. */
export function plainCell(raw: CellValue): Cell {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return dateSerial(raw);
  if (typeof raw === "number") return numberCell(raw);
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "object") return textCell(raw.error);
  return raw.trim() === "" ? null : textCell(raw);
}

/** Number format of an input column; decimals only when the data has them. */
function fieldFormat(field: FieldDef, fractional: boolean, lang: Lang): string | undefined {
  switch (field.kind) {
    case "money":
    case "count":
      return fractional ? "#,##0.00" : "#,##0";
    case "days": {
      const unit = (field.unit ?? { "zh-CN": "天", "en-US": "days" })[lang];
      return `${fractional ? "0.0" : "0"} "${unit}"`;
    }
    case "number":
      return fractional ? "General" : "#,##0"; // `#,##0.##` would show whole numbers as `3.` in Excel
    case "date":
      return "yyyy-mm-dd";
    default:
      return undefined;
  }
}
