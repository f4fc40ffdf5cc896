import type { Issue } from "../issues";
import type { FieldDef, FieldKind, Lang, Model, Text } from "../model";
import { CUSTOMER_FIELD, text } from "../model";
import { isBlank, parseDate, parseNumber, shownValue, type CellValue, type NumberContext } from "../parse/values";
import { EXCEL_MAX_NUMBER, nounOf, tooLarge } from "../parse/messages";
import { formatNumber } from "../text/format";
import { resolvePopulation } from "../population";
import { compileModel } from "../score";
import { compileScorer } from "../scorer";
import { fold } from "../text/normalize";
import { cellText, issueValue } from "./cell-text";
import { columnLetter } from "./columns";
import { missingFieldsMessage } from "./mapping";
import { FirstSeen } from "./first-seen";
import { ScoredRowList, type FieldColumn } from "./scored-rows";
import type { ColumnMapping, ScoredTable, SourceTable, TierSummary } from "./types";

const NUMBER_KINDS: ReadonlySet<FieldKind> = new Set(["money", "days", "count", "number"]);

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
 * Scores every row of a table: reads the mapped cells into columns, scores
 * them with the compiled scorer, places every issue at its row and column,
 * flags duplicate customers, and sums up the tiers. Explanations are built
 * only for the rows someone reads (`rows.at(i).explanation`).
 *
 * Numbers are read here and handed to the scorer as numbers, so that a header
 * unit (`销售额（万元）`) can scale them; `today` (default: the local calendar
 * day) turns close dates into months. CSV cells are all text: a cell that JavaScript reads as the same
 * number (`12000`, ` 3.5 `) is a plain number, not listed in `converted`;
 * `2万`, `¥12,000`, `３０天` are.
 */
export function scoreTable(table: SourceTable, mapping: ColumnMapping, model: Model, lang: Lang, today?: Date): ScoredTable {
  const n = table.rows.length;
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

  const overflow = new Map<string, Map<number, { value: number; shown: string }>>();
  // Cells read on an assumption (`约3000`, `月结`): scored, and said so at the cell.
  const notes = new Map<number, Issue[]>();
  const values = readColumns(table, columns, overflow, notes);
  const numbers: Record<string, Float64Array> = {};
  const cells: Record<string, CellValue[]> = {};
  for (const c of columns) {
    const v = values[c.id];
    if (v.read === "number") numbers[c.id] = v.numbers;
    else if (v.read === "category") cells[c.id] = table.rows.map((r) => r.cells[c.index]);
  }
  // RFM quintiles, averages, Pareto shares: cut points from this table's customers, once, as band bounds.
  const resolved = resolvePopulation(model, (id) => numbers[id]);
  const cm = compileModel(resolved.model);
  const scores = compileScorer(cm).score(
    {
      length: n,
      numbers,
      cells,
      // The row as scoreRow reads it: parsed numbers where they could be read, the cell as found otherwise.
      row: (i) => {
        const input: Record<string, CellValue> = {};
        for (const c of columns) {
          // Days since a date are read again from the date: the number is not what the cell holds.
          const x = c.context.fromDate === "daysSince" ? undefined : numbers[c.id]?.[i];
          // A value its header's unit scales beyond Excel's largest number: the scorer refuses it (see readColumns).
          const over = overflow.get(c.id)?.get(i);
          input[c.id] = over ? over.value : x === undefined || Number.isNaN(x) ? table.rows[i].cells[c.index] : x;
        }
        return input;
      },
    },
    today,
  );

  const issues: Issue[] = [];
  if (mapping.missing.length) {
    issues.push({ severity: "error", message: missingFieldsMessage(mapping, model, table.headers, table.firstCol) });
  }
  const rowIssues = new Map<number, Issue[]>();
  const customerKey = (i: number) => fold(cellText(table.rows[i].cells[customerColumn!.index]));
  const seen = new FirstSeen(customerKey);
  for (let i = 0; i < n; i++) {
    const source = table.rows[i];
    const found = scores.issues.get(i);
    let duplicate: Issue | undefined;
    if (customerColumn) {
      const raw = source.cells[customerColumn.index];
      const name = cellText(raw);
      const first = name ? seen.check(fold(name), i) : undefined;
      duplicate = checkCustomer(name, source.row, first === undefined ? undefined : table.rows[first].row, customerColumn, raw);
    }
    // Most rows have nothing to say: no list is made for them.
    const noted = notes.get(i);
    if (!found && !duplicate && !noted) continue;
    const located = found ? once(found.map((issue) => locate(scaledTooLarge(issue, i, overflow, byField), source.row, source.cells, byField))) : [];
    if (noted) for (const note of noted) located.push(note);
    if (duplicate) located.push(duplicate);
    rowIssues.set(i, located);
    for (const issue of located) issues.push(issue);
  }

  const rows = new ScoredRowList({ cm, lang, table, columns, values, scores, rowIssues, customerIndex: customerColumn?.index });
  const valueField = byField.get(model.valueField ?? "");
  const valueColumn = valueField ? values[valueField.id] : undefined;
  const valueNumbers = valueColumn?.read === "number" ? valueColumn.numbers : undefined;
  const summaryValues = valueField ? (valueNumbers ?? null) : undefined;
  const { summary, unscored, addsUp } = summariseTiers(model.tiers, scores.tier, summaryValues);
  if (!addsUp && valueField) issues.push(sumOverflowIssue(valueField.field));
  return { table, mapping, lang, model: resolved.model, cuts: resolved.cuts, rows, scores, issues, summary, unscored, valueNumbers: summaryValues };
}

