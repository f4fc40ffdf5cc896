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

/**
 * The live "why" says one thing per criterion (`月均销售额 25,000 元 ≥ 20,000 → 70`,
 * or `缺失`/`无效`) and the total: it may be longer, by a bounded amount per criterion (English names are longer).
 */
const WHY_LENGTH = (criteria: number) => 150 + 250 * criteria;

/** The one formula of every formula column of the plan's tables. */
function columnFormulas(plan: WorkbookPlan, role?: string): string[] {
  return plan.sheets.flatMap((s) => (s.tables ?? []).flatMap((t) => t.columns.flatMap((c) => (c.kind === "formula" && (!role || c.role === role) ? [c.formula] : []))));
}

function expectReadable(plan: WorkbookPlan, source?: string, criteria = 0): void {
  const formulas = columnFormulas(plan);
  const whys = new Set(columnFormulas(plan, "why"));
  const ours = plan.sheets.filter((s) => s.role === "rules" || s.role === "summary").map((s) => `'${s.name}'!`);
  const names = plan.names ?? [];
  for (const f of formulas) {
    expect(f.length).toBeLessThanOrEqual(whys.has(f) ? WHY_LENGTH(criteria) : MAX_LENGTH);
    // Excel 2016, WPS and LibreOffice: no TEXTJOIN, CONCAT, LET, IFS, XLOOKUP.
    expect(f).not.toMatch(/\b(TEXTJOIN|CONCAT|LET|IFS|XLOOKUP)\(/);
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
    const plan = planFor(model, lang);
    expectReadable(plan, "Sheet1", model.criteria.length);
    // The explanation is live on a live sheet: one formula for the column, reading the row's band, points and tier.
    expect(columnFormulas(plan, "why")).toHaveLength(1);
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

  it("visits (nine-grid, issue 12): the zone is the first whose named bounds hold for the points; visits a month and next visit look the zone up by name", () => {
    const formulas = columnFormulas(planFor(PRESETS.find((m) => m.id === "nine-grid")!, "zh-CN"));
    // Inputs C–F (hospital level, title, prescribing, last visit), points G and H, score I, tier J, rank K, zone L.
    expect(formulas).toContain('IF(J4="","",IF(AND(G4>=红区潜力下限,H4<=红区处方行为上限),INDEX(拜访区域,1),IF(AND(G4>=黄区潜力下限,H4>=黄区处方行为下限),INDEX(拜访区域,2),INDEX(拜访区域,3))))');
    expect(formulas).toContain('IF(L4="","",INDEX(每月拜访次数,MATCH(L4,拜访区域,0)))');
    expect(formulas).toContain('IF(L4="","",IFERROR(IF(ISNUMBER(F4),F4,拜访起算日)+INDEX(拜访间隔,MATCH(L4,拜访区域,0)),""))');
  });

  it("the why column: each criterion's value, the band's condition read by name from the rules sheet, its points; the total and the tier", () => {
    const byId = (id: string) => [...PRESETS, ...VALUE_PRESETS].find((m) => m.id === id)!;
    const why = (id: string) => columnFormulas(planFor(byId(id), "zh-CN"), "why")[0];
    const sales = why("sales-payment");
    // Sales in C, payment days in D, their band rows in E and F, points in G and H, score I, tier J.
    expect(sales).toContain('"月均销售额 "&TEXT(C4,IF(ROUND(C4,2)=ROUND(C4,0),"#,##0","#,##0.##"))');
    expect(sales).toContain("IF(C4=INDEX(月均销售额分界,E4),INDEX(月均销售额分界处条件,E4),INDEX(月均销售额条件,E4))");
    expect(sales).toContain('" → "&G4');
    expect(sales).toContain('"月均销售额 "&IF(C4="","缺失","无效")');
    expect(sales).toContain('"；合计 "&IF(I4="","?",');
    expect(sales).toContain('" → "&IF(J4="","无法分级",J4)');
    // Categories by their label, found through the spellings the points use.
    expect(why("nine-grid")).toContain('"处方行为 "&INDEX(处方行为名称,INDEX(处方行为写法序号,MATCH(E4,处方行为写法,0)))');
    // A grid model names the segment by its label on the rules sheet.
    expect(why("rfm")).toMatch(/INDEX\(等级标签,[A-Z]+4\)/);
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
