/**
 * The history stage of the pipeline (a `ScoredStage`): reads this run against
 * the workbook's history sheet and the override columns of the tier sheet it
 * is about to replace, and hangs the outcome on the scored table for the plan
 * (history sheet, tier sheet columns, summary) and the reports.
 */
import type { CellValue } from "../parse/values";
import { markerName } from "../plan/naming";
import { summariseTiers } from "../sheet/score-table";
import type { ScoredTable, SheetGrid } from "../sheet/types";
import { applyHistory, type HistoryOutcome } from "./apply";
import { customerKeys } from "./keys";
import { keySource } from "./from-table";
import { historyFits, historyFullIssue, historyMode, historyUnreadIssue, readHistoryLog, rowsKept, snapshotsOf, type HistoryLog } from "./sheet";
import { readTierOverrides, type TierSheetOverrides } from "./tier-read";
import type { Issue } from "../issues";
import { fold } from "../text/normalize";

/** What the workbook holds from earlier runs. */
export interface WorkbookHistory {
  log?: HistoryLog;
  /** The override columns of our tier sheet, when it has them. */
  tierSheet?: TierSheetOverrides;
}

/** A sheet as the host lists it: name and our marker, if any. */
interface SheetEntry {
  name: string;
  marker?: string;
}

/** Our history and tier sheets, found by their markers: the only sheets a host reads for `readWorkbookHistory`. */
export function historySheets(sheets: readonly SheetEntry[]): { history?: string; tiers?: string } {
  const marked = (role: "history" | "tiers") => {
    const m = markerName(role).toLowerCase();
    return sheets.find((x) => x.marker?.toLowerCase() === m)?.name;
  };
  return { history: marked("history"), tiers: marked("tiers") };
}

/** Finds our history and tier sheets by their markers and reads them (`grid` gives a sheet's values). */
export function readWorkbookHistory(sheets: readonly SheetEntry[], grid: (name: string) => SheetGrid | undefined): WorkbookHistory {
  const names = historySheets(sheets);
  const history = names.history === undefined ? undefined : grid(names.history);
  const tiers = names.tiers === undefined ? undefined : grid(names.tiers);
  return {
    log: history ? { ...readHistoryLog(history.values, history.origin?.row ?? 0, history.origin?.col ?? 0), sheet: history.name } : undefined,
    tierSheet: tiers ? readTierOverrides(tiers) : undefined,
  };
}

/** What the stage adds to a scored table. */
export interface ScoredHistory {
  outcome: HistoryOutcome;
  /** The history sheet as found, rewritten with this run's snapshot. */
  log?: HistoryLog;
  /** Customer IDs per row, when the sheet has an ID column. */
  ids?: readonly (string | null)[];
  /** What was typed in the override columns (valid or not), by current row: carried into the new tier sheet. */
  typed: ReadonlyMap<number, { tier: CellValue; reason: CellValue }>;
}

/** The stage: `asOf` is this run's snapshot date (`YYYY-MM-DD`). */
export function historyStage(workbook: WorkbookHistory, asOf: string): (scored: ScoredTable) => ScoredTable {
  return (scored) => {
    const src = keySource(scored);
    const keys = customerKeys(src);
    const outcome = applyHistory({
      model: scored.model,
      asOf,
      keys,
      names: src.names,
      score: scored.scores.score,
      tier: scored.scores.tier,
      sub: scored.scores.sub,
      history: workbook.log ? snapshotsOf(workbook.log) : [],
      overrides: workbook.tierSheet?.entries,
      overridePlaces: workbook.tierSheet?.places,
    });
    const typed = new Map<number, { tier: CellValue; reason: CellValue }>();
    if (workbook.tierSheet) {
      for (const e of workbook.tierSheet.entries) {
        if (e.tier === null && e.reason === null) continue;
        const i = keys.index.find(fold(e.key));
        if (i !== undefined && !keys.excluded[i]) typed.set(i, { tier: e.tier, reason: e.reason });
      }
    } else {
      for (const [i, o] of outcome.overrides) typed.set(i, { tier: o.tier, reason: o.reason });
    }
    const issues: Issue[] = [...(workbook.log?.issues ?? []), ...outcome.issues];
    if (workbook.log && historyMode(workbook.log) === "new") issues.push(historyUnreadIssue(workbook.log.sheet ?? ""));
    const kept = rowsKept(workbook.log, asOf, scored.model.id);
    if (!historyFits(kept, keys.length)) issues.push(historyFullIssue(kept, keys.length));
    const history: ScoredHistory = { outcome, log: workbook.log, ids: src.ids as (string | null)[] | undefined, typed };
    // Overrides, held downgrades and recalled grades change tiers: the summary counts the final ones, as the workbook does.
    const changed = outcome.tier.some((t, i) => t !== scored.scores.tier[i]);
    const counted = changed ? summariseTiers(scored.model.tiers, outcome.tier, scored.valueNumbers) : scored;
    return { ...scored, summary: counted.summary, unscored: counted.unscored, issues: issues.length ? [...scored.issues, ...issues] : scored.issues, history };
  };
}
