/**
 * Visit frequency by zone (issue 12, tiering-models.md §6): which zone a
 * customer's criterion points put them in, how often to visit them, and the
 * next visit date. The tier sheet computes the same with live formulas
 * reading the rules sheet (plan/visits-formulas.ts); this is the engine's
 * answer for `--json`, the pane and static workbooks.
 */
import type { Model, PointsCondition, VisitZone } from "./model";
import { isoDay } from "./parse/cell";
import { localToday } from "./parse/values";
import type { RowResult } from "./score";
import type { ScoredTable } from "./sheet/types";
import { roundHalfAway } from "./validate";

/** "Visits a month" turns into days between visits over a 30-day month. */
export const DAYS_PER_MONTH = 30;

/** Days between visits: round(30 / visits a month), rounded as Excel's ROUND (8 → 4, 3 → 10, 1 → 30). */
export function daysBetweenVisits(perMonth: number): number {
  return roundHalfAway(DAYS_PER_MONTH / perMonth);
}

/** A zone's frequency as shown: `8`, or the source's range `2–4`. */
export function visitsText(zone: VisitZone): string {
  return zone.range && zone.range[0] !== zone.range[1] ? `${zone.range[0]}–${zone.range[1]}` : String(zone.perMonth);
}

export interface RowVisit {
  /** Index into `model.visits.zones`. */
  zone: number;
  perMonth: number;
  daysBetween: number;
  /** `YYYY-MM-DD`. */
  next: string;
  /** What the next visit counts from. */
  from: "lastVisit" | "asOf";
}

export function conditionHolds(c: PointsCondition, points: number | null): boolean {
  return points !== null && (c.min === undefined || points >= c.min) && (c.max === undefined || points <= c.max);
}

/** The first zone whose conditions all hold (the last has none); -1 when the row has no tier. */
export function zoneOf(model: Model, result: RowResult): number {
  const zones = model.visits?.zones;
  if (!zones || result.tier === null) return -1;
  const at = new Map(model.criteria.map((c, i) => [c.id, i]));
  const found = zones.findIndex((z) => (z.when ?? []).every((c) => conditionHolds(c, result.criteria[at.get(c.criterion)!]?.points ?? null)));
  return found < 0 ? zones.length - 1 : found;
}

/** The row's zone, visits a month and next visit (last visit, else `asOf`, + days between visits); null without a tier. */
export function rowVisit(model: Model, result: RowResult, lastVisit: unknown, asOf: string): RowVisit | null {
  const zone = zoneOf(model, result);
  if (zone < 0) return null;
  const perMonth = model.visits!.zones[zone].perMonth;
  const daysBetween = daysBetweenVisits(perMonth);
  const last = lastVisit instanceof Date && !Number.isNaN(lastVisit.getTime()) ? lastVisit : undefined;
  const [y, m, d] = (last ? isoDay(last) : asOf).split("-").map(Number);
  const next = isoDay(new Date(Date.UTC(y, m - 1, d + daysBetween)));
  return { zone, perMonth, daysBetween, next, from: last ? "lastVisit" : "asOf" };
}

/**
 * The day a next visit counts from when there is no last visit: the run's
 * as-of day (the snapshot's, `--as-of` or today), else `today` (a UTC-midnight
 * day, as `--as-of` gives), else the local calendar day.
 */
export function visitAsOf(scored: Pick<ScoredTable, "history">, today?: Date): string {
  return scored.history?.outcome.snapshot.asOf ?? isoDay(today ?? localToday());
}

/** Customers per zone and the soonest next visits, for the pane. */
export interface VisitSummary {
  /** Customers per zone, in zone order. */
  counts: number[];
  /** The `listed` soonest next visits, soonest first (ties in table order). */
  soonest: { row: number; customer: string; zone: number; next: string }[];
}

/** One pass over the rows, keeping only the `listed` soonest visits. */
export function visitSummary(scored: Pick<ScoredTable, "rows" | "model" | "history">, asOf: string, listed = 5): VisitSummary {
  const model = scored.model;
  const counts = (model.visits?.zones ?? []).map(() => 0);
  const soonest: VisitSummary["soonest"] = [];
  if (!model.visits) return { counts, soonest };
  const field = model.visits.lastVisitField;
  for (let i = 0; i < scored.rows.length; i++) {
    const r = scored.rows.at(i);
    const v = rowVisit(model, r.result, field ? r.values[field] : undefined, asOf);
    if (!v) continue;
    counts[v.zone]++;
    if (soonest.length === listed && v.next >= soonest[listed - 1].next) continue;
    const at = soonest.findIndex((s) => v.next < s.next);
    soonest.splice(at < 0 ? soonest.length : at, 0, { row: r.row, customer: r.customer, zone: v.zone, next: v.next });
    if (soonest.length > listed) soonest.pop();
  }
  return { counts, soonest };
}
