/**
 * The compiled column scorer against the reference interpretation (`scoreRow`,
 * one row at a time, straight from the model): on random valid models and
 * random cells, every row's result — tier, score, matches, values, issues —
 * must be the same.
 */
import fc from "fast-check";
import { compileModel, PRESETS, scoreRow, validateModel, type CellValue, type Model, type RowValues } from "../../src/core";
import * as reference from "../../src/core/score";
import { compileScorer, resultAt, type ColumnsInput } from "../../src/core/scorer";
import type { Band, Category, Criterion, FieldDef, Tier } from "../../src/core/model";

const TODAY = new Date(Date.UTC(2025, 5, 15));
const t = (s: string) => ({ "zh-CN": s, "en-US": s });

/** Contiguous bands over sorted cut points, each cut inclusive on one side; open ends sometimes. */
const bandsArb = (outcome: fc.Arbitrary<Pick<Band, "points" | "level">>) =>
  fc
    .record({
      cuts: fc.uniqueArray(fc.integer({ min: -50, max: 150 }), { minLength: 1, maxLength: 5 }),
      lowInclusive: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      openLow: fc.boolean(),
      openHigh: fc.boolean(),
      outcomes: fc.array(outcome, { minLength: 7, maxLength: 7 }),
      order: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    })
    .map(({ cuts, lowInclusive, openLow, openHigh, outcomes, order }) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const bands: Band[] = [];
      if (openLow) bands.push({ max: { value: sorted[0], inclusive: !lowInclusive[0] } });
      for (let i = 0; i + 1 < sorted.length; i++) {
        bands.push({ min: { value: sorted[i], inclusive: lowInclusive[i] }, max: { value: sorted[i + 1], inclusive: !lowInclusive[i + 1] } });
      }
      const k = sorted.length - 1;
      if (openHigh || bands.length === 0) bands.push({ min: { value: sorted[k], inclusive: lowInclusive[k] } });
      // Listed in any order: the engine must not rely on sorted bands.
      return bands
        .map((b, i) => ({ ...b, ...outcomes[i], key: order[i] }))
        .sort((a, b) => a.key - b.key)
        .map(({ key: _key, ...b }) => b);
    });

const CATEGORY_IDS = ["a", "b", "c", "d"];
const categoriesArb = (outcome: fc.Arbitrary<Pick<Category, "points" | "level" | "sub">>) =>
  fc.array(outcome, { minLength: 2, maxLength: 4 }).map((outcomes) =>
    outcomes.map((o, i): Category => ({ id: CATEGORY_IDS[i], label: t(`类${CATEGORY_IDS[i]}`), synonyms: [String(i + 1)], ...o })),
  );

const fieldArb = (id: string, kind: FieldDef["kind"]) =>
  fc
    .record({ warn: fc.option(fc.integer({ min: -10, max: 20 }), { nil: undefined }), error: fc.option(fc.integer({ min: -10, max: 5 }), { nil: undefined }), fromDate: fc.boolean() })
    .map(({ warn, error, fromDate }): FieldDef => ({
      id,
      kind,
      label: t(id),
      synonyms: [id],
      required: true,
      ...(kind === "category" ? {} : { warnBelow: warn, errorBelow: error, ...(fromDate && kind === "number" ? { fromDate: "monthsFromToday" as const } : {}) }),
    }));

const missingArb = fc.constantFrom<Criterion["missing"]>(undefined, "issue", "worst");

