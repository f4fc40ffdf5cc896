/**
 * The one interface the task pane talks to. Two hosts implement it: the Excel
 * host (Office.js, src/hosts/excel/) and the file host (a workbook held in the
 * page, src/hosts/xlsx/, for the playground). Core decides; hosts read and apply.
 */
import type { Model } from "../core/model";
import type { WorkbookPlan } from "../core/plan/types";
import type { CellValue } from "../core/parse/values";
import type { SheetGrid } from "../core/sheet/types";

export interface SheetInfo {
  name: string;
  /** The sheet the user is looking at. */
  active: boolean;
  /** The product marker (defined name) pointing into this sheet, if any: a sheet we made. */
  marker?: string;
  /** Hidden or very hidden: not offered to the user, but its name is taken. */
  hidden?: boolean;
}

export interface ApplyProgress {
  /** Rows written so far, of `total`. */
  done: number;
  total: number;
}

/** What a host reads of an `AbortSignal`: declared here so hosts compile without DOM or Node types. */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
}

export interface ApplyOptions {
  onProgress?: (p: ApplyProgress) => void;
  /** Cancelling leaves no half-written sheet: the host removes what it added. */
  signal?: CancelSignal;
}

/** What travels with the workbook so the pane reopens with the same rules. */
export interface SavedSettings {
  version: 1;
  model: Model;
  /** field id → header text of the mapped column. */
  mapping: Record<string, string>;
  sheet?: string;
  /** The user's own models kept with the workbook ("Save in this workbook"), offered next to the presets. */
  models?: Model[];
}

export interface WorkbookHost {
  readonly kind: "excel" | "file";
  listSheets(): Promise<SheetInfo[]>;
  /** One sheet's values with merges, tables and (Excel) the selection; the active sheet by default. */
  readSheet(name?: string): Promise<SheetGrid>;
  /**
   * Only some columns of a sheet, for a big sheet read for a few of them (the
   * tier sheet's overrides): its first `headerRows` rows whole, then below
   * them only the columns `pick` names from those rows (indices into them);
   * the other cells come back null. Hosts holding the sheet in memory need not have it.
   */
  readColumns?(name: string, headerRows: number, pick: (top: readonly (readonly CellValue[])[]) => number[] | undefined): Promise<SheetGrid>;
  /** Applies a plan built by core. Throws a `HostError` with a bilingual message the pane can show. */
  applyPlan(plan: WorkbookPlan, options?: ApplyOptions): Promise<void>;
  /** Shows a sheet and selects a cell (A1 address) in it: "go to the tier sheet", "show me this bad row". */
  select(sheet: string, address?: string): Promise<void>;
  loadSettings(): Promise<SavedSettings | null>;
  saveSettings(settings: SavedSettings): Promise<void>;
}
