import type { Issue } from "../issues";
import type { FieldDef, Text } from "../model";
import { text } from "../model";
import { isBlank, parseDate, parseNumber, type CellValue } from "../parse/values";
import { excelDigits } from "../population";
import { orderFields } from "../presets/fields";
import { cellText, issueValue } from "../sheet/cell-text";
import { columnLetter } from "../sheet/columns";
import { formatNumber } from "../text/format";
import { fold } from "../text/normalize";
import type { ColumnMapping, SourceTable } from "../sheet/types";

const MS_PER_DAY = 86_400_000;

/**
 * An order log summed up per customer, column by column (typed arrays, one
 * slot per customer, in order of first appearance). Dates are UTC-midnight
 * milliseconds as `parseDate` returns them.
 */
export interface OrderAggregate {
  /** Data rows of the log. */
  lines: number;
  /** Rows that went into the aggregate (the others have an error issue). */
  used: number;
  customers: number;
  /** Customer name as first written, and customer id when that column is mapped ("" when none). */
  names: string[];
  ids: string[];
  /** 1-based sheet row of the customer's first order line. */
  firstRow: Int32Array;
  /** Distinct order ids when that column is mapped, else order lines. */
  frequency: Float64Array;
  /** Sum of amounts, refunds (negative amounts) included. */
  monetary: Float64Array;
  firstOrder: Float64Array;
  lastOrder: Float64Array;
  /** Whole days from the last / first order to the as-of day. */
  recency: Float64Array;
  firstOrderDays: Float64Array;
  asOf: Date;
  /** Unreadable dates and amounts (errors: left out), refunds and blank customers, each at its row and column. */
  issues: Issue[];
}

interface Col {
  index: number;
  header: string;
  letter: string;
  field: FieldDef;
}

/**
 * One row per customer from an order log. The customer is the customer id
 * when that column is mapped and filled, else the name (folded: `ABC公司` =
 * `ａｂｃ公司`). O(lines): one Map lookup per line for the customer, one per
 * line for the order id; no object per line.
 */
