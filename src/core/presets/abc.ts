import type { BandCriterion, Model, Tier } from "../model";
import { text } from "../model";
import { customerField, customerIdField, firstOrderDaysField, firstOrderField, lastOrderField, monetaryField, recencyField } from "./fields";
import { colourTiers } from "./palette";

/** Share-ahead limits: C/B at 95% and B/A at 80% of the total (70/90: [0.9, 0.7]). */
export const PARETO_LIMITS = [0.95, 0.8];

/** Pareto classes on the monetary value, listed from the lowest values up: C, B, A. */
export function paretoCriterion(limits: number[] = PARETO_LIMITS, basis: "value" | "customers" = "value"): BandCriterion {
  return {
    id: "pareto",
    kind: "bands",
    field: "monetary",
    label: text("金额", "Monetary"),
    population: { stat: "pareto", at: limits, basis, tie: "above" },
    bands: [{ level: "C" }, { level: "B" }, { level: "A" }],
  };
}

const ABC_TIERS: Tier[] = colourTiers([
  { id: "A", label: text("A 类", "A"), description: text("排在前面、合计约占八成金额的客户：重点维护。", "The customers ahead of about 80% of the value: look after them first.") },
  { id: "B", label: text("B 类", "B"), description: text("随后约占一成半金额的客户：定期维护。", "The next 15% or so of the value: regular care.") },
  { id: "C", label: text("C 类", "C"), description: text("其余客户（含金额为零或负数者）：标准服务。", "The rest, zero and negative totals included: standard service.") },
]);

/**
 * tiering-models.md §9 ABC / Pareto: a customer's share ahead is the share of
 * the positive total held by customers with a strictly greater value; A when it
 * is below 80%, B below 95%, else C. Equal values get the same class; values ≤ 0 are C.
 */
export const abc: Model = {
  id: "abc",
  name: text("ABC 分类（帕累托）", "ABC (Pareto)"),
  description: text(
    "按金额从高到低：排在某客户之前的客户合计金额占总额不足 80% 为 A，不足 95% 为 B，其余为 C（跨过 80% 的那位仍是 A，金额相同同类，零或负数为 C）。",
    "By value, largest first: a customer is A when the customers ahead hold less than 80% of the total, B below 95%, else C (the one crossing 80% is still A; equal values share a class; zero and negative are C).",
  ),
  source: text("帕累托 ABC 分类", "Pareto ABC classification"),
  fields: [customerField, customerIdField, monetaryField],
  criteria: [paretoCriterion()],
  combine: "worst",
  valueField: "monetary",
  tiers: ABC_TIERS,
};

/** Days without an order after which value-abcd puts the customer in D, and customer status calls them churned. */
export const LAPSED_DAYS = 365;

/**
 * Seed 002's A large / B medium / C small / D "no purchase for a long time or
 * negligible": D when recency > 365 days or monetary ≤ 0, else A/B/C as `abc`
 * (the Pareto shares over every customer). The worst of the three levels counts.
 */
