import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField, monthsField } from "./fields";
import { colourTiers } from "./palette";

/** tiering-models.md §3: A–E by need and expected time to close, with a follow-up cadence. */
export const closeTime: Model = {
  id: "close-time",
  name: text("成交时间（A–E，含跟进周期）", "Time to close (A–E, with follow-up)"),
  description: text(
    "需求明确的客户按预计成交时间分级：1个月内 A、3个月内 B、半年内 C、更久 D；只有潜在需求为 D，无需求为 E。跟进周期：A 每天、B 每周、C 半月、D 每月、E 每年。",
    "Customers with a clear need are graded by expected time to close: within 1 month A, 3 months B, 6 months C, longer D; a potential need only is D, no need is E. Follow up A daily, B weekly, C every 15 days, D monthly, E yearly.",
  ),
  source: text("客户分层分级标准；客户追踪志", "Customer tiering standard; follow-up log"),
  // tiering-models.md §3: re-graded after each follow-up.
  review: { afterFollowUp: true },
  fields: [
    customerField,
    customerIdField,
    {
      id: "need",
      kind: "category",
      label: text("需求状态", "Need"),
      synonyms: ["需求状态", "需求", "需求情况", "需求程度", "客户需求", "意向", "need", "need status", "demand"],
      required: true,
    },
    monthsField(),
    {
      id: "lastContact",
      kind: "date",
      label: text("最近联系日期", "Last contact"),
      synonyms: ["最近联系日期", "最近联系", "最后联系日期", "上次联系日期", "上次联系", "联系日期", "最近跟进", "最近跟进日期", "last contact", "last contacted", "last contact date", "last follow-up"],
      required: false,
    },
  ],
  criteria: [
    {
      id: "need",
      kind: "categories",
      field: "need",
      label: text("需求", "Need"),
      categories: [
        { id: "clear", label: text("明确", "clear"), synonyms: ["需求明确", "明确需求", "有需求", "clear need", "yes"], level: "A" },
        { id: "potential", label: text("潜在", "potential"), synonyms: ["潜在需求", "有潜在需求", "potential need", "maybe"], level: "D" },
        { id: "none", label: text("无", "none"), synonyms: ["无需求", "没有需求", "无机会", "死客户", "no need", "no", "dead"], level: "E" },
      ],
    },
    {
      id: "months",
      kind: "bands",
      field: "months",
      label: text("预计成交", "Close in"),
      bands: [
        { max: { value: 1, inclusive: true }, level: "A", label: text("1个月内", "within 1 month") },
        { min: { value: 1, inclusive: false }, max: { value: 3, inclusive: true }, level: "B", label: text("3个月内", "within 3 months") },
        { min: { value: 3, inclusive: false }, max: { value: 6, inclusive: true }, level: "C", label: text("半年内", "within 6 months") },
        { min: { value: 6, inclusive: false }, level: "D", label: text("半年以上", "over 6 months") },
      ],
    },
  ],
  combine: "worst",
  followUpField: "lastContact",
  tiers: colourTiers(
    [
      { id: "A", label: text("A 1个月内成交", "A within 1 month"), cadenceDays: 1 },
      { id: "B", label: text("B 3个月内成交", "B within 3 months"), cadenceDays: 7 },
      { id: "C", label: text("C 半年内成交", "C within 6 months"), cadenceDays: 15 },
      { id: "D", label: text("D 潜在需求", "D potential"), cadenceDays: 30 },
      { id: "E", label: text("E 无需求", "E no need"), cadenceDays: 365 },
    ],
    true,
  ),
};
