/**
 * The package writer adds our sheets to a user's file and changes nothing
 * else: checked on files other programs wrote (openpyxl with a chart and a
 * comment, Microsoft's with an image and a web extension), part by part and byte by byte.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { buildTierPlan } from "../../../../src/core/plan/build";
import { markerName } from "../../../../src/core/plan/naming";
import type { WorkbookPlan } from "../../../../src/core/plan/types";
import { existingSheets } from "../../../../src/hosts/xlsx/markers";
import { openPackage, packageFromGrids, writePlan } from "../../../../src/hosts/xlsx/package";
import { readZip } from "../../../../src/hosts/xlsx/package/zip";
import { presetSheet, scorePreset, TODAY } from "../../../core/plan/helpers";
import { describeOpenpyxl, PYTHON } from "../../../support/openpyxl";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/packages", name)));
const EDITED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

/** Every part's uncompressed bytes, by name, read with zlib (not our reader). */
function parts(bytes: Uint8Array): Map<string, Buffer> {
  return new Map(readZip(bytes).map((e) => [e.name, e.method === 8 ? inflateRawSync(e.raw) : Buffer.from(e.raw)]));
}

function planFor(bytes: Uint8Array, options: { staticValues?: boolean } = {}): WorkbookPlan {
  const { scored, model } = scorePreset(presetSheet("sales-payment"));
  return buildTierPlan(scored, model, { existing: existingSheets(openPackage(bytes)), today: TODAY, ...options });
}

async function tier(bytes: Uint8Array): Promise<Uint8Array> {
  return (await writePlan(openPackage(bytes), planFor(bytes))).bytes;
}


/** What openpyxl (another library) sees: sheet names, states, defined names, and the formula or value of a few cells. */
function openpyxlView(bytes: Uint8Array): { sheets: [string, string][]; names: string[]; cells: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), "custtier-pkg-"));
  const file = join(dir, "out.xlsx");
  writeFileSync(file, bytes);
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = sorted(n.name for n in wb.defined_names.definedName)
cells = {}
for ws in wb.worksheets:
    for row in ws.iter_rows(min_row=1, max_row=8):
        for c in row:
            if c.value is not None: cells[ws.title + "!" + c.coordinate] = str(c.value)
