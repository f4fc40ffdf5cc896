import type { HistoryOutcome } from "./apply";
import { CHANGE } from "./types";

/** How many customers moved since the previous snapshot, as the CLI and the pane say it. */
export interface MoveCounts {
  up: number;
  down: number;
  new: number;
  same: number;
  gone: number;
  overrides: number;
}

export function moveCounts(outcome: HistoryOutcome): MoveCounts {
  const counts = [0, 0, 0, 0, 0];
  for (const c of outcome.change) counts[c]++;
  return { up: counts[CHANGE.up], down: counts[CHANGE.down], new: counts[CHANGE.new], same: counts[CHANGE.same], gone: outcome.gone.length, overrides: outcome.overrides.size };
}

/** One customer who moved: name, the tier before (`""` for a new one) and now (`""` for a gone one). */
export interface Move {
  customer: string;
  previous: string;
  tier: string;
}

export type MoveKind = "up" | "down" | "new" | "gone";

/** The first `limit` customers of one kind of move, in sheet order (the summary sheet lists them all). */
export function movesOf(outcome: HistoryOutcome, kind: MoveKind, limit: number): Move[] {
  const out: Move[] = [];
  if (kind === "gone") {
    const prev = outcome.previous;
    for (let k = 0; k < outcome.gone.length && out.length < limit; k++) {
      const r = outcome.gone[k];
      out.push({ customer: prev!.customer[r] || prev!.key[r], previous: prev!.tier[r], tier: "" });
    }
    return out;
  }
  const code = CHANGE[kind];
  const { snapshot } = outcome;
  for (let i = 0; i < outcome.change.length && out.length < limit; i++) {
    if (outcome.change[i] === code) out.push({ customer: snapshot.customer[i] || snapshot.key[i], previous: snapshot.previousTier[i], tier: snapshot.tier[i] });
  }
  return out;
}
