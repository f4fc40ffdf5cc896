/**
 * A workbook held in memory, behind the same interface as Excel: the playground
 * runs the task pane against it. The state is a live package — the file's zip
 * entries as stored plus the parts our runs added — and the sheets as grids.
 * Applying a plan adds our sheets to the package (package/write-plan.ts) and
 * reads back only the sheets it created; the whole file is zipped only when
 * asked for (`toXlsx`, the download). A cancelled or failed run leaves the
 * workbook exactly as it was: the new package replaces the old only when done.
 */
import type { WorkbookPlan } from "../../core/plan/types";
import type { SheetGrid } from "../../core/sheet/types";
import { HostError, throwIfCancelled } from "../errors";
import type { ApplyOptions, SavedSettings, SheetInfo, WorkbookHost } from "../host";
import { findSettingsSheet, loadSettingsSheet, saveSettingsSheet } from "../settings";
import { text } from "../../core/model";
import { addPlan, packageOf, writeZip, type XlsxPackage } from "./package";
import { openWorkbook } from "./read";
import { readSheets } from "./sheet-read";
import { outputSource, workbookMarkers, writeXlsx } from "./write";

export interface Selection {
  sheet: string;
  address?: string;
}

let nextId = 1;

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  /** Distinguishes workbooks opened in one page (a new file starts a new pane). */
  readonly id = nextId++;
  selection: Selection | null = null;
  private active: string;
  private applied = false;
  /** Made in the page (`create`), not opened from a file. */
  private made = false;
  private changes = 0;
  private readonly listeners = new Set<() => void>();

  private markers: Map<string, string>;

  private constructor(
    readonly fileName: string,
    private pkg: XlsxPackage,
    /** A package we made (a CSV's): the tier sheet is shown when the file opens. */
    private readonly fresh: boolean,
    private grids: SheetGrid[],
  ) {
    this.markers = workbookMarkers(pkg);
    this.active = this.visibleGrids()[0]?.name ?? "";
  }

  /** Opens an .xlsx or .csv file's bytes. Throws a `HostError` (with a bilingual message) for unreadable files. */
  static async open(bytes: Uint8Array, fileName: string): Promise<FileHost> {
    const opened = await openWorkbook(bytes, fileName);
    // A CSV becomes a one-sheet package holding its text, so that the plan can refer to its cells like to any sheet's.
    const source = outputSource(opened.pkg, opened.grids);
    return new FileHost(fileName, source.pkg, source.fresh, opened.grids);
  }

  /**
   * A new workbook holding only `plan` (a template made before any file was
   * opened): downloading it gives the workbook itself, under `fileName`.
   */
  static async create(plan: WorkbookPlan, fileName: string): Promise<FileHost> {
    const host = await FileHost.open(await writeXlsx(plan), fileName);
    host.made = true;
    host.applied = true;
    host.active = plan.activate;
    return host;
  }

  // --- For the playground page -------------------------------------------------

  /** Notifies on every change (plan applied, cell selected); returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes with the workbook, for `useSyncExternalStore`. */
  readonly version = (): number => this.changes;

  /** The sheets a user would see, in tab order. */
  visibleGrids(): SheetGrid[] {
    const hidden = this.hiddenSheet();
    return this.grids.filter((g) => g.name !== hidden);
  }

  /** The settings sheet (very hidden), the one sheet of a file this host does not show. */
  private hiddenSheet(): string | undefined {
    return findSettingsSheet(this.grids.map((g) => ({ name: g.name, active: false, marker: this.markers.get(g.name) })))?.name;
  }

  activeSheet(): string {
    return this.active;
  }

  hasResult(): boolean {
    return this.applied;
  }

  /** The workbook as it is now, as .xlsx bytes: the one place the package is zipped. */
  async toXlsx(): Promise<Uint8Array> {
    return writeZip(this.pkg.entries);
  }

  /** `客户表.csv` → `客户表 (tiers).xlsx`: never the name of the file the user opened; a workbook made here keeps its own name. */
  resultFileName(): string {
    if (this.made) return this.fileName;
    const base = this.fileName.replace(/\.[^.]*$/, "");
    return `${base} (tiers).xlsx`;
  }

  private changed() {
    this.changes++;
    for (const l of this.listeners) l();
  }

  // --- WorkbookHost --------------------------------------------------------------

  async listSheets(): Promise<SheetInfo[]> {
    const hidden = this.hiddenSheet();
    return this.grids.map((g) => {
      const info: SheetInfo = { name: g.name, active: g.name === this.active };
      const marker = this.markers.get(g.name);
      if (marker) info.marker = marker;
      if (g.name === hidden) info.hidden = true;
      return info;
    });
  }

  async readSheet(name?: string): Promise<SheetGrid> {
    const wanted = name ?? this.active;
    const grid = this.grids.find((g) => g.name === wanted);
    if (!grid) {
      throw new HostError(text(`找不到工作表“${wanted}”`, `There is no sheet named "${wanted}"`), "no-sheet");
    }
    return grid;
  }

  async applyPlan(plan: WorkbookPlan, options: ApplyOptions = {}): Promise<void> {
    await this.add(plan, this.fresh, options);
    this.active = plan.activate;
    this.applied = true;
    this.selection = { sheet: plan.activate };
    this.changed();
  }

  /**
   * The plan added to the package; the workbook changes only once the new
   * package is complete. Only the sheets the plan created are read; the
   * user's stay the grids read when the file was opened.
   */
  private async add(plan: WorkbookPlan, activate: boolean, options: ApplyOptions = {}): Promise<void> {
    const { entries } = await addPlan(this.pkg, plan, { ...options, activate });
    const pkg = packageOf(entries);
    const created = new Set(plan.sheets.map((s) => s.name));
    const ours = readSheets({ ...pkg, sheets: pkg.sheets.filter((s) => created.has(s.name)) }, this.fileName);
    throwIfCancelled(options.signal);
    const byName = new Map([...this.grids, ...ours].map((g) => [g.name, g]));
    this.pkg = pkg;
    // As the reader orders them: visible sheets in tab order, then hidden ones.
    const visibleFirst = [...pkg.sheets.filter((s) => s.state === "visible"), ...pkg.sheets.filter((s) => s.state !== "visible")];
    this.grids = visibleFirst.flatMap((s) => byName.get(s.name) ?? []);
    this.markers = workbookMarkers(pkg);
  }

  async select(sheet: string, address?: string): Promise<void> {
    await this.readSheet(sheet);
    this.active = sheet;
    this.selection = { sheet, address };
    this.changed();
  }

  // Settings: the very hidden sheet both hosts read and write (../settings.ts); saving them is no result of a run.
  loadSettings(): Promise<SavedSettings | null> {
    return loadSettingsSheet(this);
  }

  saveSettings(settings: SavedSettings): Promise<void> {
    // Not `fresh`: saving settings never changes which sheet a fresh file opens on.
    return saveSettingsSheet({ listSheets: () => this.listSheets(), applyPlan: (plan) => this.add(plan, false) }, settings);
  }
}
