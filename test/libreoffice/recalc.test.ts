/**
 * LibreOffice, an independent spreadsheet engine, opens the generated tier
 * workbooks, computes every formula, and must show the engine's score, tier
 * and rank on every row: for every preset (golden cases, both sides of every
 * boundary, converted text, missing and unreadable inputs), for the reading
 * corpus in test/fixtures, and after a user edits a threshold or a source cell.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { pickSheet, runJob } from "../../src/core/pipeline";
import type { Lang, Model } from "../../src/core/model";
import { findPreset } from "../../src/core/presets";
import { buildTierPlan } from "../../src/core/plan/build";
import { LIVE_RANK_MAX_ROWS } from "../../src/core/plan/tier-sheet";
import { WORDS } from "../../src/core/plan/words";
import type { ScoredTable, SheetGrid } from "../../src/core/sheet/types";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { openPackage } from "../../src/hosts/xlsx/package";
import { existingSheets, writeXlsx } from "../../src/hosts/xlsx/write";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { scorePreset, TODAY } from "../core/plan/helpers";
import { PRESET_SHEETS, presetGrid, SOURCE_SHEET } from "../core/plan/preset-rows";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { engineRanks, load, readTierSheet } from "./tiers";

/** tiering-models.md §3: follow-up cadence in days per tier. */
const CADENCE: Record<string, number> = { A: 1, B: 7, C: 15, D: 30, E: 365 };

interface Case {
  title: string;
  model: Model;
  lang: Lang;
  scored: ScoredTable;
  /** The workbook the plan was applied to, as xlsx bytes. */
  xlsx: Uint8Array;
  tierSheet: string;
  summarySheet: string;
}

async function caseFor(title: string, model: Model, scored: ScoredTable, source: ExcelJS.Workbook, lang: Lang, staticValues = false): Promise<Case> {
  const input = await xlsxBytes(source);
  const plan = buildTierPlan(scored, model, { lang, existing: existingSheets(openPackage(input)), today: TODAY, staticValues });
  const xlsx = await writeXlsx(plan, input);
  const [tiers, summary] = plan.sheets;
  return { title, model, lang, scored, xlsx, tierSheet: tiers.name, summarySheet: summary.name };
}

/** Every row's score, tier, rank (and next follow-up) as LibreOffice computed them equal the engine's. */
function expectEngineResults(c: Case, workbook: ExcelJS.Workbook): void {
  const w = (t: keyof typeof WORDS) => WORDS[t][c.lang];
  const view = readTierSheet(workbook, c.tierSheet, c.scored.rows.length);
  const ranks = engineRanks(c.model, c.scored);
  const got = view.rows.map((r) => ({ customer: r[w("customer")], score: r[w("score")] ?? "", tier: r[w("tier")], rank: r[w("rank")] }));
  const want = c.scored.rows.map((r, i) => ({
    customer: r.customer,
    score: c.model.combine === "sum" ? (r.result.score ?? "") : "",
    tier: r.result.grade ?? "",
    rank: ranks[i],
  }));
  if (c.model.combine !== "sum") got.forEach((g) => (g.score = ""));
  expect(got).toEqual(want);
  // The "why" column (a live formula on live sheets) says what the engine's explanation says, word for word.
  expect(view.rows.map((r) => r[w("why")])).toEqual(c.scored.rows.map((r) => r.explanation));

  if (c.model.followUpField) {
    const next = view.rows.map((r) => r[w("nextFollowUp")]);
    const expected = c.scored.rows.map((r) => {
      const last = r.values[c.model.followUpField!];
      if (!(last instanceof Date) || r.result.tier === null) return "";
      return new Date(last.getTime() + CADENCE[r.result.tier] * 86_400_000).toISOString().slice(0, 10);
    });
    expect(next).toEqual(expected);
  }

  // Summary: count per tier and the untiered count.
  const ws = workbook.getWorksheet(c.summarySheet)!;
  const counts: Record<string, unknown> = {};
  ws.eachRow((row) => {
    const id = shown(row.getCell(1));
    if (c.model.tiers.some((t) => t.id === id)) counts[id as string] = shown(row.getCell(3));
    if (id === WORDS.summaryNotTiered[c.lang]) counts.untiered = shown(row.getCell(3));
  });
  const expectedCounts: Record<string, unknown> = Object.fromEntries(c.scored.summary.map((s) => [s.tier, s.count]));
  expectedCounts.untiered = c.scored.unscored;
  expect(counts).toEqual(expectedCounts);
}

