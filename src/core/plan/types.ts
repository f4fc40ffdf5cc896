/**
 * The declarative plan of what to write: sheets, cells, formats and rules as
 * plain data. Core builds it (see `build.ts`); hosts (Excel, xlsx) only apply it
 * and never decide layout.
 *
 * Conventions, the same everywhere in a plan:
 * - Positions are 0-based (row 0 = sheet row 1, col 0 = column A), like `CellRange`
 *   in `sheet/types.ts`. Convert with the helpers in `a1.ts`.
 * - Formulas are A1 formulas with English function names and `,` separators, as
 *   Office.js `range.formulas` and the xlsx file format take them, WITHOUT the
 *   leading `=` (exceljs wants none; the Excel host prefixes it).
 */
import type { CellRange } from "../sheet/types";

export type { CellRange };

/** What each sheet this product creates is for: a tier table, a template's customer sheet (the user's data from then on), rules, summary, the pane's saved settings (very hidden), the tier history (every run's snapshot). */
export type SheetRole = "tiers" | "customers" | "rules" | "summary" | "settings" | "history";

/**
 * A cell to write.
 * - `string`: text that no spreadsheet would read as anything but text (it does
 *   not start with `=`, `+`, `-`, `@`, a digit…). Written as a plain value.
 * - `number`, `boolean`, `null` (leave empty): written as they are. Dates are
 *   Excel serial numbers with a date number format (no time-zone surprises).
 * - `FormulaCell`: a formula.
 * - `TextCell`: text that a spreadsheet WOULD turn into a formula, number or date
 *   (`=HYPERLINK(…)`, `+1`, `-x`, `@foo`, `00123`). Hosts must keep it text: the
 *   Excel host sets the number format `@` on the cell in the same batch before
 *   the values; the xlsx host writes a string cell.
 * - `FormattedCell`: a value with its own number format, overriding the column's
 *   (used for numbers the engine converted from text, shown in another colour).
 */
export type Cell = string | number | boolean | null | FormulaCell | TextCell | FormattedCell;

export interface FormulaCell {
  kind: "formula";
  /** A1 formula without the leading `=`. */
  formula: string;
}

export interface TextCell {
  kind: "text";
  text: string;
}

export interface FormattedCell {
  kind: "formatted";
  value: number | string;
  numberFormat: string;
}

/**
 * A small rectangle of cells written in one go: titles, headers, the rules and
 * summary sheets (their size grows with tiers and criteria, never with rows).
 * Anything with one row per customer is a `ColumnBlock`. `cells[r][c]` goes to sheet row
 * `at.row + r`, column `at.col + c`. Rows may be shorter than the block (the
 * rest is left empty).
 */
export interface CellBlock {
  at: { row: number; col: number };
  cells: Cell[][];
}

/**
 * A table written column by column: `rows` rows from `at`, column `i` of
 * `columns` at sheet column `at.col + i`. Its size is O(columns +
 * exceptions) whatever the number of rows: data is pulled from a source in
 * chunks, a computed column is one formula pattern. Hosts expand it while
 * writing (`expandRows` in `columns.ts`; xlsx: shared formulas; Excel: one
 * R1C1 formula per column range). Big tables use this; small hand-laid
 * areas (titles, rules tables) stay `CellBlock`s.
 */
export interface ColumnBlock {
  at: { row: number; col: number };
  rows: number;
  columns: PlanColumn[];
}

export type PlanColumn = DataColumn | FormulaColumn;

/**
 * What a table column holds, for readers of the plan that must not parse
 * formulas back (the playground, tests): the customer, a model input, a band
 * number, a criterion's points or level, a level number, the score, the tier
 * number, the tier (grade), the rank, the follow-up columns, the explanation,
 * or anything else the table keeps (`other`: key columns, contact details, notes).
 */
export type ColumnRole = "customer" | "input" | "band" | "points" | "level" | "levelNo" | "score" | "tierNo" | "tier" | "rank" | "next" | "overdue" | "why" | "other";

/** Values the host pulls in chunks; the plan never holds one object per cell. */
export interface DataColumn {
  kind: "data";
  role?: ColumnRole;
  /** The cells of block rows `from` (inclusive) to `to` (exclusive), `to - from` of them. */
  valuesAt(from: number, to: number): Cell[];
}

