/**
 * Templates at work in LibreOffice, an independent spreadsheet engine: every
 * preset's template in both languages is filled in as a user types (values
 * into the input cells, formulas left alone), recalculated, and must show the
 * engine's — and tiering-models.md's — score, tier, next follow-up and overdue
 * flag on every row, keep empty rows blank, count the tiers on the summary,
 * and still refuse invalid entries after LibreOffice saved it. Example rows
 * must tier as the engine says and vanish from the counts when cleared. One
 * template is rendered to a picture (test-output/template.png; the README
 * shows a copy, docs/images/template.png).
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LANGS, type Lang, type Model } from "../../src/core/model";
import { PRESETS, findPreset } from "../../src/core/presets";
import { compileModel, scoreRow } from "../../src/core/score";
import { WORDS } from "../../src/core/plan/words";
import { buildTemplatePlan } from "../../src/core/template";
import { writeXlsx } from "../../src/hosts/xlsx/write";
import { CLOSE_TIME_CADENCE, GOLDEN, typed, type GoldenRow } from "../core/template/golden";
import { entriesFor, refuses, validationAt } from "../core/template/validation-check";
import { countColour, describeLibreOffice, rasterise, recalculate, renderPdf, shown } from "../support/libreoffice";
import { headerColumns, load } from "./tiers";

const ROWS = 40;
const HEADER_ROW = 3; // 1-based: title, legend, header
const FIRST = HEADER_ROW + 1;
/** Days since the last contact, row by row: on both sides of every cadence. */
const DAYS_AGO = [0, 1, 3, 6, 8, 14, 16, 29, 31, 89, 364, 366];
const STATUS = { "zh-CN": { header: "状态", values: ["活跃", "休眠", "流失", "新客户"] }, "en-US": { header: "Status", values: ["Active", "Dormant", "Churned", "New"] } } as const;
const LAST_CONTACT = { "zh-CN": "最近联系日期", "en-US": "Last contact" } as const;
const NAME_ONLY = { "zh-CN": "尚未填写的客户", "en-US": "Nothing typed yet" } as const;
const OUTPUT = join(__dirname, "..", "..", "test-output");
const DAY = 86_400_000;

/** Today as LibreOffice's TODAY() sees it: the local calendar day. */
function localToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const cases = PRESETS.flatMap((m) => LANGS.map((lang) => [m.id, lang] as const));

/** Columns of the customer sheet by header text (1-based). */
const columns = (ws: ExcelJS.Worksheet) => headerColumns(ws, HEADER_ROW);

/** The rules sheet's follow-up cells, per tier (best first), found under the follow-up header. */
function cadenceCells(rules: ExcelJS.Worksheet, model: Model, lang: Lang): ExcelJS.Cell[] {
  let found: ExcelJS.Cell[] | undefined;
  rules.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (found || shown(cell) !== WORDS.cadence[lang]) return;
      found = model.tiers.map((t, i) => {
        expect(shown(rules.getCell(r + 1 + i, 2))).toBe(t.id); // the tier's row
        return rules.getCell(r + 1 + i, c);
      });
    }),
  );
  if (!found) throw new Error("no follow-up column on the rules sheet");
  return found;
}

interface Filled {
  model: Model;
  lang: Lang;
  sheets: string[];
  golden: GoldenRow[];
  lastContact: Date[];
  /** Follow-up days per tier id the rules sheet holds after the user's edits. */
  cadence: Record<string, number>;
  bytes: Uint8Array;
  /** The file as the template wrote it, before anything was typed. */
  original: Uint8Array;
}

/**
 * A template filled in as a user would: the golden rows typed into the input
 * cells, one customer with a name only; for models whose cadence is our
 * suggestion, the user sets their own on the rules sheet.
 */
async function filled(model: Model, lang: Lang, today: Date): Promise<Filled> {
  const plan = buildTemplatePlan(model, { lang, rows: ROWS });
  const original = await writeXlsx(plan);
  const workbook = await load(original);
  const ws = workbook.getWorksheet(plan.sheets[0].name)!;
  const col = columns(ws);
  const golden = GOLDEN[model.id];
  const lastContact = golden.map((_, i) => new Date(today.getTime() - DAYS_AGO[i % DAYS_AGO.length] * DAY));
  golden.forEach((g, i) => {
    const row = ws.getRow(FIRST + i);
    row.getCell(1).value = `${lang === "zh-CN" ? "客户" : "Customer"} ${i + 1}`;
    row.getCell(col(STATUS[lang].header)).value = STATUS[lang].values[i % 4];
    for (const [field, value] of Object.entries(typed(model, g, lang))) row.getCell(col(model.fields.find((f) => f.id === field)!.label[lang])).value = value;
    row.getCell(col(LAST_CONTACT[lang])).value = lastContact[i];
  });
  ws.getCell(FIRST + golden.length, 1).value = NAME_ONLY[lang];

  const cells = cadenceCells(workbook.getWorksheet(plan.sheets[2].name)!, model, lang);
  const cadence: Record<string, number> = {};
  model.tiers.forEach((t, i) => {
    if (model.id === "close-time") cadence[t.id] = Number(shown(cells[i]));
    else cells[i].value = cadence[t.id] = 2 + 3 * i; // the user's own intervals
  });
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { model, lang, sheets: plan.sheets.map((s) => s.name), golden, lastContact, cadence, bytes, original };
}

