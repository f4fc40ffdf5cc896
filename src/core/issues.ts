import type { Text } from "./model";

/**
 * Something wrong with one value or one row. Core knows the field; the sheet
 * reader adds where it is as the user sees it (row number, header, column letter).
 */
export interface Issue {
  /** `error`: the row gets no tier because of it. `warning`: scored, but look at it. */
  severity: "error" | "warning";
  /** Field id the value belongs to, when the issue is about one value. */
  field?: string;
  /** The value as found in the sheet. */
  value?: unknown;
  message: Text;
  /** Filled by the sheet reader: 1-based row as shown in Excel, header text, column letter. */
  row?: number;
  column?: string;
  columnLetter?: string;
  /** The sheet the row is in, when it is not the source sheet (an override typed in the tier sheet). */
  sheet?: string;
  /**
   * The row and column are on the customer summary (客户汇总) an order-log run
   * writes, not on the log: the issue is about a customer's sums. Its sheet's
   * name is known once the plan places it.
   */
  onSummary?: true;
}