/** The reading corpus: each fixture with a model, scored as the CLI would. */
async function fixtureCases(): Promise<Case[]> {
  const dir = join(__dirname, "..", "fixtures");
  if (!existsSync(dir)) return [];
  const cases: Case[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".expected.json"))) {
    const expected = JSON.parse(readFileSync(join(dir, file), "utf8")) as { file: string; model: string; lang: Lang; map?: Record<string, string>; today?: string; missing?: string[] };
    const model = findPreset(expected.model);
    if (!model || expected.missing?.length) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, expected.file)));
    const grids = await readWorkbook(bytes, expected.file);
    const options = { model, lang: expected.lang, choices: expected.map, today: expected.today ? new Date(expected.today) : TODAY };
    const grid = pickSheet(grids, options) as SheetGrid;
    const { scored } = runJob(grid, options);
    const isXlsx = expected.file.endsWith(".xlsx");
    const source = isXlsx ? await loadXlsx(bytes) : workbookFromGrids(grids);
    cases.push(await caseFor(`fixture ${expected.file}`, model, scored, source, expected.lang));
  }
  return cases;
}

describeLibreOffice("LibreOffice computes the engine's results from the generated formulas", () => {
  const cases: Case[] = [];
  const results = new Map<string, ExcelJS.Workbook>();

  beforeAll(async () => {
    for (const sheet of PRESET_SHEETS) {
      for (const lang of ["zh-CN", "en-US"] as Lang[]) {
        const { model, grid, scored } = scorePreset(sheet, lang);
        cases.push(await caseFor(`${sheet.preset} (${lang})`, model, scored, workbookFromGrids([grid]), lang));
      }
      const { model, grid, scored } = scorePreset(sheet);
      cases.push(await caseFor(`${sheet.preset} (static values)`, model, scored, workbookFromGrids([grid]), "zh-CN", true));
    }
    cases.push(...(await fixtureCases()));
    // Blank rows between customers: the inputs read the source through the source-row column.
    const gapped = presetGrid(PRESET_SHEETS.find((s) => s.preset === "sales-payment")!);
    const withGaps: SheetGrid = { ...gapped, values: gapped.values.flatMap((row, i) => (i > 2 && i % 4 === 0 ? [[], row] : [row])) };
    const salesModel = findPreset("sales-payment")!;
    const { scored: gappedScored } = runJob(withGaps, { model: salesModel, lang: "zh-CN", today: TODAY });
    expect(gappedScored.rows.at(gappedScored.rows.length - 1).row).toBeGreaterThan(gappedScored.rows.at(0).row + gappedScored.rows.length - 1);
    cases.push(await caseFor("sales-payment (blank rows between customers)", salesModel, gappedScored, workbookFromGrids([withGaps]), "zh-CN"));
    const recalculated = await recalculate(...cases.map((c) => c.xlsx));
    console.log(`LibreOffice recalculated ${cases.length} tier workbooks in ${recalculated[0].ms} ms (one run)`);
    for (const [i, c] of cases.entries()) results.set(c.title, await load(recalculated[i].bytes));
  });

  it("covers every preset and the reading corpus", () => {
    const presets = new Set(cases.map((c) => c.model.id));
    expect([...presets].sort()).toEqual(PRESET_SHEETS.map((s) => s.preset).sort());
    expect(cases.filter((c) => c.title.startsWith("fixture")).length).toBeGreaterThan(0);
  });

  it.each(PRESET_SHEETS.flatMap((s) => [`${s.preset} (zh-CN)`, `${s.preset} (en-US)`, `${s.preset} (static values)`]))("%s", (title) => {
    const c = cases.find((x) => x.title === title)!;
    expectEngineResults(c, results.get(title)!);
  });

  it("sales-payment with blank rows between customers", () => {
    const c = cases.find((x) => x.title === "sales-payment (blank rows between customers)")!;
    expectEngineResults(c, results.get(c.title)!);
  });

  it("the reading corpus", () => {
    for (const c of cases.filter((x) => x.title.startsWith("fixture"))) {
      try {
        expectEngineResults(c, results.get(c.title)!);
      } catch (e) {
        throw new Error(`${c.title}: ${(e as Error).message}`);
      }
    }
  });

  it("keeps the source sheet unchanged and names that look like formulas as text", () => {
    const c = cases.find((x) => x.title === "sales-payment (zh-CN)")!;
    const workbook = results.get(c.title)!;
    const sheet = PRESET_SHEETS.find((s) => s.preset === "sales-payment")!;
    const source = workbook.getWorksheet(SOURCE_SHEET)!;
    presetGrid(sheet).values.forEach((row, r) =>
      row.forEach((v, col) => expect(shown(source.getCell(r + 1, col + 1))).toEqual(v === null || v === "" ? "" : v)),
    );
    const customers = readTierSheet(workbook, c.tierSheet, c.scored.rows.length).rows.map((r) => r[WORDS.customer["zh-CN"]]);
    for (const name of ['=HYPERLINK("http://x","y")', "+1", "-x", "@foo"]) expect(customers).toContain(name);
  });
});

