/**
 * A workbook held in memory, behind the same interface as Excel: the playground
 * runs the task pane against it. The state is the file's bytes; applying a plan
 * adds our sheets to that package (write.ts) and only replaces the bytes when
 * done, so a cancelled or failed run leaves the workbook exactly as it was.
 */
import type { WorkbookPlan } from "../../core/plan/types";
import type { SheetGrid } from "../../core/sheet/types";
import { HostError } from "../errors";
import type { ApplyOptions, SavedSettings, SheetInfo, WorkbookHost } from "../host";
import { parseSettings } from "../settings";
import { text } from "../../core/model";
import { openPackage } from "./package";
import { openWorkbook, readWorkbook } from "./read";
import { MARKER_PREFIX } from "../../core/plan/naming";
import { outputSource, workbookMarkers, writeOutput, type OutputSource } from "./write";

/** The very hidden sheet holding the pane's settings (Excel's add-in settings have no place in a plain file). */
export const SETTINGS_SHEET = "CustTier_Settings";
/** Excel's limit of characters in one cell: longer settings span several cells down column A. */
const CELL_LIMIT = 32767;

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
    this.active = grids.find((g) => g.name !== SETTINGS_SHEET)?.name ?? "";
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
    return this.grids.filter((g) => g.name !== SETTINGS_SHEET);
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
    return this.visibleGrids().map((g) => {
      const marker = this.markers.get(g.name);
      return marker ? { name: g.name, active: g.name === this.active, marker } : { name: g.name, active: g.name === this.active };
    });
  }

  async readSheet(name?: string): Promise<SheetGrid> {
    const wanted = name ?? this.active;
    const grid = this.visibleGrids().find((g) => g.name === wanted);
    if (!grid) {
      throw new HostError(text(`找不到工作表“${wanted}”`, `There is no sheet named "${wanted}"`), "no-sheet");
    }
    return grid;
  }

  async applyPlan(plan: WorkbookPlan, options: ApplyOptions = {}): Promise<void> {
    const { bytes } = await writeOutput(this.source, plan, options);
    const grids = await readWorkbook(bytes, this.fileName);
    if (options.signal?.aborted) throw new HostError(text("已取消，工作簿未做任何修改", "Cancelled: the workbook was left as it was"), "cancelled");
    this.use(bytes, grids);
    this.active = plan.activate;
    this.applied = true;
    this.selection = { sheet: plan.activate };
    this.changed();
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

  async loadSettings(): Promise<SavedSettings | null> {
    const grid = this.grids.find((g) => g.name === SETTINGS_SHEET);
    if (!grid) return null;
    const json = grid.values.map((row) => (typeof row[0] === "string" ? row[0] : "")).join("");
    return parseSettings(json);
  }

  async saveSettings(settings: SavedSettings): Promise<void> {
    // A very hidden sheet of ours, replaced on every save like our other sheets.
    const json = JSON.stringify(settings);
    const cells = [];
    for (let i = 0; i < json.length; i += CELL_LIMIT) cells.push([json.slice(i, i + CELL_LIMIT)]);
    const exists = this.source.pkg.sheets.some((s) => s.name === SETTINGS_SHEET);
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: SETTINGS_SHEET,
          role: "rules", // the writer ignores roles; the marker below is what names this sheet ours
          action: exists ? { kind: "replace", existing: SETTINGS_SHEET } : { kind: "create" },
          marker: { name: `${MARKER_PREFIX}Settings`, cell: { row: 0, col: 0 } },
          blocks: [{ at: { row: 0, col: 0 }, cells }],
          styles: [],
          columns: [],
          rules: [],
          visibility: "veryHidden",
        },
      ],
      activate: this.active,
    };
    const { bytes } = await writeOutput({ ...this.source, fresh: false }, plan);
    this.use(bytes, await readWorkbook(bytes, this.fileName));
  }
}

async function writeOutputBytes(source: OutputSource): Promise<Uint8Array> {
  return (await writeOutput(source, { sheets: [], activate: "" })).bytes;
}
