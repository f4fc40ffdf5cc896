import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

/** tiering-models.md §1: 100-point score from monthly sales (70) and payment days (30). */
export const salesPayment: Model = {
  id: "sales-payment",
  name: text("销售额 + 回款（100分制）", "Sales + payment (100 points)"),
  description: text(
    "月均销售额最高 70 分、回款天数最高 30 分，合计 ≥80 为 A，60–79 为 B，<60 为 C。负销售额按最低档计并提示；缺少数值的客户不分级。",
    "Monthly sales give up to 70 points and payment days up to 30; a total of 80+ is A, 60–79 B, below 60 C. Negative sales score in the lowest band with a warning; customers with a missing value get no tier.",
  ),
  source: text("客户分级标准（总分100分），每半年复核", "Customer grading standard (100 points), reviewed every half year"),
  // tiering-models.md §1: "the grading is reviewed every half year".
  review: { months: 6 },
  fields: [
    customerField,
    customerIdField,
    {
      id: "revenue",
      kind: "money",
      label: text("月均销售额", "Monthly sales"),
      synonyms: ["月均销售额", "月销售额", "月均销售", "销售额", "月均消费", "月消费额", "成交金额", "月均金额", "月均营业额", "monthly sales", "monthly revenue", "avg monthly sales", "average monthly sales", "revenue", "sales", "sales amount"],
      required: true,
      warnBelow: 0,
    },
    {
      id: "paydays",
      kind: "days",
      label: text("回款天数", "Payment days"),
      synonyms: ["回款天数", "回款周期", "回款期", "账期", "帐期", "付款天数", "付款周期", "回款时间", "收款天数", "payment days", "days to pay", "pay days", "paydays", "payment term", "payment terms", "dso", "days sales outstanding"],
      unit: text("天", "days"),
      required: true,
      errorBelow: 0,
    },
  ],
  criteria: [
    {
      id: "revenue",
      kind: "bands",
      field: "revenue",
      label: text("月均销售额", "Monthly sales"),
      bands: [
        { min: { value: 20000, inclusive: true }, points: 70, label: text("月均2万以上（含2万）", "20,000 or more") },
        { min: { value: 10000, inclusive: false }, max: { value: 20000, inclusive: false }, points: 50, label: text("月均1万–2万", "over 10,000, under 20,000") },
        { min: { value: 5000, inclusive: false }, max: { value: 10000, inclusive: true }, points: 40, label: text("月均5000–10000（含1万）", "over 5,000, up to 10,000") },
        { max: { value: 5000, inclusive: true }, points: 30, label: text("月均5000元以下（含5000元）", "5,000 or less") },
      ],
    },
    {
      id: "paydays",
      kind: "bands",
      field: "paydays",
      label: text("回款", "Payment"),
      bands: [
        { max: { value: 30, inclusive: true }, points: 30, label: text("30天以内（含30天）", "within 30 days") },
        { min: { value: 30, inclusive: false }, max: { value: 45, inclusive: true }, points: 20, label: text("30–45天（含45天）", "31 to 45 days") },
        { min: { value: 45, inclusive: false }, max: { value: 60, inclusive: true }, points: 10, label: text("45–60天（含60天）", "46 to 60 days") },
        { min: { value: 60, inclusive: false }, points: 0, label: text("60天以上", "over 60 days") },
      ],
    },
  ],
  valueField: "revenue",
  combine: "sum",
  tiers: colourTiers([
    { id: "A", label: text("A 重点客户", "A key customer"), minScore: 80 },
    { id: "B", label: text("B 普通客户", "B regular customer"), minScore: 60 },
    { id: "C", label: text("C 一般客户", "C minor customer") },
  ]),
};
