/**
 * The plan for a scored sheet: sheets and markers, the tier sheet's columns,
 * cells, formulas and rules, the rules sheet and the summary. What LibreOffice
 * computes from it is checked in test/libreoffice/.
 */
import { cellBlocks, columnCells } from "../../../src/core/plan/columns";
import { runJob } from "../../../src/core/pipeline";
import type { Band, Model } from "../../../src/core/model";
import { findPreset } from "../../../src/core/presets";
import { cellText } from "../../../src/core/plan/cells";
import { buildTierPlan } from "../../../src/core/plan/build";
import { markerName } from "../../../src/core/plan/naming";
import { LIVE_RANK_MAX_ROWS, LIVE_WHY_MAX_ROWS } from "../../../src/core/plan/tier-sheet";
import type { Cell, FormulaRule, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import { WORDS } from "../../../src/core/plan/words";
import { Grid } from "../../../src/core/plan/grid";
import { issuesBlock } from "../../../src/core/plan/issues-block";
import { presetSheet, scorePreset, TODAY } from "./helpers";
import { DANGEROUS_NAMES, PRESET_SHEETS, SOURCE_SHEET } from "./preset-rows";

const isFormula = (c: Cell): c is { kind: "formula"; formula: string } => typeof c === "object" && c !== null && c.kind === "formula";
const sheetOf = (plan: WorkbookPlan, role: SheetPlan["role"]) => plan.sheets.find((s) => s.role === role)!;

/** The tier sheet as a table: header texts and the customers' cells by header. */
function tierTable(plan: WorkbookPlan) {
  const sheet = sheetOf(plan, "tiers");
  const header = sheet.blocks[0].cells[2].map(cellText);
  const data = cellBlocks(sheet)[1].cells;
  const column = (h: string) => {
    const i = header.indexOf(h);
    if (i < 0) throw new Error(`no column "${h}" in ${header.join(", ")}`);
    return data.map((row) => row[i]);
  };
  return { sheet, header, data, column };
}

/** Every cell of a sheet's blocks, flattened. */
const allCells = (sheet: SheetPlan) => cellBlocks(sheet).flatMap((b) => b.cells.flat());

describe("buildTierPlan: sheets", () => {
  it("makes a tier sheet, a summary and a rules sheet, named in the user's language and marked", () => {
    for (const [lang, names] of [
      ["zh-CN", ["客户分级", "分级汇总", "分级规则"]],
      ["en-US", ["Customer tiers", "Tier summary", "Tier rules"]],
    ] as const) {
      const { scored, model } = scorePreset(presetSheet("sales-payment"), lang);
      const plan = buildTierPlan(scored, model, { lang });
      expect(plan.sheets.map((s) => [s.name, s.role, s.marker.name, s.action.kind])).toEqual([
        [names[0], "tiers", markerName("tiers"), "create"],
        [names[1], "summary", markerName("summary"), "create"],
        [names[2], "rules", markerName("rules"), "create"],
      ]);
      expect(plan.activate).toBe(names[0]);
    }
  });

  it("goes around a user's sheet of the same name, and every formula follows the chosen name", () => {
    const { scored, model } = scorePreset(presetSheet("sales-payment"));
    const plan = buildTierPlan(scored, model, { existing: [{ name: SOURCE_SHEET }, { name: "客户分级" }, { name: "分级规则" }] });
    expect(plan.sheets.map((s) => s.name)).toEqual(["客户分级 (2)", "分级汇总", "分级规则 (2)"]);
    const tierFormulas = allCells(sheetOf(plan, "tiers")).filter(isFormula).map((c) => c.formula);
    // The formulas read the rules sheet through defined names, and the names point at the chosen sheet.
    const names = plan.names ?? [];
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.ref.startsWith("'分级规则 (2)'!")).toBe(true);
    expect(tierFormulas.some((f) => names.some((n) => f.includes(n.name)))).toBe(true);
    expect(tierFormulas.some((f) => /'分级规则'!/.test(f))).toBe(false);
    const summaryFormulas = allCells(sheetOf(plan, "summary")).filter(isFormula).map((c) => c.formula);
    expect(summaryFormulas.some((f) => f.includes("'客户分级 (2)'!"))).toBe(true);
  });

  it("replaces the sheets it made before, found by their markers", () => {
    const { scored, model } = scorePreset(presetSheet("sales-payment"));
    const plan = buildTierPlan(scored, model, {
      existing: [{ name: SOURCE_SHEET }, { name: "二月分级", marker: markerName("tiers") }, { name: "客户分级" }],
    });
    expect(sheetOf(plan, "tiers")).toMatchObject({ name: "二月分级", action: { kind: "replace", existing: "二月分级" } });
  });
});

