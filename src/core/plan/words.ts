/** Every user-visible word of the generated sheets, in both languages. */
import type { Text } from "../model";
import { text } from "../model";

export const WORDS = {
  tierSheet: text("客户分级", "Customer tiers"),
  rulesSheet: text("分级规则", "Tier rules"),
  summarySheet: text("分级汇总", "Tier summary"),

  customer: text("客户", "Customer"),
  sourceRow: text("源行号", "Source row"),
  score: text("总分", "Score"),
  tier: text("等级", "Tier"),
  tierNo: text("等级序号", "Tier no."),
  rank: text("排名", "Rank"),
  why: text("说明", "Why"),
  nextFollowUp: text("下次跟进", "Next follow-up"),
  overdue: text("逾期", "Overdue"),
  overdueFlag: text("逾期", "overdue"),
  pointsSuffix: text("得分", "points"),
  levelSuffix: text("等级", "level"),

  legendLive: text(
    "公式实时计算：修改源表或「{rules}」中的数值即自动重新分级。蓝色数值由文本换算（如“2万”），不随源表更新。“说明”列为生成时的结果。",
    "Live formulas: editing the source sheet or '{rules}' re-tiers. Blue values were converted from text (e.g. \"2万\") and do not follow the source. The Why column is as generated.",
  ),
  legendStatic: text("静态数值（生成时的结果），不随源表或规则更新。", "Static values as generated; they do not follow the source or the rules."),
  legendStaticRank: text("客户较多，排名为生成时的值。", "Many customers: the rank is as generated."),

  rulesIntro: text("修改黄色单元格中的数值即可重新分级（“客户分级”表读取本页）。", "Edit the yellow cells to re-tier (the tier sheet reads this page)."),
  source: text("来源", "Source"),
  band: text("档位", "Band"),
  from: text("下限", "From"),
  to: text("上限", "To"),
  points: text("分值", "Points"),
  level: text("等级", "Level"),
  factor: text("系数", "Factor"),
  no: text("序号", "No."),
  category: text("类别", "Category"),
  weight: text("权重（%）", "Weight (%)"),
  valueRange: text("分值 = 输入值，范围", "Points = the value, within"),
  multiplier: text("（乘数）", "(multiplier)"),
  missingWorst: text("缺失时按最低档计", "missing: scored as the worst option"),
  spellings: text("可识别的写法", "Accepted spellings"),
  lookupBound: text("分界（查表用）", "Bound (for lookup)"),
  lookupAt: text("恰为分界时", "At the bound"),
  lookupAbove: text("高于分界时", "Above it"),
  lookupNote: text("由左表自动得出，公式按名称读取", "Follows the table on the left; formulas read it by name"),
  bandNo: text("档", " band"),
  nameBounds: text("分界", "_bounds"),
  nameAt: text("分界处", "_at_bound"),

  spelling: text("写法", "Spelling"),
  tiers: text("等级", "Tiers"),
  tierName: text("名称", "Name"),
  minScore: text("最低分", "Min. score"),
  cadence: text("跟进间隔（天）", "Follow-up (days)"),
  description: text("说明", "Description"),
  combineSum: text("总分 = 各项得分之和，按最低分分级。", "Score = sum of the points; tiers cut by minimum score."),
  combineWeighted: text("总分 = Σ 得分 × 权重%（再乘以乘数项），按最低分分级。", "Score = Σ points × weight % (times any multiplier); tiers cut by minimum score."),
  combineWorst: text("等级 = 各项等级中最低者（需同时满足）。", "Tier = the worst of the criteria's levels (all must qualify)."),
  combineBest: text("等级 = 各项等级中最高者（满足其一即可）。", "Tier = the best of the criteria's levels (any one qualifies)."),

  summaryCount: text("客户数", "Customers"),
  summaryShare: text("客户占比", "Share of customers"),
  summaryCumulative: text("累计客户数", "Cumulative customers"),
  summaryValue: text("{field}合计", "{field} total"),
  summaryValueShare: text("{field}占比", "Share of {field}"),
  summaryTotal: text("合计", "Total"),
  summaryNotTiered: text("未分级", "Not tiered"),
  chartTitle: text("各等级客户数", "Customers per tier"),
  unscoredTitle: text("无法分级的行", "Rows that could not be scored"),
  unscoredNone: text("所有行均已分级。", "Every row was scored."),
  row: text("行号", "Row"),
  column: text("列", "Column"),
  value: text("值", "Value"),
  reason: text("原因", "Reason"),
  notTiered: text("无法分级", "not tiered"),
} satisfies Record<string, Text>;

/** `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}
