import type { Model } from "../model";
import { text } from "../model";
import { isBlank } from "../parse/values";
import { orderFields } from "../presets/fields";
import { cellText } from "../sheet/cell-text";
import { mapColumns } from "../sheet/mapping";
import type { ColumnMapping, SourceTable } from "../sheet/types";
import { fold } from "../text/normalize";

/** What `mapColumns` needs to map an order log's columns: its fields and a name for messages. */
export const ORDER_LOG: Pick<Model, "name" | "fields"> = { name: text("订单记录", "Order log"), fields: [...orderFields] };

export interface OrderLogShape {
  /** Data rows (order lines) and distinct customers. */
  orders: number;
  customers: number;
  mapping: ColumnMapping;
}

/**
 * Whether a table is an order log (one row per order, 销售明细): it has a
 * customer and an order-date column and customers repeat — more than one line
 * in ten is a customer seen before, so that a customer sheet with a stray
 * duplicate and a last-contact date is not taken for one. `explicit` is the
 * user's `--map` for order fields. Returns the shape ("N orders → M customers"), or null.
 */
export function recogniseOrderLog(table: SourceTable, explicit: Record<string, string> = {}): OrderLogShape | null {
  const mapping = mapColumns(table.headers, ORDER_LOG, pick(explicit), table.firstCol);
  const date = mapping.columns.orderDate;
  const name = mapping.columns.customer;
  const id = mapping.columns.customerId;
  if (date === undefined || (name === undefined && id === undefined)) return null;
  const customers = countCustomers(table, name, id);
  const orders = table.rows.length;
  const repeats = orders - customers;
  return repeats >= 2 && repeats * 10 > orders ? { orders, customers, mapping } : null;
}

/** The order fields of a `--map` (the others belong to the model that scores the customers). */
export function pick(explicit: Record<string, string>): Record<string, string> {
  const ids = new Set(orderFields.map((f) => f.id));
  return Object.fromEntries(Object.entries(explicit).filter(([k]) => ids.has(k.trim())));
}

/** Distinct customers, keyed as `aggregateOrders` keys them (id when filled, else folded name). */
export function countCustomers(table: SourceTable, name: number | undefined, id: number | undefined): number {
  const seen = new Set<string>();
  for (const { cells } of table.rows) {
    const i = id === undefined ? null : cells[id];
    const n = name === undefined ? null : cells[name];
    if (!isBlank(i)) seen.add("\u0001" + fold(cellText(i)));
    else if (!isBlank(n)) seen.add(fold(cellText(n)));
  }
  return seen.size;
}