/** Every mapped field's cells read into one column: numbers and dates as Float64Array (NaN: none). */
function readColumns(
  table: SourceTable,
  columns: Column[],
  overflow: Map<string, Map<number, { value: number; shown: string }>>,
  notes: Map<number, Issue[]>,
): Record<string, FieldColumn> {
  const n = table.rows.length;
  const out: Record<string, FieldColumn> = {};
  for (const c of columns) {
    if (c.read === "number") {
      const numbers = new Float64Array(n).fill(NaN);
      const converted = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const raw = table.rows[i].cells[c.index];
        if (isBlank(raw)) continue;
        const parsed = parseNumber(raw, c.field.kind, c.context);
        if (!parsed.ok) continue;
        // Days since a date: never the cell as it is, never scaled.
        const since = c.context.fromDate === "daysSince";
        const plain = !since && (typeof raw === "number" || (typeof raw === "string" && Number(raw) === parsed.value));
        // A unit in the header scales plain numbers only: `2万` in a 万元 column already says its size.
        const value = plain ? parsed.value * c.scale : parsed.value;
        if (Math.abs(value) > EXCEL_MAX_NUMBER) {
          // `5e307` under `（万元）`: no number to score; the issue must show what was in the cell.
          let rows = overflow.get(c.id);
          if (!rows) overflow.set(c.id, (rows = new Map()));
          rows.set(i, { value, shown: `${shownValue(raw)} × ${formatNumber(c.scale)}` });
          continue;
        }
        numbers[i] = value;
        if (!plain && (since || typeof raw === "string")) converted[i] = 1;
        if (parsed.note) {
          const note: Issue = { severity: "warning", field: c.id, row: table.rows[i].row, column: c.header, columnLetter: c.letter, value: issueValue(raw), message: parsed.note };
          notes.set(i, [...(notes.get(i) ?? []), note]);
        }
      }
      out[c.id] = { read: "number", numbers, converted };
    } else if (c.read === "date") {
      const ms = new Float64Array(n).fill(NaN);
      for (let i = 0; i < n; i++) {
        const raw = table.rows[i].cells[c.index];
        if (isBlank(raw)) continue;
        const parsed = parseDate(raw);
        if (parsed.ok) ms[i] = parsed.value.getTime();
        else {
          // A date the tier does not need (last contact, last visit): not used, and said so at the cell.
          const issue: Issue = { severity: "warning", field: c.id, row: table.rows[i].row, column: c.header, columnLetter: c.letter, value: issueValue(raw), message: parsed.message };
          notes.set(i, [...(notes.get(i) ?? []), issue]);
        }
      }
      out[c.id] = { read: "date", ms };
    } else if (c.read === "text") {
      out[c.id] = { read: "text", texts: table.rows.map((r) => (isBlank(r.cells[c.index]) ? null : cellText(r.cells[c.index]))) };
    } else {
      out[c.id] = { read: "category" };
    }
  }
  return out;
}

