import type { Band, Model, PopulationCuts } from "../model";
import { text } from "../model";
import { customerField, customerIdField, frequencyField, lastOrderField, monetaryField, recencyField } from "./fields";
import { colourTiers } from "./palette";

const MEAN_BELOW: PopulationCuts = { stat: "mean", tie: "below" };
const MEAN_ABOVE: PopulationCuts = { stat: "mean", tie: "above" };
const two = (low: number, high: number, lowLabel: [string, string], highLabel: [string, string]): Band[] => [
  { points: low, label: text(...lowLabel) },
  { points: high, label: text(...highLabel) },
];

/**
 * The Chinese 8-class RFM (tiering-models.md §9): near when recency < its cut,
 * high F when frequency > its cut, high M when monetary > its cut; cuts are the
 * customers' averages unless fixed. The three yes/no answers are counted as
 * M 4, R 2, F 1 points, so that each class is one total (7 = important-value …
 * 0 = general-retain) and the engine, formulas and rules sheet treat it as a sum model.
 */
export const rfm8: Model = {
  id: "rfm-8",
  name: text("RFM 八类客户", "RFM 8 classes"),
  description: text(
    "最近购买天数低于平均为“近”，购买次数、金额高于平均为“高”，三项组合为八类：重要价值、重要发展、重要保持、重要挽留，一般价值、一般发展、一般保持、一般挽留。分界可改为固定数字。",
    "Recency below the average is near, frequency and monetary above the average are high; the three give eight classes: important value, develop, keep, retain and general value, develop, keep, retain. The cuts may be fixed numbers.",
  ),
  source: text("RFM 客户价值八分类（中文通行做法）", "The Chinese 8-class RFM scheme"),
  fields: [customerField, customerIdField, recencyField, frequencyField, monetaryField, lastOrderField],
  criteria: [
    { id: "recency", kind: "bands", field: "recency", code: "R", label: text("最近购买", "Recency"), population: MEAN_ABOVE, bands: two(2, 0, ["近", "near"], ["远", "far"]) },
    { id: "frequency", kind: "bands", field: "frequency", code: "F", label: text("购买", "Frequency"), population: MEAN_BELOW, bands: two(0, 1, ["低", "low"], ["高", "high"]) },
    { id: "monetary", kind: "bands", field: "monetary", code: "M", label: text("金额", "Monetary"), population: MEAN_BELOW, bands: two(0, 4, ["低", "low"], ["高", "high"]) },
  ],
  combine: "sum",
  valueField: "monetary",
  tiers: colourTiers([
    { id: "important-value", label: text("重要价值客户", "Important value"), minScore: 7, description: text("近、高频、高额：保持优质服务。", "Near, frequent, high spend: keep serving them well.") },
    { id: "important-develop", label: text("重要发展客户", "Important develop"), minScore: 6, description: text("近、低频、高额：提高购买频次。", "Near, infrequent, high spend: raise their frequency.") },
    { id: "important-keep", label: text("重要保持客户", "Important keep"), minScore: 5, description: text("远、高频、高额：主动联系，防止流失。", "Far, frequent, high spend: reach out before they leave.") },
    { id: "important-retain", label: text("重要挽留客户", "Important retain"), minScore: 4, description: text("远、低频、高额：重点挽留。", "Far, infrequent, high spend: win them back.") },
    { id: "general-value", label: text("一般价值客户", "General value"), minScore: 3, description: text("近、高频、低额：提高客单价。", "Near, frequent, low spend: raise the order value.") },
    { id: "general-develop", label: text("一般发展客户", "General develop"), minScore: 2, description: text("近、低频、低额：培养购买习惯。", "Near, infrequent, low spend: build the habit.") },
    { id: "general-keep", label: text("一般保持客户", "General keep"), minScore: 1, description: text("远、高频、低额：低成本维系。", "Far, frequent, low spend: keep in touch cheaply.") },
    { id: "general-retain", label: text("一般挽留客户", "General retain"), description: text("远、低频、低额：可放弃投入。", "Far, infrequent, low spend: little to invest.") },
  ], true),
};
