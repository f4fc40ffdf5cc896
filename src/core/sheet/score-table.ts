import type { Issue } from "../issues";
import type { FieldDef, FieldKind, Lang, Model, Text } from "../model";
import { CUSTOMER_FIELD, text } from "../model";
import { explainRow } from "../explain";
import { isBlank, parseDate, parseNumber, type CellValue, type NumberContext } from "../parse/values";
import { compileModel, scoreRow, type CompiledModel, type RowResult } from "../score";
import { fold } from "../text/normalize";
import { cellText, issueValue } from "./cell-text";
import { columnLetter } from "./columns";
import { missingFieldsMessage } from "./mapping";
import type { ColumnMapping, ScoredRow, ScoredTable, SourceTable, TierSummary } from "./types";

const NUMBER_KINDS: ReadonlySet<FieldKind> = new Set(["money", "days", "count", "number"]);

type Value = ScoredRow["values"][string];

/** A mapped field with everything needed to read its cell and to say where it is. */
interface Column {
  field: FieldDef;
  id: string;
  index: number;
  header: string;
  letter: string;
  scale: number;
  /** How its cells are read into `values` (categories come from the criteria). */
  read: "number" | "date" | "text" | "category";
  context: NumberContext;
}

function readerOf(kind: FieldKind): Column["read"] {
  if (NUMBER_KINDS.has(kind)) return "number";
  return kind === "date" || kind === "text" ? kind : "category";
}

/**
 * Scores every row of a table: reads the mapped cells, scores and explains
 * each customer, places every issue at its row and column, flags duplicate
 * customers, and sums up the tiers. One pass over the rows.
 *
 * Numbers are read here and handed to `scoreRow` as numbers, so that a header
 * unit (`销售额（万元）`) can scale them; `today` (default: the local calendar
 * day) turns close dates into months. CSV cells are all text: a cell that JavaScript reads as the same
 * number (`12000`, ` 3.5 `) is a plain number, not listed in `converted`;
 * `2万`, `¥12,000`, `３０天` are.
 */
export function scoreTable(table: SourceTable, mapping: ColumnMapping, model: Model, lang: Lang, today?: Date): ScoredTable {
  const cm = compileModel(model);
  const columns: Column[] = [];
  for (const field of model.fields) {
    const index = mapping.columns[field.id];
    if (index === undefined || index < 0 || index >= table.headers.length) continue;
    const letter = columnLetter(table.firstCol + index);
    const scale = mapping.scale?.[field.id] ?? 1;
    const context = { fromDate: field.fromDate, today };
    columns.push({ field, id: field.id, index, header: table.headers[index], letter, scale, read: readerOf(field.kind), context });
  }
  const byField = new Map(columns.map((c) => [c.id, c]));
  const customerColumn = byField.get(CUSTOMER_FIELD);
  const categoryValues = categoryReader(cm);

  const issues: Issue[] = [];
  if (mapping.missing.length) {
    issues.push({ severity: "error", message: missingFieldsMessage(mapping, model, table.headers, table.firstCol) });
  }
  const firstRowOf = new Map<string, number>();
  const rows: ScoredRow[] = new Array(table.rows.length);

  // One input object for every row: scoreRow reads it and keeps nothing of it.
  const input: Record<string, CellValue> = {};
  for (let i = 0; i < table.rows.length; i++) {
    const source = table.rows[i];
    const values: Record<string, Value> = {};
    const converted: string[] = [];
    for (const c of columns) {
      const raw = source.cells[c.index];
      input[c.id] = raw;
      values[c.id] = null;
      if (isBlank(raw)) continue;
      if (c.read === "number") {
        const parsed = parseNumber(raw, c.field.kind, c.context);
        if (!parsed.ok) continue;
        const plain = typeof raw === "number" || (typeof raw === "string" && Number(raw) === parsed.value);
        // A unit in the header scales plain numbers only: `2万` in a 万元 column already says its size.
        const value = plain ? parsed.value * c.scale : parsed.value;
        input[c.id] = value;
        values[c.id] = value;
        if (!plain && typeof raw === "string") converted.push(c.id);
      } else if (c.read === "date") {
        const parsed = parseDate(raw);
        if (parsed.ok) values[c.id] = parsed.value;
      } else if (c.read === "text") {
        values[c.id] = cellText(raw);
      }
    }

    const result = scoreRow(cm, input, today);
    categoryValues(result, values);
    const rowIssues: Issue[] = [];
    for (const issue of result.issues) rowIssues.push(locate(issue, source.row, source.cells, byField));
    const customer = customerColumn ? cellText(source.cells[customerColumn.index]) : "";
    if (customerColumn) {
      const duplicate = checkCustomer(customer, source.row, firstRowOf, customerColumn, source.cells[customerColumn.index]);
      if (duplicate) rowIssues.push(duplicate);
    }
    for (const issue of rowIssues) issues.push(issue);
    rows[i] = {
      row: source.row,
      customer,
      values,
      converted,
      result,
      explanation: explainRow(cm, result, lang),
      issues: rowIssues,
    };
  }

  const { summary, unscored } = summarise(cm, rows, byField.has(model.valueField ?? "") ? model.valueField : undefined);
  return { table, mapping, lang, rows, issues, summary, unscored };
}

