/**
 * The one job pipeline. Every surface runs these stages and nothing else:
 * the CLI (`custtier score`), the task pane and the playground (useWorkflow),
 * the bench; templates have their own plan stage (./template.ts).
 *
 *   locate(grid, { lang })              find the customer table in a sheet
 *   resolve(located, model, choices)    map its columns: detection, then the user's choices
 *   score(resolved, { lang, today })    score every row
 *   plan(scored, options)               the workbook plan a host applies
 *
 * Each stage is pure and cheap to call again: the pane re-resolves and
 * re-scores on every model edit without reading the sheet again.
 *
 * Inputs that are not one row per customer plug in here, not around it:
 * `resolve` reads an order log (one row per order) as one row per customer
 * when the model wants its sums (./orders.ts). Extension points:
 * `LocateOptions.stages` reshape the located table before its columns are
 * mapped, `ScoreOptions.stages` adjust the scored table (history or overrides
 * read from an earlier tier sheet). Both run in order.
 */
import type { Lang, Model } from "../model";
import { buildTierPlan, type TierPlanOptions } from "../plan/build";
import { toCustomerSummary } from "../plan/customers-sheet";
import type { WorkbookPlan } from "../plan/types";
import { columnLetter } from "../sheet/columns";
import { detectTable } from "../sheet/detect";
import { MappingError, mapColumns, missingFieldsMessage } from "../sheet/mapping";
import { scoreTable } from "../sheet/score-table";
import type { ColumnMapping, ScoredTable, SheetGrid, SourceTable } from "../sheet/types";
import { daysFromDates, type DatedDays } from "./dated";
import { isOrderChoice, isOrderField, ordersStage, type OrdersOptions, type OrdersStage } from "./orders";

export { orderLogShape, sumsOrders } from "./orders";

export type { OrdersOptions, OrdersStage } from "./orders";
export type { DatedDays } from "./dated";

/** The customer table found in a sheet. */
export interface Located {
  table: SourceTable;
  lang: Lang;
  /** The sheet read; what its reader had to change (`grid.issues`) is reported with the scores. */
  grid?: SheetGrid;
}

/** Reshapes the located table before mapping (e.g. one row per customer from an order log). */
export type TableStage = (located: Located) => Located;

export interface LocateOptions {
  lang: Lang;
  stages?: readonly TableStage[];
}

export function locate(grid: SheetGrid, options: LocateOptions): Located {
  const located: Located = { table: detectTable(grid, options.lang), lang: options.lang, grid };
  return (options.stages ?? []).reduce((l, stage) => stage(l), located);
}

/**
 * The user's column choices: field id → header text or sheet column letter,
 * or null for "not used". Fields not listed are mapped by detection.
 */
export type ColumnChoices = Readonly<Record<string, string | null>>;

export interface ResolveOptions extends OrdersOptions {
  /**
   * A choice that names no column of this table: "fail" throws a bilingual
   * MappingError (the CLI's `--map` typo), "detect" maps by detection instead
   * (the pane: a choice made before the sheet changed). Default "fail".
   */
  unknownChoice?: "fail" | "detect";
}

/**
 * The located table with its columns mapped for a model; `mapping.missing`
 * lists required fields without a column. For an order log, `table` and
 * `mapping` are the customer summary's and `orders` holds the log's own.
 */
export interface Resolved {
  table: SourceTable;
  lang: Lang;
  grid?: SheetGrid;
  model: Model;
  mapping: ColumnMapping;
  orders?: OrdersStage;
  /** Days fields read from date columns (recency from the last order date); `model` is then the model with those fields reading dates. */
  dated?: DatedDays;
}

export function resolve(located: Located, model: Model, choices: ColumnChoices = {}, options: ResolveOptions = {}): Resolved {
  const { table, lang, grid } = located;
  const explicit: Record<string, string> = {};
  const orderChoices: Record<string, string> = {};
  const fieldIds = new Set(model.fields.map((f) => f.id));
  for (const [field, column] of Object.entries(choices)) {
    if (column === null) continue;
    // Order-log columns (orderDate=日期) belong to the order stage, not to the model.
    if (isOrderChoice(field, model)) orderChoices[field] = column;
    // Choices for fields of another model (kept while the user tries presets) do not apply to this one.
    else if (fieldIds.has(field) || options.unknownChoice !== "detect") explicit[field] = column;
  }
  let mapping: ColumnMapping;
  try {
    mapping = mapColumns(table.headers, model, explicit, table.firstCol);
  } catch (e) {
    if (!(e instanceof MappingError) || options.unknownChoice !== "detect") throw e;
    mapping = mapColumns(table.headers, model, {}, table.firstCol);
  }
  // "Not used" for an order field (no order-id column: each line is an order) reaches the order stage too.
  const unusedOrderFields = Object.keys(choices).filter((f) => choices[f] === null && isOrderField(f));
  const summed = ordersStage(table, lang, model, { ...explicit, ...orderChoices }, options, unusedOrderFields);
  if (summed) return { table: summed.table, lang, grid, model, mapping: summed.mapping, orders: summed.orders };
  const unused = Object.keys(choices).filter((f) => choices[f] === null && f in mapping.columns);
  if (unused.length) {
    const columns = { ...mapping.columns };
    for (const f of unused) delete columns[f];
    const missing = model.fields.filter((f) => f.required && !(f.id in columns)).map((f) => f.id);
    mapping = { ...mapping, columns, missing };
  }
  // A customer sheet's last order date gives the days since it (recency), counted to the as-of day.
  const fromDates = daysFromDates(table, model, mapping, explicit);
  if (fromDates) return { table, lang, grid, model: fromDates.model, mapping: fromDates.mapping, dated: fromDates.dated };
  return { table, lang, grid, model, mapping };
}

