import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

const scoreField = (id: string, zh: string, en: string, synonyms: string[]) => ({
  id,
  kind: "number" as const,
  label: text(zh, en),
  synonyms,
  required: true,
  errorBelow: 0,
});

/**
 * tiering-models.md §5: weighted criteria with a bonus multiplier. The seed's band
 * tables are missing, so this ships as an editable template: two 0–100 scores at 50% each.
 */
export const weighted: Model = {
  id: "weighted",
  name: text("加权评分（含加成）", "Weighted score (with bonus)"),
  description: text(
    "历史销售评分 × 50% + 预测销售评分 × 50%，近两年累计销售达标的客户再乘 1.05。原文缺少评分表和分级线：此处评分直接填 0–100，分级线按 A ≥80、B ≥60 暂定，可自行修改。",
    "Historical-sales score × 50% + forecast-sales score × 50%, times 1.05 for customers whose last two years of sales reach the set share. The source lacks the band tables and tier cuts: scores are typed as 0–100 and the tiers default to A ≥ 80, B ≥ 60; edit them to suit.",
  ),
  source: text("政府类客户分级及资源分配策略", "Government customer grading and resource allocation"),
  fields: [
    customerField,
    customerIdField,
    scoreField("history", "历史销售评分", "Historical sales score", ["历史销售评分", "历史评分", "历史销售得分", "历史销售", "history", "historical score", "historical sales score", "history score"]),
    scoreField("forecast", "预测销售评分", "Forecast sales score", ["预测销售评分", "预测评分", "预计销售评分", "预测销售得分", "预测销售", "forecast", "forecast score", "forecast sales score"]),
    {
      id: "bonus",
      kind: "category",
      label: text("近两年累计达标", "Two-year sales bonus"),
      synonyms: ["近两年累计达标", "累计达标", "加成", "是否加成", "加成评分", "bonus", "two-year bonus", "sales bonus"],
      required: true,
    },
  ],
  criteria: [
    { id: "history", kind: "value", field: "history", label: text("历史销售", "History"), min: 0, max: 100, weight: 50 },
    { id: "forecast", kind: "value", field: "forecast", label: text("预测销售", "Forecast"), min: 0, max: 100, weight: 50 },
    {
      id: "bonus",
      kind: "categories",
      field: "bonus",
      label: text("加成", "Bonus"),
      role: "multiplier",
      missing: "worst",
      categories: [
        { id: "yes", label: text("是", "yes"), synonyms: ["达标", "有", "y", "true", "1", "✓", "√"], points: 1.05 },
        { id: "no", label: text("否", "no"), synonyms: ["未达标", "无", "n", "false", "0", "×", "x"], points: 1 },
      ],
    },
  ],
  combine: "sum",
  tiers: colourTiers([
    { id: "A", label: text("A 重点客户", "A key"), minScore: 80 },
    { id: "B", label: text("B 普通客户", "B regular"), minScore: 60 },
    { id: "C", label: text("C 一般客户", "C minor") },
  ]),
};
