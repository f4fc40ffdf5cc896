/**
 * The summary sheet's list of every issue the engine reported, errors and
 * warnings: first one line per kind with its count (the pane's groups), then
 * every issue, group by group, naming row, customer, column and value. The list
 * is a column table (pulled by hosts in chunks), so a million issues cost the
 * plan nothing.
 */
import { EXCEL_MAX_ROWS } from "../limits";
import { groupIssues, issueCounts, NO_ISSUES, SEVERITY_WORDS } from "../issue-groups";
import type { Issue } from "../issues";
import type { Lang } from "../model";
import { cellText } from "../sheet/cell-text";
import type { ScoredTable } from "../sheet/types";
import { numberCell, textCell } from "./cells";
import { dataColumn } from "./columns";
import { CUSTOMERS_FIRST_DATA_ROW } from "./customers-sheet";
import { type Grid, range } from "./grid";
import { STYLE } from "./style";
import type { Cell, CellRange, ColumnBlock } from "./types";
import { fill, WORDS } from "./words";

const ERROR_FONT = "#C00000";
const WARNING_FONT = "#9C5700";

export interface IssuesTable {
  table: ColumnBlock;
  /** The list's header and lines, for the filter buttons. */
  filter: CellRange;
}

/**
 * Writes the title and the groups into `g` from its next row and returns the
 * list as a table (none when there is no issue). `maxRows` is the sheet's row
 * limit (a smaller one in tests): lines past it are counted, not listed. An
 * issue on another sheet than the source (an override on the tier sheet, a
 * customer's sums on `customersSheet`) names that sheet before its column.
 */
export function issuesBlock(g: Grid, scored: ScoredTable, lang: Lang, maxRows = EXCEL_MAX_ROWS, customersSheet?: string): IssuesTable | undefined {
  const t = (s: string) => textCell(s);
  const { issues } = scored;
  if (issues.length === 0) {
    g.style(range(g.add([t(NO_ISSUES[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
    return undefined;
  }
  const counts = issueCounts(issues);
  g.style(range(g.add([t(fill(WORDS.issuesTitle[lang], { errors: String(counts.errors), warnings: String(counts.warnings) }))]), 0), { bold: true, fontSize: 12 });
  const groups = groupIssues(issues, scored.model);
  const ordered: Issue[] = [];
  const groupOf: string[] = [];
  for (const group of groups) {
    const severity = SEVERITY_WORDS[group.severity];
    const title = fill(WORDS.issueGroup[lang], { severity: severity[lang], title: group.title[lang] });
    const row = g.add([t(title), null, null, null, group.issues.length]);
    g.style(range(row, 0), { bold: true, fontColor: group.severity === "error" ? ERROR_FONT : WARNING_FONT });
    for (const issue of group.issues) ordered.push(issue);
    groupOf.push(title);
  }
  // Which group each listed line belongs to: the groups' first lines, ascending.
  const starts: number[] = [];
  let at = 0;
  for (const group of groups) {
    starts.push(at);
    at += group.issues.length;
  }
  const headerRow = g.next + 1; // a note line may come first
  const listed = Math.min(ordered.length, maxRows - headerRow - 1);
  g.add(listed < ordered.length ? [t(fill(WORDS.issuesNotListed[lang], { count: String(ordered.length - listed), total: String(ordered.length) }))] : []);
  g.add([WORDS.row, WORDS.customer, WORDS.column, WORDS.value, WORDS.reason, WORDS.issueKind].map((w) => t(w[lang])));
  g.style(range(headerRow, 0, 1, 6), { bold: true, fill: STYLE.subHeaderFill, fontColor: STYLE.subHeaderFont, border: { color: STYLE.border, edges: "bottom" } });

  const customerOf = customerLookup(scored);
  const column = (cell: (issue: Issue, i: number) => Cell) => dataColumn((i) => cell(ordered[i], i));
  const table: ColumnBlock = {
    at: { row: headerRow + 1, col: 0 },
    rows: listed,
    columns: [
      column((issue) => issue.row ?? null),
      column((issue) => (issue.row === undefined ? null : textOrNull(customerOf(issue)))),
      column((issue) => textOrNull([issue.onSummary ? customersSheet : issue.sheet, issue.columnLetter, issue.column].filter(Boolean).join(" "))),
      column((issue) => shownValue(issue.value)),
      column((issue) => textCell(issue.message[lang])),
      column((_, i) => textCell(groupOf[lastAtOrBelow(starts, i)])),
    ],
  };
  return { table, filter: range(headerRow, 0, listed + 1, 6) };
}

function textOrNull(s: string): Cell {
  return s ? textCell(s) : null;
}

/** Index of the last element ≤ `x` in an ascending array that starts at 0. */
function lastAtOrBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The customer an issue is about: its row of the customer summary, or the
 * source row it is on (the rows ascend, so a binary search; none for rows not in the table).
 */
function customerLookup(scored: ScoredTable): (issue: Issue) => string {
  const orders = scored.orders;
  const name = orders && (orders.mapping.columns.customer ?? orders.mapping.columns.customerId);
  // An order log's line names its customer in the log's customer column.
  const onSource = orders ? rowFinder(orders.source.rows, (i) => (name === undefined ? "" : cellText(orders.source.rows[i].cells[name]))) : rowFinder(scored.table.rows, (i) => scored.rows.at(i).customer);
  return (issue) => {
    if (issue.onSummary) return scored.rows.at(issue.row! - CUSTOMERS_FIRST_DATA_ROW - 1)?.customer ?? "";
    return issue.sheet ? "" : onSource(issue.row!);
  };
}

function rowFinder(rows: readonly { row: number }[], customer: (index: number) => string): (row: number) => string {
  return (row) => {
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid].row;
      if (r === row) return customer(mid);
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return "";
  };
}

function shownValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return numberCell(value);
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object" && "error" in value) return textCell(String((value as { error: unknown }).error));
  return textCell(String(value));
}

/** A date as yyyy-mm-dd text (the value column mixes kinds, so no date format). */
function dateText(d: Date): Cell {
  return Number.isFinite(d.getTime()) ? textCell(d.toISOString().slice(0, 10)) : null;
}