/** Adjusts the scored table (e.g. overrides or history from an earlier tier sheet). */
export type ScoredStage = (scored: ScoredTable, resolved: Resolved) => ScoredTable;

export interface ScoreOptions {
  /** The day months-to-close and follow-ups count from; today by default. */
  today?: Date;
  stages?: readonly ScoredStage[];
}

/** Throws MappingError (bilingual, naming the fields needed and the headers found) when a required column is missing. */
export function score(resolved: Resolved, options: ScoreOptions = {}): ScoredTable {
  const { table, mapping, model, lang } = resolved;
  if (mapping.missing.length) throw new MappingError(missingFieldsMessage(mapping, model, table.headers, table.firstCol));
  const scored = scoreTable(table, mapping, model, lang, options.today);
  // A customer summed from a log is a row of the customer summary, not of the log.
  if (resolved.orders) scored.issues.forEach(toCustomerSummary(resolved.orders.aggregate, table.rows));
  // What the reader had to change comes first: it may explain the issues of the rows; then the order lines left out.
  const before = [...(resolved.grid?.issues ?? []), ...(resolved.orders?.aggregate.issues ?? []), ...(resolved.dated?.issues ?? [])];
  if (before.length) scored.issues = [...before, ...scored.issues];
  if (resolved.orders) scored.orders = { ...resolved.orders, asOf: options.today };
  if (resolved.dated?.pairs.length) scored.dated = { pairs: resolved.dated.pairs, asOf: options.today };
  return (options.stages ?? []).reduce((s, stage) => stage(s, resolved), scored);
}

/** Whether `score` would succeed: every required field has a column. */
export function isComplete(resolved: Resolved): boolean {
  return resolved.mapping.missing.length === 0;
}

/**
 * The tier workbook plan: tier sheet, summary and rules, named next to
 * `existing` (only our marked sheets are replaced). It shows the model as
 * scored (`scored.model`): population cut points (RFM, ABC) filled in.
 */
export function plan(scored: ScoredTable, options: TierPlanOptions = {}): WorkbookPlan {
  return buildTierPlan(scored, scored.model, options);
}

export interface JobOptions extends ScoreOptions {
  model: Model;
  lang: Lang;
  choices?: ColumnChoices;
  /** Order logs: read as one row per customer always, never, or when recognised (default). */
  orders?: boolean;
  locate?: Omit<LocateOptions, "lang">;
}

export interface Job {
  grid: SheetGrid;
  located: Located;
  resolved: Resolved;
  scored: ScoredTable;
}

/** locate → resolve → score in one call (the CLI and the bench). */
export function runJob(grid: SheetGrid, options: JobOptions): Job {
  const located = locate(grid, { ...options.locate, lang: options.lang });
  const resolved = resolve(located, options.model, options.choices, { orders: options.orders, today: options.today });
  return { grid, located, resolved, scored: score(resolved, options) };
}

/**
 * The sheet to read: the one named, else the first whose table has every
 * required column of the model, else the first sheet. Undefined when a named
 * sheet does not exist.
 */
export function pickSheet(grids: readonly SheetGrid[], options: JobOptions, name?: string): SheetGrid | undefined {
  if (name !== undefined) return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.trim().toLowerCase() === name.trim().toLowerCase());
  const complete = grids.find((g) => {
    try {
      return isComplete(resolve(locate(g, { ...options.locate, lang: options.lang }), options.model, options.choices, { orders: options.orders, today: options.today }));
    } catch {
      return false;
    }
  });
  return complete ?? grids[0];
}

/** The letter of a table column as the user sees it in the sheet. */
export function letterOf(table: SourceTable, index: number): string {
  return columnLetter(table.firstCol + index);
}

/** The mapping as saved with the workbook: columns by header text, which survives inserted columns. */
export function savedColumns(resolved: Resolved): Record<string, string> {
  // An order log's columns are the log's own (orderDate=日期), not the customer summary's.
  const { mapping, table } = resolved.orders ? { mapping: resolved.orders.mapping, table: resolved.orders.source } : resolved;
  const out: Record<string, string> = {};
  // Days read from a date column are that column's: saving them would choose it twice next time.
  const derived = new Set(resolved.dated?.pairs.map((p) => p.days));
  for (const [field, index] of Object.entries(mapping.columns)) if (!derived.has(field)) out[field] = table.headers[index];
  return out;
}

/** Saved columns as choices for this table (by letter); headers no longer in the table are dropped. */
export function choicesFromSaved(table: SourceTable, saved: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, header] of Object.entries(saved)) {
    const index = table.headers.indexOf(header);
    if (index >= 0) out[field] = letterOf(table, index);
  }
  return out;
}