export const valueAbcd: Model = {
  id: "value-abcd",
  name: text("ABCD 价值分级", "ABCD value"),
  description: text(
    "超过 365 天未购买或金额不大于 0 为 D；其余按 ABC（帕累托 80%/95%）分为 A 大客户、B 中等客户、C 小客户。",
    "No order for over 365 days or a total of zero or less is D; the rest are A large, B medium, C small by ABC (Pareto 80%/95%).",
  ),
  source: text("种子 002：A 大客户 / B 中等 / C 小客户 / D 长期未购或可忽略", "Seed 002: A large / B medium / C small / D long without a purchase or negligible"),
  fields: [customerField, customerIdField, recencyField, monetaryField, lastOrderField],
  criteria: [
    paretoCriterion(),
    {
      id: "positive",
      kind: "bands",
      field: "monetary",
      label: text("金额为正", "Positive total"),
      bands: [
        { max: { value: 0, inclusive: true }, level: "D", label: text("不大于 0", "zero or less") },
        { min: { value: 0, inclusive: false }, level: "A", label: text("大于 0", "above zero") },
      ],
    },
    {
      id: "recency",
      kind: "bands",
      field: "recency",
      label: text("最近购买", "Recency"),
      bands: [
        { max: { value: LAPSED_DAYS, inclusive: true }, level: "A", label: text("365 天内", "within 365 days") },
        { min: { value: LAPSED_DAYS, inclusive: false }, level: "D", label: text("超过 365 天", "over 365 days") },
      ],
    },
  ],
  combine: "worst",
  valueField: "monetary",
  tiers: colourTiers(
    [
      { id: "A", label: text("A 大客户", "A large"), description: text("帕累托 A 类，一年内有购买。", "Pareto A, bought within a year.") },
      { id: "B", label: text("B 中等客户", "B medium"), description: text("帕累托 B 类，一年内有购买。", "Pareto B, bought within a year.") },
      { id: "C", label: text("C 小客户", "C small"), description: text("帕累托 C 类，一年内有购买。", "Pareto C, bought within a year.") },
      { id: "D", label: text("D 长期未购或可忽略", "D lapsed or negligible"), description: text("超过一年未购买，或金额不大于 0。", "No order for over a year, or a total of zero or less.") },
    ],
    true,
  ),
};

/** Days within which a first order makes a new customer and a last order an active one. */
export const ACTIVE_DAYS = 90;

/**
 * Seed 003's customer status: 新客户 new (first order within 90 days), 活跃
 * active (last order within 90 days), 休眠 dormant (91–365), 流失 churned (over
 * 365). The best level counts, so a new customer is new although also active.
 */
export const customerStatus: Model = {
  id: "customer-status",
  name: text("客户状态", "Customer status"),
  description: text(
    "首次购买在 90 天内为新客户；否则最近一次购买在 90 天内为活跃，90–365 天为休眠，超过 365 天为流失。天数可改。",
    "First order within 90 days: new; otherwise last order within 90 days: active, 90–365 days: dormant, over 365 days: churned. The day limits can be changed.",
  ),
  source: text("种子 003：活跃 / 休眠 / 流失 / 新客户", "Seed 003: active / dormant / churned / new"),
  // Without first orders (a customer sheet with last orders only) nobody is new: the first-order rule is then left out (pipeline/dated.ts).
  fields: [customerField, customerIdField, recencyField, { ...firstOrderDaysField, required: false }, lastOrderField, firstOrderField],
  criteria: [
    {
      id: "firstOrderDays",
      kind: "bands",
      field: "firstOrderDays",
      label: text("首次购买", "First order"),
      bands: [
        { max: { value: ACTIVE_DAYS, inclusive: true }, level: "new", label: text("90 天内", "within 90 days") },
        { min: { value: ACTIVE_DAYS, inclusive: false }, level: "churned", label: text("超过 90 天", "over 90 days") },
      ],
    },
    {
      id: "recency",
      kind: "bands",
      field: "recency",
      label: text("最近购买", "Last order"),
      bands: [
        { max: { value: ACTIVE_DAYS, inclusive: true }, level: "active", label: text("90 天内", "within 90 days") },
        { min: { value: ACTIVE_DAYS, inclusive: false }, max: { value: LAPSED_DAYS, inclusive: true }, level: "dormant", label: text("90–365 天", "90 to 365 days") },
        { min: { value: LAPSED_DAYS, inclusive: false }, level: "churned", label: text("超过 365 天", "over 365 days") },
      ],
    },
  ],
  combine: "best",
  tiers: colourTiers(
    [
      { id: "new", label: text("新客户", "New") },
      { id: "active", label: text("活跃", "Active") },
      { id: "dormant", label: text("休眠", "Dormant") },
      { id: "churned", label: text("流失", "Churned") },
    ],
    true,
  ),
};
