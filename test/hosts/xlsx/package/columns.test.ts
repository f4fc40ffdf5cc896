/**
 * Column plans (`ColumnBlock`) written as sheet XML: a data column pulled in
 * chunks, a formula column as ONE shared formula (master on its first
 * non-exception row, followers by `si`), its exceptions written as what they
 * are — a number in its own format, text that must stay text, a blank.
 */
import { inflateRawSync } from "node:zlib";
import { dataColumn, formulaColumn } from "../../../../src/core/plan/columns";
import type { SheetPlan } from "../../../../src/core/plan/types";
import { openPackage, packageFromGrids, writePlan } from "../../../../src/hosts/xlsx/package";
import { readZip } from "../../../../src/hosts/xlsx/package/zip";
import { salesPayment } from "../../../../src/core/presets";
import { buildTemplatePlan } from "../../../../src/core/template";

async function tierSheetXml(sheet: SheetPlan): Promise<string> {
  const input = packageFromGrids([{ name: "src", values: [["x"]] }]);
  const { bytes } = await writePlan(openPackage(input), { sheets: [sheet], activate: sheet.name });
  const entry = readZip(bytes).find((e) => e.name === "xl/worksheets/sheet2.xml")!;
  return inflateRawSync(entry.raw).toString();
}

const cellsOf = (xml: string) => new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)].map((m) => [m[1], m[0]]));

describe("package writer: column plans", () => {
  it("writes 10,000 rows of a formula column as one shared formula with its exceptions in place", async () => {
    const rows = 10_000;
    const pulls: [number, number][] = [];
    const sheet: SheetPlan = {
      name: "Tiers",
      role: "tiers",
      action: { kind: "create" },
      marker: { name: "CustTier_Tiers", cell: { row: 0, col: 0 } },
      blocks: [],
      tables: [
        {
          at: { row: 3, col: 0 },
          rows,
          columns: [
            { kind: "data", valuesAt: (from, to) => (pulls.push([from, to]), dataColumn((r) => (r === 7 ? "=HYPERLINK(1)" : `c${r}`)).valuesAt(from, to)) },
            formulaColumn("IF(A4=\"\",\"\",LEN(A4)*$C$1)", [
              { row: 0, cell: { kind: "formatted", value: 5, numberFormat: "[Blue]0" } },
              { row: 2, cell: { kind: "text", text: "+1" } },
              { row: 3, cell: null },
            ]),
          ],
        },
      ],
      styles: [],
      columns: [],
      rules: [],
    };
    const xml = await tierSheetXml(sheet);
    const cells = cellsOf(xml);
    // Master on the first row that is not an exception (block row 1 = sheet row 5), its formula moved down by one.
    expect(cells.get("B5")).toContain('<f t="shared" ref="B5:B10003" si="0">IF(A5="","",LEN(A5)*$C$1)</f>');
    expect(cells.get("B8")).toMatch(/<f t="shared" si="0"\/>/);
    expect(cells.get("B10003")).toMatch(/<f t="shared" si="0"\/>/);
    // Followers: every row but the master and the three exceptions.
    expect(xml.match(/<f t="shared" si="0"\/>/g)).toHaveLength(rows - 4);
    // Exceptions: a number with its own format, text kept as text (an inline string), a blank left out.
    expect(cells.get("B4")).toMatch(/^<c r="B4" s="\d+"><v>5<\/v><\/c>$/);
    expect(cells.get("B6")).toMatch(/^<c r="B6" s="\d+" t="inlineStr"><is><t>\+1<\/t><\/is><\/c>$/);
    expect(cells.get("B7")).toBeUndefined();
    // Text that looks like a formula is an inline string, never <f>.
    expect(cells.get("A11")).toContain('t="inlineStr"><is><t>=HYPERLINK(1)</t>');
    expect(cells.get("A11")).not.toContain("<f>");
    // The data column was pulled in chunks, never all at once.
    expect(pulls.length).toBeGreaterThan(1);
    expect(Math.max(...pulls.map(([f, t]) => t - f))).toBeLessThan(rows);
  });

  it("writes a template's computed columns as one shared formula each, its examples as values and its names in workbook.xml", async () => {
    const rows = 500;
    const plan = buildTemplatePlan(salesPayment, { lang: "zh-CN", rows, examples: true, today: new Date(Date.UTC(2026, 0, 1)) });
    const table = plan.sheets[0].tables![0];
    const formulaColumns = table.columns.flatMap((c, i) => (c.kind === "formula" ? [i] : []));
    const { bytes } = await writePlan(openPackage(packageFromGrids([{ name: "src", values: [["x"]] }])), plan);
    const entries = readZip(bytes);
    const text = (name: string) => inflateRawSync(entries.find((e) => e.name === name)!.raw).toString();
    const xml = text("xl/worksheets/sheet2.xml");
    // One master per computed column over all its rows, every other row a follower: no formula text per row.
    const masters = [...xml.matchAll(/<f t="shared" ref="([A-Z]+)(\d+):([A-Z]+)(\d+)" si="\d+">/g)];
    expect(masters).toHaveLength(formulaColumns.length);
    for (const m of masters) expect([Number(m[2]), Number(m[4])]).toEqual([table.at.row + 1, table.at.row + rows]);
    expect(xml.match(/<f t="shared" si="\d+"\/>/g)).toHaveLength(formulaColumns.length * (rows - 1));
    expect(xml.match(/<f>/g) ?? []).toEqual([]);
    // The first example's customer is a value in column A; the template's names are defined.
    expect(cellsOf(xml).get(`A${table.at.row + 1}`)).toContain('t="inlineStr"');
    const workbook = text("xl/workbook.xml");
    for (const n of plan.names!) expect(workbook).toContain(`<definedName name="${n.name}"`);
  });
});
