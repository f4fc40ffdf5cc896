import type { CellRange } from "../../../core/sheet/types";
import type { AutoFilter, Chart, ChartCollection, ChartSeries, PageLayout, Range, Table, TableCollection, Worksheet, WorksheetCollection, WorksheetFreezePanes } from "../api";
import { FakeProxy, setters } from "./proxy";
import { FakeRange } from "./range";
import { OfficeLikeError, a1Range, type RecordingContext } from "./recording-context";
import type { FakeChart, SheetState } from "./sheet-state";

export class FakeWorksheets extends FakeProxy implements WorksheetCollection {
  private snapshot?: FakeWorksheet[];

  constructor(ctx: RecordingContext) {
    super(ctx, "worksheets");
  }

  get items(): FakeWorksheet[] {
    this.need("items");
    return this.snapshot ?? [];
  }

  add(name?: string): Worksheet {
    const label = name ?? `Sheet${this.ctx.sheets.length + 1}`;
    const ws = new FakeWorksheet(this.ctx, label);
    this.call("add", { sheet: label, value: label }, () => {
      ws.state = this.ctx.addSheet(label);
    });
    return ws;
  }

  getItem(key: string): Worksheet {
    const ws = new FakeWorksheet(this.ctx, key);
    this.call("getItem", { sheet: key }, () => {
      const found = this.ctx.findSheet(key);
      if (!found) throw new OfficeLikeError("ItemNotFound", `fake: no sheet "${key}"`);
      ws.state = found;
    });
    return ws;
  }

  getActiveWorksheet(): Worksheet {
    const ws = new FakeWorksheet(this.ctx, "(active)");
    this.call("getActiveWorksheet", {}, () => {
      ws.state = this.ctx.active;
    });
    return ws;
  }

  protected onLoad(props: string[]): void {
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    this.snapshot = this.ctx.sheets.map((state) => {
      const ws = new FakeWorksheet(this.ctx, state.name, state);
      ws.markLoaded(itemProps);
      return ws;
    });
  }
}

export class FakeWorksheet extends FakeProxy implements Worksheet {
  readonly freezePanes: WorksheetFreezePanes;
  readonly pageLayout: PageLayout;
  readonly autoFilter: AutoFilter;
  readonly charts: ChartCollection;
  readonly tables: TableCollection;

  constructor(
    ctx: RecordingContext,
    private readonly label: string,
    public state?: SheetState,
  ) {
    super(ctx, "worksheet");
    const freeze = (api: string, panes: (r?: CellRange) => { rows: number; cols: number }) => (arg?: number | Range | string) =>
      this.call(`freezePanes.${api}`, { value: typeof arg === "number" ? arg : undefined }, () => {
        this.writable().freeze = panes(typeof arg === "number" ? { row: 0, col: 0, rows: arg, cols: arg } : this.rangeOf(arg));
      });
    this.freezePanes = {
      freezeRows: freeze("freezeRows", (r) => ({ rows: r?.rows ?? 1, cols: 0 })),
      freezeColumns: freeze("freezeColumns", (r) => ({ rows: 0, cols: r?.cols ?? 1 })),
      freezeAt: freeze("freezeAt", (r) => ({ rows: (r?.row ?? 0) + (r?.rows ?? 0), cols: (r?.col ?? 0) + (r?.cols ?? 0) })),
    };
    const layout = (prop: "orientation" | "zoom") => (value: unknown) =>
      this.call(`pageLayout.${prop}`, { value }, () => {
        this.writable().print[prop] = value as never;
      });
    const pageLayout = {
      setPrintTitleRows: (rows: string) =>
        this.call("pageLayout.setPrintTitleRows", { value: rows }, () => {
          if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new OfficeLikeError("InvalidArgument", `fake: print title rows "${String(rows)}"`);
          this.writable().print.titleRows = rows;
        }),
      setPrintArea: (area: string) =>
        this.call("pageLayout.setPrintArea", { range: this.knownRect(area) }, () => {
          this.writable().print.area = this.rangeOf(area);
        }),
    };
    Object.defineProperty(pageLayout, "orientation", { set: layout("orientation") });
    Object.defineProperty(pageLayout, "zoom", { set: layout("zoom") });
    this.pageLayout = pageLayout as PageLayout;
    this.autoFilter = new FakeAutoFilter(ctx, this);
    this.charts = { add: (type, source, seriesBy) => this.addChart(type, source, seriesBy) };
    this.tables = new FakeTables(ctx, this);
  }

  protected where() {
    return { sheet: this.label };
  }

  get name(): string {
    this.need("name");
    return this.bound().name;
  }

  set name(value: string) {
    this.call("name", { value }, () => {
      const sheet = this.writable();
      const other = this.ctx.findSheet(value);
      if (other && other !== sheet) throw new OfficeLikeError("ItemAlreadyExists", `fake: a sheet named "${value}" exists`);
      sheet.name = value;
    });
  }

  get position(): number {
    this.need("position");
    return this.ctx.sheets.indexOf(this.bound());
  }

