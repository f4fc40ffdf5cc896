import { explainRow } from "../explain";
import type { Issue } from "../issues";
import type { Lang } from "../model";
import type { CompiledModel, RowResult } from "../score";
import { resultAt, type ScoreColumns } from "../scorer";
import { cellText } from "./cell-text";
import type { ScoredRow, ScoredRows, SourceTable } from "./types";

/** A mapped field's parsed values, one column (categories come from the criteria's matches). */
export type FieldColumn =
  | { read: "number"; numbers: Float64Array; converted: Uint8Array }
  | { read: "date"; ms: Float64Array }
  | { read: "text"; texts: (string | null)[] }
  | { read: "category" };

export interface ScoredColumnsSource {
  cm: CompiledModel;
  lang: Lang;
  table: SourceTable;
  /** Mapped fields in model order, with their table column. */
  columns: readonly { id: string; index: number }[];
  values: Readonly<Record<string, FieldColumn>>;
  scores: ScoreColumns;
  /** Located issues by row index, only rows with some. */
  rowIssues: ReadonlyMap<number, Issue[]>;
  /** Table column of the customer name, when mapped. */
  customerIndex?: number;
}

const NO_ISSUES: Issue[] = [];

/** One row built from the columns; its explanation is written the first time it is read. */
class RowView implements ScoredRow {
  private why: string | undefined;
  constructor(
    readonly row: number,
    readonly customer: string,
    readonly values: ScoredRow["values"],
    readonly converted: string[],
    readonly result: RowResult,
    readonly issues: Issue[],
    private readonly explain: () => string,
  ) {}

  get explanation(): string {
    this.why ??= this.explain();
    return this.why;
  }

  /** JSON and test snapshots see the explanation like any other field. */
  toJSON() {
    const { row, customer, values, converted, result, explanation, issues } = this;
    return { row, customer, values, converted, result, explanation, issues };
  }
}

/** `ScoredTable.rows`: the scored customers, each built when asked for. */
export class ScoredRowList implements ScoredRows {
  readonly length: number;
  constructor(private readonly src: ScoredColumnsSource) {
    this.length = src.scores.length;
  }

  at(i: number): ScoredRow {
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) throw new RangeError(`row ${i} of ${this.length}`);
    const { cm, lang, table, columns, values, scores, rowIssues, customerIndex } = this.src;
    const source = table.rows[i];
    const result = resultAt(cm, scores, i);
    const parsed: ScoredRow["values"] = {};
    const converted: string[] = [];
    for (const c of columns) {
      const v = values[c.id];
      if (v.read === "number") {
        parsed[c.id] = Number.isNaN(v.numbers[i]) ? null : v.numbers[i];
        if (v.converted[i]) converted.push(c.id);
      } else if (v.read === "date") parsed[c.id] = Number.isNaN(v.ms[i]) ? null : new Date(v.ms[i]);
      else if (v.read === "text") parsed[c.id] = v.texts[i];
      else parsed[c.id] = null;
    }
    categoryValues(cm, result, parsed);
    const customer = customerIndex === undefined ? "" : cellText(source.cells[customerIndex]);
    // The row's issues are the result's, located in the sheet, plus duplicate names.
    const issues = rowIssues.get(i) ?? NO_ISSUES;
    return new RowView(source.row, customer, parsed, converted, result, issues, () => explainRow(cm, result, lang));
  }

  *[Symbol.iterator](): Iterator<ScoredRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  map<T>(fn: (row: ScoredRow, i: number) => T): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.at(i), i);
    return out;
  }

  filter(fn: (row: ScoredRow, i: number) => boolean): ScoredRow[] {
    const out: ScoredRow[] = [];
    for (let i = 0; i < this.length; i++) {
      const row = this.at(i);
      if (fn(row, i)) out.push(row);
    }
    return out;
  }

  find(fn: (row: ScoredRow, i: number) => boolean): ScoredRow | undefined {
    const i = this.findIndex(fn);
    return i < 0 ? undefined : this.at(i);
  }

  findIndex(fn: (row: ScoredRow, i: number) => boolean): number {
    for (let i = 0; i < this.length; i++) if (fn(this.at(i), i)) return i;
    return -1;
  }

  some(fn: (row: ScoredRow, i: number) => boolean): boolean {
    return this.findIndex(fn) >= 0;
  }
}

/** The category id each category field was read as (the criteria know it, the cells do not). */
function categoryValues(cm: CompiledModel, result: RowResult, values: ScoredRow["values"]): void {
  cm.model.criteria.forEach((c, i) => {
    const r = result.criteria[i];
    if (r.match < 0 || r.assumedWorst) return;
    if (c.kind === "categories") values[c.field] = c.categories[r.match].id;
    else if (c.kind === "table") {
      const n = c.cols.length;
      values[c.rowField] = c.rows[Math.floor(r.match / n)].id;
      values[c.colField] = c.cols[r.match % n].id;
    }
  });
}
