import { columnLetter, describeIssue, issueSheet, excelDigits, formatNumber, ORDER_LOG, type Issue, type Lang, type Model, type Job } from "../core";
import { CHANGE_NAMES, moveCounts, type ScoredHistory } from "../core/history";
import type { ScoredRow } from "../core/sheet/types";
import { rowVisit, visitAsOf } from "../core/visits";
import { DAYS_FROM_DATE } from "../core/presets/fields";
import { fill, WORDS } from "../core/plan/words";
import { M } from "./messages";
import { formatTable } from "./width";

/** Issues printed before pointing at --json: enough to act on, not a wall of text. */
const MAX_ISSUES = 20;

const percent = (x: number | null) => (x === null ? "" : `${(x * 100).toFixed(1)}%`);

/** The human summary of `custtier score`: where the table was, the mapping, the tiers, the issues. */
export function summaryLines(job: Job, model: Model, file: string, lang: Lang): string[] {
  const { scored } = job;
  const { table, mapping, orders } = job.resolved;
  const source = job.grid.encoding ? M.encoded(file, encodingName(job.grid.encoding))[lang] : file;
  const lines = [M.title(model.name[lang])[lang], M.read(source, table.sheetName, table.headerRow, scored.rows.length)[lang]];

  // An order log: its own columns, then what it came to.
  const [shown, shownMapping, fields] = orders ? [orders.source, orders.mapping, ORDER_LOG.fields] : [table, mapping, model.fields];
  const mapped = fields
    .filter((f) => shownMapping.columns[f.id] !== undefined)
    .map((f) => {
      const col = shownMapping.columns[f.id];
      const confidence = shownMapping.confidence[f.id] < 1 ? ` ${Math.round(shownMapping.confidence[f.id] * 100)}%` : "";
      return `${f.label[lang]} ← ${columnLetter(shown.firstCol + col)} ${shown.headers[col]}${confidence}`;
    });
  lines.push(M.columns[lang] + mapped.join(lang === "zh-CN" ? "；" : "; "));
  if (orders) {
    const a = orders.aggregate;
    lines.push(M.orders(a.lines, a.used, a.customers, isoDay(a.asOf))[lang]);
  }
  lines.push("");

  const hasValue = scored.summary.some((s) => s.value !== null);
  const header = [M.tier[lang], M.customers[lang], M.share[lang], ...(hasValue ? valueHeaders(model, lang) : [])];
  const rows = scored.summary.map((s) => {
    const tier = model.tiers.find((t) => t.id === s.tier);
    const cells = [tier ? tier.label[lang] : s.tier, String(s.count), percent(s.share)];
    return hasValue ? [...cells, s.value === null ? "" : formatNumber(s.value), percent(s.valueShare)] : cells;
  });
  if (scored.unscored) rows.push([M.unscored[lang], String(scored.unscored), ""]);
  lines.push(...formatTable([header, ...rows], new Set([1, 2, 3, 4])));

  const h = scored.history?.outcome;
  if (h) {
    const n = moveCounts(h);
    lines.push(
      "",
      h.previous
        ? M.changes(h.snapshot.asOf, h.previous.asOf, n.up, n.down, n.new, n.gone, n.overrides)[lang]
        : M.firstSnapshot(h.snapshot.asOf)[lang],
    );
  }

  if (scored.issues.length) {
    lines.push("", M.issues(scored.issues.length)[lang]);
    for (const issue of scored.issues.slice(0, MAX_ISSUES)) lines.push(`  ${describeIssue(issue, lang)}`);
    if (scored.issues.length > MAX_ISSUES) lines.push(`  ${M.moreIssues(scored.issues.length - MAX_ISSUES)[lang]}`);
  }
  return lines;
}

/**
 * The value column and its share, named after the value field as the summary
 * sheet names them: money is "金额占比" / "Value share", anything else says what
 * it counts ("累计数量（件）", "累计数量占比"), never revenue.
 */
function valueHeaders(model: Model, lang: Lang): string[] {
  const field = model.fields.find((f) => f.id === model.valueField);
  if (!field) return ["", ""];
  const label = field.label[lang];
  if (field.kind === "money") return [label, M.valueShare[lang]];
  const unit = field.unit?.[lang] ?? (field.kind === "count" ? "" : M.units[lang]);
  return [unit ? M.withUnit(label, unit)[lang] : label, fill(WORDS.summaryValueShare[lang], { field: lang === "en-US" ? label.toLowerCase() : label })];
}

/** `utf-8` → `UTF-8`, `gb18030` → `GB18030`: as people write them. */
function encodingName(encoding: string): string {
  return encoding.toUpperCase();
}