/**
 * One formula over every row of the block, like a formula filled down: each
 * row's is the first row's with its relative row references moved down.
 * `toR1C1` in `columns.ts` gives the one R1C1 form every row shares.
 */
export interface FormulaColumn {
  kind: "formula";
  role?: ColumnRole;
  /** A1 formula of the block's first row, without `=`. */
  formula: string;
  /** Rows whose cell is not the formula (a value in blue, text that must stay text, a blank), ascending. */
  exceptions?: ColumnException[];
}

export interface ColumnException {
  /** Block-relative row. */
  row: number;
  cell: Cell;
}

/** Formatting of a rectangle (headers, titles, editable cells): one host call per range, never per cell. */
export interface RangeStyle {
  range: CellRange;
  /** `#RRGGBB` colours. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** Thin border: round every cell, or only below the range (header underline). */
  border?: { color: string; edges: "all" | "bottom" };
}

/**
 * Number format and width of one column (0-based). Hosts apply column formats
 * first, then the cells (a `TextCell` gets `@`, a `FormattedCell` its own format).
 */
export interface ColumnFormat {
  col: number;
  /** Width in characters (Excel's column width unit). */
  width?: number;
  /** Excel number format code, e.g. `#,##0`, `0 "天"`, `yyyy-mm-dd`, `0%`. */
  numberFormat?: string;
  /** Rows the number format covers; default the whole column. */
  rows?: { first: number; last: number };
  /** Horizontal alignment of the column's cells. */
  align?: "left" | "center" | "right";
}

/** A "use a formula to decide which cells to format" rule. */
export interface FormulaRule {
  kind: "formula";
  range: CellRange;
  /** A1 formula without `=`, relative to the range's top-left cell (e.g. `$G3="A"` for a range starting in row 3). */
  formula: string;
  /** `#RRGGBB`; absent = keep. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Lower numbers win; rules of one plan have distinct priorities starting at 1. */
  priority: number;
  stopIfTrue?: boolean;
  /**
   * A tier's colour rule: it colours the rows whose tier cell (the table's
   * `tier` column) shows one of `values` (the tier id and its sub-levels), so
   * readers need not parse `formula`.
   */
  tier?: { id: string; values: string[] };
}

/** A data bar over a column of numbers (files and Excel). */
export interface DataBarRule {
  kind: "dataBar";
  range: CellRange;
  /** `#RRGGBB`. */
  color: string;
  /** The bar's full length; default the largest value in the range. */
  max?: number;
  priority: number;
}

export type ConditionalRule = FormulaRule | DataBarRule;

/** A chart (Excel only: the xlsx host cannot write charts and skips it). */
export interface ChartPlan {
  type: "columnClustered" | "pie";
  title: string;
  /** One column of category labels and one of values, same number of rows, no header. */
  categories: CellRange;
  values: CellRange;
  seriesName: string;
  /** Where to place the chart's top-left corner, and its size in cells. */
  at: { row: number; col: number };
  size: { rows: number; cols: number };
}

/**
 * Data validation over a range (one host call per range, never per cell):
 * what a user may type, the message shown when a cell is selected, and the one
 * shown when an entry is refused (the entry is refused: "stop" style). Blank
 * cells are always allowed. Messages are in the plan's language; Excel caps
 * titles at 32 characters and messages at 255 (error: 225), so core keeps them short.
 */
