/** Every user-visible word of a template that the tier plan's WORDS do not already have, in both languages. */
import type { Text } from "../model";
import { text } from "../model";

export const TEMPLATE_WORDS = {
  customersSheet: text("客户管理", "Customers"),
  /** Ends every defined name of a template (see buildRulesLayout). */
  nameSuffix: text("_模板", "_tpl"),

  contact: text("联系人", "Contact person"),
  phone: text("电话", "Phone"),
  email: text("邮箱/微信", "Email / WeChat"),
  region: text("地区", "Region"),
  industry: text("行业", "Industry"),
  size: text("规模", "Size"),
  status: text("状态", "Status"),
  channel: text("来源渠道", "Source channel"),
  notes: text("备注", "Notes"),

  legend: text(
    "在白色列中填写客户；灰色列是公式，请勿修改。分级线和跟进间隔在「{rules}」中修改，汇总见「{summary}」。",
    "Type customers into the white columns; the grey columns are formulas, leave them. Tier thresholds and follow-up intervals are on '{rules}', totals on '{summary}'.",
  ),
  examplesLegend: text("蓝色斜体行是示例，开始使用时整行删除即可。", "Rows in blue italics are examples: delete them when you start."),
  exampleNote: text("示例行，可删除", "Example row, delete it"),

  rulesIntro: text(
    "修改黄色单元格即可调整分级线和跟进间隔（「{sheet}」表读取本页）。",
    "Edit the yellow cells to change the tier thresholds and follow-up intervals (the '{sheet}' sheet reads this page).",
  ),
  defaultCadence: text(
    "跟进间隔（天）为建议默认值（原文未规定），请按需修改。",
    "The follow-up intervals (days) are a suggested default (the source sets none): edit them to suit.",
  ),
  listsTitle: text("下拉选项", "Dropdown lists"),
  listsNote: text(
    "客户表的下拉列表读取以下各列。客户状态可自行修改；评分项的选项须是上方可识别的写法。",
    "The customer sheet's dropdowns read these lists. Edit the status values freely; a criterion's options must stay among the accepted spellings above.",
  ),

  listPrompt: text("从下拉列表中选择：{values}", "Pick from the list: {values}"),
  listPromptLong: text("从下拉列表中选择。", "Pick a value from the list."),
  listErrorTitle: text("不在列表中", "Not in the list"),
  listError: text("请从下拉列表中选择（选项见「{rules}」）。", "Pick a value from the dropdown (the options are on '{rules}')."),
  numberPrompt: text("填写不小于 {min} 的数字，不带单位。", "A number of {min} or more, without units."),
  wholePrompt: text("填写不小于 {min} 的整数。", "A whole number of {min} or more."),
  rangePrompt: text("填写 {min} 到 {max} 之间的数字。", "A number from {min} to {max}."),
  monthsPrompt: text("填写距预计成交的月数（{min}–{max}），不要填日期。", "Months until the expected close ({min}–{max}), not a date."),
  numberErrorTitle: text("不是有效的数字", "Not a valid number"),
  datePrompt: text("填写日期，例如 {example}。", "A date, e.g. {example}."),
  dateErrorTitle: text("不是有效的日期", "Not a valid date"),
  dateError: text("请输入 {min} 之后的日期，例如 {example}。", "Enter a date after {min}, e.g. {example}."),

  summaryOverdue: text("逾期客户", "Overdue"),
  summaryEntered: text("已录入客户", "Customers entered"),
  summaryByStatus: text("按客户状态", "By status"),
} satisfies Record<string, Text>;

/** Customer status (seed 003): active / dormant / churned / new. */
export const STATUSES: readonly Text[] = [text("活跃", "Active"), text("休眠", "Dormant"), text("流失", "Churned"), text("新客户", "New")];