describeLibreOffice("editing the generated workbook re-tiers it in LibreOffice", () => {
  const salesPayment = findPreset("sales-payment")!;
  const sheet = PRESET_SHEETS.find((s) => s.preset === "sales-payment")!;

  /** The engine's tiers for a model (maybe edited) over a grid (maybe edited). */
  const engineTiers = (model: Model, grid: SheetGrid) => runJob(grid, { model, lang: "zh-CN", today: TODAY }).scored.rows.map((r) => r.result.grade ?? "");
  /** The engine's explanations (explain.ts, the reference the live "why" formula follows). */
  const engineWhy = (model: Model, grid: SheetGrid) => runJob(grid, { model, lang: "zh-CN", today: TODAY }).scored.rows.map((r) => r.explanation);

  async function generate(): Promise<{ workbook: ExcelJS.Workbook; c: Case }> {
    const { scored, grid } = scorePreset(sheet);
    const c = await caseFor("edit", salesPayment, scored, workbookFromGrids([grid]), "zh-CN");
    return { workbook: await loadXlsx(c.xlsx), c };
  }

  /** Finds the rules sheet cell right of a label in column A or B (as a user would). */
  function cellRightOf(ws: ExcelJS.Worksheet, label: string, labelCol: number, offset: number): ExcelJS.Cell {
    let found: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      if (!found && shown(row.getCell(labelCol)) === label) found = row.getCell(labelCol + offset);
    });
    if (!found) throw new Error(`no "${label}" on ${ws.name}`);
    return found;
  }

  it("raising tier A's minimum score on the rules sheet moves customers to B", async () => {
    const { workbook, c } = await generate();
    const rules = workbook.getWorksheet(WORDS.rulesSheet["zh-CN"])!;
    const minA = cellRightOf(rules, "A", 2, 1);
    expect(minA.value).toBe(80); // tiering-models.md §1: A from 80
    minA.value = 95;
    const [recalculated] = await recalculate(await xlsxBytes(workbook));
    const view = readTierSheet(await load(recalculated.bytes), c.tierSheet, c.scored.rows.length);
    const edited: Model = { ...salesPayment, tiers: salesPayment.tiers.map((t) => (t.id === "A" ? { ...t, minScore: 95 } : t)) };
    const tiers = view.rows.map((r) => r[WORDS.tier["zh-CN"]]);
    expect(tiers).toEqual(engineTiers(edited, presetGrid(sheet)));
    expect(tiers).not.toEqual(engineTiers(salesPayment, presetGrid(sheet)));
    // The why follows the tier: word for word as the engine explains the edited model.
    expect(view.rows.map((r) => r[WORDS.why["zh-CN"]])).toEqual(engineWhy(edited, presetGrid(sheet)));
  });

  it("moving the 20,000 sales boundary to 25,000 changes the points as the engine says", async () => {
    const { workbook, c } = await generate();
    const rules = workbook.getWorksheet(WORDS.rulesSheet["zh-CN"])!;
    const top = cellRightOf(rules, "≥", 2, 1);
    expect(top.value).toBe(20000);
    top.value = 25000;
    // The band below ends where the top band starts: its upper bound is the next "<" cell.
    const below = cellRightOf(rules, "<", 4, 1);
    expect(below.value).toBe(20000);
    below.value = 25000;
    const [recalculated] = await recalculate(await xlsxBytes(workbook));
    const view = readTierSheet(await load(recalculated.bytes), c.tierSheet, c.scored.rows.length);
    const revenue = salesPayment.criteria[0];
    if (revenue.kind !== "bands") throw new Error("sales-payment revenue has bands");
    const edited: Model = {
      ...salesPayment,
      criteria: [
        { ...revenue, bands: revenue.bands.map((b, i) => (i === 0 ? { ...b, min: { value: 25000, inclusive: true } } : i === 1 ? { ...b, max: { value: 25000, inclusive: false } } : b)) },
        salesPayment.criteria[1],
      ],
    };
    const tiers = view.rows.map((r) => r[WORDS.tier["zh-CN"]]);
    expect(tiers).toEqual(engineTiers(edited, presetGrid(sheet)));
    expect(tiers).not.toEqual(engineTiers(salesPayment, presetGrid(sheet)));
    // The explanation changed with the tier: the new bound (`≥ 25,000`) and the new points, for every customer the engine moves.
    const why = view.rows.map((r) => String(r[WORDS.why["zh-CN"]]));
    expect(why).toEqual(engineWhy(edited, presetGrid(sheet)));
    const before = engineWhy(salesPayment, presetGrid(sheet));
    const was = engineTiers(salesPayment, presetGrid(sheet));
    const moved = tiers.flatMap((t, i) => (t !== was[i] ? [i] : []));
    expect(moved.length).toBeGreaterThan(0);
    for (const i of moved) expect(why[i]).not.toBe(before[i]);
    expect(why.some((x) => x.includes("≥ 25,000"))).toBe(true);
    expect(why.some((x) => x.includes("≥ 20,000"))).toBe(false);
  });

  it("editing a plain number in the source re-tiers that customer; a converted one stays as generated", async () => {
    const { workbook, c } = await generate();
    const source = workbook.getWorksheet(SOURCE_SHEET)!;
    // Row 3 = 华东贸易 (25000, 20 → A); row 15 = 文本1 ("2万", "３０天" → A).
    expect(source.getCell("A3").value).toBe("华东贸易");
    source.getCell("B3").value = 3000;
    expect(source.getCell("A15").value).toBe("文本1");
    source.getCell("B15").value = 3000;
    const [recalculated] = await recalculate(await xlsxBytes(workbook));
    const view = readTierSheet(await load(recalculated.bytes), c.tierSheet, c.scored.rows.length);
    const byCustomer = new Map(view.rows.map((r) => [r[WORDS.customer["zh-CN"]], r[WORDS.tier["zh-CN"]]]));
    expect(byCustomer.get("华东贸易")).toBe("B"); // 3,000 → 30 points + 30 → 60: B (§1)
    expect(byCustomer.get("文本1")).toBe("A"); // the converted 20,000 stays until the next run
  });
});

