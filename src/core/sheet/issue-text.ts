import type { Issue } from "../issues";
import type { Lang } from "../model";
import { WORDS } from "../plan/words";

const SEVERITY = {
  error: { "zh-CN": "错误", "en-US": "error" },
  warning: { "zh-CN": "注意", "en-US": "warning" },
} as const;

/**
 * One issue as a line of the issues list, where it is first:
 * `第 7 行 B 列（月均销售额） 错误：“待定”不是有效的金额` /
 * `Row 7, column B (月均销售额) error: "待定" is not a valid amount`.
 */
export function describeIssue(issue: Issue, lang: Lang): string {
  const severity = SEVERITY[issue.severity][lang];
  const header = issue.column ? (lang === "zh-CN" ? `（${issue.column}）` : ` (${issue.column})`) : "";
  const sheet = issueSheet(issue, lang);
  let place = "";
  if (issue.row !== undefined) {
    if (lang === "zh-CN") place = `${sheet ? `“${sheet}” ` : ""}第 ${issue.row} 行${issue.columnLetter ? ` ${issue.columnLetter} 列` : ""}${header} `;
    else place = `${sheet ? `"${sheet}" ` : ""}Row ${issue.row}${issue.columnLetter ? `, column ${issue.columnLetter}` : ""}${header} `;
  }
  const word = place || lang === "zh-CN" ? severity : severity[0].toUpperCase() + severity.slice(1);
  const label = lang === "zh-CN" ? `${word}：` : `${word}: `;
  return `${place}${label}${issue.message[lang]}`;
}

/** The sheet an issue's row is on when it is not the source: the tier sheet of an override, the customer summary (by its name in `lang`) of a customer's sums. */
export function issueSheet(issue: Issue, lang: Lang): string | undefined {
  return issue.sheet ?? (issue.onSummary ? WORDS.customersSheet[lang] : undefined);
}
