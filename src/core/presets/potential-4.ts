import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField, monthsField } from "./fields";
import { colourTiers } from "./palette";

/** tiering-models.md §4: prospects A–D by close time OR monthly amount; the better level wins. */
export const potential4: Model = {
  id: "potential-4",
  name: text("潜在客户四级（成交期或金额）", "Prospects A–D (close time or amount)"),
  description: text(
    "预计月成交金额与成交期各定一个等级，取较高者：A 为 3个月内或 ≥10万，B 为 4–6个月或 5万–10万，C 为 7–12个月或 2万–5万，D 为 12个月以上且不足 2万。每月末重新分级。",
    "Expected monthly amount and time to close each give a level and the better one counts: A within 3 months or 100,000+, B 4–6 months or 50,000–100,000, C 7–12 months or 20,000–50,000, D beyond 12 months and under 20,000. Re-grade at every month end.",
  ),
  source: text("销售的潜在客户分级说明", "Sales prospect grading"),
  // tiering-models.md §4: re-graded at every month end.
  review: { months: 1 },
  fields: [
    customerField,
    customerIdField,
    monthsField(),
    {
      id: "amount",
      kind: "money",
      label: text("预计月成交金额", "Expected monthly amount"),
      synonyms: ["预计月成交金额", "预计成交金额", "月成交金额", "成交金额", "预计金额", "月采购额", "预计月采购额", "expected amount", "expected monthly amount", "monthly amount", "amount", "deal size"],
      required: true,
      warnBelow: 0,
    },
  ],
  criteria: [
    {
      id: "months",
      kind: "bands",
      field: "months",
      label: text("成交期", "Close in"),
      bands: [
        { max: { value: 3, inclusive: true }, level: "A", label: text("3个月内", "within 3 months") },
        { min: { value: 3, inclusive: false }, max: { value: 6, inclusive: true }, level: "B", label: text("4–6个月", "4 to 6 months") },
        { min: { value: 6, inclusive: false }, max: { value: 12, inclusive: true }, level: "C", label: text("7–12个月", "7 to 12 months") },
        { min: { value: 12, inclusive: false }, level: "D", label: text("12个月以上", "beyond 12 months") },
      ],
    },
    {
      id: "amount",
      kind: "bands",
      field: "amount",
      label: text("月成交金额", "Monthly amount"),
      bands: [
        { min: { value: 100000, inclusive: true }, level: "A", label: text("10万以上", "100,000 or more") },
        { min: { value: 50000, inclusive: true }, max: { value: 100000, inclusive: false }, level: "B", label: text("5万–10万", "50,000 to 100,000") },
        { min: { value: 20000, inclusive: true }, max: { value: 50000, inclusive: false }, level: "C", label: text("2万–5万", "20,000 to 50,000") },
        { max: { value: 20000, inclusive: false }, level: "D", label: text("2万以下", "under 20,000") },
      ],
    },
  ],
  valueField: "amount",
  combine: "best",
  tiers: colourTiers([
    { id: "A", label: text("A 级潜客", "A prospect") },
    { id: "B", label: text("B 级潜客", "B prospect") },
    { id: "C", label: text("C 级潜客", "C prospect") },
    { id: "D", label: text("D 级潜客", "D prospect") },
  ]),
};
