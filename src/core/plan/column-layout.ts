/**
 * The column layout shared by every table sheet we write (the tier sheet, the
 * template's customer sheet): columns found by key, a title/legend/header head,
 * widths measured from the header and the first values, tier colours and the
 * overdue highlight as conditional rules, the data range of a column for the
 * summary.
 */
import type { Model } from "../model";
import { displayWidth } from "../text/width";
import { columnLetter } from "./a1";
import { cellText, textCell } from "./cells";
import { hasSubLevels, quote } from "./formulas";
import { range } from "./grid";
import { STYLE } from "./style";
import type {
  Cell,
  CellBlock,
  CellRange,
  ColumnFormat,
  ColumnRole,
  PlanColumn,
  ConditionalRule,
  RangeStyle,
} from "./types";

/** What every column of a table sheet has, whatever fills its cells. */
export interface ColumnSpec {
  /** Stable key to find the column (field or criterion id, or a role). */
  key: string;
  header: string;
  numberFormat?: string;
  align?: ColumnFormat["align"];
  /** Least width in characters; the header and the first values may ask for more, up to `maxWidth` (default 40). */
  width?: number;
  maxWidth?: number;
}

/**
 * The role of a column (see `ColumnRole`) from its key, the same keys on
 * every table sheet: `field:…` inputs, `band:…`, `criterion:…` (points in a
 * sum model, else a level), `levelNo:…`, and the computed columns by name.
 */
export function roleOfKey(key: string, sum: boolean): ColumnRole {
  const kind = key.includes(":") ? key.slice(0, key.indexOf(":")) : key;
  switch (kind) {
    case "customer":
    case "band":
    case "levelNo":
    case "score":
    case "tierNo":
    case "tier":
    case "rank":
    case "next":
    case "overdue":
    case "why":
      return kind;
    case "field":
    case "lastContact":
      return "input";
    case "criterion":
      return sum ? "points" : "level";
    default:
      return "other";
  }
}

/** A plan column with the role its key gives it. */
export function withRole<C extends PlanColumn>(column: C, key: string, sum: boolean): C {
  return { ...column, role: roleOfKey(key, sum) };
}

/** Columns in sheet order, found by key; `firstDataRow` is the 0-based row of the first record. */
export class ColumnLayout<S extends ColumnSpec> {
  readonly specs: S[] = [];
  constructor(readonly firstDataRow: number) {}

  add(...specs: S[]): void {
    this.specs.push(...specs);
  }
  index(key: string): number {
    return this.specs.findIndex((s) => s.key === key);
  }
  letter(key: string): string {
    return columnLetter(this.index(key));
  }
  get length(): number {
    return this.specs.length;
  }
  /** The data cells of a column (for the summary and rules); at least one row. */
  dataRange(key: string, rows: number): CellRange {
    return range(this.firstDataRow, this.index(key), rows);
  }
  /** The head block: title, legend and the header row. */
  head(title: string, legend: string): CellBlock {
    return {
      at: { row: 0, col: 0 },
      cells: [
        [textCell(title)],
        [textCell(legend)],
        this.specs.map((s) => textCell(s.header)),
      ],
    };
  }
  /** Title and legend styles (the header row's differ by sheet). */
  headStyles(): RangeStyle[] {
    return [
      { range: range(0, 0), bold: true, fontSize: STYLE.titleSize },
      { range: range(1, 0), italic: true, fontColor: STYLE.noteFont },
    ];
  }
  /** Column formats with widths from the header and `samples(col)` (the first values shown). */
  formats(
    rows: number,
    samples: (col: number) => Iterable<string>,
    options: { wrapHeader?: boolean } = {},
  ): ColumnFormat[] {
    return this.specs.map((s, col) => ({
      col,
      width: columnWidth(s, samples(col), options.wrapHeader),
      numberFormat: s.numberFormat,
      align: s.align,
      rows: {
        first: this.firstDataRow,
        last: this.firstDataRow + Math.max(1, rows) - 1,
      },
    }));
  }
}

const MIN_WIDTH = 8;

/** Width in characters: the (bold) header, wrapped onto two lines when allowed, and the values shown; CJK counts double. */
export function columnWidth(
  spec: ColumnSpec,
  shown: Iterable<string>,
  wrapHeader = false,
): number {
  const head = displayWidth(spec.header);
  let widest = Math.ceil(wrapHeader && head > 10 ? head / 2 : head) + 1;
  for (const s of shown) widest = Math.max(widest, displayWidth(s));
  const least = wrapHeader
    ? (spec.width ?? MIN_WIDTH)
    : Math.max(MIN_WIDTH, spec.width ?? 0);
  return Math.min(
    Math.max(spec.maxWidth ?? 40, spec.width ?? 0),
    Math.max(least, Math.ceil(widest + 2)),
  );
}

/** What a cell shows, for measuring: numbers with thousands separators, dates as yyyy-mm-dd, formulas as nothing. */
export function shownText(cell: Cell, numberFormat?: string): string {
  if (typeof cell === "number")
    return numberFormat === "yyyy-mm-dd"
      ? "2026-01-01"
      : cell.toLocaleString("en-US");
  return cellText(cell);
}

/** The first rows' values of column `col`, as shown. */
export function* sampleColumn(
  data: readonly Cell[][],
  col: number,
  numberFormat?: string,
  rows = 200,
): Iterable<string> {
  for (let i = 0; i < Math.min(rows, data.length); i++)
    yield shownText(data[i][col], numberFormat);
}

/** One rule per tier colouring `target` where the tier cell (`$B4`, relative row) holds that tier, sub-levels included; priorities from `first`. */
export function tierColourRules(
  model: Model,
  tierCell: string,
  target: CellRange,
  first: number,
): ConditionalRule[] {
  const subs = hasSubLevels(model);
  return model.tiers.map((tier, i) => {
    const values = subs ? [tier.id, `${tier.id}+`, `${tier.id}-`] : [tier.id];
    const tests = values.map((id) => `${tierCell}=${quote(id)}`);
    return {
      kind: "formula",
      range: target,
      formula: tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`,
      fill: tier.color,
      fontColor: tier.textColor,
      priority: first + i,
      tier: { id: tier.id, values },
    };
  });
}

/** Highlights `target` (next follow-up and overdue) where the next follow-up cell (`$K4`) is a date before today. */
export function overdueRule(
  nextCell: string,
  target: CellRange,
  priority: number,
): ConditionalRule {
  return {
    kind: "formula",
    range: target,
    formula: `AND(ISNUMBER(${nextCell}),${nextCell}<TODAY())`,
    fill: STYLE.overdueFill,
    fontColor: STYLE.overdueFont,
    bold: true,
    priority,
  };
}
