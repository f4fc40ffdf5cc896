/**
 * Formulas a user can read (issue 10): every formula column of the tier sheet
 * and of the template's customer sheet reads the rules and summary sheets
 * through defined names (`等级名称`, `月均销售额分界`), never through absolute
 * addresses, and stays short — the worst/best level as a MAX/MIN of level
 * numbers, the tier of a points model as one INDEX over the named minimum
 * scores. Whether LibreOffice computes the engine's values from them is
 * checked in test/libreoffice/recalc.test.ts and template.test.ts.
 */
import { LANGS, type Lang, type Model } from "../../../src/core/model";
import { PRESETS, VALUE_PRESETS } from "../../../src/core/presets";
import { buildTierPlan } from "../../../src/core/plan/build";
import { resolvePopulation } from "../../../src/core/population";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import type { SourceRow } from "../../../src/core/sheet/types";
import { buildTemplatePlan } from "../../../src/core/template";
import { WORDS } from "../../../src/core/plan/words";

/** What "short" means here: a formula that fits in Excel's formula bar on two lines. */
const MAX_LENGTH = 240;

/** A customer sheet for any model: one column per field, numbers spread over a wide range (text for category fields). */
function planFor(preset: Model, lang: Lang): WorkbookPlan {
  // Value presets cut their bands at the customers' own values: resolved from the numbers below, as a run does.
  const value = (i: number, j: number) => ((i * 37 + j * 11) % 40) * 97;
  const model = resolvePopulation(preset, (id) => {
    const j = preset.fields.findIndex((f) => f.id === id);
    return Float64Array.from({ length: 40 }, (_, i) => value(i, j));
  }).model;
  const headers = model.fields.map((f) => f.label[lang]);
  const rows: SourceRow[] = Array.from({ length: 40 }, (_, i) => ({
    row: i + 2,
    cells: model.fields.map((f, j) => (j === 0 ? `C${i}` : f.kind === "category" || f.kind === "text" ? "x" : value(i, j))),
  }));
  const table = { sheetName: "Sheet1", headerRow: 1, firstCol: 0, headers, rows, skipped: [], foundBy: "detected" as const };
  const scored = scoreTable(table, mapColumns(headers, model), model, lang, new Date(Date.UTC(2026, 0, 1)));
  return buildTierPlan(scored, model, { lang, existing: [{ name: "Sheet1" }] });
}

/** The one formula of every formula column of the plan's tables. */
function columnFormulas(plan: WorkbookPlan): string[] {
  return plan.sheets.flatMap((s) => (s.tables ?? []).flatMap((t) => t.columns.flatMap((c) => (c.kind === "formula" ? [c.formula] : []))));
}

function expectReadable(plan: WorkbookPlan, source?: string): void {
  const formulas = columnFormulas(plan);
  const ours = plan.sheets.filter((s) => s.role === "rules" || s.role === "summary").map((s) => `'${s.name}'!`);
  const names = plan.names ?? [];
  for (const f of formulas) {
    expect(f.length).toBeLessThanOrEqual(MAX_LENGTH);
    // Our sheets only by name: no `'分级规则'!$C$5` in a row formula.
    for (const sheet of ours) expect(f).not.toContain(sheet);
    // Any other sheet reference is a link to the user's source cell.
    const sheets = [...f.matchAll(/'((?:[^']|'')+)'!/g)].map((m) => m[1]);
    for (const s of sheets) expect(s).toBe(source);
  }
  // Every name is defined in the plan and points at one of our sheets; the formulas use them.
  for (const n of names) expect(ours.some((s) => n.ref.startsWith(s))).toBe(true);
  const used = names.filter((n) => formulas.some((f) => new RegExp(`(^|[^\\p{L}\\p{N}_.])${n.name}([^\\p{L}\\p{N}_.]|$)`, "u").test(f)));
  expect(used.length).toBeGreaterThan(0);
}

const cases = [...PRESETS, ...VALUE_PRESETS].flatMap((m) => LANGS.map((lang) => [m.id, lang, m] as const));