/** A valid model of 1–3 criteria: sum (bands, categories, value, table; weights or multipliers) or worst/best levels. */
const modelArb: fc.Arbitrary<Model> = fc
  .record({ combine: fc.constantFrom<Model["combine"]>("sum", "worst", "best"), tierCount: fc.integer({ min: 2, max: 4 }), kinds: fc.array(fc.constantFrom("bands", "categories", "value", "table"), { minLength: 1, maxLength: 3 }) })
  .chain(({ combine, tierCount, kinds }) => {
    const tierIds = ["A", "B", "C", "D"].slice(0, tierCount);
    const isSum = combine === "sum";
    const usable = isSum ? kinds : kinds.map((k) => (k === "value" || k === "table" ? "bands" : k));
    const points = fc.integer({ min: -5, max: 100 });
    const bandOutcome = isSum ? points.map((p) => ({ points: p })) : fc.constantFrom(...tierIds).map((level) => ({ level }));
    const catOutcome = isSum
      ? points.map((p) => ({ points: p }))
      : fc.record({ level: fc.constantFrom(...tierIds), sub: fc.constantFrom<Category["sub"]>(undefined, "+", "-") }).map(({ level, sub }) => (sub ? { level, sub } : { level }));
    const criteria = usable.map((kind, i) => {
      const base = fc.record({ missing: missingArb, multiplier: fc.boolean() });
      if (kind === "bands")
        return fc.tuple(base, bandsArb(bandOutcome), fieldArb(`n${i}`, fc.sample(fc.constantFrom<FieldDef["kind"]>("money", "days", "number"), 1)[0])).map(([b, bands, field]) => ({
          field,
          extra: [] as FieldDef[],
          criterion: { id: `c${i}`, label: t(`c${i}`), kind: "bands", field: field.id, bands, missing: b.missing, ...(isSum && b.multiplier ? { role: "multiplier" } : {}) } as Criterion,
        }));
      if (kind === "value")
        return fc.tuple(base, fc.integer({ min: -10, max: 50 }), fc.integer({ min: 1, max: 100 }), fieldArb(`n${i}`, "number")).map(([b, min, span, field]) => ({
          field,
          extra: [] as FieldDef[],
          criterion: { id: `c${i}`, label: t(`c${i}`), kind: "value", field: field.id, min, max: min + span, missing: b.missing } as Criterion,
        }));
      if (kind === "categories")
        return fc.tuple(base, categoriesArb(catOutcome), fieldArb(`k${i}`, "category")).map(([b, categories, field]) => ({
          field,
          extra: [] as FieldDef[],
          criterion: { id: `c${i}`, label: t(`c${i}`), kind: "categories", field: field.id, categories, missing: b.missing } as Criterion,
        }));
      return fc
        .tuple(base, fc.array(fc.array(points, { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }), fieldArb(`r${i}`, "category"), fieldArb(`k${i}`, "category"))
        .map(([b, matrix, rowField, colField]) => ({
          field: rowField,
          extra: [colField],
          criterion: {
            id: `c${i}`,
            label: t(`c${i}`),
            kind: "table",
            rowField: rowField.id,
            colField: colField.id,
            rows: CATEGORY_IDS.slice(0, 3).map((id, j) => ({ id, label: t(`行${id}`), synonyms: [`r${j}`] })),
            cols: CATEGORY_IDS.slice(0, 2).map((id, j) => ({ id, label: t(`列${id}`), synonyms: [`c${j}`] })),
            points: matrix,
            missing: b.missing,
          } as Criterion,
        }));
    });
    return fc.tuple(fc.tuple(...criteria), fc.boolean(), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 })).map(([parts, weighted, cutsRaw]) => {
      const crit = parts.map((p) => p.criterion);
      const plain = crit.filter((c) => c.role !== "multiplier");
      if (isSum && weighted && plain.length > 0) {
        // Weights that add up to exactly 100.
        plain.forEach((c, i) => (c.weight = i === plain.length - 1 ? 100 - 10 * (plain.length - 1) : 10));
      }
      const cuts = [...new Set(cutsRaw)].sort((a, b) => b - a);
      const tiers: Tier[] = tierIds.map((id, i) => ({
        id,
        label: t(id),
        color: "#112233",
        textColor: "#ffffff",
        ...(isSum && i < tierIds.length - 1 ? { minScore: cuts[i] ?? -100 - i } : {}),
      }));
      return {
        id: "random",
        name: t("random"),
        description: t("random"),
        fields: parts.flatMap((p) => [p.field, ...p.extra]),
        criteria: crit,
        combine,
        tiers,
      } satisfies Model;
    });
  })
  .filter((m) => validateModel(m).length === 0);

/** Cells as sheets hold them: numbers on and around every bound, text numbers, junk, blanks, dates, errors. */
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -60, max: 160 }) },
  { weight: 3, arbitrary: fc.integer({ min: -120, max: 320 }).map((x) => x / 2) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN, -0, 25000, 45000.5) },
  { weight: 1, arbitrary: fc.constantFrom("2万", " 30 ", "３０天", "待定", "", "  ", "#N/A") },
  { weight: 2, arbitrary: fc.constantFrom("a", "b", "c", "d", "类a", "1", "2", "r0", "r2", "c1", "x", " B ") },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, new Date(Date.UTC(2025, 11, 1)), { error: "#DIV/0!" }, 3, 1) },
);