describeLibreOffice("LibreOffice computes every template as a user fills it in", () => {
  const today = localToday();
  const files = new Map<string, Filled>();
  const computed = new Map<string, ExcelJS.Workbook>();

  beforeAll(async () => {
    for (const [id, lang] of cases) files.set(`${id} ${lang}`, await filled(findPreset(id)!, lang, today));
    const results = await recalculate(...[...files.values()].map((f) => f.bytes));
    const keys = [...files.keys()];
    for (const [i, r] of results.entries()) computed.set(keys[i], await load(r.bytes));
  });

  it.each(cases)("%s (%s): score, tier, next follow-up and overdue flag of every row, as the engine and the spec say", (id, lang) => {
    const f = files.get(`${id} ${lang}`)!;
    const ws = computed.get(`${id} ${lang}`)!.getWorksheet(f.sheets[0])!;
    const col = columns(ws);
    const cm = compileModel(f.model);
    const flag = WORDS.overdueFlag[lang];
    const isSum = f.model.combine === "sum";
    const read = (r: number) => ({
      score: isSum ? shown(ws.getCell(r, col(WORDS.score[lang]))) : "",
      tier: shown(ws.getCell(r, col(WORDS.tier[lang]))),
      next: shown(ws.getCell(r, col(WORDS.nextFollowUp[lang]))),
      overdue: shown(ws.getCell(r, col(WORDS.overdue[lang]))),
    });

    f.golden.forEach((g, i) => {
      const result = scoreRow(cm, typed(f.model, g, lang), today);
      // The engine agrees with tiering-models.md…
      expect({ row: i, grade: result.grade, score: g.score === undefined ? undefined : result.score }).toEqual({ row: i, grade: g.grade, score: g.score });
      // …and LibreOffice with both.
      const next = new Date(f.lastContact[i].getTime() + f.cadence[result.tier!] * DAY);
      expect({ row: i, ...read(FIRST + i) }).toEqual({
        row: i,
        score: isSum ? result.score : "",
        tier: g.grade,
        next: iso(next),
        overdue: next < today ? flag : "",
      });
    });
    // A customer with nothing typed but the name, and the empty rows, stay blank: every computed cell.
    const formulaColumns = [...Array(ws.columnCount).keys()].map((c) => c + 1).filter((c) => c > col(LAST_CONTACT[lang]));
    for (let r = FIRST + f.golden.length; r < FIRST + ROWS; r++) {
      expect({ r, shown: formulaColumns.map((c) => shown(ws.getCell(r, c))).join("") }).toEqual({ r, shown: "" });
    }
    // Close-time follows up as the seed says (客户追踪志).
    if (id === "close-time") expect(f.cadence).toEqual(CLOSE_TIME_CADENCE);
  });

  it.each(cases)("%s (%s): the summary counts the tiers, the overdue follow-ups and the customers not tiered yet", (id, lang) => {
    const f = files.get(`${id} ${lang}`)!;
    const ws = computed.get(`${id} ${lang}`)!.getWorksheet(f.sheets[1])!;
    const cm = compileModel(f.model);
    const want: Record<string, unknown> = {};
    const overdue: Record<string, number> = {};
    for (const t of f.model.tiers) [want[t.id], overdue[t.id]] = [0, 0];
    f.golden.forEach((g, i) => {
      const tier = scoreRow(cm, typed(f.model, g, lang), today).tier!;
      want[tier] = (want[tier] as number) + 1;
      if (f.lastContact[i].getTime() + f.cadence[tier] * DAY < today.getTime()) overdue[tier]++;
    });
    want.entered = f.golden.length + 1;
    want.notTiered = 1;
    const got: Record<string, unknown> = {};
    const gotOverdue: Record<string, unknown> = {};
    const overdueCol = [...Array(10).keys()].find((c) => shown(ws.getCell(3, c + 1)) === "逾期客户" || shown(ws.getCell(3, c + 1)) === "Overdue")! + 1;
    ws.eachRow((row) => {
      const label = shown(row.getCell(1));
      if (f.model.tiers.some((t) => t.id === label)) {
        got[label as string] = shown(row.getCell(3));
        gotOverdue[label as string] = shown(row.getCell(overdueCol));
      }
      if (label === (lang === "zh-CN" ? "已录入客户" : "Customers entered")) got.entered = shown(row.getCell(3));
      if (label === WORDS.summaryNotTiered[lang]) got.notTiered = shown(row.getCell(3));
    });
    expect(got).toEqual(want);
    expect(gotOverdue).toEqual(overdue);
  });

  it.each(cases)("%s (%s): after LibreOffice saved the file, its validations still refuse invalid entries", (id, lang) => {
    const f = files.get(`${id} ${lang}`)!;
    const workbook = computed.get(`${id} ${lang}`)!;
    const ws = workbook.getWorksheet(f.sheets[0])!;
    const col = columns(ws);
    for (const e of entriesFor(f.model, lang, STATUS[lang].header, [...STATUS[lang].values], LAST_CONTACT[lang])) {
      const v = validationAt(ws, ws.getCell(FIRST + ROWS - 1, col(e.header)).address);
      expect({ header: e.header, validated: v !== undefined }).toEqual({ header: e.header, validated: true });
      for (const entry of e.invalid) expect({ header: e.header, entry, refused: refuses(v!, entry, workbook) }).toEqual({ header: e.header, entry, refused: true });
      for (const entry of e.valid) expect({ header: e.header, entry, refused: refuses(v!, entry, workbook) }).toEqual({ header: e.header, entry, refused: false });
    }
  });
});

