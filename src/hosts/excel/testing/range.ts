import type { CellRange } from "../../../core/sheet/types";
import { rangeAddress as a1 } from "../../../core/plan/a1";
import type { ConditionalFormat, ConditionalFormatCollection, DataValidation, Range, RangeAreas, RangeFormat } from "../api";
import { FakeProxy, setters } from "./proxy";
import { OfficeLikeError, requestBytes, type RecordingContext } from "./recording-context";
import { inside, MAX_COLS, rowsDeleted, type FakeRule, type SheetState } from "./sheet-state";

export interface Target {
  sheet: SheetState;
  range: CellRange;
}

/** `Sheet1` or `'My sheet'` as Excel writes a sheet in an address. */
export function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A range proxy; `target` is set when the call that made it runs (null = a null object). */
export class FakeRange extends FakeProxy implements Range {
  target?: Target | null;
  private snapshot?: unknown[][];
  private formatProxy?: RangeFormat;

  constructor(
    ctx: RecordingContext,
    private readonly sheetLabel?: string,
    /** Known when the range is made from indexes or an address. */
    private readonly rect?: CellRange,
  ) {
    super(ctx, "range");
  }

  protected where() {
    return { sheet: this.sheetLabel, range: this.rect };
  }

  get isNullObject(): boolean {
    if (this.target === undefined) throw new Error("fake: isNullObject read before sync()");
    return this.target === null;
  }

  get address(): string {
    this.need("address");
    const { sheet, range } = this.bound();
    return `${sheetRef(sheet.name)}!${a1(range)}`;
  }

  get rowCount(): number {
    this.need("rowCount");
    return this.bound().range.rows;
  }

  get columnCount(): number {
    this.need("columnCount");
    return this.bound().range.cols;
  }

  get values(): unknown[][] {
    this.need("values");
    return this.snapshot ?? [];
  }

  set values(data: unknown[][]) {
    this.write("values", data);
  }

  get formulas(): unknown[][] {
    throw new Error("fake: reading formulas is not supported");
  }

  set formulas(data: unknown[][]) {
    this.write("formulas", data);
  }

  get formulasR1C1(): unknown[][] | string {
    throw new Error("fake: reading formulasR1C1 is not supported");
  }

  /** Single input only (what the host sends): every cell gets its A1 formula, as Excel shows it. */
  set formulasR1C1(data: unknown[][] | string) {
    this.call("formulasR1C1", { bytes: requestBytes(data) }, () => {
      const t = this.writable();
      if (typeof data !== "string") throw new Error("fake: formulasR1C1 takes one formula for the range here");
      t.sheet.fillR1C1(t.range, data);
    });
  }

  get numberFormat(): unknown[][] | string {
    throw new Error("fake: reading numberFormat is not supported");
  }

  set numberFormat(data: unknown[][] | string) {
    this.call("numberFormat", { bytes: requestBytes(data), ...(typeof data === "string" ? { value: data } : {}) }, () => {
      const t = this.writable();
      t.sheet.setNumberFormat(t.range, data);
    });
  }

  get format(): RangeFormat {
    if (this.formatProxy) return this.formatProxy;
    const set = (path: string) => (prop: string, value: unknown) =>
      this.ctx.record({ api: `format.${path}${prop}`, ...this.where(), value }, () => {
        const t = this.writable();
        t.sheet.style(t.range, `${path}${prop}`, value);
      });
    const format = setters<RangeFormat>(["columnWidth", "horizontalAlignment", "wrapText"], set(""));
    Object.defineProperty(format, "font", { value: setters(["bold", "italic", "color", "size", "name"], set("font.")) });
    Object.defineProperty(format, "fill", { value: setters(["color"], set("fill.")) });
    Object.defineProperty(format, "borders", { value: { getItem: (edge: string) => setters(["style", "weight", "color"], set(`borders.${edge}.`)) } });
    this.formatProxy = format;
    return format;
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return { add: (type) => this.addRule(type) };
  }

  /** Each property set is recorded as `dataValidation.<property>` with its value and range. */
  get dataValidation(): DataValidation {
    return setters<DataValidation>(["rule", "prompt", "errorAlert", "ignoreBlanks"], (prop, value) => this.call(`dataValidation.${prop}`, { value }, () => this.writable()));
  }

  getMergedAreasOrNullObject(): RangeAreas {
    const areas = new FakeRangeAreas(this.ctx);
    this.call("getMergedAreasOrNullObject", {}, () => {
      const { sheet, range } = this.bound();
      const merges = sheet.merges.filter((m) => inside(range, m.row, m.col));
      areas.text = merges.length ? merges.map((m) => `${sheetRef(sheet.name)}!${a1(m)}`).join(", ") : null;
    });
    return areas;
  }

