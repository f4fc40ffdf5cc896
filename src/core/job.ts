import type { Lang, Model } from "./model";
import { aggregateOrders, type OrderAggregate } from "./orders/aggregate";
import { customerMapping, customerTable, CUSTOMER_SUMMARY_FIELDS } from "./orders/customers";
import { ORDER_LOG, pick as pickOrderFields, recogniseOrderLog } from "./orders/detect";
import { localToday } from "./parse/values";
import { orderFields } from "./presets/fields";
import { detectTable } from "./sheet/detect";
import { MappingError, mapColumns, missingFieldsMessage } from "./sheet/mapping";
import { scoreTable } from "./sheet/score-table";
import type { ColumnMapping, ScoredTable, SheetGrid, SourceTable } from "./sheet/types";

const ORDER_FIELD_IDS = new Set(orderFields.map((f) => f.id));

/**
 * The main job up to the plan, shared by the CLI, the task pane and the
 * playground: find the customer table, map its columns, score every row.
 */
export interface ScoreSheetOptions {
  model: Model;
  lang: Lang;
  /** field id → header text or sheet column letter, chosen by the user. */
  mapping?: Record<string, string>;
  /** The day months-to-close, follow-ups, recency and customer status count from (`--as-of`); today by default. */
  today?: Date;
  /**
   * Read the table as an order log summed per customer: `true` always (`--orders`),
   * `false` never; by default when the model reads only what an order log gives
   * (recency, frequency, monetary…), its columns are not in the table, and the table is recognised as one.
   */
  orders?: boolean;
}

/** An order log read as one row per customer: the log's table and shape, and the sums. */
export interface OrdersStage {
  source: SourceTable;
  mapping: ColumnMapping;
  aggregate: OrderAggregate;
}

export interface ScoredSheet {
  grid: SheetGrid;
  table: SourceTable;
  mapping: ColumnMapping;
  scored: ScoredTable;
  /** Set when the sheet was an order log: `table` and `mapping` are then the customer summary's. */
  orders?: OrdersStage;
}

/** Throws MappingError (bilingual, listing the fields needed and the headers found) when a required column is missing. */
export function scoreSheet(grid: SheetGrid, options: ScoreSheetOptions): ScoredSheet {
  const located = locate(grid, options);
  const orders = ordersStage(located, options);
  const { table, mapping } = orders ? { table: customerTable(orders.aggregate, orders.source, options.lang), mapping: customerMapping(options.model, orders.aggregate) } : located;
  if (mapping.missing.length) throw new MappingError(missingFieldsMessage(mapping, options.model, table.headers, table.firstCol));
  const scored = scoreTable(table, mapping, options.model, options.lang, options.today);
  // What the reader had to change comes first: it may explain the issues of the rows; then the order lines left out.
  const before = [...(grid.issues ?? []), ...(orders?.aggregate.issues ?? [])];
  if (before.length) scored.issues = [...before, ...scored.issues];
  return { grid, table, mapping, scored, orders };
}

/** The order-log stage: the log summed per customer when asked, or when it is one and the model wants its sums. */
function ordersStage(located: { table: SourceTable; mapping: ColumnMapping }, options: ScoreSheetOptions): OrdersStage | undefined {
  if (options.orders === false) return undefined;
  const { table } = located;
  if (options.orders === undefined) {
    const summary = new Set(CUSTOMER_SUMMARY_FIELDS.map((f) => f.id));
    const wantsSums = options.model.fields.every((f) => !f.required || summary.has(f.id));
    if (!wantsSums || located.mapping.missing.length === 0) return undefined;
  }
  const shape = recogniseOrderLog(table, options.mapping);
  const mapping = shape?.mapping ?? mapColumns(table.headers, ORDER_LOG, pickOrderFields(options.mapping ?? {}), table.firstCol);
  if (!shape && options.orders === undefined) return undefined;
  if (mapping.missing.length) throw new MappingError(missingFieldsMessage(mapping, ORDER_LOG, table.headers, table.firstCol));
  return { source: table, mapping, aggregate: aggregateOrders(table, mapping, options.today ?? localToday()) };
}

function locate(grid: SheetGrid, options: ScoreSheetOptions): { table: SourceTable; mapping: ColumnMapping } {
  const table = detectTable(grid, options.lang);
  // Order-log fields in --map (orderDate=日期) belong to the order stage, not to the model.
  const ids = new Set(options.model.fields.map((f) => f.id));
  const explicit = Object.fromEntries(Object.entries(options.mapping ?? {}).filter(([k]) => ids.has(k.trim()) || !ORDER_FIELD_IDS.has(k.trim())));
  return { table, mapping: mapColumns(table.headers, options.model, explicit, table.firstCol) };
}

/**
 * The sheet to read: the one named, else the first whose table has every
 * required column of the model, else the first sheet. Undefined when a named
 * sheet does not exist.
 */
export function pickSheet(grids: readonly SheetGrid[], options: ScoreSheetOptions, name?: string): SheetGrid | undefined {
  if (name !== undefined) return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.trim().toLowerCase() === name.trim().toLowerCase());
  const complete = grids.find((g) => {
    try {
      return locate(g, options).mapping.missing.length === 0;
    } catch {
      return false;
    }
  });
  return complete ?? grids[0];
}
