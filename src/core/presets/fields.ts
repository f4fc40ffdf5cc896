import type { FieldDef } from "../model";
import { text } from "../model";

/** The customer's name: display, duplicates and explanations. Every preset has it. */
export const customerField: FieldDef = {
  id: "customer",
  kind: "text",
  label: text("客户名称", "Customer"),
  synonyms: ["客户名称", "客户", "客户名", "客户姓名", "公司名称", "公司", "单位名称", "企业名称", "名称", "姓名", "customer", "customer name", "company", "company name", "client", "account", "name"],
  required: false,
};

const ORDER_ID_SYNONYMS = ["客户编号", "客户代码", "客户编码", "客户ID", "客户号", "会员编号", "会员号", "会员卡号", "customer id", "customer code", "customer no", "customer number", "client id", "account id", "member id"];

/**
 * The customer's ID (issue 12): when a sheet has one, it is who the customer is
 * across runs (history, previous tier, overrides); else the folded name is.
 * A bare `编号` header is taken for it (a part of `客户编号`); `产品编号` or
 * `Order ID` are not, so neither bare `编号` nor `id` is a synonym.
 */
export const customerIdField: FieldDef = {
  id: "customerId",
  kind: "text",
  label: text("客户编号", "Customer ID"),
  synonyms: [...ORDER_ID_SYNONYMS, "账户编号", "account no", "account number", "client no", "client number"],
  required: false,
};

/** Months to close: a number, or an expected close date turned into months from today. */
export function monthsField(): FieldDef {
  return {
    id: "months",
    kind: "number",
    label: text("预计成交月数", "Months to close"),
    synonyms: ["预计成交月数", "成交月数", "预计成交时间", "预计成交", "成交周期", "成交期", "预计签约时间", "预计成交日期", "months to close", "months", "expected close", "close date", "expected close date", "time to close"],
    unit: text("个月", "months"),
    required: true,
    errorBelow: 0,
    fromDate: "monthsFromToday",
  };
}

/**
 * The fields of an order log (销售明细 / 订单记录: one row per order line), read
 * by `orders/aggregate.ts` into one row per customer. `customer` is the field above.
 */
export const orderFields: readonly FieldDef[] = [
  customerField,
  { ...customerIdField, synonyms: ORDER_ID_SYNONYMS },
  {
    id: "orderDate",
    kind: "date",
    label: text("订单日期", "Order date"),
    synonyms: ["订单日期", "下单日期", "下单时间", "销售日期", "购买日期", "交易日期", "成交日期", "开单日期", "日期", "order date", "date", "purchase date", "sale date", "sales date", "transaction date", "invoice date"],
    required: true,
  },
  {
    id: "amount",
    kind: "money",
    label: text("金额", "Amount"),
    synonyms: ["金额", "订单金额", "销售金额", "实付金额", "成交金额", "交易金额", "付款金额", "销售额", "实收金额", "amount", "order amount", "sales", "sales amount", "order total", "total", "revenue", "order value"],
    required: true,
  },
  {
    id: "orderId",
    kind: "text",
    label: text("订单号", "Order ID"),
    synonyms: ["订单号", "订单编号", "单号", "订单ID", "销售单号", "单据编号", "单据号", "order id", "order no", "order number", "invoice no", "invoice number", "invoice"],
    required: false,
  },
];

/** Days since the last order (RFM recency), read from a customer sheet or aggregated from orders. */
export const recencyField: FieldDef = {
  id: "recency",
  kind: "days",
  label: text("最近购买", "Recency"),
  synonyms: ["最近购买", "最近购买天数", "距上次购买天数", "距今天数", "未购买天数", "最近一次购买距今", "recency", "days since last order", "days since last purchase", "recency days"],
  unit: text("天", "days"),
  required: true,
  errorBelow: 0,
};

/** Number of orders (RFM frequency). */
export const frequencyField: FieldDef = {
  id: "frequency",
  kind: "count",
  label: text("购买", "Frequency"),
  synonyms: ["购买次数", "购买频次", "消费次数", "下单次数", "频次", "frequency", "purchase count", "number of purchases", "orders"],
  unit: text("次", "orders"),
  required: true,
  errorBelow: 0,
};

/** Total spent (RFM monetary). Negative totals (refunds) are scored with a warning. */
export const monetaryField: FieldDef = {
  id: "monetary",
  kind: "money",
  label: text("金额", "Monetary"),
  synonyms: ["消费金额", "累计消费", "累计金额", "购买金额", "总金额", "消费总额", "累计销售额", "销售额", "monetary", "total spent", "spend", "total spend", "monetary value", "total sales", "sales", "revenue"],
  required: true,
  warnBelow: 0,
};

/** Days since the first order (customer status: new customers). */
export const firstOrderDaysField: FieldDef = {
  id: "firstOrderDays",
  kind: "days",
  label: text("首次购买", "First order"),
  synonyms: ["首次购买天数", "距首次购买天数", "首单距今", "days since first order", "customer age days"],
  unit: text("天", "days"),
  required: true,
  errorBelow: 0,
};

/**
 * The day of the last order, on a customer sheet (最近购买日期): recency is then
 * the days from it to the as-of day (`--as-of`, the rules sheet's as-of cell).
 */
export const lastOrderField: FieldDef = {
  id: "lastOrder",
  kind: "date",
  label: text("最近购买日期", "Last order"),
  synonyms: [
    "最近购买日期", "最后购买日期", "最近一次购买日期", "最近下单日期", "最后下单日期", "最近下单", "最后下单", "上次购买", "上次购买日期", "上次下单日期", "最近消费日期", "最后消费日期", "最近交易日期", "最后交易日期",
    "last order date", "last order", "last purchase", "last purchase date", "last purchased", "most recent order", "latest order date", "last transaction date", "date of last order",
  ],
  required: false,
};

/** The day of the first order (首次购买日期): days since it make a customer new (customer status). */
export const firstOrderField: FieldDef = {
  id: "firstOrder",
  kind: "date",
  label: text("首次购买日期", "First order date"),
  synonyms: ["首次购买日期", "首次购买时间", "首次下单日期", "首单日期", "第一次购买日期", "首次消费日期", "first order date", "first order", "first purchase", "first purchase date", "date of first order"],
  required: false,
};

/**
 * Days fields a date column can give instead (customer sheets): the days from
 * the date to the as-of day. When both columns are there the date is used,
 * unless the days column alone was chosen by the user (see pipeline/dated.ts).
 */
export const DAYS_FROM_DATE: readonly { days: string; date: string }[] = [
  { days: "recency", date: "lastOrder" },
  { days: "firstOrderDays", date: "firstOrder" },
];