  select(): void {
    this.call("select", {}, () => {
      const t = this.bound();
      this.ctx.selection = t;
      this.ctx.active = t.sheet;
    });
  }

  getEntireRow(): Range {
    const rect = this.rect && { row: this.rect.row, col: 0, rows: this.rect.rows, cols: MAX_COLS };
    const rows = new FakeRange(this.ctx, this.sheetLabel, rect);
    this.call("getEntireRow", {}, () => {
      const { sheet, range } = this.bound();
      rows.target = { sheet, range: { row: range.row, col: 0, rows: range.rows, cols: MAX_COLS } };
    });
    return rows;
  }

  /** Whole rows only, moving the rows below up (what the host does): cells, formats, names, filter, tables follow as in Excel. */
  delete(shift: "Up" | "Left"): void {
    this.call("delete", { value: shift }, () => {
      const { sheet, range } = this.writable();
      if (shift !== "Up" || range.col !== 0 || range.cols !== MAX_COLS) throw new Error("fake: only whole rows are deleted (Up) here");
      sheet.deleteRows(range.row, range.rows);
      for (const n of this.ctx.names) {
        if (n.sheet !== sheet) continue;
        const moved = rowsDeleted(n.range, range.row, range.rows);
        if (moved) n.range = moved;
      }
    });
  }

  bound(): Target {
    if (!this.target) throw new OfficeLikeError("InvalidReference", "fake: range used before it exists (null object or not synced)");
    return this.target;
  }

  protected onLoad(props: string[]): void {
    if (!props.includes("values")) return;
    const { sheet, range } = this.bound();
    const values = sheet.read(range);
    const bytes = requestBytes(values);
    const limit = this.ctx.responseLimit;
    if (limit !== undefined && bytes > limit) throw new OfficeLikeError("ResponsePayloadSizeLimitExceeded");
    this.ctx.responseBytes += bytes;
    this.snapshot = values;
  }

  private write(kind: "values" | "formulas", data: unknown[][]): void {
    this.call(kind, { bytes: requestBytes(data) }, () => {
      const t = this.writable();
      if (data.length !== t.range.rows || data.some((row) => row.length !== t.range.cols)) {
        throw new OfficeLikeError("InvalidArgument", `fake: ${kind} is not ${t.range.rows}×${t.range.cols}`);
      }
      t.sheet.write(t.range, data);
    });
  }

  private writable(): Target {
    const t = this.bound();
    if (t.sheet.protected) throw new OfficeLikeError("AccessDenied", `fake: sheet "${t.sheet.name}" is protected`);
    return t;
  }

  private addRule(type: "Custom" | "DataBar"): ConditionalFormat {
    const rule: FakeRule = { type, range: this.rect ?? { row: 0, col: 0, rows: 0, cols: 0 } };
    this.call("conditionalFormats.add", { value: type }, () => {
      const t = this.writable();
      rule.range = t.range;
      t.sheet.rules.push(rule);
    });
    const set = (field: keyof FakeRule) => (_prop: string, value: unknown) =>
      this.ctx.record({ api: `conditionalFormat.${field}`, ...this.where(), value }, () => {
        (rule as unknown as Record<string, unknown>)[field] = value;
      });
    const cf = setters<ConditionalFormat>(["priority"], set("priority"));
    Object.defineProperty(cf, "stopIfTrue", { set: (v: unknown) => set("stopIfTrue")("", v) });
    Object.defineProperty(cf, "custom", {
      value: {
        rule: setters(["formula"], set("formula")),
        format: { fill: setters(["color"], set("fill")), font: fontSetters(set) },
      },
    });
    const dataBar = { positiveFormat: setters(["fillColor"], set("barColor")) };
    Object.defineProperty(dataBar, "upperBoundRule", { set: (v: unknown) => set("upperBound")("", v) });
    Object.defineProperty(cf, "dataBar", { value: dataBar });
    return cf;
  }
}

/** `font.color` → the rule's font colour, `font.bold` → bold. */
function fontSetters(set: (field: keyof FakeRule) => (prop: string, value: unknown) => void) {
  const font = {};
  Object.defineProperty(font, "color", { set: (v: unknown) => set("fontColor")("", v) });
  Object.defineProperty(font, "bold", { set: (v: unknown) => set("bold")("", v) });
  return font;
}

class FakeRangeAreas extends FakeProxy implements RangeAreas {
  /** Set at sync: the areas' address, or null for a null object. */
  text?: string | null;

  constructor(ctx: RecordingContext) {
    super(ctx, "rangeAreas");
  }

  get isNullObject(): boolean {
    if (this.text === undefined) throw new Error("fake: isNullObject read before sync()");
    return this.text === null;
  }

  get address(): string {
    this.need("address");
    return this.text ?? "";
  }
}
