import type { Issue } from "../issues";
import type { FieldDef, Model } from "../model";
import { text } from "../model";
import { DAYS_FROM_DATE } from "../presets/fields";
import { columnLetter } from "../sheet/columns";
import type { ColumnMapping, SourceTable } from "../sheet/types";

/** A customer sheet's days fields read from its date columns (recency from the last order date). */
export interface DatedDays {
  /** The days fields read from a date, with the date field each comes from. */
  pairs: { days: string; date: string }[];
  /** Both a days and a date column: which one is scored, said once. */
  issues: Issue[];
}

/**
 * The one rule when a customer sheet has a date column for a days field
 * (`lastOrder` for `recency`, `firstOrder` for `firstOrderDays`): the days are
 * counted from the date to the as-of day, so they follow it; a days column is
 * used instead only when the user chose it and not the date column. The field
 * then reads the date column (`fromDate: "daysSince"`): issues name that
 * column, row and date. Undefined when no days field comes from a date.
 */
export function daysFromDates(
  table: Pick<SourceTable, "headers" | "firstCol">,
  model: Model,
  mapping: ColumnMapping,
  explicit: Readonly<Record<string, string>>,
): { model: Model; mapping: ColumnMapping; dated: DatedDays } | undefined {
  const has = new Set(model.fields.map((f) => f.id));
  const where = (col: number) => ({ header: table.headers[col], letter: columnLetter(table.firstCol + col) });
  const pairs: DatedDays["pairs"] = [];
  const issues: Issue[] = [];
  const columns = { ...mapping.columns };
  const confidence = { ...mapping.confidence };
  for (const pair of DAYS_FROM_DATE) {
    const dateCol = columns[pair.date];
    if (!has.has(pair.days) || !has.has(pair.date) || dateCol === undefined) continue;
    const daysCol = columns[pair.days];
    if (daysCol !== undefined) {
      const days = where(daysCol);
      const date = where(dateCol);
      const keepDays = pair.days in explicit && !(pair.date in explicit);
      issues.push({ severity: "warning", field: pair.days, column: days.header, columnLetter: days.letter, message: keepDays ? daysKept(days, date) : dateUsed(days, date) });
      if (keepDays) continue;
    }
    columns[pair.days] = dateCol;
    confidence[pair.days] = confidence[pair.date] ?? 1;
    pairs.push(pair);
  }
  // An optional days field with neither column (customer status without first orders): its criteria are left out, and the user told.
  const absent = DAYS_FROM_DATE.filter((p) => columns[p.days] === undefined && model.fields.some((f) => f.id === p.days && !f.required));
  for (const p of absent) issues.push({ severity: "warning", field: p.days, message: noColumn(model.fields.find((f) => f.id === p.date) ?? model.fields.find((f) => f.id === p.days)!) });
  if (!pairs.length && !absent.length) return issues.length ? { model, mapping, dated: { pairs, issues } } : undefined;
  const derived = new Set(pairs.map((p) => p.days));
  const dropped = new Set(absent.map((p) => p.days));
  const fields = model.fields.map((f): FieldDef => (derived.has(f.id) ? { ...f, fromDate: "daysSince" } : f));
  const criteria = model.criteria.filter((c) => c.kind === "table" || !dropped.has(c.field));
  const scale = mapping.scale && Object.fromEntries(Object.entries(mapping.scale).filter(([id]) => !derived.has(id)));
  const missing = mapping.missing.filter((id) => !derived.has(id));
  return { model: { ...model, fields, criteria }, mapping: { ...mapping, columns, confidence, missing, ...(scale ? { scale } : {}) }, dated: { pairs, issues } };
}

function noColumn(field: FieldDef) {
  return text(
    `没有“${field.label["zh-CN"]}”列：这一条不参与分级（客户状态不判断新客户）`,
    `No "${field.label["en-US"]}" column: that rule is left out (customer status tells no new customers)`,
  );
}

type Place = { header: string; letter: string };

function dateUsed(days: Place, date: Place) {
  return text(
    `“${days.header}”（${days.letter} 列）和“${date.header}”（${date.letter} 列）都有：天数按“${date.header}”算到截止日期（随截止日期更新），未用“${days.header}”列；要用天数列，请在列对应中单独选它`,
    `Both "${days.header}" (column ${days.letter}) and "${date.header}" (column ${date.letter}) are there: the days are counted from "${date.header}" to the as-of day (they follow it), "${days.header}" is not used; to score the days column, choose it yourself in the column mapping`,
  );
}

function daysKept(days: Place, date: Place) {
  return text(
    `“${days.header}”（${days.letter} 列）和“${date.header}”（${date.letter} 列）都有：按你的选择用天数列，未用日期`,
    `Both "${days.header}" (column ${days.letter}) and "${date.header}" (column ${date.letter}) are there: the days column you chose is used, not the dates`,
  );
}