/** The scorer's issue about a value scaled beyond Excel's largest number, saying so with the cell's text and the factor. */
function scaledTooLarge(issue: Issue, i: number, overflow: Map<string, Map<number, { shown: string }>>, byField: Map<string, Column>): Issue {
  const over = issue.field === undefined ? undefined : overflow.get(issue.field)?.get(i);
  return over ? { ...issue, message: tooLarge(over.shown, nounOf(byField.get(issue.field!)!.field.kind)) } : issue;
}

/** The issue with its place in the sheet: row, header, column letter, and the cell as found. */
function locate(issue: Issue, row: number, cells: CellValue[], byField: Map<string, Column>): Issue {
  const column = issue.field === undefined ? undefined : byField.get(issue.field);
  if (!column) return { ...issue, row };
  return { ...issue, row, column: column.header, columnLetter: column.letter, value: issueValue(cells[column.index]) };
}

/** A warning when the customer has no name or was already seen (folded: `ABC公司` = `ａｂｃ公司`). */
function checkCustomer(name: string, row: number, first: number | undefined, column: Column, raw: CellValue): Issue | undefined {
  let message: Text;
  if (name) {
    if (first === undefined) return undefined;
    message = text(`客户“${name}”重复：第 ${first} 行和第 ${row} 行`, `Customer "${name}" appears twice: rows ${first} and ${row}`);
  } else {
    message = text("客户名称为空", "The customer name is empty");
  }
  return { severity: "warning", field: CUSTOMER_FIELD, row, column: column.header, columnLetter: column.letter, value: issueValue(raw), message };
}

/**
 * Count, share of scored customers, and sum and share of the value field, per
 * tier (`tier[i]` < 0: no tier). `numbers`: the value field's column; null when
 * the field is not numeric, undefined when the model has no value field. The
 * history stage calls it again with the final tiers, after overrides.
 */
export function summariseTiers(
  tiers: readonly { id: string }[],
  tier: ArrayLike<number>,
  numbers: Float64Array | null | undefined,
): { summary: TierSummary[]; unscored: number; addsUp: boolean } {
  const counts = new Array<number>(tiers.length).fill(0);
  const sums = new Array<number>(tiers.length).fill(0);
  let scored = 0;
  let total = 0;
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i];
    if (t < 0) continue;
    scored++;
    counts[t]++;
    const v = numbers ? numbers[i] : NaN;
    if (!Number.isNaN(v)) {
      sums[t] += v;
      total += v;
    }
  }
  // Values near Excel's largest number can add up beyond it: then there is no sum to show, and the user is told.
  const addsUp = Math.abs(total) <= EXCEL_MAX_NUMBER && sums.every((v) => Math.abs(v) <= EXCEL_MAX_NUMBER);
  const hasValue = numbers !== undefined;
  const summary = tiers.map((t, k) => ({
    tier: t.id,
    count: counts[k],
    share: scored ? counts[k] / scored : 0,
    value: !hasValue || !addsUp ? null : sums[k],
    valueShare: !hasValue || total === 0 || !addsUp ? null : sums[k] / total,
  }));
  return { summary, unscored: tier.length - scored, addsUp };
}

function sumOverflowIssue(field: FieldDef): Issue {
  return {
    severity: "warning",
    field: field.id,
    message: text(
      `${field.label["zh-CN"]}合计超出 Excel 能存放的最大数字（约 1E+308），汇总中不显示合计金额`,
      `The total of ${field.label["en-US"]} is beyond the largest number Excel can hold (about 1E+308): the summary shows no totals`,
    ),
  };
}

/** A row's issues with each said once: two criteria reading one field (value-abcd's class and its D rule) flag a bad value alike. */
function once(issues: Issue[]): Issue[] {
  if (issues.length < 2) return issues;
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.severity}\u0000${issue.field ?? ""}\u0000${issue.message["en-US"]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