export interface DataValidation {
  range: CellRange;
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export type ValidationRule =
  /** A dropdown of the values in `source`: an absolute, sheet-qualified A1 range of one column, without `=`. */
  | { kind: "list"; source: string }
  /** A number from `min` (inclusive) up to `max` (inclusive; absent = no upper bound); `whole` refuses fractions. */
  | { kind: "number"; whole: boolean; min: number; max?: number }
  /** A date on or after `min` (an Excel serial day number, like every date in a plan). */
  | { kind: "date"; min: number };

/** How the host must bring a sheet into the workbook, decided by core (see `naming.ts`). */
export type SheetAction =
  /** Add a new sheet named `SheetPlan.name` (core made sure no sheet has that name). */
  | { kind: "create" }
  /**
   * Delete the sheet currently named `existing` (it carries this product's marker)
   * and add the new one in its place (same position) named `SheetPlan.name`.
   */
  | { kind: "replace"; existing: string }
  /**
   * Keep the sheet currently named `existing` (its part, id, formats, the
   * user's own columns and cells) and add to it: first delete the sheet rows
   * of `drop` (whole rows, the rows below move up, the user's cells in them
   * go with them), then write the plan's blocks and tables, whose positions
   * are counted after the deletion. Core found the rows in the values the host
   * read for this run. Of the rest of the plan only the column formats
   * (limited to the written rows), the print set-up and `autoFilter` apply:
   * the host grows the sheet's own filter (and an Excel table) over the new
   * rows and never adds one; fonts, widths, styles, panes and tab colour stay the user's.
   * The history sheet is kept this way: it is never replaced or trimmed by a run.
   */
  | { kind: "append"; existing: string; drop: RowSpan[] };

/** Sheet rows `first` (0-based) to `first + count - 1`. Lists of them are ascending and do not touch. */
export interface RowSpan {
  first: number;
  count: number;
}

/** A workbook-scoped defined name pointing at a cell of the sheet: how we recognise our sheets. */
export interface SheetMarker {
  /** Valid defined name for Excel, WPS and LibreOffice, e.g. `CustTier_Tiers`. */
  name: string;
  /** The cell it points at (A1 of the sheet). */
  cell: { row: number; col: number };
}

export interface SheetPlan {
  /** Final sheet name, unique in the workbook after the plan is applied. */
  name: string;
  role: SheetRole;
  action: SheetAction;
  marker: SheetMarker;
  blocks: CellBlock[];
  /** Tables described per column, written after `blocks`. */
  tables?: ColumnBlock[];
  /** Applied after the blocks, in order (a later style wins where they overlap). */
  styles: RangeStyle[];
  columns: ColumnFormat[];
  /** Row heights in points, for rows that must not keep the default (a 14-point title). */
  rowHeights?: { row: number; height: number }[];
  /** Rows and columns kept visible when scrolling (0 = none). */
  freeze?: { rows: number; cols: number };
  /** Filter buttons on this range (header row first). */
  autoFilter?: CellRange;
  rules: ConditionalRule[];
  chart?: ChartPlan;
  /** Tab colour `#RRGGBB`. */
  tabColor?: string;
  /** Whether to hide the sheet's grid lines (rules and summary read better without). */
  hideGridlines?: boolean;
  /** What may be typed into the input columns (templates). */
  validations?: DataValidation[];
  /** How the sheet prints; absent = the host's defaults. */
  print?: PrintSetup;
  /** Default visible. `veryHidden` sheets cannot be unhidden from the UI (settings). */
  visibility?: "visible" | "hidden" | "veryHidden";
}

/** Page set-up: what a user gets from File → Print without touching anything. */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Scale to one page wide (any number of pages tall). */
  fitToWidth: boolean;
  /** Rows printed at the top of every page (0-based, inclusive), e.g. the header row. */
  repeatRows?: { first: number; last: number };
  /** The print area: what the cells reach; absent = the used range. */
  area?: CellRange;
  /** The print area with the sheet's chart, for a host that draws it (a file without the chart must not print its empty columns). */
  chartArea?: CellRange;
}

/**
 * A workbook-scoped defined name other than a marker, e.g. `销售额分界` for a
 * threshold column of the rules sheet, so formulas read as words.
 * `ref` is an absolute, sheet-qualified A1 reference without `=`
 * (`'分级规则'!$C$5:$C$8`).
 */
export interface DefinedName {
  name: string;
  ref: string;
  /** Shown in Excel's Name Manager. */
  comment?: string;
}

export interface WorkbookPlan {
  /** In the order they appear after the sheets they replace or after the existing ones. */
  sheets: SheetPlan[];
  /** Name of the sheet to show when the host is done. */
  activate: string;
  /** Default font for the created sheets (CJK-capable for zh-CN). */
  font?: { name: string; size: number };
  /** Defined names the formulas use (besides the sheet markers); replaced on every run. */
  names?: DefinedName[];
}
