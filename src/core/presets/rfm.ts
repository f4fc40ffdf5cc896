import type { Band, BandCriterion, FieldDef, Model, PopulationCuts, Text } from "../model";
import { text } from "../model";
import { customerField, customerIdField, frequencyField, lastOrderField, monetaryField, recencyField } from "./fields";
import { colourTiers } from "./palette";

const QUINTILES = [0.2, 0.4, 0.6, 0.8];

/** A 1–5 score against the customers' quintiles: F and M 1 + cut points strictly below the value; R 5 − that. */
function quintileScore(id: string, code: string, field: FieldDef, label: Text, fewerIsBetter: boolean): BandCriterion {
  const population: PopulationCuts = { stat: "percentile", at: QUINTILES, tie: "below" };
  const bands: Band[] = [1, 2, 3, 4, 5].map((p) => ({ points: fewerIsBetter ? 6 - p : p }));
  return { id, kind: "bands", field: field.id, code, label, population, bands };
}

const SEGMENTS = [
  ["champions", "冠军客户", "Champions", "最近买过、常买、花得多：给予奖励和新品优先体验，请他们推荐。", "Bought recently, often and a lot: reward them, give early access, ask for referrals."],
  ["loyal", "忠诚客户", "Loyal", "稳定的回头客：推荐更高价值的产品，提供会员权益。", "Steady repeat buyers: offer higher-value products and membership perks."],
  ["potential", "潜力客户", "Potential loyalist", "最近买过、还没买多：用会员计划和相关产品提高购买频次。", "Recent buyers not yet buying much: a loyalty programme and related products."],
  ["new", "新客户", "New", "刚买过一次：做好首单后的跟进和引导。", "Just bought once: follow up after the first order and show them around."],
  ["promising", "有望客户", "Promising", "最近买过、金额不高：建立认知，提供试用或小额优惠。", "Recent, small spend: build awareness, offer a trial or a small discount."],
  ["attention", "需关注", "Needs attention", "中等水平、开始变冷：按购买记录推荐，给限时优惠。", "Middling and cooling: recommend from their history, offer a limited-time deal."],
  ["sleepy", "即将沉睡", "About to sleep", "有一段时间没买、买得少：用有价值的内容和热销品重新联系。", "A while since a small order: reconnect with useful content and best sellers."],
  ["at-risk", "流失风险", "At risk", "曾经买得不少、很久没买：个性化联系，续约提醒和优惠。", "Used to buy well, not lately: personal outreach, renewal reminders, offers."],
  ["cant-lose", "不能失去", "Can't lose them", "曾是大客户、很久没买：主动回访，了解原因，别让他们流向竞争对手。", "Former top buyers gone quiet: call them, find out why, win them back."],
  ["hibernating", "沉睡客户", "Hibernating", "很久没买、买得少：推荐其他品类或特别折扣。", "Long gone, small spend: try other categories or a special discount."],
  ["lost", "已流失", "Lost", "最久没买、最少花费：低成本唤回一次，否则不再投入。", "Longest gone, least spend: one low-cost win-back, then stop spending on them."],
] as const;

/**
 * tiering-models.md §9 RFM: R, F and M scored 1–5 against the sheet's own
 * customers (PERCENTILE.INC at 20/40/60/80%), the segment from R × FM
 * (FM = ROUND((F + M) / 2, 0)) in the grid of issue 11.
 */
export const rfm: Model = {
  id: "rfm",
  name: text("RFM 客户分群", "RFM segments"),
  description: text(
    "最近购买天数（R）、购买次数（F）、消费金额（M）各按本表客户的五分位打 1–5 分（天数越少 R 越高），再按 R 与 FM=(F+M)/2 四舍五入 查表得到 11 个客户群。",
    "Recency (R), frequency (F) and monetary value (M) are each scored 1–5 against this sheet's customers' quintiles (fewer days, higher R); the segment is looked up by R and FM = (F + M) / 2 rounded, one of 11 segments.",
  ),
  source: text("客户价值模型（RFM）；分群表见 issue 11", "Customer value model (RFM); segment grid from issue 11"),
  fields: [customerField, customerIdField, recencyField, frequencyField, monetaryField, lastOrderField],
  criteria: [
    quintileScore("recency", "R", recencyField, text("最近购买", "Recency"), true),
    quintileScore("frequency", "F", frequencyField, text("购买", "Frequency"), false),
    quintileScore("monetary", "M", monetaryField, text("金额", "Monetary"), false),
  ],
  combine: "grid",
  grid: {
    row: "recency",
    cols: ["frequency", "monetary"],
    colLabel: text("FM", "FM"),
    rowPoints: [5, 4, 3, 2, 1],
    colPoints: [1, 2, 3, 4, 5],
    tiers: [
      ["new", "potential", "potential", "champions", "champions"],
      ["promising", "potential", "potential", "champions", "champions"],
      ["sleepy", "sleepy", "attention", "loyal", "loyal"],
      ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
      ["lost", "lost", "at-risk", "at-risk", "cant-lose"],
    ],
  },
  valueField: "monetary",
  tiers: colourTiers(
    SEGMENTS.map(([id, zh, en, actionZh, actionEn]) => ({ id, label: text(zh, en), description: text(actionZh, actionEn) })),
    true,
  ),
};
