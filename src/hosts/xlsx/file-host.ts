/**
 * A workbook held in memory, behind the same interface as Excel: the playground
 * runs the task pane against it. The state is the file's bytes; applying a plan
 * adds our sheets to that package (write.ts) and only replaces the bytes when
 * done, so a cancelled or failed run leaves the workbook exactly as it was.
 */
import type { WorkbookPlan } from "../../core/plan/types";
import type { SheetGrid } from "../../core/sheet/types";
import { HostError, throwIfCancelled } from "../errors";
import type { ApplyOptions, SavedSettings, SheetInfo, WorkbookHost } from "../host";
import { findSettingsSheet, loadSettingsSheet, saveSettingsSheet } from "../settings";
import { text } from "../../core/model";
import { openPackage } from "./package";
import { openWorkbook, readWorkbook } from "./read";
import { outputSource, workbookMarkers, writeOutput, type OutputSource } from "./write";

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
  private changes = 0;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly fileName: string,
    private source: OutputSource,
    private bytes: Uint8Array,
    private grids: SheetGrid[],
    private markers: Map<string, string>,
  ) {
    this.active = this.visibleGrids()[0]?.name ?? "";
  }

  /** Opens an .xlsx or .csv file's bytes. Throws a `HostError` (with a bilingual message) for unreadable files. */
  static async open(bytes: Uint8Array, fileName: string): Promise<FileHost> {
    const opened = await openWorkbook(bytes, fileName);
    // A CSV becomes a one-sheet package holding its text, so that the plan can refer to its cells like to any sheet's.
    const source = outputSource(opened.workbook ? bytes : undefined, opened.grids);
    return new FileHost(fileName, source, opened.workbook ? bytes : await writeOutputBytes(source), opened.grids, workbookMarkers(source.pkg));
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

  /** The workbook as it is now, as .xlsx bytes. */
  async toXlsx(): Promise<Uint8Array> {
    return this.bytes;
  }

  /** `客户表.csv` → `客户表 (tiers).xlsx`: never the name of the file the user opened. */
  resultFileName(): string {
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
    await this.write(this.source, plan, options);
    this.active = plan.activate;
    this.applied = true;
    this.selection = { sheet: plan.activate };
    this.changed();
  }

  /** The plan added to `source`; the workbook changes only once the new bytes are complete and read. */
  private async write(source: OutputSource, plan: WorkbookPlan, options: ApplyOptions = {}): Promise<void> {
    const { bytes } = await writeOutput(source, plan, options);
    const grids = await readWorkbook(bytes, this.fileName);
    throwIfCancelled(options.signal);
    this.use(bytes, grids);
  }

  private use(bytes: Uint8Array, grids: SheetGrid[]) {
    this.source = { pkg: openPackage(bytes), fresh: this.source.fresh };
    this.bytes = bytes;
    this.grids = grids;
    this.markers = workbookMarkers(this.source.pkg);
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
    return saveSettingsSheet({ listSheets: () => this.listSheets(), applyPlan: (plan) => this.write({ ...this.source, fresh: false }, plan) }, settings);
  }
}

async function writeOutputBytes(source: OutputSource): Promise<Uint8Array> {
  return (await writeOutput(source, { sheets: [], activate: "" })).bytes;
}
