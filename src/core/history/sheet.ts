/**
 * The history sheet (客户分级历史 / Tier history): one row per customer per
 * snapshot, plain data under one header row so that users can sort, filter
 * and pivot it. Columns are found by their header in either language, so a
 * sheet written in Chinese is read by an English run and the other way round.
 */
import type { Issue } from "../issues";
import type { Lang, Text } from "../model";
import { text } from "../model";
import { isBlank, parseDate, parseNumber, type CellValue } from "../parse/values";
import { cellText } from "../sheet/cell-text";
import { EXCEL_MAX_ROWS } from "../limits";
import { fold } from "../text/normalize";
import type { Override, Snapshot } from "./types";

/** The columns, in sheet order. */
export const HISTORY_COLUMNS = [
  { id: "asOf", header: text("分级日期", "As of") },
  { id: "model", header: text("模型", "Model") },
  { id: "key", header: text("客户键", "Key") },
  { id: "customer", header: text("客户", "Customer") },
  { id: "score", header: text("总分", "Score") },
  { id: "computed", header: text("计算等级", "Computed tier") },
  { id: "tier", header: text("等级", "Tier") },
  { id: "previous", header: text("上期等级", "Previous tier") },
  { id: "override", header: text("人工等级", "Override") },
  { id: "reason", header: text("调整理由", "Reason") },
] as const satisfies readonly { id: string; header: Text }[];

export type HistoryColumnId = (typeof HISTORY_COLUMNS)[number]["id"];
export const HISTORY_COL = Object.fromEntries(HISTORY_COLUMNS.map((c, i) => [c.id, i])) as Record<HistoryColumnId, number>;

export const HISTORY_SHEET: Text = text("客户分级历史", "Tier history");

/** The rows of a history sheet as found: where each column is, and its data rows (header excluded). */
export interface HistoryLog {
  /** Data rows as the grid holds them (row 0 = the first row under the header). */
  rows: readonly (readonly CellValue[])[];
  /** Grid column of each history column, -1 when the sheet lacks it. */
  col: Record<HistoryColumnId, number>;
  /** 1-based sheet row of rows[0]. */
  firstRow: number;
  /** 0-based index into the values read of the header row; -1 when none was found (then `rows` is empty). */
  header: number;
  /** 0-based sheet column of the values' first column (`col` counts from it). */
  firstCol: number;
  /** Columns the values read span (the user's own ones too): new columns go to the right of them. */
  width: number;
  /** Rows the values read span, header and anything above it included. */
  height: number;
  /** Each data row's as-of date (`YYYY-MM-DD`, "" when unreadable) and model id, for grouping and for replacing a day. */
  asOf: string[];
  model: string[];
  issues: Issue[];
  /** The sheet's name, when read from a workbook. */
  sheet?: string;
}

/**
 * How a run brings its snapshot into the workbook's history sheet: `append`
 * to the one it read (its header found), or start a new sheet — when there is
 * none, or when the marked one has content but no header we recognise (it is
 * then left as it is: a run never replaces or trims a history).
 */
export function historyMode(log: HistoryLog | undefined): "append" | "new" | "replaceEmpty" {
  if (!log) return "new";
  if (log.header >= 0) return "append";
  return log.height > 0 ? "new" : "replaceEmpty";
}

/** Said when the marked history sheet has content but no header row: it is kept as it is and a new one is started. */
export function historyUnreadIssue(sheet: string): Issue {
  return {
    severity: "warning",
    message: text(
      `工作表“${sheet}”前 10 行中没有分级历史的表头（分级日期、等级）：保留原样，本次分级记入一张新的历史工作表`,
      `Sheet "${sheet}" has no tier history header (As of, Tier) in its first 10 rows: it is left as it is and this run is recorded in a new history sheet`,
    ),
  };
}

const HEADER_IDS = new Map<string, HistoryColumnId>(HISTORY_COLUMNS.flatMap((c) => [[fold(c.header["zh-CN"]), c.id] as const, [fold(c.header["en-US"]), c.id] as const]));

/** `YYYY-MM-DD` of a Date at UTC midnight (the engine's dates). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Reads a history sheet's values (`values[0]` = sheet row `origin + 1`). The
 * header is the first of the first ten rows naming an as-of and a tier column.
 * Rows with no readable as-of date are kept as they are (written back) and not read.
 */