/** The issue with its place in the sheet: row, header, column letter, and the cell as found. */
function locate(issue: Issue, row: number, cells: CellValue[], byField: Map<string, Column>): Issue {
  const column = issue.field === undefined ? undefined : byField.get(issue.field);
  if (!column) return { ...issue, row };
  return { ...issue, row, column: column.header, columnLetter: column.letter, value: issueValue(cells[column.index]) };
}

/** A warning when the customer has no name or was already seen (folded: `ABC公司` = `ａｂｃ公司`). */
function checkCustomer(name: string, row: number, firstRowOf: Map<string, number>, column: Column, raw: CellValue): Issue | undefined {
  let message: Text;
  if (name) {
    const key = fold(name);
    const first = firstRowOf.get(key);
    if (first === undefined) {
      firstRowOf.set(key, row);
      return undefined;
    }
    message = text(`客户“${name}”重复：第 ${first} 行和第 ${row} 行`, `Customer "${name}" appears twice: rows ${first} and ${row}`);
  } else {
    message = text("客户名称为空", "The customer name is empty");
  }
  return { severity: "warning", field: CUSTOMER_FIELD, row, column: column.header, columnLetter: column.letter, value: issueValue(raw), message };
}

/** Fills the category id each category field was read as (the criteria know it, the cells do not). */
function categoryReader(cm: CompiledModel): (result: RowResult, values: Record<string, Value>) => void {
  const readers: ((result: RowResult, values: Record<string, Value>) => void)[] = [];
  cm.model.criteria.forEach((c, i) => {
    if (c.kind === "categories") {
      readers.push((r, values) => {
        const m = r.criteria[i].match;
        if (m >= 0 && !r.criteria[i].assumedWorst) values[c.field] = c.categories[m].id;
      });
    } else if (c.kind === "table") {
      const n = c.cols.length;
      readers.push((r, values) => {
        const m = r.criteria[i].match;
        if (m < 0 || r.criteria[i].assumedWorst) return;
        values[c.rowField] = c.rows[Math.floor(m / n)].id;
        values[c.colField] = c.cols[m % n].id;
      });
    }
  });
  return (result, values) => {
    for (const read of readers) read(result, values);
  };
}

/** Count, share of scored customers, and sum and share of the value field, per tier. */
function summarise(cm: CompiledModel, rows: ScoredRow[], valueField: string | undefined): { summary: TierSummary[]; unscored: number } {
  const tiers = cm.model.tiers;
  const counts = new Array<number>(tiers.length).fill(0);
  const sums = new Array<number>(tiers.length).fill(0);
  let scored = 0;
  let total = 0;
  for (const row of rows) {
    const t = row.result.tier === null ? undefined : cm.tierIndex.get(row.result.tier);
    if (t === undefined) continue;
    scored++;
    counts[t]++;
    const v = valueField === undefined ? null : row.values[valueField];
    if (typeof v === "number") {
      sums[t] += v;
      total += v;
    }
  }
  const summary = tiers.map((tier, t) => ({
    tier: tier.id,
    count: counts[t],
    share: scored ? counts[t] / scored : 0,
    value: valueField === undefined ? null : sums[t],
    valueShare: valueField === undefined || total === 0 ? null : sums[t] / total,
  }));
  return { summary, unscored: rows.length - scored };
}
