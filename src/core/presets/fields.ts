import type { FieldDef } from "../model";
import { text } from "../model";

/** The customer's name: display, duplicates and explanations. Every preset has it. */
export const customerField: FieldDef = {
  id: "customer",
  kind: "text",
  label: text("客户名称", "Customer"),
  synonyms: ["客户名称", "客户", "客户名", "客户姓名", "公司名称", "公司", "单位名称", "企业名称", "名称", "姓名", "customer", "customer name", "company", "company name", "client", "account", "name"],
  required: false,
};

/** Months to close: a number, or an expected close date turned into months from today. */
export function monthsField(): FieldDef {
  return {
    id: "months",
    kind: "number",
    label: text("预计成交月数", "Months to close"),
    synonyms: ["预计成交月数", "成交月数", "预计成交时间", "预计成交", "成交周期", "成交期", "预计签约时间", "预计成交日期", "months to close", "months", "expected close", "close date", "expected close date", "time to close"],
    unit: text("个月", "months"),
    required: true,
    errorBelow: 0,
    fromDate: "monthsFromToday",
  };
}
