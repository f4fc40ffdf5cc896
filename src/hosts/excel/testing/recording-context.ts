/**
 * A recording fake of the part of `Excel.RequestContext` the Excel host uses
 * (see ../api.ts). Like Office.js, calls are queued and run at `sync()`,
 * proxies are bound when their creating call runs, and properties read
 * before a load and a sync throw. Every call is recorded in order with the
 * request (batch) it belongs to; each request's size is measured as the UTF-8
 * bytes of the JSON of the values, formulas and number formats it carries.
 *
 * Lives in src (not test/) because `npm run bench` drives the host with it.
 */
import { rangeFromA1 } from "../../../core/sheet/columns";
import type { CellRange } from "../../../core/sheet/types";
import type { ExcelContext } from "../api";
import { MAX_COLS, MAX_ROWS, SheetState, type Scalar } from "./sheet-state";
import { FakeWorkbook } from "./workbook";

export interface RecordedCall {
  /** The request it travelled in: 0 until the first sync, then 1… */
  request: number;
  /** `worksheets.add`, `range.values`, `format.fill.color`, `conditionalFormats.add`… */
  api: string;
  sheet?: string;
  range?: CellRange;
  /** The argument, for scalar ones (names, colours, formats, counts). */
  value?: unknown;
  /** UTF-8 bytes of the JSON of a values / formulas / numberFormat argument. */
  bytes?: number;
}

export interface RequestRecord {
  calls: number;
  /** UTF-8 bytes of the JSON of the values, formulas and number formats written. */
  bytes: number;
}

export interface SheetSeed {
  name: string;
  /** Values placed from `at` (default A1) down and right; null = empty. */
  cells?: (Scalar | null)[][];
  at?: string;
  merges?: string[];
  tables?: { name: string; range: string; showTotals?: boolean; showHeaders?: boolean }[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  /** Filter buttons over this range; `filtered`: a criterion hides rows. */
  autoFilter?: string;
  filtered?: boolean;
}

export interface FakeSeed {
  sheets?: SheetSeed[];
  /** The active sheet's name; default the first. */
  active?: string;
  selection?: { sheet: string; address: string };
  names?: { name: string; sheet: string; address: string }[];
  settings?: Record<string, unknown>;
  /** False for the benchmark: count calls and bytes, keep no cells. */
  storeCells?: boolean;
  /** Refuse requests over this many bytes, as Excel on the web does over 5 MB. */
  requestLimit?: number;
  /** Refuse value reads over this many bytes (`ResponsePayloadSizeLimitExceeded`). */
  responseLimit?: number;
}

/** What Office.js rejects a sync with: `code` as in `Excel.ErrorCodes`. */
export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeName {
  name: string;
  sheet: SheetState;
  range: CellRange;
  comment?: string;
}

interface Queued {
  call: RecordedCall;
  run: () => void;
}

/** What a request argument weighs: its JSON in UTF-8, as it travels. */
export function requestBytes(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data), "utf8");
}

export class RecordingContext implements ExcelContext {
  readonly workbook: FakeWorkbook;
  readonly calls: RecordedCall[] = [];
  readonly requests: RequestRecord[] = [];
  readonly sheets: SheetState[] = [];
  readonly names: FakeName[] = [];
  readonly settings = new Map<string, unknown>();
  /** UTF-8 bytes of the JSON of every `values` read answered (what reads weigh on the wire). */
  responseBytes = 0;
  active?: SheetState;
  selection?: { sheet: SheetState; range: CellRange };
  readonly requestLimit?: number;
  readonly responseLimit?: number;
  readonly storeCells: boolean;
  private queue: Queued[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private failure?: (call: RecordedCall) => string | undefined;

  constructor(seed: FakeSeed = {}) {
    this.storeCells = seed.storeCells ?? true;
    this.requestLimit = seed.requestLimit;
    this.responseLimit = seed.responseLimit;
    for (const s of seed.sheets ?? []) this.sheets.push(this.seedSheet(s));
    this.active = seed.active === undefined ? this.sheets[0] : this.sheet(seed.active);
    if (seed.selection) this.selection = { sheet: this.sheet(seed.selection.sheet), range: a1Range(seed.selection.address) };
    for (const n of seed.names ?? []) this.names.push({ name: n.name, sheet: this.sheet(n.sheet), range: a1Range(n.address) });
    for (const [k, v] of Object.entries(seed.settings ?? {})) this.settings.set(k, v);
    this.workbook = new FakeWorkbook(this);
  }

  get syncs(): number {
    return this.requests.length;
  }

  /** The largest request sent, in bytes of values, formulas and number formats. */
  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  /** A sheet by name (any case); throws when there is none. */
  sheet(name: string): SheetState {
    const found = this.findSheet(name);
    if (!found) throw new Error(`fake: no sheet "${name}" (have ${this.sheets.map((s) => s.name).join(", ")})`);
    return found;
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Makes the sync that runs the first matching call reject with that Office error code (the calls before it in the batch still run, as in Excel). */
  failWhen(match: (call: RecordedCall) => string | undefined): void {
    this.failure = match;
  }

  /** Records a call and queues what it does at the next sync. */
  record(call: Omit<RecordedCall, "request">, run: () => void = () => {}): void {
    const recorded: RecordedCall = { request: this.requests.length, ...call };
    this.calls.push(recorded);
    this.pendingBytes += call.bytes ?? 0;
    this.queue.push({ call: recorded, run });
  }

  async sync(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    this.requests.push({ calls: queued.length, bytes: this.pendingBytes });
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    if (this.requestLimit !== undefined && bytes > this.requestLimit) throw new OfficeLikeError("RequestPayloadSizeLimitExceeded");
    for (const { call, run } of queued) {
      const code = this.failure?.(call);
      if (code) throw new OfficeLikeError(code, `fake: ${call.api} failed with ${code}`);
      run();
    }
  }

  nextSeq(): number {
    return ++this.seq;
  }

  addSheet(name: string): SheetState {
    if (this.findSheet(name)) throw new OfficeLikeError("ItemAlreadyExists", `fake: a sheet named "${name}" exists`);
    const sheet = new SheetState(name, () => this.nextSeq(), this.storeCells);
    this.sheets.push(sheet);
    return sheet;
  }

  private seedSheet(s: SheetSeed): SheetState {
    const sheet = new SheetState(s.name, () => this.nextSeq(), this.storeCells);
    const at = s.at ? a1Range(s.at) : { row: 0, col: 0 };
    (s.cells ?? []).forEach((row, r) => row.forEach((v, c) => sheet.seed(at.row + r, at.col + c, v)));
    sheet.merges = (s.merges ?? []).map(a1Range);
    sheet.tables = (s.tables ?? []).map((t) => ({ name: t.name, range: a1Range(t.range), showTotals: t.showTotals ?? false, showHeaders: t.showHeaders ?? true }));
    sheet.visibility = s.visibility ?? "Visible";
    sheet.protected = s.protected ?? false;
    if (s.autoFilter) sheet.autoFilter = a1Range(s.autoFilter);
    sheet.filtered = s.filtered ?? false;
    return sheet;
  }
}

/** `B3:F20` → 0-based range; no address = the whole sheet. */
export function a1Range(address?: string): CellRange {
  if (address === undefined) return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
  const range = rangeFromA1(address);
  if (!range) throw new Error(`fake: not an A1 address: ${address}`);
  return range;
}
