/**
 * What the file reader takes on, stated once (docs/reading.md lists them).
 * Beyond a limit the file is refused with a message saying which and how much
 * (exit 1 in the CLI), before the work that would exhaust memory or time: part
 * sizes are read from the zip's directory before anything is inflated.
 */
export const LIMITS = {
  /** File size, xlsx or CSV. */
  fileBytes: 512 * 1024 * 1024,
  /** One sheet's XML, uncompressed (read in chunks: memory follows the cells, not this size). */
  sheetXmlBytes: 1024 * 1024 * 1024,
  /** The shared-string table, uncompressed (read whole). */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Any other part we read (workbook, styles, tables, relationships). */
  otherPartBytes: 64 * 1024 * 1024,
  /** Non-empty cells read from one xlsx sheet (a CSV is held to a sheet's rows and columns: csv.ts). */
  cells: 20_000_000,
  /** Merged ranges on one sheet. */
  merges: 100_000,
} as const;

export type LimitName = keyof typeof LIMITS;