export function readHistoryLog(values: readonly (readonly CellValue[])[], originRow = 0, originCol = 0): HistoryLog {
  const col = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.id, -1])) as Record<HistoryColumnId, number>;
  let header = -1;
  for (let r = 0; r < Math.min(10, values.length) && header < 0; r++) {
    const found = new Map<HistoryColumnId, number>();
    values[r].forEach((v, c) => {
      const id = typeof v === "string" ? HEADER_IDS.get(fold(v)) : undefined;
      if (id && !found.has(id)) found.set(id, c);
    });
    if (found.has("asOf") && found.has("tier")) {
      header = r;
      for (const [id, c] of found) col[id] = c;
    }
  }
  const rows = header < 0 ? [] : values.slice(header + 1);
  const asOf = new Array<string>(rows.length);
  const model = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const d = col.asOf < 0 ? undefined : rows[i][col.asOf];
    const parsed = isBlank(d) ? undefined : parseDate(d);
    asOf[i] = parsed?.ok ? isoDay(parsed.value) : "";
    model[i] = col.model < 0 || isBlank(rows[i][col.model]) ? "" : cellText(rows[i][col.model]);
  }
  const issues: Issue[] = [];
  const unread = asOf.filter((a, i) => !a && rows[i].some((v) => !isBlank(v))).length;
  if (unread) {
    issues.push({
      severity: "warning",
      message: text(`分级历史中有 ${unread} 行没有可识别的分级日期：保留原样，不参与对比`, `${unread} rows of the tier history have no readable as-of date: kept as they are, not compared`),
    });
  }
  let width = 0;
  for (const row of values) if (row.length > width) width = row.length;
  return { rows, col, firstRow: originRow + header + 2, header, firstCol: originCol, width, height: values.length, asOf, model, issues };
}

/** The snapshots of a history log, one per model and as-of date, rows in sheet order. */
export function snapshotsOf(log: HistoryLog): Snapshot[] {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < log.rows.length; i++) {
    if (!log.asOf[i]) continue;
    const k = `${log.model[i]}\u0000${log.asOf[i]}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  const cell = (i: number, id: HistoryColumnId) => (log.col[id] < 0 ? null : log.rows[i][log.col[id]]);
  const str = (i: number, id: HistoryColumnId) => {
    const v = cell(i, id);
    return isBlank(v) ? "" : cellText(v);
  };
  return [...groups.values()].map((rows) => {
    const override = new Map<number, Override>();
    rows.forEach((i, r) => {
      const o = str(i, "override");
      if (o) override.set(r, { tier: o, reason: str(i, "reason") });
    });
    const score = new Float64Array(rows.length).fill(NaN);
    rows.forEach((i, r) => {
      const v = cell(i, "score");
      const p = isBlank(v) ? undefined : parseNumber(v, "number");
      if (p?.ok) score[r] = p.value;
    });
    return {
      asOf: log.asOf[rows[0]],
      modelId: log.model[rows[0]],
      length: rows.length,
      key: rows.map((i) => str(i, "key")),
      customer: rows.map((i) => str(i, "customer")),
      score,
      tier: rows.map((i) => str(i, "tier")),
      computedTier: rows.map((i) => str(i, "computed")),
      previousTier: rows.map((i) => str(i, "previous")),
      override,
    };
  });
}

/** The history columns' headers in a language. */
export function historyHeaders(lang: Lang): string[] {
  return HISTORY_COLUMNS.map((c) => c.header[lang]);
}

/** Rows of the log a run keeps: all but those of its own as-of date and model (a same-day re-run replaces them). */
export function keptRows(log: HistoryLog | undefined, asOf: string, modelId: string): number[] {
  const kept: number[] = [];
  if (log) for (let i = 0; i < log.rows.length; i++) if (!(log.asOf[i] === asOf && log.model[i] === modelId)) kept.push(i);
  return kept;
}

/** The log's rows of this as-of date and model (a same-day re-run's to replace), as runs of adjacent rows (log indices). */
export function droppedRuns(log: HistoryLog, asOf: string, modelId: string): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (let i = 0; i < log.rows.length; i++) {
    if (log.asOf[i] !== asOf || log.model[i] !== modelId) continue;
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === i) last.count++;
    else runs.push({ first: i, count: 1 });
  }
  return runs;
}

/** Rows the history sheet keeps under its header row (and above it) when this run's snapshot is added: the check against the sheet's limit. */
export function rowsKept(log: HistoryLog | undefined, asOf: string, modelId: string): number {
  if (historyMode(log) !== "append") return 0;
  const dropped = droppedRuns(log!, asOf, modelId).reduce((n, r) => n + r.count, 0);
  return log!.firstRow - 2 + log!.rows.length - dropped;
}

/** Whether a snapshot of `rows` customers still fits under the header after `kept` rows (Excel's sheet limit). */
export function historyFits(kept: number, rows: number): boolean {
  return kept + rows <= EXCEL_MAX_ROWS - 1;
}

/** Said when a run cannot be recorded: the history is never trimmed to make room. */
export function historyFullIssue(kept: number, rows: number): Issue {
  return {
    severity: "error",
    message: text(
      `分级历史已有 ${kept} 行，加上本次 ${rows} 行将超过工作表的 ${EXCEL_MAX_ROWS} 行上限：本次分级未记入历史（请将旧的历史移到别的工作簿）`,
      `The tier history has ${kept} rows; with this run's ${rows} it would pass a sheet's ${EXCEL_MAX_ROWS} rows: this run is not recorded (move older history to another workbook)`,
    ),
  };
}
