/**
 * The xlsx host's writer: a plan built by core, added to a user's workbook
 * (built with exceljs and saved, as another program would) and read back from
 * the file bytes as Excel or LibreOffice would.
 */
import ExcelJS from "exceljs";
import { inflateRawSync } from "node:zlib";
import { buildTierPlan } from "../../../src/core/plan/build";
import { markerName } from "../../../src/core/plan/naming";
import type { WorkbookPlan } from "../../../src/core/plan/types";
import { WORDS } from "../../../src/core/plan/words";
import { HostError } from "../../../src/hosts/errors";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { existingSheets, outputSource, workbookMarkers, writeOutput, writeXlsx } from "../../../src/hosts/xlsx/write";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../../support/exceljs";
import { presetSheet, scorePreset, TODAY } from "../../core/plan/helpers";
import { DANGEROUS_NAMES, presetGrid, SOURCE_SHEET } from "../../core/plan/preset-rows";

const TIERS = WORDS.tierSheet["zh-CN"];
const RULES = WORDS.rulesSheet["zh-CN"];
const SUMMARY = WORDS.summarySheet["zh-CN"];

/** A source workbook like a user's: the customer sheet, a notes sheet, a defined name of their own. */
function userWorkbook(): ExcelJS.Workbook {
  const workbook = workbookFromGrids([presetGrid(presetSheet("sales-payment")), { name: "备注", values: [["user notes"], [42]] }]);
  workbook.definedNames.add(`'${SOURCE_SHEET}'!$B$3:$B$9`, "MySales");
  return workbook;
}

/** Scores the sheet and builds the plan against the workbook as it is now (like the CLI and the playground). */
/** The tier plan for a user's workbook, named next to its sheets (read from the file, as the CLI does). */
async function planFor(workbook: ExcelJS.Workbook, options: { staticValues?: boolean } = {}): Promise<WorkbookPlan> {
  const { scored, model } = scorePreset(presetSheet("sales-payment"));
  const existing = existingSheets(openPackage(await xlsxBytes(workbook)));
  return buildTierPlan(scored, model, { existing, today: TODAY, ...options });
}

async function roundTrip(workbook: ExcelJS.Workbook, plan?: WorkbookPlan): Promise<{ bytes: Uint8Array; read: ExcelJS.Workbook }> {
  const bytes = await writeXlsx(plan ?? (await planFor(workbook)), await xlsxBytes(workbook));
  return { bytes, read: await loadXlsx(bytes) };
}

