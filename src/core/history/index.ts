/** Tiers over time (issue 12): customer keys, snapshots, previous tier and change, overrides, history rules. */
export type { Override, Snapshot, ChangeName, Place } from "./types";
export { CHANGE, CHANGE_NAMES } from "./types";
export { gradesOf, type Grades } from "./grades";
export { customerKeys, type CustomerKeys, type KeySource } from "./keys";
export { keySource, CUSTOMER_ID_FIELD } from "./from-table";
export { readOverrides, type OverrideEntry } from "./overrides";
export { compareTiers, matchPrevious, indexSnapshot, type Comparison } from "./compare";
export { applyHistory, overrideNote, type HistoryInput, type HistoryOutcome } from "./apply";
export { historyStage, historySheets, readWorkbookHistory, type ScoredHistory, type WorkbookHistory } from "./stage";
export { readHistoryLog, snapshotsOf, isoDay, HISTORY_SHEET, type HistoryLog } from "./sheet";
export { readTierOverrides, tierSheetColumns, TIER_HEADER_ROWS } from "./tier-read";
export { reviewInterval, nextReview, intervalText, reviewReminder, DEFAULT_REVIEW_MONTHS, type ReviewInterval, type ReviewReminder } from "./review";
export { moveCounts, movesOf, type MoveCounts, type Move, type MoveKind } from "./moves";
