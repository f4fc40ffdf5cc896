/**
 * The part of the Office.js Excel API this host uses, as plain structural types.
 *
 * Why not `Excel.RequestContext` directly: the host must also run against the
 * recording fake (tests, `npm run bench`), and the bench is compiled without
 * the office-js typings. `host.ts` checks at compile time that the real
 * `Excel.RequestContext` fits these types, so a misspelt API name fails `tsc`.
 * Requirement sets are noted where above ExcelApi 1.1.
 */

export interface ExcelContext {
  readonly workbook: Workbook;
  sync(): Promise<unknown>;
}

export interface Loadable {
  load(propertyNames: string): unknown;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
  /** Workbook-scoped defined names (ExcelApi 1.4 for add). */
  readonly names: NamedItemCollection;
  /** Key/value settings saved in the file (ExcelApi 1.4). */
  readonly settings: SettingCollection;
  readonly application: Application;
  getSelectedRange(): Range;
}

export interface Application {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

export interface WorksheetCollection extends Loadable {
  readonly items: Worksheet[];
  add(name?: string): Worksheet;
  getItem(key: string): Worksheet;
  getActiveWorksheet(): Worksheet;
}

export interface Worksheet extends Loadable {
  name: string;
  /** 0-based tab position. */
  position: number;
  /** `#RRGGBB` (ExcelApi 1.7). */
  tabColor: string;
  /** ExcelApi 1.8. */
  showGridlines: boolean;
  /** `Visible`, `Hidden` or `VeryHidden` (ExcelApi 1.1). */
  visibility: string;
  readonly freezePanes: WorksheetFreezePanes;
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayout;
  /** ExcelApi 1.9. */
  readonly autoFilter: AutoFilter;
  readonly charts: ChartCollection;
  readonly tables: TableCollection;
  /** No address: the whole sheet. */
  getRange(address?: string): Range;
  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  activate(): void;
  delete(): void;
}

export interface Range extends Loadable {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  /** ExcelApi 1.2. One formula (single input) fills every cell of the range, each with its relative references. */
  formulasR1C1: unknown[][] | string;
  /**
   * A 2-D array, or one format for every cell of the range (Office.js "single
   * input": how a whole column gets its format in one small request).
   */
  numberFormat: unknown[][] | string;
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  /** ExcelApi 1.8. */
  readonly dataValidation: DataValidation;
  /** ExcelApi 1.13: the merged areas whose top-left cell lies in the range. */
  getMergedAreasOrNullObject(): RangeAreas;
  select(): void;
  /** The whole rows the range spans. */
  getEntireRow(): Range;
  /** Deletes the cells; the ones below (`Up`) or to the right (`Left`) move in. */
  delete(shift: "Up" | "Left"): void;
}

export interface RangeAreas extends Loadable {
  /** `Sheet1!A1:B2, Sheet1!D4:E4` */
  readonly address: string;
  readonly isNullObject: boolean;
}

export interface RangeFormat {
  /** In points. */
  columnWidth: number;
  horizontalAlignment: string;
  wrapText: boolean;
  readonly font: RangeFont;
  readonly fill: { color: string };
  readonly borders: { getItem(index: BorderEdge): RangeBorder };
}

export type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface RangeBorder {
  /** `Continuous`, `None`… */
  style: string;
  /** `Thin`, `Medium`… */
  weight: string;
  color: string;
}

export interface RangeFont {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
}

export interface WorksheetFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  /** The range becomes the frozen top-left pane. */
  freezeAt(frozenRange: Range | string): void;
}

export interface AutoFilter extends Loadable {
  apply(range: Range | string): void;
  /** Whether the sheet has filter buttons (after load). */
  readonly enabled: boolean;
  /** Whether a criterion hides rows now (after load). */
  readonly isDataFiltered: boolean;
  /** The filtered range, or a null object when the sheet has no filter. */
  getRangeOrNullObject(): Range;
}

export interface ConditionalFormatCollection {
  /** ExcelApi 1.6. The string forms of `Excel.ConditionalFormatType.custom` / `.dataBar`. */
  add(type: "Custom" | "DataBar"): ConditionalFormat;
}

export interface ConditionalFormat {
  /** 0 = applied first. */
  priority: number;
  stopIfTrue: boolean;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string; bold: boolean } };
  };
  readonly dataBar: {
    readonly positiveFormat: { fillColor: string };
    upperBoundRule: { type: string; formula?: string };
  };
}

/** What may be typed into a range, and the messages Excel shows (ExcelApi 1.8). */
export interface DataValidation {
  rule: DataValidationRule;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

/** One of the members is set. Formulas are numbers, ISO dates or `=` references. */
export interface DataValidationRule {
  list?: { inCellDropDown: boolean; source: unknown };
  wholeNumber?: BasicDataValidation;
  decimal?: BasicDataValidation;
  date?: BasicDataValidation;
}

export interface BasicDataValidation {
  formula1: unknown;
  formula2?: unknown;
  /** `GreaterThanOrEqualTo`, `Between`… */
  operator: string;
}

export interface ChartCollection {
  add(type: "ColumnClustered" | "Pie", sourceData: Range, seriesBy?: "Auto" | "Columns" | "Rows"): Chart;
}

export interface Chart {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): ChartSeries };
  setPosition(startCell: Range | string, endCell?: Range | string): void;
}

export interface ChartSeries {
  name: string;
  /** The category labels (ExcelApi 1.7). */
  setXAxisValues(sourceData: Range): void;
}

export interface TableCollection extends Loadable {
  readonly items: Table[];
}

export interface Table {
  readonly name: string;
  readonly showTotals: boolean;
  readonly showHeaders: boolean;
  getRange(): Range;
}

export interface PageLayout {
  /** `Portrait` or `Landscape`. */
  orientation: string;
  /** Set as one object: `{ horizontalFitToPages: 1, verticalFitToPages: 0 }` = one page wide. */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated at the top of every printed page (`$3:$3`). */
  setPrintTitleRows(rows: string): void;
  setPrintArea(address: string): void;
}

export interface NamedItemCollection extends Loadable {
  readonly items: NamedItem[];
  add(name: string, reference: Range | string, comment?: string): NamedItem;
  getItem(name: string): NamedItem;
}

export interface NamedItem {
  readonly name: string;
  /** `=Sheet1!$A$1` for a name that refers to a range (ExcelApi 1.7). */
  readonly formula: unknown;
  delete(): void;
}

export interface SettingCollection {
  add(key: string, value: string): Setting;
  getItemOrNullObject(key: string): Setting;
}

export interface Setting extends Loadable {
  readonly value: unknown;
  readonly isNullObject: boolean;
}

/** Runs one batch function against a context: `Excel.run` in Excel, the fake in tests. */
export type RunBatch = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;
