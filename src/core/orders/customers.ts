import type { FieldDef, Lang, Model, Text } from "../model";
import { text } from "../model";
import type { CellValue } from "../parse/values";
import { customerField, firstOrderDaysField, firstOrderField, frequencyField, lastOrderField, monetaryField, orderFields, recencyField } from "../presets/fields";
import type { ColumnMapping, SourceTable } from "../sheet/types";
import type { OrderAggregate } from "./aggregate";


/** The columns of the customer summary (客户汇总), in order, with their headers; field ids are the value presets'. */
export const CUSTOMER_SUMMARY_FIELDS: readonly FieldDef[] = [
  customerField,
  orderFields.find((f) => f.id === "customerId")!,
  recencyField,
  frequencyField,
  monetaryField,
  lastOrderField,
  firstOrderField,
  firstOrderDaysField,
];
const HEADERS: readonly Text[] = [
  text("客户", "Customer"),
  text("客户编号", "Customer ID"),
  text("最近购买（天）", "Days since last order"),
  text("购买次数", "Orders"),
  text("消费金额", "Total spent"),
  text("最近购买日期", "Last order"),
  text("首次购买日期", "First order"),
  text("首次购买（天）", "Days since first order"),
];

/** The customer summary's header of a field (`recency` → 最近购买（天）), in `lang`. */
export function summaryHeader(fieldId: string, lang: Lang): string {
  return HEADERS[summaryColumn(fieldId)][lang];
}

/**
 * The aggregate as a customer table the engine scores like any customer sheet:
 * one row per customer, headers in `lang`, each row numbered by the sheet row of
 * the customer's first order line (so issues point back into the log). Field id
 * → column index is `summaryColumn`.
 */
export function customerTable(agg: OrderAggregate, source: Pick<SourceTable, "sheetName" | "headerRow">, lang: Lang): SourceTable {
  const rows = new Array<SourceTable["rows"][number]>(agg.customers);
  for (let c = 0; c < agg.customers; c++) {
    const cells: CellValue[] = [
      agg.names[c] || agg.ids[c],
      agg.ids[c] || null,
      agg.recency[c],
      agg.frequency[c],
      agg.monetary[c],
      new Date(agg.lastOrder[c]),
      new Date(agg.firstOrder[c]),
      agg.firstOrderDays[c],
    ];
    rows[c] = { row: agg.firstRow[c], cells };
  }
  return {
    sheetName: source.sheetName,
    headerRow: source.headerRow,
    firstCol: 0,
    headers: HEADERS.map((h) => h[lang]),
    rows,
    skipped: [],
    foundBy: "detected",
  };
}

/** Column index of a summary field in `customerTable`, -1 when it has none. */
export function summaryColumn(fieldId: string): number {
  return CUSTOMER_SUMMARY_FIELDS.findIndex((f) => f.id === fieldId);
}

/** The model's fields on the customer table's columns, by id (no guessing from headers). */
export function customerMapping(model: Pick<Model, "fields">, agg: OrderAggregate): ColumnMapping {
  const columns: Record<string, number> = {};
  const confidence: Record<string, number> = {};
  for (const f of model.fields) {
    const col = summaryColumn(f.id);
    if (col < 0 || (f.id === "customerId" && !agg.ids.some(Boolean))) continue;
    columns[f.id] = col;
    confidence[f.id] = 1;
  }
  const missing = model.fields.filter((f) => f.required && !(f.id in columns)).map((f) => f.id);
  return { columns, confidence, alternatives: {}, missing };
}
