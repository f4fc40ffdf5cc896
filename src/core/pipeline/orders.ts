import type { Lang, Model } from "../model";
import { aggregateOrders, type OrderAggregate } from "../orders/aggregate";
import { customerMapping, customerTable, CUSTOMER_SUMMARY_FIELDS } from "../orders/customers";
import { ORDER_LOG, pick as pickOrderFields, recogniseOrderLog, type OrderLogShape } from "../orders/detect";
import { localToday } from "../parse/values";
import { orderFields } from "../presets/fields";
import { MappingError, mapColumns, missingFieldsMessage } from "../sheet/mapping";
import type { ColumnMapping, SourceTable } from "../sheet/types";

/** An order log read as one row per customer: the log's table and shape, and the sums. */
export interface OrdersStage {
  source: SourceTable;
  mapping: ColumnMapping;
  aggregate: OrderAggregate;
}

export interface OrdersOptions {
  /**
   * Read the table as an order log summed per customer: `true` always (`--orders`),
   * `false` never; by default when the model reads only what an order log gives
   * (recency, frequency, monetary…) and the table is recognised as one (customers repeat, a date column).
   */
  orders?: boolean;
  /** The day recency and customer status count from (`--as-of`); today by default. */
  today?: Date;
}

const ORDER_FIELD_IDS = new Set(orderFields.map((f) => f.id));
const SUMMARY_FIELD_IDS = new Set(CUSTOMER_SUMMARY_FIELDS.map((f) => f.id));

/** Whether a field id is one of an order log's (customer, customerId, orderDate, amount, orderId). */
export function isOrderField(field: string): boolean {
  return ORDER_FIELD_IDS.has(field.trim());
}

/** Whether a column choice belongs to the order stage (orderDate=日期) rather than to the model. */
export function isOrderChoice(field: string, model: Pick<Model, "fields">): boolean {
  const id = field.trim();
  return ORDER_FIELD_IDS.has(id) && !model.fields.some((f) => f.id === id);
}

/** Whether a model reads only what an order log summed per customer gives (recency, frequency, monetary…): the value presets. */
export function sumsOrders(model: Pick<Model, "fields">): boolean {
  return model.fields.every((f) => !f.required || SUMMARY_FIELD_IDS.has(f.id));
}

/**
 * The order log's shape with the user's choices: `choices` maps order fields
 * to columns (as `--map` does), `unused` lists order fields set to "not used"
 * (no order-id column: each line is an order). Null when the table is not an order log.
 */
export function orderLogShape(table: SourceTable, choices: Record<string, string> = {}, unused: readonly string[] = []): OrderLogShape | null {
  const shape = recogniseOrderLog(table, choices);
  return shape && { ...shape, mapping: withoutFields(shape.mapping, unused) };
}

function withoutFields(mapping: ColumnMapping, unused: readonly string[]): ColumnMapping {
  const drop = unused.filter((f) => ORDER_FIELD_IDS.has(f) && f in mapping.columns);
  if (!drop.length) return mapping;
  const columns = { ...mapping.columns };
  for (const f of drop) delete columns[f];
  const missing = ORDER_LOG.fields.filter((f) => f.required && !(f.id in columns)).map((f) => f.id);
  // Someone must have placed each order: a name or an id column.
  if (!("customer" in columns) && !("customerId" in columns)) missing.unshift("customer");
  return { ...mapping, columns, missing };
}

/**
 * The order-log stage of `resolve`: the log summed per customer when asked, or
 * when it is one and the model wants its sums and misses columns of its own.
 * Returns the customer table with its mapping, or undefined to read the table as it is.
 */
export function ordersStage(
  table: SourceTable,
  lang: Lang,
  model: Model,
  choices: Record<string, string>,
  options: OrdersOptions,
  unused: readonly string[] = [],
): { table: SourceTable; mapping: ColumnMapping; orders: OrdersStage } | undefined {
  if (options.orders === false) return undefined;
  // A value preset on a log whose amount column also reads as "monetary" (abc on Sales) still wants the sums per customer.
  if (options.orders === undefined && !sumsOrders(model)) return undefined;
  const shape = orderLogShape(table, choices, unused);
  if (!shape && options.orders === undefined) return undefined;
  const mapping = shape?.mapping ?? withoutFields(mapColumns(table.headers, ORDER_LOG, pickOrderFields(choices), table.firstCol), unused);
  if (mapping.missing.length) throw new MappingError(missingFieldsMessage(mapping, ORDER_LOG, table.headers, table.firstCol));
  const aggregate = aggregateOrders(table, mapping, options.today ?? localToday());
  const orders: OrdersStage = { source: table, mapping, aggregate };
  return { table: customerTable(aggregate, table, lang), mapping: customerMapping(model, aggregate), orders };
}