function snapshot(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe("xlsx writer", () => {
  it("adds the plan's sheets after the user's and leaves theirs and their names as they were", async () => {
    const before = userWorkbook();
    const expected = { source: snapshot(before.getWorksheet(SOURCE_SHEET)!), notes: snapshot(before.getWorksheet("备注")!) };
    const { read } = await roundTrip(userWorkbook());
    expect(read.worksheets.map((w) => w.name)).toEqual([SOURCE_SHEET, "备注", TIERS, SUMMARY, RULES]);
    expect(snapshot(read.getWorksheet(SOURCE_SHEET)!)).toEqual(expected.source);
    expect(snapshot(read.getWorksheet("备注")!)).toEqual(expected.notes);
    const names = read.definedNames.model as { name: string; ranges: string[] }[];
    expect(names.find((n) => n.name === "MySales")?.ranges).toEqual([`'${SOURCE_SHEET}'!$B$3:$B$9`]);
  });

  it("writes customer names that look like formulas as string cells, never as formulas", async () => {
    const { read, bytes } = await roundTrip(userWorkbook());
    const ws = read.getWorksheet(TIERS)!;
    const found = new Map<string, ExcelJS.Cell>();
    ws.getColumn(1).eachCell((cell) => {
      if (DANGEROUS_NAMES.includes(cell.value as string)) found.set(cell.value as string, cell);
    });
    expect([...found.keys()].sort()).toEqual([...DANGEROUS_NAMES].sort());
    for (const cell of found.values()) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
    // In the file itself: no <f> in any customer cell of column A.
    const xml = sheetXml(bytes, TIERS);
    expect(xml).not.toMatch(/<c r="A\d+"[^>]*>(?:(?!<\/c>).)*<f>/);
    // The text is there only as an inline string.
    expect(xml.match(/HYPERLINK/g)).toHaveLength(1);
    expect(xml).toContain('t="inlineStr"><is><t>=HYPERLINK(');
  });

  it("writes formulas without cached values, so that spreadsheets compute them on open", async () => {
    const { bytes } = await roundTrip(userWorkbook());
    const xml = sheetXml(bytes, TIERS);
    const formulaCells = xml.match(/<c [^>]*>(?:(?!<\/c>).)*?<f[ >](?:(?!<\/c>).)*?<\/c>/g) ?? [];
    expect(formulaCells.length).toBeGreaterThan(50);
    for (const c of formulaCells) expect(c).not.toContain("<v>");
    expect(unzip(bytes).get("xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it("writes each formula column of the table as one shared formula", async () => {
    const { bytes } = await roundTrip(userWorkbook());
    const xml = sheetXml(bytes, TIERS);
    const masters = xml.match(/<f t="shared" ref="[A-Z]+4:[A-Z]+\d+" si="\d+">/g) ?? [];
    const plan = await planFor(userWorkbook());
    const formulaColumns = plan.sheets[0].tables![0].columns.filter((c) => c.kind === "formula");
    expect(formulaColumns.length).toBeGreaterThan(5);
    expect(masters).toHaveLength(formulaColumns.length);
  });

  it("writes conditional formats, data bars, filter, frozen panes, widths and number formats", async () => {
    const { read } = await roundTrip(userWorkbook());
    const plan = await planFor(userWorkbook());
    const tierPlan = plan.sheets[0];
    const ws = read.getWorksheet(TIERS)! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] };
    const rules: Record<string, unknown>[] = ws.conditionalFormattings.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, ...r })));
    const { model } = scorePreset(presetSheet("sales-payment"));
    for (const tier of model.tiers) {
      const rule = rules.find((r) => (r.formulae as string[] | undefined)?.[0]?.endsWith(`="${tier.id}"`));
      expect(rule).toBeDefined();
      const style = rule!.style as { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } };
      expect(style.fill.bgColor.argb).toBe("FF" + tier.color.slice(1).toUpperCase());
      expect(style.font.color.argb).toBe("FF" + tier.textColor.slice(1).toUpperCase());
      expect(rule!.ref).toBe(`A4:L${3 + tierPlan.tables![0].rows}`);
    }
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(String(ws.autoFilter).replace(/\$/g, "")).toBe(`A3:L${3 + tierPlan.tables![0].rows}`);
    expect(ws.getColumn(12).width).toBeGreaterThanOrEqual(40); // the Why column (after the two band-row helper columns)
    expect(ws.getCell("D4").numFmt).toMatch(/"天"$/);
    // 文本1 (source row 15) had "2万": its number is shown in blue.
    const converted = ws.getColumn(3).values.findIndex((_, i) => ws.getCell(i, 1).value === "文本1");
    expect(ws.getCell(converted, 3).value).toBe(20000);
    expect(ws.getCell(converted, 3).numFmt).toMatch(/^\[Blue\]/);

    const summary = read.getWorksheet(SUMMARY)! as typeof ws;
    const bars = summary.conditionalFormattings.flatMap((cf) => cf.rules).filter((r) => r.type === "dataBar");
    expect(bars).toHaveLength(2);
  });

  it("lists every issue on the summary sheet of the file, the warning too, with row, column and value", async () => {
    const { read } = await roundTrip(userWorkbook());
    const rows = snapshot(read.getWorksheet(SUMMARY)!).map((r) => (r ?? []).map((v) => (v === null || v === undefined ? "" : String(v))));
    expect(rows.some((r) => r[0] === "问题清单：错误 4 个，提醒 1 个")).toBe(true);
    // preset-rows: 负数 (sheet row 18) has monthly sales -100, scored but flagged.
    expect(rows.find((r) => r[1] === "负数")?.slice(0, 4)).toEqual(["18", "负数", "B 月均销售额", "-100"]);
    expect(rows.find((r) => r[1] === "坏回款")?.slice(0, 4)).toEqual(["20", "坏回款", "C 回款天数", "abc"]);
  });

  it("marks its sheets with defined names on their A1", async () => {
    const { bytes, read } = await roundTrip(userWorkbook());
    expect(Object.fromEntries(workbookMarkers(openPackage(bytes)))).toEqual({ [TIERS]: markerName("tiers"), [SUMMARY]: markerName("summary"), [RULES]: markerName("rules") });
    const names = read.definedNames.model as { name: string; ranges: string[] }[];
    expect(names.find((n) => n.name === markerName("tiers"))?.ranges).toEqual([`'${TIERS}'!$A$1`]);
  });

  it("on a second run replaces only its own sheets, even renamed, and never a user's sheet of the same name", async () => {
    const first = await roundTrip(userWorkbook());
    const workbook = first.read;
    // The user renames our sheet; Excel moves the names that point into it along (exceljs does not: done here).
    workbook.getWorksheet(TIERS)!.name = "十一月分级";
    const before = workbook.definedNames.model as { name: string; ranges: string[] }[];
    workbook.definedNames.model = before.map((n) => ({ ...n, ranges: n.ranges.map((r) => r.replace(`'${TIERS}'!`, "'十一月分级'!")) })) as never;
    const mine = workbook.addWorksheet(TIERS); // and makes one of their own with our default name
    mine.getCell("A1").value = "mine";
    const order = workbook.worksheets.map((w) => w.name);
    const { bytes, read } = await roundTrip(workbook);
    expect(read.worksheets.map((w) => w.name)).toEqual(order);
    expect(read.getWorksheet(TIERS)!.getCell("A1").value).toBe("mine");
    expect(workbookMarkers(openPackage(bytes)).get("十一月分级")).toBe(markerName("tiers"));
    expect(read.getWorksheet("十一月分级")!.getCell("A4").value).toBe("华东贸易");
    // Exactly one of each marker.
    const names = (read.definedNames.model as { name: string }[]).map((n) => n.name).filter((n) => n.startsWith("CustTier_"));
    expect(names.sort()).toEqual([markerName("rules"), markerName("summary"), markerName("tiers")].sort());
  });

  it("reports progress and, when cancelled, gives no bytes (the input is never changed)", async () => {
    const input = await xlsxBytes(userWorkbook());
    const copy = new Uint8Array(input);
    const source = outputSource(input, []);
    const plan = await planFor(await loadXlsx(input));
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      writeOutput(source, plan, {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.done);
          controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: "cancelled" });
    expect(progress.length).toBeGreaterThan(0);
    expect(input).toEqual(copy);

    const done: number[] = [];
    await writeOutput(source, plan, { onProgress: (p) => done.push(p.done / p.total) });
    expect(done[done.length - 1]).toBe(1);
  });

  it("refuses a plan whose new sheet name is taken", async () => {
    const workbook = userWorkbook();
    const plan = await planFor(new ExcelJS.Workbook()); // made without knowing the workbook: wants 客户分级…
    workbook.addWorksheet(TIERS);
    await expect(writeXlsx(plan, await xlsxBytes(workbook))).rejects.toBeInstanceOf(HostError);
  });

  it("writes a plan into a new workbook when given no source", async () => {
    const plan = await planFor(new ExcelJS.Workbook(), { staticValues: true });
    const read = await loadXlsx(await writeXlsx(plan));
    expect(read.worksheets.map((w) => w.name)).toEqual([TIERS, SUMMARY, RULES]);
    expect(read.getWorksheet(TIERS)!.getCell("J4").value).toBe("A"); // 华东贸易: 25,000 and 20 days → A (§1)
  });
});

/** The XML of one sheet of an xlsx file (a zip: read through its central directory). */
function sheetXml(bytes: Uint8Array, name: string): string {
  const files = unzip(bytes);
  const workbook = files.get("xl/workbook.xml")!;
  const rels = files.get("xl/_rels/workbook.xml.rels")!;
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rel = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(rels)![0];
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return files.get(`xl/${target.replace(/^\/?xl\//, "")}`)!;
}

function unzip(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    p += 46 + nameLength + extra;
  }
  return files;
}
