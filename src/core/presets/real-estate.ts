import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

/** tiering-models.md §8: property sales A/B/C/D with strong (+) and weak (−) sub-levels. */
export const realEstate: Model = {
  id: "real-estate",
  name: text("房产客户（A/B/C/D，强弱）", "Property buyers (A/B/C/D, strong/weak)"),
  description: text(
    "A 已签约（强A 签购房合同，A 签认购协议，弱A- 签协议但有退房意向），B 已认购（强B 交定金买认购卡，B 内部认购登记，弱B- 来访2次以上），C 首次来访留资（强C 意向强烈，C 意向较强，弱C- 观望），D 曾为A/B/C最终放弃。",
    "A signed (A+ purchase contract, A purchase agreement, A- agreement but wavering), B engaged (B+ paid a deposit for a subscription card, B internal subscription registration, B- visited twice or more), C first visit with contact left (C+ strong intent, C fairly strong, C- just watching), D was A, B or C and gave up.",
  ),
  source: text("客户等级划分及管理（房产销售）", "Customer grading for property sales"),
  fields: [
    customerField,
    customerIdField,
    {
      id: "status",
      kind: "category",
      label: text("客户状态", "Buyer status"),
      synonyms: ["客户状态", "状态", "进展", "客户进展", "意向程度", "客户等级依据", "status", "buyer status", "progress"],
      required: true,
    },
  ],
  criteria: [
    {
      id: "status",
      kind: "categories",
      field: "status",
      label: text("状态", "Status"),
      categories: [
        { id: "contract", label: text("签定购房合同", "purchase contract signed"), synonyms: ["签订购房合同", "已签合同", "签合同", "contract signed"], level: "A", sub: "+" },
        { id: "agreement", label: text("签定购房协议", "purchase agreement signed"), synonyms: ["签订购房协议", "签定认购协议", "签订认购协议", "已签协议", "签协议", "agreement signed"], level: "A" },
        { id: "agreementWavering", label: text("签协议但有退房意向", "agreement signed, wavering"), synonyms: ["签协议意向不坚定", "有退房意向", "想退房", "wavering", "wants to withdraw"], level: "A", sub: "-" },
        { id: "deposit", label: text("交定金购买认购卡", "deposit paid for subscription card"), synonyms: ["交定金", "已交定金", "认购卡", "购买认购卡", "deposit paid"], level: "B", sub: "+" },
        { id: "registration", label: text("接受内部认购登记", "internal subscription registered"), synonyms: ["内部认购登记", "认购登记", "已登记", "registered"], level: "B" },
        { id: "visitedTwice", label: text("多次来访（2次以上）", "visited twice or more"), synonyms: ["多次来访", "来访2次以上", "二次来访", "visited twice", "repeat visits"], level: "B", sub: "-" },
        { id: "strongIntent", label: text("首次来访，意向强烈", "first visit, strong intent"), synonyms: ["意向强烈", "首访意向强烈", "strong intent"], level: "C", sub: "+" },
        { id: "fairIntent", label: text("首次来访，意向较强", "first visit, fairly strong intent"), synonyms: ["意向较强", "首访意向较强", "fair intent", "fairly strong intent"], level: "C" },
        { id: "watching", label: text("首次来访，持观望态度", "first visit, just watching"), synonyms: ["观望", "持观望态度", "只是看看", "just watching", "watching"], level: "C", sub: "-" },
        { id: "gaveUp", label: text("最终放弃", "gave up"), synonyms: ["放弃", "已放弃", "流失", "gave up", "lost", "dropped"], level: "D" },
      ],
    },
  ],
  combine: "best",
  // §8: D is a history — was A, B or C and finally gave up.
  history: { recall: { tier: "D", because: text("已放弃", "gave up") } },
  tiers: colourTiers([
    { id: "A", label: text("A 已签约", "A signed") },
    { id: "B", label: text("B 已认购", "B engaged") },
    { id: "C", label: text("C 首次来访", "C first visit") },
    { id: "D", label: text("D 放弃", "D gave up") },
  ]),
};