  set position(value: number) {
    this.call("position", { value }, () => {
      const sheet = this.bound();
      const list = this.ctx.sheets;
      list.splice(list.indexOf(sheet), 1);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, sheet);
    });
  }

  get tabColor(): string {
    this.need("tabColor");
    return this.bound().tabColor;
  }

  set tabColor(value: string) {
    this.call("tabColor", { value }, () => {
      this.writable().tabColor = value;
    });
  }

  get showGridlines(): boolean {
    this.need("showGridlines");
    return this.bound().showGridlines;
  }

  set showGridlines(value: boolean) {
    this.call("showGridlines", { value }, () => {
      this.writable().showGridlines = value;
    });
  }

  get visibility(): string {
    this.need("visibility");
    return this.bound().visibility;
  }

  set visibility(value: string) {
    this.call("visibility", { value }, () => {
      this.writable().visibility = value;
    });
  }

  getRange(address?: string): Range {
    const rect = a1Range(address);
    return this.range("getRange", rect, () => rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    return this.range("getRangeByIndexes", rect, () => rect);
  }

  getUsedRangeOrNullObject(): Range {
    return this.range("getUsedRangeOrNullObject", undefined, () => this.bound().usedRange());
  }

  activate(): void {
    this.call("activate", {}, () => {
      this.ctx.active = this.bound();
    });
  }

  delete(): void {
    this.call("delete", {}, () => {
      const sheet = this.writable();
      const list = this.ctx.sheets;
      list.splice(list.indexOf(sheet), 1);
      if (this.ctx.active === sheet) this.ctx.active = list[0];
      if (this.ctx.selection?.sheet === sheet) this.ctx.selection = undefined;
    });
  }

  bound(): SheetState {
    if (!this.state || !this.ctx.sheets.includes(this.state)) throw new OfficeLikeError("ItemNotFound", `fake: sheet "${this.label}" does not exist (yet)`);
    return this.state;
  }

  /** The range a `Range | string` argument stands for; the range proxies must belong to this sheet. */
  rangeOf(arg: Range | string | undefined): CellRange {
    if (arg === undefined) return { row: 0, col: 0, rows: 0, cols: 0 };
    return typeof arg === "string" ? a1Range(arg) : (arg as FakeRange).bound().range;
  }

  knownRect(arg: Range | string): CellRange | undefined {
    return typeof arg === "string" ? a1Range(arg) : undefined;
  }

  writable(): SheetState {
    const sheet = this.bound();
    if (sheet.protected) throw new OfficeLikeError("AccessDenied", `fake: sheet "${sheet.name}" is protected`);
    return sheet;
  }

  private range(api: string, rect: CellRange | undefined, resolve: () => CellRange | undefined): FakeRange {
    const range = new FakeRange(this.ctx, this.label, rect);
    this.call(api, { range: rect }, () => {
      const r = resolve();
      range.target = r ? { sheet: this.bound(), range: r } : null;
    });
    return range;
  }

  private addChart(type: string, source: Range, seriesBy?: string): Chart {
    const chart: FakeChart = { type, source: { row: 0, col: 0, rows: 0, cols: 0 }, seriesBy };
    this.call("charts.add", { value: type }, () => {
      chart.source = this.rangeOf(source);
      this.writable().charts.push(chart);
    });
    return {
      title: setters(["text"], (_p, value) => this.call("chart.title.text", { value }, () => (chart.title = String(value)))),
      series: {
        getItemAt: (index) => {
          if (index !== 0) throw new Error("fake: charts have one series here");
          const series = setters<ChartSeries>(["name"], (_p, value) => this.call("chart.series.name", { value }, () => (chart.seriesName = String(value))));
          series.setXAxisValues = (range) =>
            this.call("chart.series.setXAxisValues", {}, () => {
              chart.categories = this.rangeOf(range);
            });
          return series;
        },
      },
      setPosition: (start, end) =>
        this.call("chart.setPosition", {}, () => {
          chart.from = this.rangeOf(start);
          chart.to = this.rangeOf(end);
        }),
    };
  }
}

class FakeTables extends FakeProxy implements TableCollection {
  private snapshot?: Table[];

  constructor(
    ctx: RecordingContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "tables");
  }

  get items(): Table[] {
    this.need("items");
    return this.snapshot ?? [];
  }

  protected onLoad(): void {
    const sheet = this.ws.bound();
    this.snapshot = sheet.tables.map((t) => ({
      name: t.name,
      showTotals: t.showTotals,
      showHeaders: t.showHeaders,
      getRange: () => this.ws.getRangeByIndexes(t.range.row, t.range.col, t.range.rows, t.range.cols),
    }));
  }
}

/** The sheet's filter: applied over a range (replacing the one before, its criteria gone), or read. */
class FakeAutoFilter extends FakeProxy implements AutoFilter {
  private snapshot?: { enabled: boolean; filtered: boolean };

  constructor(
    ctx: RecordingContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "autoFilter");
  }

  get enabled(): boolean {
    this.need("enabled");
    return this.snapshot!.enabled;
  }

  get isDataFiltered(): boolean {
    this.need("isDataFiltered");
    return this.snapshot!.filtered;
  }

  apply(range: Range | string): void {
    this.call("apply", { sheet: this.ws.state?.name, range: this.ws.knownRect(range) }, () => {
      const sheet = this.ws.writable();
      sheet.autoFilter = this.ws.rangeOf(range);
      sheet.filtered = false;
    });
  }

  getRangeOrNullObject(): Range {
    const range = new FakeRange(this.ctx, this.ws.state?.name);
    this.call("getRangeOrNullObject", {}, () => {
      const sheet = this.ws.bound();
      range.target = sheet.autoFilter ? { sheet, range: sheet.autoFilter } : null;
    });
    return range;
  }

  protected onLoad(): void {
    const sheet = this.ws.bound();
    this.snapshot = { enabled: !!sheet.autoFilter, filtered: sheet.filtered };
  }
}