print(json.dumps({"sheets": [[ws.title, ws.sheet_state] for ws in wb.worksheets], "names": names, "cells": cells}, ensure_ascii=False))`;
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file], { encoding: "utf8" }));
}

describe("package writer", () => {
  it.each(["chart.xlsx", "excel-made.xlsx"])("keeps every part of %s byte for byte but the four it must edit, and adds only our sheets", async (name) => {
    const input = fixture(name);
    const before = parts(input);
    const after = parts(await tier(input));
    for (const [part, bytes] of before) {
      expect(after.has(part)).toBe(true);
      if (!EDITED.includes(part)) expect(after.get(part)!.equals(bytes)).toBe(true);
    }
    const added = [...after.keys()].filter((p) => !before.has(p));
    // Our three sheets, and a styles part where the input had none.
    expect(added.filter((p) => p.startsWith("xl/worksheets/"))).toHaveLength(3);
    expect(added.filter((p) => !p.startsWith("xl/worksheets/"))).toEqual(before.has("xl/styles.xml") ? [] : ["xl/styles.xml"]);
  });

  it("writes text as inline strings, leaves sharedStrings alone and asks for a full recalculation", async () => {
    const input = parts(fixture("chart.xlsx"));
    const out = parts(await tier(fixture("chart.xlsx")));
    const workbook = out.get("xl/workbook.xml")!.toString();
    expect(workbook).toMatch(/<calcPr calcId="124519" fullCalcOnLoad="1"\/>/);
    const ours = [...out.entries()].filter(([p]) => !input.has(p)).map(([, b]) => b.toString());
    expect(ours).toHaveLength(3);
    expect(ours.every((x) => x.includes('t="inlineStr"') && !x.includes('t="s"'))).toBe(true);
    expect(ours.some((x) => /<f t="shared" ref="[A-Z]+\d+:[A-Z]+\d+" si="\d+">/.test(x))).toBe(true);
    // Formulas carry no cached value.
    expect(ours.every((x) => !/<\/f><v>/.test(x))).toBe(true);
  });

  it("replaces its own sheets on a second run and leaves no orphan parts", async () => {
    const input = fixture("chart.xlsx");
    const once = await tier(input);
    const twice = await tier(once);
    const before = parts(input);
    const a = parts(once);
    const b = parts(twice);
    // The input's parts, and three sheets of ours: the first run's are gone.
    const added = [...b.keys()].filter((p) => !before.has(p));
    expect(added).toHaveLength(3);
    expect(added.filter((p) => a.has(p) && !before.has(p))).toEqual([]);
    for (const [part, bytes] of before) if (!EDITED.includes(part)) expect(b.get(part)!.equals(bytes)).toBe(true);
    const pkg = openPackage(twice);
    expect(pkg.sheets.map((s) => s.name)).toEqual(openPackage(once).sheets.map((s) => s.name));
    const markers = pkg.workbook.names.filter((n) => n.name.startsWith("CustTier_")).map((n) => n.name).sort();
    expect(markers).toEqual([markerName("rules"), markerName("summary"), markerName("tiers")].sort());
  });

  it("keeps an .xlsm's macros and its workbook content type", async () => {
    const input = xlsmFrom(fixture("chart.xlsx"));
    const out = await tier(input);
    const before = parts(input);
    const after = parts(out);
    expect(after.get("xl/vbaProject.bin")!.equals(before.get("xl/vbaProject.bin")!)).toBe(true);
    expect(after.get("[Content_Types].xml")!.toString()).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(after.get("xl/_rels/workbook.xml.rels")!.toString()).toContain("vbaProject.bin");
  });

  it("writes a CSV's text exactly, control characters and `_x0041_` included", async () => {
    const text = ["a\u0001b", "tab\there", "line\nbreak", "cr\r\n", "_x0041_", " lead", "＝SUM(A1)", "=1+1", "😀"];
    const bytes = packageFromGrids([{ name: "客户", values: [text] }]);
    const sheet = parts(bytes).get("xl/worksheets/sheet1.xml")!.toString();
    expect(sheet).toContain("a_x0001_b");
    expect(sheet).toContain("_x005F_x0041_");
    expect(sheet).toContain("cr_x000D_\n");
    expect(sheet).not.toContain("<f>");
    // Decoded as ECMA-376 Part 1 §22.4.2.4 (ST_Xstring) says, the cells are the CSV's text.
    const decoded = [...sheet.matchAll(/<t(?: xml:space="preserve")?>([^<]*)<\/t>/g)].map((m) =>
      m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
    expect(decoded).toEqual(text);
  });

  it("never writes a non-finite number as a number", async () => {
    const input = packageFromGrids([{ name: "s", values: [[1]] }]);
    const plan = planFor(input);
    plan.sheets[0].blocks.push({ at: { row: 200, col: 0 }, cells: [[Infinity, NaN, -Infinity, 5]] });
    const { bytes, nonFinite } = await writePlan(openPackage(input), plan);
    expect(nonFinite.map((n) => n.address)).toEqual(["A201", "B201", "C201"]);
    const xml = [...parts(bytes).values()].map((b) => b.toString()).join("");
    expect(xml).not.toMatch(/Infinity|NaN/);
  });

  it("keeps white space at either end of a text cell (xml:space), and only there", async () => {
    const input = packageFromGrids([{ name: "s", values: [[1]] }]);
    const plan = planFor(input);
    const texts = [" lead", "trail ", "全角\u3000", "\u00a0nbsp", "mid dle", "客户"];
    plan.sheets[0].blocks.push({ at: { row: 200, col: 0 }, cells: [texts] });
    const { bytes } = await writePlan(openPackage(input), plan);
    const xml = [...parts(bytes).values()].map((b) => b.toString()).join("");
    for (const t of texts.slice(0, 4)) expect(xml).toContain(`<t xml:space="preserve">${t}</t>`);
    for (const t of texts.slice(4)) expect(xml).toContain(`<t>${t}</t>`);
  });
});

// Another library reads what we wrote (fails in CI without openpyxl, see test/support/openpyxl.ts).
describeOpenpyxl("the package writer's output in openpyxl", () => {
  it("opens in openpyxl with our sheets, names and the user's intact", async () => {
    const view = openpyxlView(await tier(fixture("chart.xlsx")));
    expect(view.sheets.slice(0, 2)).toEqual([["客户", "visible"], ["备注", "visible"]]);
    expect(view.sheets).toHaveLength(5);
    expect(view.names).toEqual(expect.arrayContaining(["MySales", markerName("tiers")]));
    expect(view.cells["备注!A2"]).toBe(openpyxlView(fixture("chart.xlsx")).cells["备注!A2"]);
  });
});

/** chart.xlsx turned into a macro workbook the way Excel stores one: a VBA project part, its relationship and the macro-enabled content type. */
function xlsmFrom(xlsx: Uint8Array): Uint8Array {
  const pkgParts = parts(xlsx);
  const vba = readFileSync(join(__dirname, "../../../fixtures/packages/vbaProject.bin"));
  const types = pkgParts
    .get("[Content_Types].xml")!
    .toString()
    .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  const rels = pkgParts
    .get("xl/_rels/workbook.xml.rels")!
    .toString()
    .replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
  pkgParts.set("[Content_Types].xml", Buffer.from(types));
  pkgParts.set("xl/_rels/workbook.xml.rels", Buffer.from(rels));
  pkgParts.set("xl/vbaProject.bin", vba);
  const { zipSync } = jest.requireActual<typeof import("fflate")>("fflate");
  return zipSync(Object.fromEntries([...pkgParts].map(([k, v]) => [k, new Uint8Array(v)])));
}
