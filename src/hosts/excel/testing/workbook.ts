import { columnLetter } from "../../../core/sheet/columns";
import type { Application, NamedItem, NamedItemCollection, Range, Setting, SettingCollection, Workbook } from "../api";
import { FakeProxy } from "./proxy";
import { FakeRange, sheetRef } from "./range";
import type { CellRange } from "../../../core/sheet/types";
import { OfficeLikeError, a1Range, type FakeName, type RecordingContext } from "./recording-context";
import type { SheetState } from "./sheet-state";
import { FakeWorksheets } from "./worksheet";

export class FakeWorkbook implements Workbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly settings: SettingCollection;
  readonly application: Application;

  constructor(private readonly ctx: RecordingContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
    const record = (api: string, value?: unknown) => ctx.record({ api: `application.${api}`, value });
    this.application = {
      suspendApiCalculationUntilNextSync: () => record("suspendApiCalculationUntilNextSync"),
      suspendScreenUpdatingUntilNextSync: () => record("suspendScreenUpdatingUntilNextSync"),
      calculate: (type) => record("calculate", type),
    };
    this.settings = {
      add: (key, value) => {
        ctx.record({ api: "settings.add", value: key }, () => ctx.settings.set(key, value));
        return new FakeSetting(ctx, key);
      },
      getItemOrNullObject: (key) => {
        const setting = new FakeSetting(ctx, key);
        ctx.record({ api: "settings.getItemOrNullObject", value: key });
        return setting;
      },
    };
  }

  getSelectedRange(): Range {
    const range = new FakeRange(this.ctx, "(selection)");
    this.ctx.record({ api: "workbook.getSelectedRange" }, () => {
      const selection = this.ctx.selection ?? (this.ctx.active && { sheet: this.ctx.active, range: { row: 0, col: 0, rows: 1, cols: 1 } });
      if (!selection) throw new OfficeLikeError("InvalidSelection");
      range.target = selection;
    });
    return range;
  }
}

class FakeSetting extends FakeProxy implements Setting {
  private found?: { value: unknown } | null;

  constructor(
    ctx: RecordingContext,
    private readonly key: string,
  ) {
    super(ctx, "setting");
  }

  get value(): unknown {
    this.need("value");
    return this.found?.value;
  }

  get isNullObject(): boolean {
    if (this.found === undefined) throw new Error("fake: isNullObject read before load and sync()");
    return this.found === null;
  }

  protected onLoad(): void {
    this.found = this.ctx.settings.has(this.key) ? { value: this.ctx.settings.get(this.key) } : null;
  }
}

class FakeNames extends FakeProxy implements NamedItemCollection {
  private snapshot?: NamedItem[];

  constructor(ctx: RecordingContext) {
    super(ctx, "names");
  }

  get items(): NamedItem[] {
    this.need("items");
    return this.snapshot ?? [];
  }

  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this.call("add", { value: name }, () => {
      // Excel's rules for names: a letter, `_` or `\` first; no spaces; not a cell reference (A1, R1C1).
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^([A-Z]{1,3}\d+|R\d*C?\d*|C\d*)$/i.test(name)) {
        throw new OfficeLikeError("InvalidArgument", `fake: "${name}" is not a valid name`);
      }
      if (this.find(name)) throw new OfficeLikeError("ItemAlreadyExists", `fake: the name "${name}" exists`);
      const { sheet, range } = typeof reference === "string" ? this.resolve(reference) : (reference as FakeRange).bound();
      this.ctx.names.push({ name, sheet, range, comment });
    });
    return this.item(name);
  }

  getItem(name: string): NamedItem {
    this.call("getItem", { value: name });
    return this.item(name);
  }

  protected onLoad(): void {
    this.snapshot = this.ctx.names.map((n) => ({ name: n.name, formula: this.formula(n), delete: () => this.item(n.name).delete() }));
  }

  private item(name: string): NamedItem {
    return {
      name,
      formula: undefined,
      delete: () =>
        this.call("item.delete", { value: name }, () => {
          const found = this.find(name);
          if (!found) throw new OfficeLikeError("ItemNotFound", `fake: no name "${name}"`);
          this.ctx.names.splice(this.ctx.names.indexOf(found), 1);
        }),
    };
  }

  /** `='分级规则'!$C$5:$C$8` → the sheet and range it refers to. */
  private resolve(formula: string): { sheet: SheetState; range: CellRange } {
    const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(formula);
    if (!m) throw new OfficeLikeError("InvalidArgument", `fake: names.add reference "${formula}"`);
    const sheet = this.ctx.findSheet(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    if (!sheet) throw new OfficeLikeError("InvalidReference", `fake: no sheet in "${formula}"`);
    return { sheet, range: a1Range(m[3].replace(/\$/g, "")) };
  }

  private find(name: string): FakeName | undefined {
    return this.ctx.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** `=Sheet1!$A$1`, or `=#REF!` once the sheet is deleted, as Excel shows it. */
  private formula(n: FakeName): string {
    if (!this.ctx.sheets.includes(n.sheet)) return "=#REF!";
    const { row, col, rows, cols } = n.range;
    const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
    const ref = rows === 1 && cols === 1 ? cell(row, col) : `${cell(row, col)}:${cell(row + rows - 1, col + cols - 1)}`;
    return `=${sheetRef(n.sheet.name)}!${ref}`;
  }
}
