/**
 * What the xlsx host must apply from a plan besides cells: print set-up,
 * sheet visibility, defined names (replaced every run), styles appended to the
 * user's without renumbering them, and the user's sheet-local names following
 * their sheets. Read back from the file's XML, as ECMA-376 defines it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import type { SheetPlan, WorkbookPlan } from "../../../../src/core/plan/types";
import { openPackage, writePlan } from "../../../../src/hosts/xlsx/package";
import { readZip } from "../../../../src/hosts/xlsx/package/zip";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../../../fixtures/packages", name)));

function parts(bytes: Uint8Array): Map<string, string> {
  return new Map(readZip(bytes).map((e) => [e.name, (e.method === 8 ? inflateRawSync(e.raw) : Buffer.from(e.raw)).toString()]));
}

function sheet(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    role: "summary",
    action: { kind: "create" },
    marker: { name: `CustTier_${name.replace(/\W/g, "")}`, cell: { row: 0, col: 0 } },
    blocks: [{ at: { row: 0, col: 0 }, cells: [["Head", "Count"], ["a", 1], ["b", 2]] }],
    styles: [],
    columns: [],
    rules: [],
    ...extra,
  };
}

async function write(input: Uint8Array, plan: WorkbookPlan): Promise<Map<string, string>> {
  return parts((await writePlan(openPackage(input), plan)).bytes);
}

describe("package writer: plan features", () => {
  it("prints landscape, one page wide, with repeated header rows and a print area", async () => {
    const plan: WorkbookPlan = {
      sheets: [sheet("Report", { print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 0, last: 0 }, area: { row: 0, col: 0, rows: 3, cols: 2 } } })],
      activate: "Report",
    };
    const out = await write(fixture("chart.xlsx"), plan);
    const xml = [...out.entries()].find(([p]) => p.startsWith("xl/worksheets/sheet3"))![1];
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    const workbook = out.get("xl/workbook.xml")!;
    // The sheet is the third tab: local names carry its 0-based index.
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">Report!$1:$1</definedName>');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">Report!$A$1:$B$3</definedName>');
  });

  it("hides and very-hides sheets in workbook.xml", async () => {
    const plan: WorkbookPlan = { sheets: [sheet("Shown"), sheet("Hidden", { visibility: "hidden" }), sheet("Settings", { visibility: "veryHidden" })], activate: "Shown" };
    const workbook = (await write(fixture("chart.xlsx"), plan)).get("xl/workbook.xml")!;
    expect(workbook).toMatch(/<sheet [^>]*name="Shown" sheetId="3" r:id="rId\d+"\/>/);
    expect(workbook).toMatch(/<sheet [^>]*name="Hidden" sheetId="4" state="hidden" r:id="rId\d+"\/>/);
    expect(workbook).toMatch(/<sheet [^>]*name="Settings" sheetId="5" state="veryHidden" r:id="rId\d+"\/>/);
  });

  it("writes the plan's names with comments and replaces them (and only them) on the next run", async () => {
    const plan: WorkbookPlan = {
      sheets: [sheet("Rules")],
      activate: "Rules",
      names: [{ name: "销售额分界", ref: "Rules!$B$2:$B$3", comment: "thresholds" }],
    };
    const once = await write(fixture("chart.xlsx"), plan);
    expect(once.get("xl/workbook.xml")).toContain('<definedName name="销售额分界" comment="thresholds">Rules!$B$2:$B$3</definedName>');
    const onceBytes = (await writePlan(openPackage(fixture("chart.xlsx")), plan)).bytes;
    const again = { ...plan, sheets: [{ ...sheet("Rules"), action: { kind: "replace" as const, existing: "Rules" } }], names: [{ name: "销售额分界", ref: "Rules!$B$2:$B$4" }] };
    const twice = parts((await writePlan(openPackage(onceBytes), again)).bytes).get("xl/workbook.xml")!;
    expect(twice.match(/name="销售额分界"/g)).toHaveLength(1);
    expect(twice).toContain(">Rules!$B$2:$B$4<");
    expect(twice).toContain("<definedName name=\"MySales\">'客户'!$B$2:$B$5</definedName>");
  });

  it("appends its styles after the user's: their fonts, fills, borders, formats and cell styles keep their numbers", async () => {
    const input = parts(fixture("chart.xlsx")).get("xl/styles.xml")!;
    const plan: WorkbookPlan = {
      sheets: [sheet("Styled", { styles: [{ range: { row: 0, col: 0, rows: 1, cols: 2 }, fill: "#1F4E78", fontColor: "#FFFFFF", bold: true, border: { color: "#000000", edges: "all" } }], columns: [{ col: 1, numberFormat: '0 "天"' }] })],
      activate: "Styled",
      font: { name: "等线", size: 11 },
    };
    const out = await write(fixture("chart.xlsx"), plan);
    const styles = out.get("xl/styles.xml")!;
    // Every element of the user's sections is still there, in the same order, before ours.
    for (const section of ["fonts", "fills", "borders", "cellXfs"]) {
      const body = (xml: string) => new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)![1];
      expect(body(styles).startsWith(body(input))).toBe(true);
      expect(body(styles).length).toBeGreaterThan(body(input).length);
    }
    expect(styles).toMatch(/<numFmt numFmtId="(16[4-9]|1[7-9]\d)" formatCode="0 &quot;天&quot;"\/>/);
    const count = (section: string, child: string, xml: string) => new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)![1].split(`<${child}`).length - 1;
    expect(styles).toContain(`<cellXfs count="${count("cellXfs", "xf", styles)}"`);
    expect(styles).toContain(`<fonts count="${count("fonts", "font", styles)}"`);
  });

  it("replacing our sheet keeps its tab position and leaves one marker", async () => {
    // A workbook where our earlier sheet sits between two of the user's, each user sheet with a local name.
    const first = (await writePlan(openPackage(fixture("chart.xlsx")), { sheets: [sheet("Ours")], activate: "Ours" })).bytes;
    const replaced = { sheets: [{ ...sheet("Ours"), action: { kind: "replace" as const, existing: "Ours" } }], activate: "Ours" };
    const workbook = parts((await writePlan(openPackage(first), replaced)).bytes).get("xl/workbook.xml")!;
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(["客户", "备注", "Ours"]);
    expect(workbook.match(/name="CustTier_Ours"/g)).toHaveLength(1);
  });
});