function issueJson(i: Issue, lang: Lang) {
  return { severity: i.severity, sheet: issueSheet(i, lang), row: i.row, column: i.column, columnLetter: i.columnLetter, value: i.value, message: i.message[lang] };
}

/** The `--json` document: row numbers as the user sees them in the sheet. */
export function jsonReport(job: Job, model: Model, lang: Lang) {
  const { scored } = job;
  const { orders } = job.resolved;
  const history = scored.history;
  // An order log: the log's columns; each row is then a customer, numbered by their first order line.
  const table = orders?.source ?? job.resolved.table;
  const mapping = orders?.mapping ?? job.resolved.mapping;
  const agg = orders?.aggregate;
  const asOf = visitAsOf(scored);
  const columns = Object.fromEntries(
    Object.entries(mapping.columns).map(([field, col]) => [
      field,
      { header: table.headers[col], column: columnLetter(table.firstCol + col), confidence: mapping.confidence[field] },
    ]),
  );
  return {
    model: model.id,
    lang,
    ...(job.grid.encoding ? { encoding: encodingName(job.grid.encoding) } : {}),
    sheet: table.sheetName,
    headerRow: table.headerRow,
    columns,
    ...(agg ? { orders: { lines: agg.lines, counted: agg.used, customers: agg.customers, asOf: isoDay(agg.asOf) } } : {}),
    rows: scored.rows.map((r, i) => ({
      row: r.row,
      customer: r.customer,
      values: orderDays(agg ? { ...r.values, lastOrder: new Date(agg.lastOrder[i]) } : r.values),
      points: Object.fromEntries(model.criteria.map((c, i) => [c.id, r.result.criteria[i].level ?? r.result.criteria[i].points])),
      score: r.result.score,
      ...(history ? historyRow(history, i, r.result.grade, lang, r.explanation) : { tier: r.result.grade, explanation: r.explanation }),
      ...(model.visits ? visitRow(model, r, asOf, lang) : {}),
      issues: r.issues.map((i) => issueJson(i, lang)),
    })),
    ...(history ? historyTop(history) : {}),
    summary: { tiers: scored.summary, unscored: scored.unscored },
    issues: scored.issues.map((i) => issueJson(i, lang)),
  };
}

/** The first and last order as ISO days (`2026-11-03`), as `--as-of` is written. */
function orderDays(values: Record<string, unknown>) {
  const out = { ...values };
  for (const { date } of DAYS_FROM_DATE) if (out[date] instanceof Date) out[date] = isoDay(out[date] as Date);
  return out;
}

/** `tier` is the final tier; `computedTier` what the model gave; `override` when one applies (issue 12). */
function historyRow(h: ScoredHistory, i: number, computed: string | null, lang: Lang, explanation: string) {
  const { snapshot, change } = h.outcome;
  const note = h.outcome.notes.get(i)?.[lang];
  return {
    tier: snapshot.tier[i] || null,
    computedTier: computed,
    previousTier: snapshot.previousTier[i] || null,
    change: CHANGE_NAMES[change[i]],
    ...(h.outcome.overrides.has(i) ? { override: h.outcome.overrides.get(i) } : {}),
    explanation: note ? (explanation ? `${explanation}${lang === "zh-CN" ? "；" : "; "}${note}` : note) : explanation,
  };
}

/**
 * Visit zone, visits a month (and the source's range, `[2, 4]`) and next visit
 * (issue 12), with what the next visit counts from; nulls for a row without a tier.
 */
function visitRow(model: Model, r: ScoredRow, asOf: string, lang: Lang) {
  const field = model.visits!.lastVisitField;
  const v = rowVisit(model, r.result, field ? r.values[field] : undefined, asOf);
  const zone = v ? model.visits!.zones[v.zone] : undefined;
  return {
    zone: zone?.id ?? null,
    zoneLabel: zone?.label[lang] ?? null,
    visitsPerMonth: v?.perMonth ?? null,
    visitsRange: zone ? (zone.range ?? [zone.perMonth, zone.perMonth]) : null,
    nextVisit: v?.next ?? null,
    nextVisitFrom: v?.from ?? null,
  };
}

/** The snapshot's date, the one compared with, and the customers gone since. */
function historyTop(h: ScoredHistory) {
  const { outcome } = h;
  const prev = outcome.previous;
  return {
    asOf: outcome.snapshot.asOf,
    previousAsOf: prev?.asOf ?? null,
    gone: Array.from(outcome.gone, (r) => ({ key: prev!.key[r], customer: prev!.customer[r], tier: prev!.tier[r] || null })),
  };
}

/**
 * `JSON.stringify` replacer: numbers to 15 significant digits, as Excel keeps
 * them, so that summed amounts show the cents they were written with
 * (1148.7800000000002 → 1148.78) while every digit the input had stays.
 */
export function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === "number" ? excelDigits(value) : value;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