/** The scorer's input for rows of cells: numbers where the cell is one, everything else through `row`. */
function columnsOf(model: Model, rows: RowValues[]): ColumnsInput {
  const numbers: Record<string, Float64Array> = {};
  const cells: Record<string, CellValue[]> = {};
  for (const f of model.fields) {
    const column = rows.map((r) => r[f.id]);
    cells[f.id] = column;
    if (f.kind !== "category") numbers[f.id] = Float64Array.from(column, (v) => (typeof v === "number" ? v : NaN));
  }
  return { length: rows.length, numbers, cells, row: (i) => rows[i] };
}

function rowsArb(model: Model): fc.Arbitrary<RowValues[]> {
  const row = fc.tuple(...model.fields.map(() => cellArb)).map((values) => Object.fromEntries(model.fields.map((f, i) => [f.id, values[i]])) as RowValues);
  return fc.array(row, { minLength: 1, maxLength: 40 });
}

describe("compiled scorer = reference interpretation", () => {
  it("on random models and random cells, every row", () => {
    fc.assert(
      fc.property(
        modelArb.chain((model) => fc.tuple(fc.constant(model), rowsArb(model))),
        ([model, rows]) => {
          const cm = compileModel(model);
          const cols = compileScorer(cm).score(columnsOf(model, rows), TODAY);
          rows.forEach((row, i) => expect(resultAt(cm, cols, i)).toEqual(scoreRow(cm, row, TODAY)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(PRESETS.map((m) => [m.id, m] as const))("on preset %s with random cells", (_id, model) => {
    const cm = compileModel(model);
    fc.assert(
      fc.property(rowsArb(model), (rows) => {
        const cols = compileScorer(cm).score(columnsOf(model, rows), TODAY);
        rows.forEach((row, i) => expect(resultAt(cm, cols, i)).toEqual(scoreRow(cm, row, TODAY)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("compiled scorer: the common case stays on the columns", () => {
  const sales = PRESETS.find((m) => m.id === "sales-payment")!;

  it("scores 1,000,000 clean rows into typed arrays without calling the per-row reference", () => {
    const n = 1_000_000;
    const revenue = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 40000);
    const paydays = Float64Array.from({ length: n }, (_, i) => (i * 31) % 120);
    const spy = jest.spyOn(reference, "scoreRow");
    const row = jest.fn((i: number): RowValues => ({ revenue: revenue[i], paydays: paydays[i] }));
    const cols = compileScorer(compileModel(sales)).score({ length: n, numbers: { revenue, paydays }, cells: {}, row });
    expect(spy).not.toHaveBeenCalled();
    expect(row).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(cols.tier).toBeInstanceOf(Int16Array);
    expect(cols.score).toBeInstanceOf(Float64Array);
    expect([cols.tier.length, cols.score.length, cols.sub.length]).toEqual([n, n, n]);
    for (const c of cols.criteria) expect([c.match.constructor, c.match.length, c.value.length, c.state.length]).toEqual([Int32Array, n, n, n]);
    expect(cols.issues.size).toBe(0);
    // Spot checks against the spec's rule (tiering-models.md §1), computed here by hand.
    const tierOf = (r: number, d: number) => {
      const a = r >= 20000 ? 70 : r > 10000 ? 50 : r > 5000 ? 40 : 30;
      const b = d <= 30 ? 30 : d <= 45 ? 20 : d <= 60 ? 10 : 0;
      return a + b >= 80 ? 0 : a + b >= 60 ? 1 : 2;
    };
    for (let i = 0; i < n; i += 9973) expect([i, cols.tier[i]]).toEqual([i, tierOf(revenue[i], paydays[i])]);
  });

  it("hands only the rows with a problem to the reference, and keeps issues for those rows only", () => {
    const revenue = Float64Array.from([25000, NaN, -500, 8000]);
    const paydays = Float64Array.from([20, 40, 20, -3]);
    const raw: RowValues[] = [
      { revenue: 25000, paydays: 20 },
      { revenue: "待定", paydays: 40 },
      { revenue: -500, paydays: 20 },
      { revenue: 8000, paydays: -3 },
    ];
    const row = jest.fn((i: number) => raw[i]);
    const cols = compileScorer(compileModel(sales)).score({ length: 4, numbers: { revenue, paydays }, cells: {}, row });
    expect(row.mock.calls.map((c) => c[0])).toEqual([1, 2, 3]);
    expect([...cols.issues.keys()]).toEqual([1, 2, 3]);
    expect(Array.from(cols.tier)).toEqual([0, -1, 1, -1]); // 70+30 A; unreadable; 30+30 B with a warning; negative days
  });
});
