/**
 * The customer summary (客户汇总 / Customers) of an order-log run: one row per
 * customer with the sums the engine scored. Orders, total and first/last order
 * day are values as summed from the log (a per-customer SUMIFS/COUNTIFS over
 * the whole log costs customers × lines: 20,000 × 100,000 = 2·10⁹ comparisons
 * on every recalculation, and counting distinct order ids has no portable
 * formula at all) — the sheet says so. The days since the last and first order
 * and the customer status are live: they count from the rules sheet's as-of day
 * (TODAY() unless a day was given) with its editable status limits.
 */
import type { Issue } from "../issues";
import type { Lang } from "../model";
import type { OrderAggregate } from "../orders/aggregate";
import { summaryHeader } from "../orders/customers";
import { customerStatus } from "../presets/abc";
import type { ScoredTable } from "../sheet/types";
import { dateSerial, textCell } from "./cells";
import { ColumnLayout, sampleColumn, type ColumnSpec } from "./column-layout";
import { columnLetter } from "../sheet/columns";
import { dataColumn, formulaColumn, columnCells } from "./columns";
import { daysSinceFormula, quote, statusFormula } from "./formulas";
import { range } from "./grid";
import type { OrderLogCells } from "./rules-sheet";
import { STYLE } from "./style";
import type { Cell, CellBlock, ColumnBlock, ColumnFormat, PlanColumn, RangeStyle } from "./types";
import { fill, WORDS } from "./words";

/** Rows above the customers: title, note, header (as on the tier sheet). */
export const CUSTOMERS_HEADER_ROW = 2;
export const CUSTOMERS_FIRST_DATA_ROW = 3;

/** The summary's columns before the status, in order (`customerId` only when the log has ids). */
function summaryKeys(hasIds: boolean): string[] {
  return ["customer", ...(hasIds ? ["customerId"] : []), "recency", "frequency", "monetary", "lastOrder", "firstOrder", "firstOrderDays"];
}

/**
 * Where the user sees a customer summed from a log: the customer table's rows
 * are numbered by each customer's first order line, but an issue about the sums
 * belongs to the customer's row and the field's column on the customer summary.
 * Moves such an issue there, in place (the scored table's list and its rows
 * share the objects); an issue of any other row (the log's own lines) stays.
 */
export function toCustomerSummary(agg: OrderAggregate, tableRows: readonly { row: number }[]): (issue: Issue) => void {
  const customerAt = new Map<number, number>();
  tableRows.forEach((r, c) => customerAt.set(r.row, c));
  const keys = summaryKeys(agg.ids.some(Boolean));
  return (issue) => {
    const c = issue.row === undefined ? undefined : customerAt.get(issue.row);
    if (c === undefined) return;
    const col = issue.field === undefined ? -1 : keys.indexOf(issue.field);
    if (col < 0) {
      delete issue.column;
      delete issue.columnLetter;
    } else issue.columnLetter = columnLetter(col);
    issue.row = CUSTOMERS_FIRST_DATA_ROW + 1 + c;
    issue.onSummary = true;
  };
}

interface CustomerColumn extends ColumnSpec {
  column: () => PlanColumn;
}

export interface CustomersLayout {
  blocks: CellBlock[];
  table: ColumnBlock;
  styles: RangeStyle[];
  columns: ColumnFormat[];
  /** 0-based column of each summary field the tier sheet links to (recency, frequency, monetary, firstOrderDays…). */
  columnOf: (fieldId: string) => number | undefined;
}

export function buildCustomersSheet(scored: ScoredTable, lang: Lang, rules: OrderLogCells, sheets: { source: string; rules: string }): CustomersLayout {
  const agg = scored.orders!.aggregate;
  const n = agg.customers;
  const first = CUSTOMERS_FIRST_DATA_ROW + 1; // 1-based sheet row of customer 0
  const layout = new ColumnLayout<CustomerColumn>(CUSTOMERS_FIRST_DATA_ROW);
  const letter = (key: string) => layout.letter(key);
  const data = (cell: (i: number) => Cell) => () => dataColumn(cell);
  const days = (dateKey: string) => () => formulaColumn(daysSinceFormula(letter(dateKey), rules.asOf)(first));
  const label = (id: string) => quote(customerStatus.tiers.find((t) => t.id === id)!.label[lang]);
  const labels = { new: label("new"), active: label("active"), dormant: label("dormant"), churned: label("churned") };
  const hasIds = agg.ids.some(Boolean);

  layout.add({ key: "customer", header: summaryHeader("customer", lang), column: data((i) => textCell(agg.names[i] || agg.ids[i])) });
  if (hasIds) layout.add({ key: "customerId", header: summaryHeader("customerId", lang), column: data((i) => (agg.ids[i] ? textCell(agg.ids[i]) : null)) });
  layout.add(
    { key: "recency", header: summaryHeader("recency", lang), numberFormat: "0", align: "center", width: 10, column: days("lastOrder") },
    { key: "frequency", header: summaryHeader("frequency", lang), numberFormat: "#,##0", align: "center", width: 8, column: data((i) => agg.frequency[i]) },
    { key: "monetary", header: summaryHeader("monetary", lang), numberFormat: "#,##0.00", width: 12, column: data((i) => agg.monetary[i]) },
    { key: "lastOrder", header: summaryHeader("lastOrder", lang), numberFormat: "yyyy-mm-dd", align: "center", width: 12, column: data((i) => dateSerial(new Date(agg.lastOrder[i]))) },
    { key: "firstOrder", header: summaryHeader("firstOrder", lang), numberFormat: "yyyy-mm-dd", align: "center", width: 12, column: data((i) => dateSerial(new Date(agg.firstOrder[i]))) },
    { key: "firstOrderDays", header: summaryHeader("firstOrderDays", lang), numberFormat: "0", align: "center", width: 10, column: days("firstOrder") },
    {
      key: "status",
      header: WORDS.status[lang],
      align: "center",
      width: 8,
      // Seed 003: new when the first order is recent, else by the days since the last one; a day after the as-of day is no status.
      column: () => formulaColumn(statusFormula(letter("recency"), { days: (r) => `${letter("firstOrderDays")}${r}` }, rules, labels)(first)),
    },
  );

  const table: ColumnBlock = { at: { row: CUSTOMERS_FIRST_DATA_ROW, col: 0 }, rows: n, columns: layout.specs.map((s) => s.column()) };
  const note = fill(WORDS.customersNote[lang], { source: sheets.source, rules: sheets.rules, lines: String(agg.lines), counted: String(agg.used) });
  const width = layout.length;
  const styles: RangeStyle[] = [
    ...layout.headStyles(),
    { range: range(CUSTOMERS_HEADER_ROW, 0, 1, width), bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center" },
  ];
  const dateKeys = new Set(["lastOrder", "firstOrder"]);
  const columns = layout.formats(Math.max(1, n), (c) =>
    sampleColumn(
      columnCells(table.columns[c], 0, Math.min(200, n)).map((cell) => [cell]),
      0,
      dateKeys.has(layout.specs[c].key) ? "yyyy-mm-dd" : undefined,
    ),
  );
  const keys = new Set(layout.specs.map((s) => s.key));
  return {
    blocks: [layout.head(WORDS.customersSheet[lang], note)],
    table,
    styles,
    columns,
    columnOf: (id) => (keys.has(id) ? layout.index(id) : undefined),
  };
}
