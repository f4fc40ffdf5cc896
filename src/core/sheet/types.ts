import type { ScoredHistory } from "../history/stage";
import type { Issue } from "../issues";
import type { Lang, Model } from "../model";
import type { OrderAggregate } from "../orders/aggregate";
import type { CellValue } from "../parse/values";
import type { RowResult } from "../score";
import type { ScoreColumns } from "../scorer";

/** A 0-based rectangle of a sheet (row 0 = Excel row 1, column 0 = A). */
export interface CellRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What a host hands to core: the values of one sheet and what it knows about their layout. */
export interface SheetGrid {
  name: string;
  /** Values from A1 (or from `origin`) down and right; rows may be ragged. */
  values: CellValue[][];
  /** Where values[0][0] sits in the sheet (Excel's used range may start at C3). Default A1. */
  origin?: { row: number; col: number };
  merges?: CellRange[];
  /** Excel tables (ListObjects) on the sheet: header row first; `totalsRow` when the last row is the table's total row. */
  tables?: { name: string; range: CellRange; totalsRow?: boolean }[];
  /** The user's selection, when they chose one. It wins over detection. */
  selection?: CellRange;
  /**
   * What the host's reader had to change or could not decode, each naming row,
   * column letter and value (a text cut to Excel's 32,767 characters, a byte
   * that is not UTF-8): the job reports them with the rows' issues.
   */
  issues?: Issue[];
  /** Text files only: the encoding the bytes were read as (`utf-8`, `gb18030`…), to tell the user. */
  encoding?: string;
}

/** The customer table found in a sheet. */
export interface SourceTable {
  sheetName: string;
  /** 1-based sheet row of the header, as the user sees it. */
  headerRow: number;
  /** 0-based sheet column of the table's first column (0 = A). */
  firstCol: number;
  /** Header text per table column (trimmed, white space collapsed; empty headers become "列F" / "Column F"). */
  headers: string[];
  /** Data rows, blank and totals rows left out. */
  rows: SourceRow[];
  /**
   * Rows inside the table that were passed over, and why: blank, a totals row
   * (合计/小计/Total…), a note or section label (`备注：…`, a merged `华东区`),
   * or the header repeated (print layouts).
   */
  skipped: { row: number; reason: SkipReason }[];
  /** How the table was found. */
  foundBy: "table" | "selection" | "detected";
}

export type SkipReason = "blank" | "total" | "note" | "header";

export interface SourceRow {
  /** 1-based sheet row. */
  row: number;
  /** One value per header (ragged input padded with null). */
  cells: CellValue[];
}

/** Which table column feeds which model field. */
export interface ColumnMapping {
  /** field id → 0-based table column (index into `headers`). */
  columns: Record<string, number>;
  /** field id → 0..1: 1 for an exact synonym or an explicit choice. */
  confidence: Record<string, number>;
  /** field id → other columns that could also be it, best first. */
  alternatives: Record<string, number[]>;
  /** Required model fields with no column. */
  missing: string[];
  /**
   * field id → factor for plain numbers, from the header's unit: `销售额（万元）`
   * gives 10000, so 2.5 is read as 25,000. Absent when no header carries a magnitude.
   */
  scale?: Record<string, number>;
}

/**
 * One scored customer, with everything a plan or the CLI shows. Built on demand
 * from the table's columns (`ScoredTable.rows.at(i)`), not kept.
 */
export interface ScoredRow {
  /** 1-based sheet row of the customer. */
  row: number;
  customer: string;
  /** Parsed input per field id (numbers; category ids; Date for dates), null when blank or unreadable. */
  values: Record<string, number | string | Date | null>;
  /** field ids whose cell was text the engine had to interpret (`2万`, `３０天`): not a plain number. */
  converted: string[];
  result: RowResult;
  /** How the row got its tier, in the table's language: built when first read. */
  readonly explanation: string;
  /** Issues with row, column header and column letter filled in. */
  issues: Issue[];
}

export interface TierSummary {
  tier: string;
  count: number;
  /** Share of scored customers, 0..1. */
  share: number;
  /** Sum of the model's value field (revenue, amount…) over the tier, when the model has one. */
  value: number | null;
  valueShare: number | null;
}

/**
 * The scored customers as a read-only list: each row is built when asked for
 * and not kept, so a million customers cost their columns only.
 */
export interface ScoredRows extends Iterable<ScoredRow> {
  readonly length: number;
  /** Row i (0-based, in table order); throws outside 0..length-1. */
  at(i: number): ScoredRow;
  map<T>(fn: (row: ScoredRow, i: number) => T): T[];
  filter(fn: (row: ScoredRow, i: number) => boolean): ScoredRow[];
  find(fn: (row: ScoredRow, i: number) => boolean): ScoredRow | undefined;
  findIndex(fn: (row: ScoredRow, i: number) => boolean): number;
  some(fn: (row: ScoredRow, i: number) => boolean): boolean;
}

export interface ScoredTable {
  table: SourceTable;
  mapping: ColumnMapping;
  lang: Lang;
  /** The model as scored: the one given, with population cut points (RFM, ABC) filled in as band bounds. */
  model: Model;
  /** Population cut points per criterion id, ascending (empty when the model has none). */
  cuts: Record<string, number[]>;
  rows: ScoredRows;
  /** Tier, score and each criterion's match for every row, as typed arrays (what `rows` is built from). */
  scores: ScoreColumns;
  /** Every issue of every row, plus table-level ones (duplicate customers…). */
  issues: Issue[];
  summary: TierSummary[];
  /** Rows with no tier. */
  unscored: number;
  /** The summary's value field as read (null: not numeric; absent: no value field), to count the summary again after overrides. */
  valueNumbers?: Float64Array | null;
  /** Tiers over time, when the history stage ran (`history/stage.ts`). */
  history?: ScoredHistory;
  /**
   * When the table was an order log summed per customer: the sums (row i = customer i),
   * the log they came from, and the as-of day when one was given (`--as-of`; else the
   * workbook counts from TODAY()).
   */
  orders?: { aggregate: OrderAggregate; source: SourceTable; mapping: ColumnMapping; asOf?: Date };
  /**
   * A customer sheet whose days fields were read from date columns (recency from
   * the last order date), and the as-of day when one was given (else TODAY()).
   */
  dated?: { pairs: readonly { days: string; date: string }[]; asOf?: Date };
}
