/**
 * Issue 11 asks to measure the customer summary's aggregates as live formulas
 * before choosing values: this is that variant of our own order-log workbook,
 * the summary's orders, total, last and first order computed from the log by
 * portable per-customer formulas (Excel 2016, WPS, LibreOffice; no MAXIFS):
 * COUNTIFS (lines: a distinct count of order ids has no portable formula),
 * SUMIFS, and SUMPRODUCT(MAX(…)) for the latest / earliest day. Every other
 * cell is the product's. Each is one pass over the log per customer.
 */
import { sheetRef, columnRange } from "../core/plan/a1";
import { CUSTOMERS_FIRST_DATA_ROW, CUSTOMERS_HEADER_ROW } from "../core/plan/customers-sheet";
import type { WorkbookPlan } from "../core/plan/types";
import { columnLetter } from "../core/sheet/columns";
import { summaryHeader } from "../core/orders/customers";
import type { Lang } from "../core/model";
import type { OrdersStage } from "../core/pipeline";
import { columnOf, headerTexts, withFormulas } from "./plan-edit";

/** Above every date serial in use (year 2173): the earliest day as BIG − MAX(BIG − day). */
const BIG = 100000;

/** `dates`: the last and first order live too (else only the COUNTIFS / SUMIFS columns). */
export function liveAggregatesPlan(plan: WorkbookPlan, orders: OrdersStage, lang: Lang, dates = true): WorkbookPlan {
  const { source, mapping } = orders;
  const rows = source.rows;
  const first = rows[0]?.row ?? source.headerRow + 1;
  const last = rows[rows.length - 1]?.row ?? first;
  const logColumn = (field: string) => {
    const c = mapping.columns[field];
    return c === undefined ? undefined : sheetRef(source.sheetName, columnRange(source.firstCol + c, first - 1, last - 1));
  };
  const byId = logColumn("customerId") !== undefined && orders.aggregate.ids.some(Boolean);
  const keys = logColumn(byId ? "customerId" : "customer")!;
  const amounts = logColumn("amount")!;
  const days = logColumn("orderDate")!;
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.role !== "customers") return sheet;
    const head = headerTexts(sheet, CUSTOMERS_HEADER_ROW);
    const col = (field: string) => columnOf(head, summaryHeader(field, lang), "live aggregates");
    const key = columnLetter(col(byId ? "customerId" : "customer"));
    const match = (r: number) => `(${keys}=$${key}${r})`;
    const formulas = new Map<number, (r: number) => string>([
      [col("frequency"), (r) => `COUNTIFS(${keys},$${key}${r})`],
      [col("monetary"), (r) => `SUMIFS(${amounts},${keys},$${key}${r})`],
    ]);
    if (dates) {
      formulas.set(col("lastOrder"), (r) => `SUMPRODUCT(MAX(${match(r)}*${days}))`);
      formulas.set(col("firstOrder"), (r) => `${BIG}-SUMPRODUCT(MAX(${match(r)}*(${BIG}-${days})))`);
    }
    return withFormulas(sheet, CUSTOMERS_FIRST_DATA_ROW, formulas);
  });
  return { ...plan, sheets };
}