describe("formulas read as words", () => {
  it.each(cases)("%s (%s): tier sheet formulas are short and read the rules by name", (_, lang, model) => {
    expectReadable(planFor(model, lang), "Sheet1");
  });

  it.each(PRESETS.flatMap((m) => LANGS.map((lang) => [m.id, lang, m] as const)))("%s (%s): template formulas are short and read the rules by name", (_, lang, model) => {
    expectReadable(buildTemplatePlan(model, { lang, rows: 20 }));
  });

  it("worst/best of levels is a MAX/MIN of level numbers; a points model's tier is one INDEX over the named minimum scores", () => {
    const byId = (id: string) => [...PRESETS, ...VALUE_PRESETS].find((m) => m.id === id)!;
    const formulas = (id: string) => columnFormulas(planFor(byId(id), "zh-CN"));
    // orders-volume (worst of two levels, tiers A–C): a missing level could still be C (3), the worst.
    const orders = formulas("orders-volume");
    expect(orders).toContain('IFERROR(MATCH(G4,等级名称,0),"")'); // level number of the order count's level
    expect(orders).toContain('IF(COUNT(I4:J4)=0,"",IF(MAX(I4:J4)<MAX(IF(I4="",3,I4),IF(J4="",3,J4)),"",MAX(I4:J4)))');
    // potential-4 (best of two levels): a missing level could still be A (1), the best.
    expect(formulas("potential-4")).toContain('IF(COUNT(I4:J4)=0,"",IF(MIN(I4:J4)>MIN(IF(I4="",1,I4),IF(J4="",1,J4)),"",MIN(I4:J4)))');
    expect(formulas("sales-payment")).toContain('IF(I4="","",INDEX(等级名称,COUNTIF(等级分界,">"&I4)+1))');
    // rfm: FM is the rounded mean of the F and M points; the segment is the grid cell at R and FM, both found by MATCH.
    const rfm = formulas("rfm");
    expect(rfm).toContain('IF(COUNT(J4,K4)<2,"",ROUND((J4+K4)/2,0))');
    expect(rfm).toContain('IF(OR(I4="",L4=""),"",IFERROR(MATCH(INDEX(分群表,MATCH(I4,分群表行,0),MATCH(L4,分群表列,0)),等级名称,0),""))');
  });
});

describe("the plan says what each column and colour rule means", () => {
  const header = (plan: WorkbookPlan, sheet: number) => {
    const s = plan.sheets[sheet];
    const row = s.blocks[0].cells[s.blocks[0].cells.length - 1]; // the head block ends with the header row
    return row.map((c) => (c && typeof c === "object" && c.kind === "text" ? c.text : String(c ?? "")));
  };

  it.each(cases)("%s (%s): the tier column, the points or levels, and the tier each colour rule paints", (_, lang, model) => {
    for (const plan of model.combine === "grid" || VALUE_PRESETS.includes(model) ? [planFor(model, lang)] : [planFor(model, lang), buildTemplatePlan(model, { lang, rows: 5 })]) {
      const sheet = plan.sheets[0];
      const table = sheet.tables![0];
      const roles = table.columns.map((c) => c.role);
      const names = header(plan, 0);
      expect(roles.filter((r) => r === "tier")).toHaveLength(1);
      expect(names[table.at.col + roles.indexOf("tier")]).toBe(WORDS.tier[lang]);
      const perCriterion = model.combine === "sum" || model.combine === "grid" ? "points" : "level";
      expect(roles.filter((r) => r === perCriterion)).toHaveLength(model.criteria.length);
      const criterionHeaders = roles.flatMap((r, i) => (r === perCriterion ? [names[table.at.col + i]] : []));
      criterionHeaders.forEach((h, i) => expect(h.startsWith(model.criteria[i].label[lang])).toBe(true));
      expect(roles.filter((r) => r === "customer")).toHaveLength(1);
      // One colour rule per tier, best first, each naming its tier.
      expect(sheet.rules.flatMap((r) => (r.kind === "formula" && r.tier ? [r.tier.id] : []))).toEqual(model.tiers.map((t) => t.id));
    }
  });
});
