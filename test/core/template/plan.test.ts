/**
 * The template plan: sheets and names, the customer sheet's columns, data
 * validation on every input column, formulas prefilled for every row, the
 * follow-up cadence on the rules sheet, and example rows that the engine puts
 * in every tier. What LibreOffice computes from it is checked in
 * test/libreoffice/template.test.ts.
 */
import { LANGS, text, type Lang, type Model } from "../../../src/core/model";
import { PRESETS, findPreset } from "../../../src/core/presets";
import { compileModel, scoreRow } from "../../../src/core/score";
import { cellText, dateSerial } from "../../../src/core/plan/cells";
import { MARKER_PREFIX, markerName } from "../../../src/core/plan/naming";
import type { DataValidation, FormulaRule, WorkbookPlan } from "../../../src/core/plan/types";
import { WORDS } from "../../../src/core/plan/words";
import { buildTemplatePlan } from "../../../src/core/template";
import { CLOSE_TIME_CADENCE } from "./golden";
import { cellAt, isFormula, parseRef, table, valuesAt } from "./plan-view";

const TODAY = new Date("2026-11-23T00:00:00Z");

/** The columns a customer-level management sheet keeps (issue 6, tiering-models.md last section), as the template names them. */
const INFO_COLUMNS: Record<Lang, string[]> = {
  "zh-CN": ["联系人", "电话", "邮箱/微信", "地区", "行业", "规模", "状态", "来源渠道"],
  "en-US": ["Contact person", "Phone", "Email / WeChat", "Region", "Industry", "Size", "Status", "Source channel"],
};
const NOTES: Record<Lang, string> = { "zh-CN": "备注", "en-US": "Notes" };
/** Customer status (seed 003). */
const STATUS_VALUES: Record<Lang, string[]> = { "zh-CN": ["活跃", "休眠", "流失", "新客户"], "en-US": ["Active", "Dormant", "Churned", "New"] };
const FORBIDDEN = /\b(LAMBDA|LET|XLOOKUP|XMATCH|IFS|SWITCH|FILTER|UNIQUE|SORT|SORTBY|SEQUENCE|TEXTJOIN|CONCAT|CUSTTIER\.\w+)\(/i;

const fieldLabel = (model: Model, id: string, lang: Lang) => model.fields.find((f) => f.id === id)!.label[lang];
/** Fields the model's criteria read (what a user must type). */
const inputIds = (model: Model) => [...new Set(model.criteria.flatMap((c) => (c.kind === "table" ? [c.rowField, c.colField] : [c.field])))];
const LAST_CONTACT: Record<Lang, string> = { "zh-CN": "最近联系日期", "en-US": "Last contact" };

function validationOf(plan: WorkbookPlan, header: string): DataValidation {
  const t = table(plan);
  const col = t.col(header);
  const found = (t.sheet.validations ?? []).filter((v) => v.range.col === col);
  if (found.length !== 1) throw new Error(`${found.length} validations on "${header}"`);
  return found[0];
}

const everyPreset = PRESETS.flatMap((model) => LANGS.map((lang) => [model.id, lang] as const));

describe("buildTemplatePlan: sheets", () => {
  it("makes a customer sheet, a summary and a rules sheet named in the user's language, the customer sheet shown", () => {
    for (const [lang, names] of [
      ["zh-CN", ["客户管理", "分级汇总", "分级规则"]],
      ["en-US", ["Customers", "Tier summary", "Tier rules"]],
    ] as const) {
      const plan = buildTemplatePlan(findPreset("sales-payment")!, { lang });
      expect(plan.sheets.map((s) => [s.name, s.action.kind])).toEqual(names.map((n) => [n, "create"]));
      expect(plan.activate).toBe(names[0]);
    }
  });

  it("gives the customer sheet its own role, and its rules sheet says that sheet reads it (the tier table's rules line is not there)", () => {
    for (const lang of LANGS) {
      const plan = buildTemplatePlan(findPreset("sales-payment")!, { lang, existing: [{ name: lang === "zh-CN" ? "客户管理" : "Customers" }] });
      expect(plan.sheets.map((s) => s.role)).toEqual(["customers", "summary", "rules"]);
      const customers = plan.sheets[0].name;
      const rulesText = plan.sheets[2].blocks.flatMap((b) => b.cells.flat().map(cellText));
      expect(rulesText.filter((t) => t.includes(customers) && t.includes(lang === "zh-CN" ? "表读取本页" : "sheet reads this page"))).toHaveLength(1);
      expect(rulesText).not.toContain(WORDS.rulesIntro[lang]);
    }
  });

  it("never touches existing sheets, not even the tier table's own: new unique names, markers a tier run will not replace", () => {
    const existing = [
      { name: "客户管理" },
      { name: "分级规则", marker: markerName("rules") },
      { name: "分级汇总", marker: markerName("summary") },
      { name: "客户分级", marker: markerName("tiers") },
    ];
    const plan = buildTemplatePlan(findPreset("sales-payment")!, { lang: "zh-CN", existing });
    expect(plan.sheets.map((s) => [s.name, s.action.kind])).toEqual([
      ["客户管理 (2)", "create"],
      ["分级汇总 (2)", "create"],
      ["分级规则 (2)", "create"],
    ]);
    const markers = plan.sheets.map((s) => s.marker.name);
    for (const m of markers) expect(Object.values({ t: markerName("tiers"), r: markerName("rules"), s: markerName("summary") })).not.toContain(m);
    // The customer sheet holds the user's data: not marked as a sheet we may replace.
    expect(markers[0].toLowerCase().startsWith(MARKER_PREFIX.toLowerCase())).toBe(false);
    // Formulas follow the names chosen.
    const formulas = table(plan).data.cells[0].filter(isFormula).map((c) => c.formula);
    const names = plan.names ?? [];
    for (const n of names) expect(n.ref.startsWith("'分级规则 (2)'!")).toBe(true);
    expect(formulas.some((f) => names.some((n) => f.includes(n.name)))).toBe(true);
    expect(formulas.some((f) => f.includes("'分级规则'!"))).toBe(false);
    // Its names are its own: a tier run (which replaces its names on every run) never shares one.
    expect(names.every((n) => n.name.endsWith("_模板"))).toBe(true);

    // A second template next to the first gets markers of its own.
    const first = buildTemplatePlan(findPreset("sales-payment")!, { lang: "zh-CN" });
    const again = buildTemplatePlan(findPreset("sales-payment")!, {
      lang: "zh-CN",
      existing: first.sheets.map((s) => ({ name: s.name, marker: s.marker.name.startsWith(MARKER_PREFIX) ? s.marker.name : undefined })),
    });
    for (const [a, b] of first.sheets.slice(1).map((s, i) => [s.marker.name, again.sheets[i + 1].marker.name])) expect(b).not.toBe(a);
  });
});

describe("buildTemplatePlan: the customer sheet", () => {
  it.each(everyPreset)("%s (%s): the recommended columns, the model's inputs, last contact, computed columns, notes", (id, lang) => {
    const model = findPreset(id)!;
    const { header } = table(buildTemplatePlan(model, { lang }));
    const inputs = inputIds(model).map((f) => fieldLabel(model, f, lang));
    // A level model of several criteria shows each level's number before the tier number (its MAX or MIN).
    const levelNos = model.combine !== "sum" && model.criteria.length > 1 ? model.criteria.map((c) => `${c.label[lang]}${WORDS.levelNo[lang]}`) : [];
    const computed = [
      ...levelNos,
      ...(model.combine === "sum" ? [WORDS.score[lang]] : [WORDS.tierNo[lang]]),
      WORDS.tier[lang],
      WORDS.nextFollowUp[lang],
      WORDS.overdue[lang],
      // Nine-grid's visit zones (issue 12): zone, visits a month, next visit.
      ...(model.visits ? [WORDS.visitZone[lang], WORDS.visitsPerMonth[lang], WORDS.nextVisit[lang]] : []),
    ];
    expect(header[0]).toBe(fieldLabel(model, "customer", lang));
    expect(header.slice(1, 1 + INFO_COLUMNS[lang].length)).toEqual(INFO_COLUMNS[lang]);
    const afterInfo = header.slice(1 + INFO_COLUMNS[lang].length);
    expect(afterInfo.slice(0, inputs.length + 1)).toEqual([...inputs, LAST_CONTACT[lang]]);
    // Then the band number of each band criterion (its lookup row), one points/level column per criterion, the computed columns, and notes last.
    const bands = model.criteria.filter((c) => c.kind === "bands").map((c) => `${c.label[lang]}${WORDS.bandNo[lang]}`);
    expect(afterInfo.slice(inputs.length + 1, inputs.length + 1 + bands.length)).toEqual(bands);
    const rest = afterInfo.slice(inputs.length + 1 + bands.length);
    expect(rest.length).toBe(model.criteria.length + computed.length + 1);
    model.criteria.forEach((c, i) => expect(rest[i].startsWith(c.label[lang])).toBe(true));
    expect(rest.slice(model.criteria.length)).toEqual([...computed, NOTES[lang]]);
  });

  it.each(everyPreset)("%s (%s): every input column is validated, with messages in the user's language", (id, lang) => {
    const model = findPreset(id)!;
    const plan = buildTemplatePlan(model, { lang, rows: 40 });
    const t = table(plan);
    const validated = (t.sheet.validations ?? []).map((v) => t.header[v.range.col]);
    const inputs = inputIds(model).map((f) => fieldLabel(model, f, lang));
    expect(validated.sort()).toEqual([INFO_COLUMNS[lang][6], ...inputs, LAST_CONTACT[lang]].sort());
    for (const v of t.sheet.validations ?? []) {
      // Exactly the data rows of one column: one range, one host call.
      expect(v.range).toEqual({ row: 3, col: v.range.col, rows: 40, cols: 1 });
      for (const s of [v.prompt.title, v.prompt.message, v.error.title, v.error.message]) {
        expect(s.trim()).not.toBe("");
        expect({ s, chinese: /[\u4e00-\u9fff]/.test(s) }).toEqual({ s, chinese: lang === "zh-CN" });
      }
      expect(v.prompt.title.length).toBeLessThanOrEqual(32);
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt.message.length).toBeLessThanOrEqual(255);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
  });

  it.each(everyPreset)("%s (%s): dropdowns list the categories in the user's language; numbers ≥ 0; dates", (id, lang) => {
    const model = findPreset(id)!;
    const plan = buildTemplatePlan(model, { lang });
    const status = validationOf(plan, INFO_COLUMNS[lang][6]);
    expect(status.rule.kind).toBe("list");
    if (status.rule.kind === "list") expect(valuesAt(plan, status.rule.source)).toEqual(STATUS_VALUES[lang]);
    for (const fieldId of inputIds(model)) {
      const field = model.fields.find((f) => f.id === fieldId)!;
      const v = validationOf(plan, field.label[lang]);
      if (field.kind === "category") {
        const options = model.criteria.flatMap((c) =>
          c.kind === "categories" && c.field === fieldId ? c.categories : c.kind === "table" ? (c.rowField === fieldId ? c.rows : c.colField === fieldId ? c.cols : []) : [],
        );
        expect(v.rule).toEqual({ kind: "list", source: expect.any(String) });
        if (v.rule.kind === "list") {
          expect(parseRef(v.rule.source).sheet).toBe(plan.sheets[2].name);
          expect(valuesAt(plan, v.rule.source)).toEqual(options.map((k) => k.label[lang]));
        }
      } else {
        expect(v.rule).toMatchObject({ kind: "number", min: 0, whole: field.kind === "count" });
      }
    }
    const last = validationOf(plan, LAST_CONTACT[lang]);
    expect(last.rule.kind).toBe("date");
  });

  it("bounds 0–100 scores (weighted) and months to close (not a date typed by mistake)", () => {
    const weighted = buildTemplatePlan(findPreset("weighted")!, { lang: "en-US" });
    expect(validationOf(weighted, "Historical sales score").rule).toEqual({ kind: "number", whole: false, min: 0, max: 100 });
    const close = buildTemplatePlan(findPreset("close-time")!, { lang: "en-US" });
    const months = validationOf(close, "Months to close").rule;
    expect(months.kind === "number" && months.max !== undefined && months.max < dateSerial(new Date("2000-01-01T00:00:00Z"))).toBe(true);
  });

  it.each(everyPreset)("%s (%s): formulas in every row of the computed columns, portable, reading the rules sheet", (id, lang) => {
    const model = findPreset(id)!;
    const rows = 37;
    const plan = buildTemplatePlan(model, { lang, rows });
    const t = table(plan);
    expect(t.data.cells.length).toBe(rows);
    const computedFrom = t.header.indexOf(LAST_CONTACT[lang]) + 1;
    const computedTo = t.header.length - 2; // notes is last
    for (const row of t.data.cells) {
      for (let c = 0; c < t.header.length; c++) {
        const cell = row[c] ?? null;
        if (c >= computedFrom && c <= computedTo) {
          expect(isFormula(cell)).toBe(true);
          if (isFormula(cell)) expect(cell.formula).not.toMatch(FORBIDDEN);
        } else expect(cell).toBeNull(); // no examples asked for: inputs are empty
      }
    }
    // The rules sheet is read directly or through the plan's defined names, which all point at it.
    const rulesRef = `'${plan.sheets[2].name}'!`;
    const names = plan.names ?? [];
    for (const n of names) expect(n.ref.startsWith(rulesRef)).toBe(true);
    const readsRules = (f: string) => f.includes(rulesRef) || names.some((n) => new RegExp(`(^|[^\\p{L}\\p{N}_.])${n.name}($|[^\\p{L}\\p{N}_.])`, "u").test(f));
    const formulas = t.data.cells[0].filter(isFormula).map((c) => c.formula);
    expect(formulas.filter(readsRules).length).toBeGreaterThanOrEqual(model.criteria.length);
    // The plan holds one formula per computed column, not one per row.
    const columns = t.sheet.tables![0].columns;
    expect(columns.flatMap((c, i) => (c.kind === "formula" ? [i] : []))).toEqual(Array.from({ length: computedTo - computedFrom + 1 }, (_, i) => computedFrom + i));
  });

  it("colours rows by tier (every tier, with sub-levels) and highlights overdue follow-ups first", () => {
    const model = findPreset("real-estate")!;
    const plan = buildTemplatePlan(model, { lang: "en-US" });
    const rules = table(plan).sheet.rules as FormulaRule[];
    expect(rules[0]).toMatchObject({ priority: 1, formula: expect.stringContaining("TODAY()") });
    const tierRules = rules.slice(1);
    expect(tierRules.map((r) => r.fill)).toEqual(model.tiers.map((t) => t.color));
    expect(tierRules[0].formula).toMatch(/"A\+"/);
    expect(tierRules[0].formula).toMatch(/"A-"/);
  });
});

describe("buildTemplatePlan: follow-up cadence on the rules sheet", () => {
  /** Cadence per tier as the rules sheet shows it: the column under the follow-up header, on the tier rows. */
  function cadences(plan: WorkbookPlan, model: Model, lang: Lang): Record<string, unknown> {
    const rules = plan.sheets[2];
    const rows = rules.blocks[0].cells;
    const head = rows.findIndex((r) => r.some((c) => cellText(c) === WORDS.cadence[lang]));
    const col = rows[head].findIndex((c) => cellText(c) === WORDS.cadence[lang]);
    return Object.fromEntries(model.tiers.map((t, i) => [t.id, cellAt(rules, head + 1 + i, col)]));
  }

  it("close-time: A 1, B 7, C 15, D 30, E 365 days (客户追踪志)", () => {
    const model = findPreset("close-time")!;
    expect(cadences(buildTemplatePlan(model, { lang: "zh-CN" }), model, "zh-CN")).toEqual(CLOSE_TIME_CADENCE);
  });

  it.each(PRESETS.filter((m) => m.id !== "close-time").map((m) => m.id))("%s: a default for every tier, slower for worse tiers, said to be a suggestion", (id) => {
    const model = findPreset(id)!;
    for (const lang of LANGS) {
      const plan = buildTemplatePlan(model, { lang });
      const days = Object.values(cadences(plan, model, lang));
      expect(days.every((d) => typeof d === "number" && d > 0)).toBe(true);
      expect([...(days as number[])].sort((a, b) => a - b)).toEqual(days);
      expect((days as number[])[0]).toBeLessThan((days as number[])[days.length - 1]);
      const texts = plan.sheets[2].blocks[0].cells.map((r) => cellText(r[0] ?? null)).join("\n");
      expect(texts).toMatch(lang === "zh-CN" ? /跟进间隔.*建议/ : /follow-up intervals.*suggest/i);
    }
  });

  it("an edited model keeps its own cadence and is not called a suggestion", () => {
    const base = findPreset("sales-payment")!;
    const model: Model = { ...base, tiers: base.tiers.map((t, i) => ({ ...t, cadenceDays: [3, 10, 45][i] })), description: text("自定义。", "Custom.") };
    const plan = buildTemplatePlan(model, { lang: "en-US" });
    expect(cadences(plan, model, "en-US")).toEqual({ A: 3, B: 10, C: 45 });
    expect(plan.sheets[2].blocks[0].cells.map((r) => cellText(r[0] ?? null)).join("\n")).not.toMatch(/suggest/i);
  });
});

describe("buildTemplatePlan: example rows", () => {
  it.each(everyPreset)("%s (%s): marked rows whose inputs the engine puts in every tier", (id, lang) => {
    const model = findPreset(id)!;
    const plan = buildTemplatePlan(model, { lang, examples: true, today: TODAY });
    const t = table(plan);
    const cm = compileModel(model);
    const examples = t.data.cells.filter((row) => row[0] !== null);
    expect(examples.length).toBeGreaterThanOrEqual(Math.max(6, model.tiers.length));
    const tiers = new Set<string>();
    for (const row of examples) {
      const values = Object.fromEntries(inputIds(model).map((f) => [f, cellText(row[t.col(fieldLabel(model, f, lang))] ?? null)]));
      const numeric = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v]));
      const result = scoreRow(cm, numeric, TODAY);
      expect(result.tier).not.toBeNull();
      tiers.add(result.tier!);
      // Typed values only: dropdown labels or plain numbers ≥ 0.
      for (const v of Object.values(numeric)) expect(typeof v === "number" ? v >= 0 : v.length > 0).toBe(true);
      const last = row[t.col(LAST_CONTACT[lang])];
      expect(typeof last === "number" && last <= dateSerial(TODAY)).toBe(true);
      expect(cellText(row[t.header.length - 1] ?? null)).not.toBe("");
    }
    expect([...tiers].sort()).toEqual(model.tiers.map((x) => x.id).sort());
    // Blue italics over the example rows' inputs; the empty rows after them have no inputs.
    const marked = t.sheet.styles.filter((s) => s.italic && s.range.row === 3);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((s) => s.range.rows === examples.length && s.fontColor !== undefined)).toBe(true);
    expect(t.data.cells.slice(examples.length).every((row) => row[0] === null)).toBe(true);
  });

  it("Chinese examples have Chinese names, English ones English names", () => {
    const zh = table(buildTemplatePlan(findPreset("sales-payment")!, { lang: "zh-CN", examples: true })).column("客户名称");
    const en = table(buildTemplatePlan(findPreset("sales-payment")!, { lang: "en-US", examples: true })).column("Customer");
    expect(zh.filter(Boolean).every((c) => /[\u4e00-\u9fff]/.test(cellText(c)))).toBe(true);
    expect(en.filter(Boolean).every((c) => /^[A-Za-z]/.test(cellText(c)))).toBe(true);
  });
});