describe("buildTierPlan: the tier sheet", () => {
  const { scored, model } = scorePreset(presetSheet("sales-payment"));
  const plan = buildTierPlan(scored, model, { today: TODAY });
  const table = tierTable(plan);
  const w = (k: keyof typeof WORDS) => WORDS[k]["zh-CN"];

  it("has key columns, inputs, points per criterion, score, tier, rank and why, in that order", () => {
    expect(table.header).toEqual([
      w("customer"),
      w("sourceRow"),
      "月均销售额",
      "回款天数",
      `${model.criteria[0].label["zh-CN"]}${w("bandNo")}`,
      `${model.criteria[1].label["zh-CN"]}${w("bandNo")}`,
      `${model.criteria[0].label["zh-CN"]} ${w("pointsSuffix")}`,
      `${model.criteria[1].label["zh-CN"]} ${w("pointsSuffix")}`,
      w("score"),
      w("tier"),
      w("rank"),
      w("why"),
    ]);
    expect(table.data).toHaveLength(scored.rows.length);
    expect(table.column(w("sourceRow"))).toEqual(scored.rows.map((r) => r.row));
  });

  it("keeps names that look like formulas or numbers as explicit text", () => {
    const customers = table.column(w("customer"));
    for (const name of DANGEROUS_NAMES) expect(customers).toContainEqual({ kind: "text", text: name });
    expect(customers).toContain("华东贸易");
  });

  it("links plain numbers to the source cell, and marks converted text as a blue value", () => {
    const revenue = table.column("月均销售额");
    const days = table.column("回款天数");
    const at = (customer: string) => scored.rows.findIndex((r) => r.customer === customer);
    // 华东贸易 is on sheet row 3: columns B and C of the source.
    expect(revenue[at("华东贸易")]).toEqual({ kind: "formula", formula: `IF('${SOURCE_SHEET}'!B3="","",'${SOURCE_SHEET}'!B3)` });
    expect(days[at("华东贸易")]).toEqual({ kind: "formula", formula: `IF('${SOURCE_SHEET}'!C3="","",'${SOURCE_SHEET}'!C3)` });
    // "2万" and "３０天" were read by the engine: their numbers, in a blue number format.
    expect(revenue[at("文本1")]).toMatchObject({ kind: "formatted", value: 20000, numberFormat: expect.stringMatching(/^\[Blue\]/) });
    expect(days[at("文本1")]).toMatchObject({ kind: "formatted", value: 30, numberFormat: expect.stringMatching(/^\[Blue\]/) });
    // What the engine could not read stays as text, so that the formulas cannot use it either.
    expect(days[at("坏回款")]).toEqual({ kind: "text", text: "abc" });
    expect(days[at("缺回款")]).toBeNull();
  });

  it("marks every input that does not follow the source: a CSV's number text is a blue value, never a plain one (issue 13)", () => {
    // As a CSV arrives: every cell is text, "12000" included.
    const sheet = presetSheet("sales-payment");
    const csv = { ...sheet, rows: sheet.rows.map((r) => r.map((v) => (typeof v === "number" ? String(v) : v))) };
    const csvScored = scorePreset(csv);
    const csvPlan = buildTierPlan(csvScored.scored, csvScored.model, { lang: "zh-CN" });
    const csvTable = tierTable(csvPlan);
    let values = 0;
    for (const h of ["月均销售额", "回款天数"]) {
      for (const cell of csvTable.column(h)) {
        if (cell === null || isFormula(cell)) continue;
        // A number on the sheet that is not a link must say so; unreadable text stays text (it is an issue already).
        if (typeof cell === "number") throw new Error(`${h}: the plain number ${cell} looks live but is a copy`);
        if (typeof cell === "object" && cell.kind === "formatted") {
          expect(cell.numberFormat).toMatch(/^\[Blue\]/);
          values++;
        } else expect(cell).toMatchObject({ kind: "text" });
      }
    }
    // Every scored customer's two inputs are values here (the CSV's text cannot be linked as a number).
    expect(values).toBeGreaterThanOrEqual(csvScored.scored.rows.filter((r) => r.values.revenue !== null && r.values.paydays !== null).length * 2);
    // The legend says what the colours mean.
    expect(cellText(csvTable.sheet.blocks[0].cells[1][0])).toMatch(/蓝色数值是生成时写入的.*不随源表更新/);
  });

  it("computes points, score, tier and rank with portable formulas that read the rules sheet", () => {
    const computed = [`${model.criteria[0].label["zh-CN"]} ${w("pointsSuffix")}`, w("score"), w("tier"), w("rank")];
    for (const h of computed) {
      for (const cell of table.column(h)) {
        expect(isFormula(cell)).toBe(true);
        expect((cell as { formula: string }).formula).not.toMatch(/\b(LAMBDA|LET|XLOOKUP|IFS|FILTER|SORT|UNIQUE|SEQUENCE|CUSTTIER\.\w+)\(/);
      }
    }
    expect((table.column(w("score"))[0] as { formula: string }).formula).toMatch(/^IF\(COUNT\(/);
    const points = table.column(computed[0]).map((c) => (c as { formula: string }).formula);
    // Light and readable: the band row from the helper column, INDEX into named rules-sheet columns.
    const band = String.fromCharCode(65 + table.header.indexOf(`${model.criteria[0].label["zh-CN"]}${w("bandNo")}`));
    expect(points[0]).toContain(`INDEX(月均销售额分值,${band}4)`);
    expect((table.column(`${model.criteria[0].label["zh-CN"]}${w("bandNo")}`)[0] as { formula: string }).formula).toBe(`IF(ISNUMBER(C4),MATCH(C4,月均销售额分界,1),"")`);
    const names = new Map(plan.names!.map((n) => [n.name, n.ref]));
    expect(names.get("月均销售额分界")).toMatch(new RegExp(`^'${w("rulesSheet")}'!\\$H\\$\\d+:\\$H\\$\\d+$`));
    // One template stamped per row: the formulas differ only by their row number.
    expect(points[1]).toBe(points[0].replace(/([A-Z])4\b/g, "$15"));
  });

  it("describes the table per column: computed columns as one formula each, inputs as links with exceptions", () => {
    const t = table.sheet.tables![0];
    expect(t.rows).toBe(scored.rows.length);
    const kinds = Object.fromEntries(t.columns.map((c, i) => [table.header[i], c.kind]));
    for (const h of [w("score"), w("tier"), w("rank"), `${model.criteria[0].label["zh-CN"]} ${w("pointsSuffix")}`]) expect(kinds[h]).toBe("formula");
    expect(kinds[w("customer")]).toBe("data");
    // Inputs link to the source; the cells the engine read from text (2万) are exceptions, in blue.
    const sales = t.columns[table.header.indexOf("月均销售额")];
    expect(sales.kind).toBe("formula");
    if (sales.kind !== "formula") return;
    expect(sales.formula).toMatch(/^IF\('客户表'!B\d+="",/);
    expect(sales.exceptions!.length).toBeGreaterThan(0);
    expect(sales.exceptions!.length).toBeLessThan(t.rows / 2);
    for (const e of sales.exceptions!) expect(isFormula(e.cell)).toBe(false);
  });

  it("colours rows with one formula rule per tier over the whole table, in the model's colours", () => {
    const rules = table.sheet.rules as FormulaRule[];
    expect(rules).toHaveLength(model.tiers.length);
    const tierLetter = String.fromCharCode(65 + table.header.indexOf(w("tier")));
    model.tiers.forEach((tier, i) => {
      expect(rules[i]).toMatchObject({
        kind: "formula",
        range: { row: 3, col: 0, rows: scored.rows.length, cols: table.header.length },
        formula: `$${tierLetter}4="${tier.id}"`,
        fill: tier.color,
        fontColor: tier.textColor,
      });
    });
    expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
  });

  it("freezes the header and the customer column, and filters the table", () => {
    expect(table.sheet.freeze).toEqual({ rows: 3, cols: 1 });
    expect(table.sheet.autoFilter).toEqual({ row: 2, col: 0, rows: scored.rows.length + 1, cols: table.header.length });
  });

  it("formats money with thousands separators and days with their unit", () => {
    const format = (h: string) => table.sheet.columns.find((c) => c.col === table.header.indexOf(h))?.numberFormat;
    expect(format("月均销售额")).toMatch(/^#,##0/);
    expect(format("回款天数")).toMatch(/"天"$/);
    const en = scorePreset(presetSheet("sales-payment"), "en-US");
    const enTable = tierTable(buildTierPlan(en.scored, en.model, { lang: "en-US" }));
    expect(enTable.sheet.columns.find((c) => c.col === enTable.header.indexOf("Payment days"))?.numberFormat).toMatch(/"days"$/);
  });
});

describe("buildTierPlan: static values", () => {
  it.each(PRESET_SHEETS.map((s) => s.preset))("%s: the engine's values and no formulas", (preset) => {
    const { scored, model } = scorePreset(presetSheet(preset));
    const plan = buildTierPlan(scored, model, { staticValues: true, today: TODAY });
    const table = tierTable(plan);
    expect(table.data.flat().some(isFormula)).toBe(false);
    const tiers = table.column(WORDS.tier["zh-CN"]).map((c) => (c === null ? null : cellText(c)));
    expect(tiers).toEqual(scored.rows.map((r) => r.result.grade));
    if (model.combine === "sum") expect(table.column(WORDS.score["zh-CN"])).toEqual(scored.rows.map((r) => r.result.score));
    // Rank: 1 + customers strictly ahead (by score, or by tier for level models).
    const ahead = (i: number) => {
      const key = (j: number) => {
        const r = scored.rows.at(j).result;
        return r.tier === null ? null : model.combine === "sum" ? -r.score! : model.tiers.findIndex((t) => t.id === r.tier);
      };
      const k = key(i);
      return k === null ? null : 1 + scored.rows.filter((_, j) => key(j) !== null && key(j)! < k).length;
    };
    expect(table.column(WORDS.rank["zh-CN"])).toEqual(scored.rows.map((_, i) => ahead(i)));
  });
});

describe("buildTierPlan: models", () => {
  it("compares each band bound exactly as the model says (>= vs >, <= vs <)", () => {
    const base = findPreset("sales-payment")!;
    const withBound = (inclusive: boolean): Model => {
      const revenue = base.criteria[0];
      if (revenue.kind !== "bands") throw new Error("bands expected");
      // Move 20,000 itself between the top band and the one below (the bands must stay contiguous).
      const bands: Band[] = revenue.bands.map((b, i) =>
        i === 0 ? { ...b, min: { value: 20000, inclusive } } : i === 1 ? { ...b, max: { value: 20000, inclusive: !inclusive } } : b,
      );
      return { ...base, criteria: [{ ...revenue, bands }, base.criteria[1]] };
    };
    /** The rules sheet's lookup: bound → [outcome at it, outcome above it], as the cells show them (formulas to the band table). */
    const lookupAt = (model: Model, bound: number) => {
      const { scored } = runJob({ name: "S", values: [["客户名称", "月均销售额", "回款天数"], ["x", 1, 1]] }, { model, lang: "zh-CN" });
      const plan = buildTierPlan(scored, model, {});
      const rules = sheetOf(plan, "rules").blocks[0];
      const cellAt = (ref: string) => {
        const m = /\$([A-Z])\$(\d+)$/.exec(ref)!;
        return rules.cells[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
      };
      const points = (cell: Cell) => (isFormula(cell) ? cellAt(cell.formula) : cell);
      const row = rules.cells.findIndex((r) => isFormula(r[7]) && cellAt(r[7].formula) === bound);
      return [points(rules.cells[row][8]), points(rules.cells[row][9])];
    };
    // tiering-models.md §1: ≥20,000 → 70, 10,000–20,000 → 50.
    expect(lookupAt(withBound(true), 20000)).toEqual([70, 70]);
    expect(lookupAt(withBound(false), 20000)).toEqual([50, 70]);
  });


  it("level models get a tier number, and real-estate grades carry their sub-level", () => {
    const { scored, model } = scorePreset(presetSheet("real-estate"));
    const table = tierTable(buildTierPlan(scored, model, { staticValues: true }));
    expect(table.header).toContain(WORDS.tierNo["zh-CN"]);
    expect(table.header).not.toContain(WORDS.score["zh-CN"]);
    expect(table.column(WORDS.tier["zh-CN"]).slice(0, 3)).toEqual(["A+", "A", "A-"]); // §8: contract, agreement, wavering
    const live = tierTable(buildTierPlan(scored, model, {}));
    const rules = live.sheet.rules as FormulaRule[];
    expect(rules[0].formula).toMatch(/^OR\(\$\w+4="A",\$\w+4="A\+",\$\w+4="A-"\)$/);
  });

  it("close-time adds the next follow-up and an overdue flag with its highlight", () => {
    const { scored, model } = scorePreset(presetSheet("close-time"));
    const plan = buildTierPlan(scored, model, {});
    const table = tierTable(plan);
    expect(table.header.slice(-3)).toEqual([WORDS.nextFollowUp["zh-CN"], WORDS.overdue["zh-CN"], WORDS.why["zh-CN"]]);
    const next = table.column(WORDS.nextFollowUp["zh-CN"]) as { formula: string }[];
    // The cadence column of the rules sheet, by name.
    const cadence = /INDEX\(([^,()]+),/.exec(next[0].formula)![1];
    expect(plan.names!.find((n) => n.name === cadence)!.ref).toMatch(/^'分级规则'!\$E\$\d+:\$E\$\d+$/);
    const overdue = table.sheet.rules[0] as FormulaRule;
    expect(overdue.formula).toContain("TODAY()");
    expect(overdue.range.cols).toBe(2);
    // Without a follow-up field there are no such columns.
    const other = scorePreset(presetSheet("potential-4"));
    expect(tierTable(buildTierPlan(other.scored, other.model, {})).header).not.toContain(WORDS.nextFollowUp["zh-CN"]);
  });

  it("ranks live up to LIVE_RANK_MAX_ROWS rows and as generated above (RANK is quadratic in every engine)", () => {
    const model = findPreset("sales-payment")!;
    const rankOf = (n: number) => {
      const values = [["客户名称", "月均销售额", "回款天数"], ...Array.from({ length: n }, (_, i) => [`c${i}`, (i * 7919) % 40000, (i * 31) % 120])];
      const { scored } = runJob({ name: "S", values }, { model, lang: "zh-CN" });
      const plan = buildTierPlan(scored, model, {});
      return { rank: tierTable(plan).column(WORDS.rank["zh-CN"]), legend: cellText(sheetOf(plan, "tiers").blocks[0].cells[1][0]) };
    };
    const small = rankOf(LIVE_RANK_MAX_ROWS);
    expect(small.rank.every(isFormula)).toBe(true);
    const large = rankOf(LIVE_RANK_MAX_ROWS + 1);
    expect(large.rank.every((c) => typeof c === "number")).toBe(true);
    expect(large.legend).toContain(WORDS.legendStaticRank["zh-CN"]);
  });

  it("writes the why as a formula up to LIVE_WHY_MAX_ROWS rows and as the engine's text above, and the legend says which", () => {
    const model = findPreset("sales-payment")!;
    const whyOf = (n: number) => {
      const values = [["客户名称", "月均销售额", "回款天数"], ...Array.from({ length: n }, (_, i) => [`c${i}`, (i * 7919) % 40000, (i * 31) % 120])];
      const { scored } = runJob({ name: "S", values }, { model, lang: "zh-CN" });
      const plan = buildTierPlan(scored, model, {});
      const why = sheetOf(plan, "tiers").tables![0].columns.find((c) => c.role === "why")!;
      return { why, scored, legend: cellText(sheetOf(plan, "tiers").blocks[0].cells[1][0]) };
    };
    const small = whyOf(LIVE_WHY_MAX_ROWS);
    expect(small.why.kind).toBe("formula");
    expect(small.legend).toContain(WORDS.legendLiveWhy["zh-CN"]);
    const large = whyOf(LIVE_WHY_MAX_ROWS + 1);
    expect(large.why.kind).toBe("data");
    expect(large.legend).toContain(WORDS.legendStaticWhy["zh-CN"]);
    const first = columnCells(large.why, 0, 1)[0];
    expect(typeof first === "object" && first !== null && "text" in first ? first.text : first).toBe(large.scored.rows.at(0).explanation);
  });

  it("builds a valid plan for an empty table", () => {
    const model = findPreset("sales-payment")!;
    const { scored } = runJob({ name: "S", values: [["客户名称", "月均销售额", "回款天数"]] }, { model, lang: "zh-CN" });
    const plan = buildTierPlan(scored, model, {});
    const tiers = sheetOf(plan, "tiers");
    expect(tiers.tables![0].rows).toBe(0);
    expect(cellBlocks(tiers)[1].cells).toEqual([]);
    for (const rule of tiers.rules) expect(rule.range.rows).toBeGreaterThanOrEqual(1);
  });
});

describe("buildTierPlan: rules sheet and summary", () => {
  const { scored, model } = scorePreset(presetSheet("sales-payment"));
  const plan = buildTierPlan(scored, model, {});

  it("states the model's numbers on the rules sheet (tiering-models.md §1)", () => {
    const numbers = allCells(sheetOf(plan, "rules")).filter((c): c is number => typeof c === "number");
    for (const n of [20000, 10000, 5000, 70, 50, 40, 30, 45, 60, 20, 10, 0, 80]) expect(numbers).toContain(n);
    const words = allCells(sheetOf(plan, "rules")).map(cellText).join("\n");
    expect(words).toContain(model.description["zh-CN"].slice(0, 10));
  });

  it("summarises count, share and value per tier with data bars", () => {
    const summary = sheetOf(plan, "summary");
    const ids = summary.blocks[0].cells.slice(3, 3 + model.tiers.length).map((r) => r[0]);
    expect(ids).toEqual(model.tiers.map((t) => t.id));
    expect(summary.rules.filter((r) => r.kind === "dataBar")).toHaveLength(2);
    expect(summary.chart).toMatchObject({ type: "columnClustered", categories: { rows: model.tiers.length }, values: { rows: model.tiers.length } });
  });

  /** A sheet's cells by position (blocks and tables), as texts. */
  const sheetRows = (sheet: SheetPlan) => {
    const rows: string[][] = [];
    for (const b of cellBlocks(sheet))
      b.cells.forEach((cells, r) => cells.forEach((c, i) => ((rows[b.at.row + r] ??= [])[b.at.col + i] = cellText(c))));
    return Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? ""));
  };
  /** The summary's lines from the issues' title down. */
  const issueLines = (p: WorkbookPlan, lang: "zh-CN" | "en-US") => {
    const rows = sheetRows(sheetOf(p, "summary"));
    const title = lang === "zh-CN" ? "问题清单" : "Issues:";
    return rows.slice(rows.findIndex((r) => (r[0] ?? "").startsWith(title)));
  };

  it("lists every issue, errors and warnings, with row, customer, column and value, grouped by kind with counts", () => {
    // preset-rows: 负数 (row 18, sales -100) is a warning and still tiered; 缺回款, 坏回款, 负回款, 缺销售 are errors.
    const lines = issueLines(plan, "zh-CN");
    expect(lines[0][0]).toBe("问题清单：错误 4 个，提醒 1 个");
    // One line per kind with its count, errors first; the two unreadable payment days share one.
    const kinds = lines.slice(1, 5).map((cells) => [cells[0], cells[4]]);
    expect(kinds).toContainEqual(["错误（不分级） · 回款天数：无法读取或不在范围内", "2"]);
    expect(kinds).toContainEqual(["错误（不分级） · 回款天数：缺少数值", "1"]);
    expect(kinds).toContainEqual(["错误（不分级） · 月均销售额：缺少数值", "1"]);
    expect(kinds[3]).toEqual(["提醒（已分级，请核对） · 月均销售额：需要核对", "1"]);
    const header = lines.findIndex((cells) => cells[0] === "行号");
    expect(lines[header]).toEqual(["行号", "客户", "列", "值", "原因", "类别"]);
    const line = (customer: string) => lines.find((cells) => cells[1] === customer)!;
    expect(line("负数").slice(0, 4)).toEqual(["18", "负数", "B 月均销售额", "-100"]);
    expect(line("负数")[5]).toBe("提醒（已分级，请核对） · 月均销售额：需要核对");
    expect(line("缺回款").slice(0, 3)).toEqual(["19", "缺回款", "C 回款天数"]);
    expect(line("坏回款").slice(0, 4)).toEqual(["20", "坏回款", "C 回款天数", "abc"]);
    expect(line("坏回款")[5]).toBe("错误（不分级） · 回款天数：无法读取或不在范围内");
    expect(line("负回款").slice(0, 4)).toEqual(["21", "负回款", "C 回款天数", "-1"]);
    expect(line("缺销售").slice(0, 3)).toEqual(["22", "缺销售", "B 月均销售额"]);
    expect(lines.slice(header + 1).filter((cells) => /^\d+$/.test(cells[0]))).toHaveLength(5);
    // Filter buttons over the list.
    expect(sheetOf(plan, "summary").autoFilter).toMatchObject({ rows: 6, cols: 6 });
  });

  it("speaks English on an English plan and lists a duplicated customer", () => {
    const grid = { name: "Customers", values: [["Customer", "Monthly sales", "Payment days"], ["Acme", 25000, 20], ["Acme", 8000, 40], ["Bolt", 12000, 30]] };
    const { scored: dup } = runJob(grid, { model, lang: "en-US", today: TODAY });
    const lines = issueLines(buildTierPlan(dup, model, { lang: "en-US" }), "en-US");
    expect(lines[0][0]).toBe("Issues: errors 0, warnings 1");
    expect([lines[1][0], lines[1][4]]).toEqual(["Warning (tiered; check it) · duplicate customer", "1"]);
    const line = lines.find((cells) => cells[0] === "3")!;
    expect(line.slice(0, 4)).toEqual(["3", "Acme", "A Customer", "Acme"]);
    expect(line[4]).toContain("rows 2 and 3");
  });

  it("lists an order log's line by the log's row and the customer on it, and a customer's sums by the customer summary's sheet, row and column", () => {
    // Lines in rows 2–6; 博远's only line (row 5) is a refund: its total -500 is an issue about the sums.
    const log = { name: "销售明细", values: [["日期", "客户", "金额"], ["2024-05-01", "华信", 1000], ["2024-05-02", "海联", 2000], ["2024-05-03", "华信", 3000], ["2024-05-04", "博远", -500], ["2024-05-06", "华信", 800]] };
    const rfm = findPreset("rfm")!;
    const { scored: summed } = runJob(log, { model: rfm, lang: "en-US", today: new Date(2024, 5, 1) });
    const p = buildTierPlan(summed, summed.model, { lang: "en-US" });
    const customers = sheetRows(sheetOf(p, "customers"));
    const row = customers.findIndex((r) => r[0] === "博远");
    const col = customers.find((r) => r.includes("Total spent"))!.indexOf("Total spent");
    expect(customers[row][col]).toBe("-500");
    const lines = issueLines(p, "en-US");
    expect(lines.find((cells) => cells[0] === "5")!.slice(0, 4)).toEqual(["5", "博远", "C 金额", "-500"]);
    expect(lines.find((cells) => cells[0] === String(row + 1))!.slice(0, 3)).toEqual([String(row + 1), "博远", `Customers ${String.fromCharCode(65 + col)} Total spent`]);
    // The customer's row carries the same place (--json's rows[].issues).
    const customer = Array.from({ length: summed.rows.length }, (_, i) => summed.rows.at(i)).find((r) => r.customer === "博远")!;
    expect(customer.issues.filter((i) => i.field === "monetary")).toEqual([expect.objectContaining({ row: row + 1, columnLetter: String.fromCharCode(65 + col), onSummary: true })]);
  });

  it("says when there is no issue, and how many were not listed when the sheet is full", () => {
    const grid = { name: "Customers", values: [["Customer", "Monthly sales", "Payment days"], ["Acme", 25000, 20]] };
    const { scored: clean } = runJob(grid, { model, lang: "en-US", today: TODAY });
    const summary = sheetOf(buildTierPlan(clean, model, { lang: "en-US" }), "summary");
    expect(sheetRows(summary).some((cells) => cells[0] === "Every row was read without a problem.")).toBe(true);
    expect(summary.tables).toEqual([]);
    // A sheet of 10 rows: title, 4 kinds, the note, the header, 3 lines.
    const g = new Grid();
    const list = issuesBlock(g, scored, "en-US", 10)!;
    expect(list.table.rows).toBe(3);
    expect(g.rows.map((r) => r.map(cellText))[5][0]).toBe("The sheet is full: 2 more not listed (of 5); the counts above include them all.");
  });
});