describeLibreOffice("LibreOffice computes the example rows as the engine does", () => {
  const today = localToday();
  const books = new Map<string, { model: Model; sheets: string[]; examples: ExcelJS.Workbook; cleared: ExcelJS.Workbook }>();

  beforeAll(async () => {
    const inputs: Uint8Array[] = [];
    const meta: { key: string; model: Model; sheets: string[] }[] = [];
    for (const [id, lang] of cases) {
      const model = findPreset(id)!;
      const plan = buildTemplatePlan(model, { lang, examples: true, rows: 30, today });
      const bytes = await writeXlsx(plan);
      // The same file after the user cleared the example rows' input cells (the formulas stay).
      const workbook = await load(bytes);
      const ws = workbook.getWorksheet(plan.sheets[0].name)!;
      ws.eachRow((row, r) => {
        if (r < FIRST) return;
        row.eachCell((cell) => {
          if (!(typeof cell.value === "object" && cell.value !== null && ("formula" in cell.value || "sharedFormula" in cell.value))) cell.value = null;
        });
      });
      inputs.push(bytes, new Uint8Array(await workbook.xlsx.writeBuffer()));
      meta.push({ key: `${id} ${lang}`, model, sheets: plan.sheets.map((s) => s.name) });
    }
    const results = await recalculate(...inputs);
    for (const [i, m] of meta.entries()) books.set(m.key, { ...m, examples: await load(results[2 * i].bytes), cleared: await load(results[2 * i + 1].bytes) });
  });

  it.each(cases)("%s (%s): every example row tiers as the engine says, and together they show every tier", (id, lang) => {
    const { model, sheets, examples } = books.get(`${id} ${lang}`)!;
    const ws = examples.getWorksheet(sheets[0])!;
    const col = columns(ws);
    const cm = compileModel(model);
    const inputs = model.fields.filter((f) => model.criteria.some((c) => (c.kind === "table" ? [c.rowField, c.colField] : [c.field]).includes(f.id)));
    const seen = new Set<string>();
    let rows = 0;
    for (let r = FIRST; shown(ws.getCell(r, 1)) !== ""; r++, rows++) {
      const values = Object.fromEntries(inputs.map((f) => [f.id, shown(ws.getCell(r, col(f.label[lang])))]));
      const result = scoreRow(cm, values, today);
      expect({ r, tier: shown(ws.getCell(r, col(WORDS.tier[lang]))) }).toEqual({ r, tier: result.grade });
      seen.add(result.tier!);
    }
    expect(rows).toBeGreaterThanOrEqual(model.tiers.length);
    expect([...seen].sort()).toEqual(model.tiers.map((t) => t.id).sort());
  });

  it.each(cases)("%s (%s): clearing the example rows leaves an empty, blank template", (id, lang) => {
    const { model, sheets, cleared } = books.get(`${id} ${lang}`)!;
    const ws = cleared.getWorksheet(sheets[0])!;
    const tierCol = columns(ws)(WORDS.tier[lang]);
    for (let r = FIRST; r < FIRST + 30; r++) expect({ r, tier: shown(ws.getCell(r, tierCol)) }).toEqual({ r, tier: "" });
    const summary = cleared.getWorksheet(sheets[1])!;
    const counts: unknown[] = [];
    summary.eachRow((row) => {
      if (model.tiers.some((t) => t.id === shown(row.getCell(1)))) counts.push(shown(row.getCell(3)));
    });
    expect(counts).toEqual(model.tiers.map(() => 0));
  });
});

describeLibreOffice(
  "LibreOffice renders a template with example rows",
  () => {
    it("shows the tier colours and the overdue highlight on the customer sheet", async () => {
      const model = findPreset("close-time")!;
      const plan = buildTemplatePlan(model, { lang: "zh-CN", examples: true, rows: 10 });
      const pdf = await renderPdf(await writeXlsx(plan));
      const { pixmap, png } = rasterise(pdf.bytes, 1, 110);
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(join(OUTPUT, "template.png"), png);
      for (const tier of model.tiers) expect({ tier: tier.id, shown: countColour(pixmap, tier.color) > 200 }).toEqual({ tier: tier.id, shown: true });
      expect(countColour(pixmap, "#FFC7CE")).toBeGreaterThan(200); // overdue: red fill (tier E's grey is not red)
    });
  },
  { needsPdftoppm: true },
);
