import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

/** tiering-models.md §2: order count AND cumulative volume; the worse level wins. */
export const ordersVolume: Model = {
  id: "orders-volume",
  name: text("订单数 + 累计数量", "Orders + volume"),
  description: text(
    "订单数与累计数量各定一个等级，取较低者（两项都达到才算）：A 为 5 单以上且超过 10 万件，B 为 4–5 单且 1 万–10 万件，C 为偶尔下单或不足 1 万件。",
    "Order count and cumulative volume each give a level and the lower one counts (both must qualify): A is more than 5 orders and over 100,000 units, B 4–5 orders and 10,000–100,000 units, C occasional orders or under 10,000 units.",
  ),
  source: text("客户分类等级划分表（聚合物电池厂）", "Customer classification table (polymer battery maker)"),
  fields: [
    customerField,
    customerIdField,
    {
      id: "orders",
      kind: "count",
      label: text("订单数", "Orders"),
      synonyms: ["订单数", "订单数量", "下单次数", "订单次数", "订单", "单数", "采购次数", "orders", "order count", "number of orders", "no. of orders"],
      required: true,
      errorBelow: 0,
    },
    {
      id: "volume",
      kind: "number",
      label: text("累计数量", "Cumulative volume"),
      synonyms: ["累计数量", "累计采购量", "累计订货量", "累计出货量", "采购量", "订货量", "出货量", "数量", "累计量", "volume", "cumulative volume", "units", "quantity", "total units", "qty"],
      required: true,
      errorBelow: 0,
    },
  ],
  criteria: [
    {
      id: "orders",
      kind: "bands",
      field: "orders",
      label: text("订单数", "Orders"),
      bands: [
        { min: { value: 5, inclusive: false }, level: "A", label: text("5单以上", "more than 5") },
        { min: { value: 3, inclusive: false }, max: { value: 5, inclusive: true }, level: "B", label: text("4–5单", "4 to 5") },
        { max: { value: 3, inclusive: true }, level: "C", label: text("3单及以下", "3 or fewer") },
      ],
    },
    {
      id: "volume",
      kind: "bands",
      field: "volume",
      label: text("累计数量", "Volume"),
      bands: [
        { min: { value: 100000, inclusive: false }, level: "A", label: text("100K以上", "over 100K") },
        { min: { value: 10000, inclusive: true }, max: { value: 100000, inclusive: true }, level: "B", label: text("10K–100K", "10K to 100K") },
        { max: { value: 10000, inclusive: false }, level: "C", label: text("10K以下", "under 10K") },
      ],
    },
  ],
  valueField: "volume",
  combine: "worst",
  tiers: colourTiers([
    { id: "A", label: text("A 战略客户", "A strategic"), description: text("5单以上且累计超过100K", "more than 5 orders and over 100K units") },
    { id: "B", label: text("B 重要客户", "B important"), description: text("3单以上且累计10K–100K", "more than 3 orders and 10K–100K units") },
    { id: "C", label: text("C 一般客户", "C occasional"), description: text("偶尔下单，累计不足10K", "occasional orders, under 10K units") },
  ]),
};
