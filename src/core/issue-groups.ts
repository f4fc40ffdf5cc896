/**
 * Issues grouped by kind for the pane, the playground and the summary sheet:
 * the user sees "Errors · 月均销售额 · unreadable (12)" once, with every row
 * under it, instead of a flat list where warnings drown or get dropped.
 */
import type { Issue } from "./issues";
import type { Model, Text } from "./model";
import { CUSTOMER_FIELD, text } from "./model";

export type IssueKind = "missing" | "invalid" | "warning" | "duplicate" | "noName" | "table";

export interface IssueGroup {
  /** Stable key: severity, kind and field. */
  key: string;
  severity: Issue["severity"];
  kind: IssueKind;
  field?: string;
  /** "月均销售额：无法读取" — what the issues of the group have in common. */
  title: Text;
  issues: Issue[];
}

/** One word per severity and the all-clear line, shared by the pane and the summary sheet. */
export const SEVERITY_WORDS: Record<Issue["severity"], Text> = {
  error: text("错误（不分级）", "Error (no tier)"),
  warning: text("提醒（已分级，请核对）", "Warning (tiered; check it)"),
};
export const NO_ISSUES: Text = text("所有行都已读取，没有问题。", "Every row was read without a problem.");

const KIND_WORDS: Record<IssueKind, Text> = {
  missing: text("缺少数值", "missing"),
  invalid: text("无法读取或不在范围内", "unreadable or out of range"),
  warning: text("需要核对", "worth a look"),
  duplicate: text("客户重复", "duplicate customer"),
  noName: text("客户名称为空", "no customer name"),
  table: text("表格", "table"),
};

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** What kind of issue it is, from what core put in it (no message parsing). */
export function issueKind(issue: Issue): IssueKind {
  if (issue.row === undefined) return "table";
  if (issue.field === CUSTOMER_FIELD && issue.severity === "warning") return blank(issue.value) ? "noName" : "duplicate";
  if (blank(issue.value)) return "missing";
  return issue.severity === "error" ? "invalid" : "warning";
}

/** Errors first, then warnings; inside each, the largest group first; issues keep their row order. */
export function groupIssues(issues: readonly Issue[], model: Model): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const kind = issueKind(issue);
    const key = `${issue.severity}:${kind}:${issue.field ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      const field = issue.field === undefined ? undefined : model.fields.find((f) => f.id === issue.field);
      const words = KIND_WORDS[kind];
      const title = field && kind !== "duplicate" && kind !== "noName" ? text(`${field.label["zh-CN"]}：${words["zh-CN"]}`, `${field.label["en-US"]}: ${words["en-US"]}`) : words;
      group = { key, severity: issue.severity, kind, field: issue.field, title, issues: [] };
      groups.set(key, group);
    }
    group.issues.push(issue);
  }
  const order = (g: IssueGroup) => (g.severity === "error" ? 0 : 1);
  return [...groups.values()].sort((a, b) => order(a) - order(b) || b.issues.length - a.issues.length);
}

/** Counts per severity, for headings ("3 errors, 2 warnings"). */
export function issueCounts(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
