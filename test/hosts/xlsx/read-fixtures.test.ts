import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Lang } from "../../../src/core/model";
import { findPreset } from "../../../src/core/presets";
import { columnIndex, columnLetter } from "../../../src/core/sheet/columns";
import { detectTable } from "../../../src/core/sheet/detect";
import { mapColumns, missingFieldsMessage } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import { detectEncoding } from "../../../src/hosts/xlsx/encoding";
import { readWorkbook } from "../../../src/hosts/xlsx/read";

/** The corpus: each sheet with its hand-written expectation (see scripts/make-fixtures.js). */
const FIXTURES = join(__dirname, "..", "..", "fixtures");

interface ExpectedIssue {
  row: number;
  columnLetter: string;
  column: string;
  field: string;
  value: unknown;
  severity: "error" | "warning";
  /** Texts the message must contain (in the fixture's language). */
  mentions?: string[];
}

interface Expected {
  file: string;
  model: string;
  lang: Lang;
  today?: string;
  map?: Record<string, string>;
  encoding?: string;
  foundBy: string;
  headerRow: number;
  firstCol: string;
  mapping: Record<string, string>;
  lowConfidence?: string[];
  missing: string[];
  missingMessage?: Record<Lang, string[]>;
  scale?: Record<string, number>;
  cells?: { row: number; col: string; value: unknown }[];
  dataRows: number[];
  skipped: { row: number; reason: string }[];
  rows: { row: number; customer?: string; values?: Record<string, unknown>; converted?: string[]; score?: number; grade: string | null }[];
  issues?: ExpectedIssue[];
  summary: Record<string, { count: number; value?: number }>;
  unscored: number;
}

const expectations = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as Expected);

/** Dates compare by calendar day, the way the fixtures write them. */
function plain(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

test("the corpus has at least 12 sheets, each with an expectation", () => {
  const sheets = readdirSync(FIXTURES).filter((f) => /\.(xlsx|csv)$/.test(f));
  expect(sheets.length).toBeGreaterThanOrEqual(12);
  expect(sheets.sort()).toEqual(expectations.map((e) => e.file).sort());
});

describe.each(expectations.map((e) => [e.file, e] as const))("%s", (_file, expected) => {
  const model = findPreset(expected.model)!;
  const load = async () => {
    const bytes = readFileSync(join(FIXTURES, expected.file));
    const [grid] = await readWorkbook(new Uint8Array(bytes), expected.file);
    const table = detectTable(grid, expected.lang);
    const mapping = mapColumns(table.headers, model, expected.map, table.firstCol);
    const today = expected.today ? new Date(`${expected.today}T00:00:00Z`) : undefined;
    const scored = scoreTable(table, mapping, model, expected.lang, today);
    return { bytes, grid, table, mapping, scored };
  };
  let run: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    run = await load();
  });

  test("finds the header row, the columns and the data rows", () => {
    const { table } = run;
    expect(table.foundBy).toBe(expected.foundBy);
    expect(table.headerRow).toBe(expected.headerRow);
    expect(columnLetter(table.firstCol)).toBe(expected.firstCol);
    expect(table.rows.map((r) => r.row)).toEqual(expected.dataRows);
    expect(table.skipped).toEqual(expected.skipped);
  });

  test("maps the model's fields to the expected headers", () => {
    const { table, mapping } = run;
    const byHeader = Object.fromEntries(Object.entries(mapping.columns).map(([field, col]) => [field, table.headers[col]]));
    expect(byHeader).toEqual(expected.mapping);
    expect(mapping.missing).toEqual(expected.missing);
    for (const field of Object.keys(expected.mapping)) {
      if (expected.lowConfidence?.includes(field)) expect(mapping.confidence[field]).toBeLessThan(1);
      else expect(mapping.confidence[field]).toBe(1);
    }
    if (expected.scale) expect(mapping.scale).toEqual(expected.scale);
    for (const lang of Object.keys(expected.missingMessage ?? {}) as Lang[]) {
      const message = missingFieldsMessage(mapping, model, table.headers, table.firstCol)[lang];
      for (const part of expected.missingMessage![lang]) expect(message).toContain(part);
    }
  });

  test("reads the cells, the encoding and the parsed values", () => {
    const { bytes, grid, scored } = run;
    if (expected.encoding) expect(detectEncoding(new Uint8Array(bytes))).toBe(expected.encoding);
    for (const cell of expected.cells ?? []) expect(grid.values[cell.row - 1][columnIndex(cell.col)]).toEqual(cell.value);
    for (const want of expected.rows) {
      const got = scored.rows.find((r) => r.row === want.row);
      expect(got).toBeDefined();
      if (want.customer !== undefined) expect(got!.customer).toBe(want.customer);
      for (const [field, value] of Object.entries(want.values ?? {})) expect([field, plain(got!.values[field])]).toEqual([field, value]);
      if (want.converted) expect([...got!.converted].sort()).toEqual([...want.converted].sort());
      if (want.score !== undefined) expect(got!.result.score).toBe(want.score);
      expect([want.row, got!.result.grade]).toEqual([want.row, want.grade]);
    }
  });

  test("reports every issue at its row, column and value", () => {
    const { scored } = run;
    if (!expected.issues) return;
    const shape = (i: { row?: number; columnLetter?: string; column?: string; field?: string; value?: unknown; severity: string }) => ({
      row: i.row,
      columnLetter: i.columnLetter,
      column: i.column,
      field: i.field,
      value: plain(i.value),
      severity: i.severity,
    });
    const order = (a: { row?: number; columnLetter?: string }, b: { row?: number; columnLetter?: string }) =>
      (a.row ?? 0) - (b.row ?? 0) || (a.columnLetter ?? "").localeCompare(b.columnLetter ?? "");
    expect(scored.issues.map(shape).sort(order)).toEqual(expected.issues.map(shape).sort(order));
    for (const want of expected.issues) {
      const got = scored.issues.find((i) => i.row === want.row && i.columnLetter === want.columnLetter)!;
      expect(got.message[expected.lang].length).toBeGreaterThan(0);
      for (const part of want.mentions ?? []) expect(got.message[expected.lang]).toContain(part);
      // The row's own list carries the issue too.
      expect(scored.rows.find((r) => r.row === want.row)!.issues).toContainEqual(got);
    }
  });

  test("sums up the tiers", () => {
    const { scored } = run;
    for (const [tier, want] of Object.entries(expected.summary)) {
      const got = scored.summary.find((s) => s.tier === tier)!;
      expect([tier, got.count]).toEqual([tier, want.count]);
      if (want.value !== undefined) expect(got.value).toBeCloseTo(want.value, 6);
    }
    expect(scored.unscored).toBe(expected.unscored);
    const scoredCount = scored.rows.length - scored.unscored;
    for (const s of scored.summary) expect(s.share).toBeCloseTo(scoredCount ? s.count / scoredCount : 0, 9);
  });
});