describeLibreOffice("a large tier workbook in LibreOffice", () => {
  it(`computes the engine's results on ${LIVE_RANK_MAX_ROWS.toLocaleString("en-US")} customers (the most that get a live rank)`, async () => {
    const model = findPreset("sales-payment")!;
    const values: SheetGrid["values"] = [["客户名称", "月均销售额", "回款天数"]];
    for (let i = 0; i < LIVE_RANK_MAX_ROWS; i++) {
      // Sales on both sides of 5,000 / 10,000 / 20,000, days of 30 / 45 / 60, some text and gaps.
      const revenue = i % 17 === 0 ? `${(i % 4) + 1}万` : i % 101 === 0 ? null : ((i * 7919) % 50) * 500 + (i % 3) * 0.01;
      values.push([`客户${i}`, revenue, i % 89 === 0 ? "abc" : (i * 31) % 75]);
    }
    const grid: SheetGrid = { name: SOURCE_SHEET, values };
    const { scored } = runJob(grid, { model, lang: "zh-CN", today: TODAY });
    const c = await caseFor("large", model, scored, workbookFromGrids([grid]), "zh-CN");
    const [recalculated] = await recalculate(c.xlsx);
    console.log(`LibreOffice recalculated the ${LIVE_RANK_MAX_ROWS}-customer tier workbook (${(c.xlsx.length / 1e6).toFixed(1)} MB) in ${recalculated.ms} ms`);
    expectEngineResults(c, await load(recalculated.bytes));
  });
});
