/**
 * Fitting a points model to the data: score thresholds that give chosen
 * shares of customers per tier, and warnings when a model fits the data badly.
 * Pure: the pane previews the result and lets the user accept it.
 */
import type { Model, Text } from "./model";
import { text } from "./model";
import type { ScoredTable } from "./sheet/types";
import { formatNumber } from "./text/format";

/**
 * Seed 002 lists 10% / 10% / 10% / 70% as the customer shares of the sales-payment
 * tiers. **Decision**: a four-tier model takes them as they are; with three tiers
 * (A, B, C) the two middle shares are one tier: 10% / 20% / 70%; other counts get
 * equal shares (quantile cuts).
 */
export function defaultShares(tiers: number): number[] {
  if (tiers === 4) return [0.1, 0.1, 0.1, 0.7];
  if (tiers === 3) return [0.1, 0.2, 0.7];
  return equalShares(tiers);
}

/** Quantile cuts: every tier the same share. */
export function equalShares(tiers: number): number[] {
  return Array.from({ length: tiers }, () => 1 / tiers);
}

export interface Calibration {
  /** Lowest score of each tier but the last, best first (a sum model's `minScore`s). */
  minScores: number[];
  /** Customers per tier with those thresholds, best first. */
  counts: number[];
}

/**
 * Thresholds giving each tier (best first) as close to its share of the scored
 * customers as the scores allow: customers with the same score always share a
 * tier, so each cut goes where the count is nearest the target. Every cut is a
 * score that occurs, and cuts fall strictly; a tier that cannot get anyone
 * (too few distinct scores) is left empty with a cut one point above the next.
 * Null when there is no score to cut.
 */
export function calibrate(scores: readonly (number | null)[], shares: readonly number[]): Calibration | null {
  const sorted = scores.filter((s): s is number => s !== null && Number.isFinite(s)).sort((a, b) => b - a);
  const n = sorted.length;
  const cuts = shares.length - 1;
  if (n === 0 || cuts < 1) return null;
  const total = shares.reduce((a, b) => a + b, 0);
  // Distinct scores, best first, and how many customers score at least each.
  const distinct: number[] = [];
  const atLeast: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === n - 1 || sorted[i + 1] !== sorted[i]) {
      distinct.push(sorted[i]);
      atLeast.push(i + 1);
    }
  }
  const m = distinct.length;
  const minScores: number[] = [];
  let cumulative = 0;
  let prev = -1; // index of the last distinct score used as a cut
  for (let t = 0; t < cuts; t++) {
    cumulative += shares[t] / total;
    const target = cumulative * n;
    // Keep a distinct score for each later tier, the last one included.
    const lo = prev + 1;
    const hi = m - 1 - (cuts - t);
    if (lo > hi) {
      // Too few different scores: this tier stays empty, its cut between the last cut and the next score down.
      const upper = t === 0 ? distinct[0] + 1 : minScores[t - 1];
      minScores.push(lo < m ? (upper + distinct[lo]) / 2 : upper - 1);
      continue;
    }
    let best = lo;
    for (let k = lo + 1; k <= hi; k++) if (Math.abs(atLeast[k] - target) < Math.abs(atLeast[best] - target)) best = k;
    minScores.push(distinct[best]);
    prev = best;
  }
  const counts = new Array<number>(shares.length).fill(0);
  for (const s of sorted) {
    let t = 0;
    while (t < cuts && s < minScores[t]) t++;
    counts[t]++;
  }
  return { minScores, counts };
}

/** The model with these thresholds (and the shares they aimed at, for the summary). */
export function withThresholds(model: Model, minScores: readonly number[], shares: readonly number[]): Model {
  const last = model.tiers.length - 1;
  return {
    ...model,
    tiers: model.tiers.map((t, i) => (i === last ? t : { ...t, minScore: minScores[i] })),
    targetShares: [...shares],
  };
}

export interface FitWarning {
  kind: "emptyTier" | "crowdedTier" | "oneBand" | "allTied";
  message: Text;
}

/** Below this many scored customers a distribution says little: no fit warnings. */
const MIN_CUSTOMERS = 5;
/** A tier holding at least this share of customers holds (almost) everyone. */
const CROWDED = 0.9;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Customers per tier as the model's thresholds put them (best first), before
 * overrides, held downgrades or recalled grades: what a fit moves and warns about.
 */
export function computedCounts(tiers: number, scored: Pick<ScoredTable, "scores">): number[] {
  const counts = new Array<number>(tiers).fill(0);
  for (const t of scored.scores.tier) if (t >= 0 && t < tiers) counts[t]++;
  return counts;
}

/** What the data says about the model: empty or crowded tiers, a criterion that does not tell customers apart, ties everywhere. */
export function fitWarnings(model: Model, scored: ScoredTable): FitWarning[] {
  const tiered = scored.rows.filter((r) => r.result.tier !== null);
  const n = tiered.length;
  if (n < MIN_CUSTOMERS) return [];
  const out: FitWarning[] = [];
  const counts = computedCounts(model.tiers.length, scored);
  for (const [k, { id: name }] of model.tiers.entries()) {
    const count = counts[k];
    if (count === 0) out.push({ kind: "emptyTier", message: text(`${name} 级没有客户`, `Tier ${name} has no customers`) });
    else if (count / n >= CROWDED) {
      out.push({
        kind: "crowdedTier",
        message: text(`${name} 级有 ${formatNumber(count)} / ${formatNumber(n)} 个客户（${pct(count / n)}）`, `Tier ${name} holds ${formatNumber(count)} of ${formatNumber(n)} customers (${pct(count / n)})`),
      });
    }
  }
  model.criteria.forEach((c, i) => {
    if (c.kind !== "bands" || c.bands.length < 2) return;
    let match: number | undefined;
    let read = 0;
    for (const r of tiered) {
      const m = r.result.criteria[i];
      if (m.input !== "read" || m.match < 0) continue;
      read++;
      if (match === undefined) match = m.match;
      else if (m.match !== match) return;
    }
    if (read >= MIN_CUSTOMERS && match !== undefined) {
      out.push({
        kind: "oneBand",
        message: text(`${c.label["zh-CN"]}：所有客户都落在同一档，这一项区分不了客户`, `${c.label["en-US"]}: every customer falls in the same band, so it tells no one apart`),
      });
    }
  });
  const first = tiered[0].result;
  const tied = tiered.every((r) => (model.combine === "sum" ? r.result.score === first.score : r.result.grade === first.grade));
  if (tied) out.push({ kind: "allTied", message: text(`所有 ${formatNumber(n)} 个客户得分相同，排名全部并列`, `All ${formatNumber(n)} customers score the same: every rank is tied`) });
  return out;
}
