/**
 * An in-memory WorkbookHost for component tests: sheets are grids, applying a
 * plan records it, and each call can be made to fail or to wait.
 */
import type { WorkbookPlan } from "../../src/core/plan/types";
import type { SheetGrid } from "../../src/core/sheet/types";
import type { ApplyOptions, SavedSettings, SheetInfo, WorkbookHost } from "../../src/hosts/host";

export class FakeHost implements WorkbookHost {
  readonly kind = "file" as const;
  readonly applied: WorkbookPlan[] = [];
  readonly selected: { sheet: string; address?: string }[] = [];
  readonly reads: (string | undefined)[] = [];
  saved: SavedSettings | null = null;
  /** Set to make the next call of that method throw. */
  failNext: Partial<Record<"readSheet" | "applyPlan" | "select" | "saveSettings" | "listSheets", unknown>> = {};
  /** When set, applyPlan reports half its rows and waits for this promise (or the abort signal). */
  gate: Promise<void> | null = null;
  active: string;

  constructor(
    readonly sheets: SheetGrid[],
    settings: SavedSettings | null = null,
  ) {
    this.active = sheets[0]?.name ?? "";
    this.saved = settings;
  }

  private fail(method: keyof FakeHost["failNext"]) {
    const error = this.failNext[method];
    if (error === undefined) return;
    delete this.failNext[method];
    throw error;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.fail("listSheets");
    return this.sheets.map((g) => ({ name: g.name, active: g.name === this.active, marker: this.madeHere(g.name) }));
  }

  private madeHere(name: string): string | undefined {
    return this.applied.flatMap((p) => p.sheets).find((s) => s.name === name)?.marker.name;
  }

  async readSheet(name?: string): Promise<SheetGrid> {
    this.reads.push(name);
    this.fail("readSheet");
    const grid = this.sheets.find((g) => g.name === (name ?? this.active));
    if (!grid) throw new Error(`no sheet ${name}`);
    return grid;
  }

  async applyPlan(plan: WorkbookPlan, options: ApplyOptions = {}): Promise<void> {
    this.fail("applyPlan");
    const total = plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length, 0), 0);
    options.onProgress?.({ done: 0, total });
    if (this.gate) {
      options.onProgress?.({ done: Math.floor(total / 2), total });
      const aborted = new Promise<void>((_, reject) =>
        options.signal?.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" }))),
      );
      await Promise.race([this.gate, aborted]);
    }
    options.onProgress?.({ done: total, total });
    this.applied.push(plan);
    for (const s of plan.sheets) if (!this.sheets.some((g) => g.name === s.name)) this.sheets.push({ name: s.name, values: [] });
    this.active = plan.activate;
  }

  async select(sheet: string, address?: string): Promise<void> {
    this.fail("select");
    this.selected.push({ sheet, address });
  }

  async loadSettings(): Promise<SavedSettings | null> {
    return this.saved;
  }

  async saveSettings(settings: SavedSettings): Promise<void> {
    this.fail("saveSettings");
    this.saved = settings;
  }
}
