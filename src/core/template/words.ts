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

  // Value presets (issue 11): cut points that follow the customers typed.
  nameData: text("数据", "_data"),
  asOfTitle: text("截至日期与客户状态", "As of and customer status"),
  nameParetoRank: text("帕累托名次", "_pareto_rank_"),
  cutsPercentile: text(
    "分界点 = 「{sheet}」中客户的第 {at} 百分位（PERCENTILE），随填写的客户实时更新，空行不计；可直接在黄色格中改成固定数字（如 30/90/180/365 天）。",
    "Cut points = the {at}th percentiles (PERCENTILE) of the customers on '{sheet}', live as rows are typed, empty rows left out; type a fixed number over any yellow cell (e.g. 30/90/180/365 days).",
  ),
  cutsMean: text(
    "分界点 = 「{sheet}」中客户的平均值（AVERAGE），随填写的客户实时更新，空行不计；可直接改成固定数字。",
    "Cut point = the average (AVERAGE) of the customers on '{sheet}', live as rows are typed, empty rows left out; type a fixed number over it if you prefer.",
  ),
  cutsPareto: text(
    "分界点 = 帕累托：排在前面（金额更大）的客户合计占比低于 {limits} 的最小金额，由下方“帕累托分界计算”按「{sheet}」实时算出；金额相同同类，零或负数为最低类；可直接改成固定金额。",
    "Cut points = Pareto: the smallest value whose customers ahead (with a greater value) hold less than {limits} of the total, computed live from '{sheet}' below (Pareto cut search); equal values share a class, zero and negative are in the lowest; type a fixed amount over any of them.",
  ),
  cutsFixed: text("分界点为固定数字，可修改。", "Fixed cut points: edit them to suit."),
  paretoTitle: text("帕累托分界计算 · {criterion}", "Pareto cut search · {criterion}"),
  paretoNote: text(
    "以下为计算用单元格（只需改黄色的占比）：每一步用 LARGE 与 SUMIF 二分查找该类的客户数，行数再多也不会逐行求和。",
    "Working cells (change only the yellow shares): each step halves the search for the number of customers in the class with one LARGE and one SUMIF, so no row sums the whole column.",
  ),
  paretoTotal: text("正数金额合计", "Total of positive values"),
  paretoCustomers: text("客户数", "Customers"),
  paretoPositive: text("金额为正的客户数", "Customers with a positive value"),
  paretoLimit: text("分界", "Cut"),
  paretoShare: text("前面占比低于", "Share ahead below"),
  paretoStep: text("第 {n} 步", "Step {n}"),
  paretoClass: text("前面占比低于 {limit} 的客户数", "Customers whose share ahead is below {limit}"),

  summaryOverdue: text("逾期客户", "Overdue"),
  summaryEntered: text("已录入客户", "Customers entered"),
  summaryByStatus: text("按客户状态", "By status"),
} satisfies Record<string, Text>;

/** Customer status (seed 003): active / dormant / churned / new. */
export const STATUSES: readonly Text[] = [text("活跃", "Active"), text("休眠", "Dormant"), text("流失", "Churned"), text("新客户", "New")];
