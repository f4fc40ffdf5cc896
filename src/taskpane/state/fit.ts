/**
 * "Fit thresholds to my data": the pane's side of core/calibrate. The user
 * picks a share of customers per tier (the model's target shares, else the
 * seed's) or equal shares (quantile cuts); this turns the preview's scores into
 * the thresholds, the counts they give beside today's (both from the computed
 * tiers, before any override), and the model to accept.
 */
import { calibrate, computedCounts, defaultShares, equalShares, withThresholds } from "../../core/calibrate";
import type { Model } from "../../core/model";
import type { ScoredTable } from "../../core/sheet/types";

export type FitMode = "shares" | "quantiles";

/** Whole percentages per tier, best first: the model's target shares when it has them, else the seed's defaults. */
export function startingPercents(model: Model): number[] {
  const shares = model.targetShares?.length === model.tiers.length ? model.targetShares : defaultShares(model.tiers.length);
  return shares.map((s) => Math.round(s * 1000) / 10);
}

export interface FitProposal {
  /** Shares aimed at (0–1, best first). */
  shares: number[];
  /** Lowest score of each tier but the last, best first. */
  minScores: number[];
  /** Customers per tier today and with the proposal, best first. */
  now: number[];
  fitted: number[];
  /** The model with the proposal's thresholds and target shares. */
  model: Model;
}

/** Why there is no proposal: shares that do not add up to 100%, or no scores to cut. */
export type FitResult = { ok: true; proposal: FitProposal } | { ok: false; reason: "sum"; total: number } | { ok: false; reason: "noScores" };

export function proposeFit(model: Model, preview: ScoredTable, mode: FitMode, percents: readonly number[]): FitResult {
  const n = model.tiers.length;
  let shares: number[];
  if (mode === "quantiles") shares = equalShares(n);
  else {
    const total = percents.reduce((a, b) => a + b, 0);
    // A tenth of a percent of rounding (33.3 × 3) is fine; anything else is a typo the user should see.
    if (percents.length !== n || percents.some((p) => !(p >= 0)) || Math.abs(total - 100) > 0.15) return { ok: false, reason: "sum", total };
    shares = percents.map((p) => p / total);
  }
  const c = calibrate(Array.from(preview.scores.score), shares);
  if (!c) return { ok: false, reason: "noScores" };
  // The computed tiers, not the summary's final ones: overrides are not cut by thresholds, so both columns count the scores.
  const now = computedCounts(n, preview);
  return { ok: true, proposal: { shares, minScores: c.minScores, now, fitted: c.counts, model: withThresholds(model, c.minScores, shares) } };
}
