import type { Lang, Model } from "./model";
import { detectTable } from "./sheet/detect";
import { MappingError, mapColumns, missingFieldsMessage } from "./sheet/mapping";
import { scoreTable } from "./sheet/score-table";
import type { ColumnMapping, ScoredTable, SheetGrid, SourceTable } from "./sheet/types";

/**
 * The main job up to the plan, shared by the CLI, the task pane and the
 * playground: find the customer table, map its columns, score every row.
 */
export interface ScoreSheetOptions {
  model: Model;
  lang: Lang;
  /** field id → header text or sheet column letter, chosen by the user. */
  mapping?: Record<string, string>;
  /** The day months-to-close and follow-ups count from; today by default. */
  today?: Date;
}

export interface ScoredSheet {
  grid: SheetGrid;
  table: SourceTable;
  mapping: ColumnMapping;
  scored: ScoredTable;
}

/** Throws MappingError (bilingual, listing the fields needed and the headers found) when a required column is missing. */
export function scoreSheet(grid: SheetGrid, options: ScoreSheetOptions): ScoredSheet {
  const { table, mapping } = locate(grid, options);
  if (mapping.missing.length) throw new MappingError(missingFieldsMessage(mapping, options.model, table.headers, table.firstCol));
  const scored = scoreTable(table, mapping, options.model, options.lang, options.today);
  // What the reader had to change comes first: it may explain the issues of the rows.
  if (grid.issues?.length) scored.issues = [...grid.issues, ...scored.issues];
  return { grid, table, mapping, scored };
}

function locate(grid: SheetGrid, options: ScoreSheetOptions): { table: SourceTable; mapping: ColumnMapping } {
  const table = detectTable(grid, options.lang);
  return { table, mapping: mapColumns(table.headers, options.model, options.mapping, table.firstCol) };
}

/**
 * The sheet to read: the one named, else the first whose table has every
 * required column of the model, else the first sheet. Undefined when a named
 * sheet does not exist.
 */
export function pickSheet(grids: readonly SheetGrid[], options: ScoreSheetOptions, name?: string): SheetGrid | undefined {
  if (name !== undefined) return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.trim().toLowerCase() === name.trim().toLowerCase());
  const complete = grids.find((g) => {
    try {
      return locate(g, options).mapping.missing.length === 0;
    } catch {
      return false;
    }
  });
  return complete ?? grids[0];
}