export function aggregateOrders(table: SourceTable, mapping: ColumnMapping, asOf: Date): OrderAggregate {
  const col = (id: string): Col | undefined => {
    const index = mapping.columns[id];
    if (index === undefined || index < 0 || index >= table.headers.length) return undefined;
    return { index, header: table.headers[index], letter: columnLetter(table.firstCol + index), field: orderFields.find((f) => f.id === id)! };
  };
  const nameCol = col("customer");
  const idCol = col("customerId");
  const dateCol = col("orderDate");
  const amountCol = col("amount");
  const orderCol = col("orderId");
  const scale = mapping.scale?.amount ?? 1;
  const rows = table.rows;
  const n = rows.length;

  const indexOf = new Map<string, number>();
  const names: string[] = [];
  const ids: string[] = [];
  let cap = 1024;
  let firstRow = new Int32Array(cap);
  let frequency = new Float64Array(cap);
  let monetary = new Float64Array(cap);
  let firstOrder = new Float64Array(cap);
  let lastOrder = new Float64Array(cap);
  // Order id → the customer it was first seen with; an id seen again with another customer counts for that one too.
  const orderOwner = new Map<string, number>();
  const sharedOrders = new Set<string>();
  const dateCache = new Map<string, number>();
  const issues: Issue[] = [];
  let used = 0;

  const issue = (severity: Issue["severity"], c: Col, row: number, raw: CellValue, message: Text) =>
    issues.push({ severity, field: c.field.id, row, column: c.header, columnLetter: c.letter, value: issueValue(raw), message });

  for (let i = 0; i < n; i++) {
    const { row, cells } = rows[i];
    const idRaw = idCol ? cells[idCol.index] : null;
    const nameRaw = nameCol ? cells[nameCol.index] : null;
    const id = isBlank(idRaw) ? "" : cellText(idRaw);
    const name = isBlank(nameRaw) ? "" : cellText(nameRaw);
    if (!id && !name) {
      const c = nameCol ?? idCol;
      if (c) issue("error", c, row, c === nameCol ? nameRaw : idRaw, leftOut(text("客户为空", "The customer is empty")));
      continue;
    }
    const dateRaw = dateCol ? cells[dateCol.index] : null;
    const day = dateCol ? readDay(dateRaw, dateCache) : NaN;
    const amountRaw = amountCol ? cells[amountCol.index] : null;
    const amount = amountCol ? readAmount(amountRaw, scale) : { value: NaN, message: undefined };
    let bad = false;
    if (dateCol && typeof day !== "number") {
      issue("error", dateCol, row, dateRaw, leftOut(day.message));
      bad = true;
    }
    if (amountCol && amount.message) {
      issue("error", amountCol, row, amountRaw, leftOut(amount.message));
      bad = true;
    }
    if (bad) continue;
    if (amount.value < 0) issue("warning", amountCol!, row, amountRaw, refund(amount.value));

    const key = id ? "\u0001" + fold(id) : fold(name);
    let c = indexOf.get(key);
    if (c === undefined) {
      c = names.length;
      indexOf.set(key, c);
      names.push(name);
      ids.push(id);
      if (c === cap) {
        cap *= 2;
        firstRow = grow(firstRow, cap);
        frequency = grow(frequency, cap);
        monetary = grow(monetary, cap);
        firstOrder = grow(firstOrder, cap);
        lastOrder = grow(lastOrder, cap);
      }
      firstRow[c] = row;
      firstOrder[c] = Infinity;
      lastOrder[c] = -Infinity;
    } else if (!names[c] && name) names[c] = name;
    used++;
    monetary[c] += amountCol ? amount.value : 0;
    const d = day as number;
    if (d < firstOrder[c]) firstOrder[c] = d;
    if (d > lastOrder[c]) lastOrder[c] = d;
    const orderRaw = orderCol ? cells[orderCol.index] : null;
    if (orderCol && !isBlank(orderRaw)) {
      const order = cellText(orderRaw);
      const owner = orderOwner.get(order);
      if (owner === undefined) {
        orderOwner.set(order, c);
        frequency[c]++;
      } else if (owner !== c && !sharedOrders.has(`${c}\u0000${order}`)) {
        sharedOrders.add(`${c}\u0000${order}`);
        frequency[c]++;
      }
    } else frequency[c]++; // no order id: each line is an order
  }

  const m = names.length;
  const asOfDay = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const recency = new Float64Array(m);
  const firstOrderDays = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    // A sum of cents in doubles carries binary noise (1148.7800000000002); the customer summary writes the total Excel would show.
    monetary[c] = excelDigits(monetary[c]);
    recency[c] = Math.round((asOfDay - lastOrder[c]) / MS_PER_DAY);
    firstOrderDays[c] = Math.round((asOfDay - firstOrder[c]) / MS_PER_DAY);
  }
  return {
    lines: n,
    used,
    customers: m,
    names,
    ids,
    firstRow: firstRow.slice(0, m),
    frequency: frequency.slice(0, m),
    monetary: monetary.slice(0, m),
    firstOrder: firstOrder.slice(0, m),
    lastOrder: lastOrder.slice(0, m),
    recency,
    firstOrderDays,
    asOf: new Date(asOfDay),
    issues,
  };
}

function grow<T extends Float64Array | Int32Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** The day as UTC-midnight ms, or why it cannot be read. Text dates repeat in logs: parsed once each. */
function readDay(raw: CellValue, cache: Map<string, number>): number | { message: Text } {
  if (typeof raw === "string") {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
  }
  const parsed = isBlank(raw) ? { ok: false as const, message: text("缺少订单日期", "The order date is missing") } : parseDate(raw);
  if (!parsed.ok) return { message: parsed.message };
  const ms = parsed.value.getTime();
  if (typeof raw === "string") cache.set(raw, ms);
  return ms;
}

function readAmount(raw: CellValue, scale: number): { value: number; message?: Text } {
  if (typeof raw === "number" && Number.isFinite(raw)) return { value: raw * scale };
  if (isBlank(raw)) return { value: NaN, message: text("缺少金额", "The amount is missing") };
  const parsed = parseNumber(raw, "money");
  if (!parsed.ok) return { value: NaN, message: parsed.message };
  // A header unit (`金额（万元）`) scales plain numbers only: `2万` already says its size.
  const plain = typeof raw === "string" && Number(raw) === parsed.value;
  return { value: plain ? parsed.value * scale : parsed.value };
}

function leftOut(message: Text): Text {
  return text(`${message["zh-CN"]}：此行未计入客户汇总`, `${message["en-US"]}: this line is left out of the customer totals`);
}

function refund(amount: number): Text {
  return text(`负金额 ${formatNumber(amount)}（退款？）已计入客户合计`, `Negative amount ${formatNumber(amount)} (a refund?) is included in the customer's total`);
}
