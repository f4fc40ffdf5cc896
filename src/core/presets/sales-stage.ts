import type { Category, Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

/** The ten steps, best first; A31 (explicit refusal) is a dead end and sorts last. */
const STAGES: [code: string, zh: string, en: string, zhDesc: string, enDesc: string][] = [
  ["A01", "结案级", "Closed out", "已交付使用，款项结清，无遗留问题", "delivered and used, fully paid, nothing open"],
  ["A02", "成交级", "Won", "已签合同、已采购或已付款", "contract signed, purchase made or paid"],
  ["A03", "冲刺级", "Commit", "口头承诺，有验厂、打样等实质行动，或2个月内采购", "verbal commitment, factory audit or samples, or purchase within 2 months"],
  ["A04", "价格级", "Price agreed", "价格在双方可接受范围内", "price within both sides' range"],
  ["A05", "意向级", "Intent", "了解需求，对方知道报价", "needs understood, quote known"],
  ["A06", "积极回应", "Positive", "索要资料、约定下次联系、询问公司或产品", "asks for material, books next contact, asks about company or product"],
  ["A07", "不拒绝", "Not refused", "中立，委婉推脱", "neutral, soft put-off"],
  ["A08", "范围级", "Qualified", "已确认名称、行业、规模、电话、传真；目标行业且规模达标", "name, industry, size, phone and fax known; target industry and size"],
  ["A21", "资料级", "Raw lead", "通过各种途径获得的潜在客户资料", "contact data from any source"],
  ["A31", "明确拒绝", "Refused", "拍板人明确拒绝（死胡同）", "decision maker explicitly refused (dead end)"],
];

function stageCategory([code, zh, en]: (typeof STAGES)[number]): Category {
  return {
    id: code,
    label: text(`${code} ${zh}`, `${code} ${en}`),
    synonyms: [code, zh, en, `${code}-${zh}`, `${code}${zh}`, `【${code}-${zh}】`, `${code}-${en}`],
    level: code,
  };
}

/** tiering-models.md §7: the ten-step sales-process ladder; code or name, either language. */
export const salesStage: Model = {
  id: "sales-stage",
  name: text("销售十级阶梯（A21…A01）", "Ten-step sales ladder (A21…A01)"),
  description: text(
    "按销售进程分级：A21 资料级 → A08 范围级 → A07 不拒绝 → A06 积极回应 → A05 意向级 → A04 价格级 → A03 冲刺级 → A02 成交级 → A01 结案级；A31 明确拒绝为终止。可填代码或名称。",
    "Graded by sales progress: A21 raw lead → A08 qualified → A07 not refused → A06 positive → A05 intent → A04 price agreed → A03 commit → A02 won → A01 closed out; A31 refused is a dead end. Type the code or the name.",
  ),
  source: text("销售技巧之客户十级分级标准", "Ten-level customer grading of the sales process"),
  fields: [
    customerField,
    customerIdField,
    {
      id: "stage",
      kind: "category",
      label: text("销售阶段", "Sales stage"),
      synonyms: ["销售阶段", "客户阶段", "阶段", "进程", "销售进程", "客户级别", "级别代码", "stage", "sales stage", "pipeline stage", "deal stage"],
      required: true,
    },
  ],
  criteria: [
    {
      id: "stage",
      kind: "categories",
      field: "stage",
      label: text("阶段", "Stage"),
      categories: STAGES.map(stageCategory),
    },
  ],
  combine: "best",
  tiers: colourTiers(
    STAGES.map(([code, zh, en, zhDesc, enDesc]) => ({ id: code, label: text(`${code} ${zh}`, `${code} ${en}`), description: text(zhDesc, enDesc) })),
    true,
  ),
};
