/**
 * A plan sheet with the `append` action (the tier history) written into the
 * sheet's own part, on a hand-made package with what other writers do: an `x:`
 * prefix on every element, a cell without a reference, a shared formula in the
 * user's column, a formatted empty row under the data, an Excel table over the
 * sheet. Checked in the XML, as ECMA-376 defines it.
 */
import { inflateRawSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import type { SheetPlan, WorkbookPlan } from "../../../../src/core/plan/types";
import { openPackage, writePlan } from "../../../../src/hosts/xlsx/package";
import { readZip } from "../../../../src/hosts/xlsx/package/zip";
import { dataColumn } from "../../../../src/core/plan/columns";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

const t = (ref: string, s: string) => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${s}</x:t></x:is></x:c>`;
const SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:dimension ref="A1:C7"/><x:sheetData>` +
  `<x:row r="1" spans="1:3">${t("A1", "As of")}${t("B1", "Tier")}${t("C1", "Note")}</x:row>` +
  `<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c>${t("B2", "old")}</x:row>` + // dropped
  `<x:row r="3"><x:c r="A3"><x:v>2</x:v></x:c><x:c><x:v>5</x:v></x:c><x:c r="C3"><x:f t="shared" ref="C3:C4" si="0">A3*2</x:f><x:v>4</x:v></x:c></x:row>` +
  `<x:row r="4"><x:c r="A4"><x:v>3</x:v></x:c><x:c r="C4"><x:f t="shared" si="0"/><x:v>6</x:v></x:c></x:row>` +
  `<x:row r="5"><x:c r="A5"><x:v>1</x:v></x:c></x:row>` + // dropped
  `<x:row r="6"><x:c r="A6"><x:v>4</x:v></x:c>${t("C6", "keep me")}</x:row>` +
  `<x:row r="7"><x:c r="C7" s="1"/></x:row>` + // formatted, empty: where the new rows go once two rows are gone
  `</x:sheetData><x:tableParts count="1"><x:tablePart r:id="rId1"/></x:tableParts></x:worksheet>`;

function workbook(): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="History" sheetId="7" r:id="rId3"/></sheets><definedNames><definedName name="CustTier_History">History!$A$1</definedName></definedNames></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": SHEET,
    "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
    "xl/tables/table1.xml": `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="1" name="History" displayName="History" ref="A1:C7"><autoFilter ref="A1:C7"/><tableColumns count="3"><tableColumn id="1" name="As of"/><tableColumn id="2" name="Tier"/><tableColumn id="3" name="Note"/></tableColumns></table>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

function parts(bytes: Uint8Array): Map<string, string> {
  return new Map(readZip(bytes).map((e) => [e.name, (e.method === 8 ? inflateRawSync(e.raw) : Buffer.from(e.raw)).toString()]));
}

const history: SheetPlan = {
  name: "History",
  role: "history",
  // Sheet rows 2 and 5 go (0-based 1 and 4).
  action: { kind: "append", existing: "History", drop: [{ first: 1, count: 1 }, { first: 4, count: 1 }] },
  marker: { name: "CustTier_History", cell: { row: 0, col: 0 } },
  // A column the sheet lacks: its header to the right of everything.
  blocks: [{ at: { row: 0, col: 3 }, cells: [["Model"]] }],
  // Three data rows and the formatted one are left: the snapshot starts on 0-based row 4 (sheet row 5).
  tables: [{ at: { row: 4, col: 0 }, rows: 2, columns: [dataColumn((r) => 10 + r), dataColumn((r) => ["A", "B"][r]), dataColumn(() => null), dataColumn(() => "m")] }],
  styles: [],
  columns: [],
  rules: [],
  autoFilter: { row: 0, col: 0, rows: 6, cols: 4 },
};

describe("appending to a sheet's own part", () => {
  let out: Map<string, string>;
  beforeAll(async () => {
    const plan: WorkbookPlan = { sheets: [history], activate: "History" };
    out = parts((await writePlan(openPackage(workbook()), plan)).bytes);
  });

  it("keeps the part, its sheet id and relationship; adds no sheet", () => {
    expect([...out.keys()].filter((k) => k.startsWith("xl/worksheets/") && k.endsWith(".xml"))).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(out.get("xl/workbook.xml")).toContain('<sheet name="History" sheetId="7" r:id="rId3"/>');
    expect(out.get("xl/workbook.xml")!.match(/<sheet /g)).toHaveLength(1);
    expect(out.get("xl/_rels/workbook.xml.rels")!.match(/worksheet"/g)).toHaveLength(1);
  });

  it("drops rows 2 and 5, moves the rest up with their cells and shared formula, merges the new rows into the formatted one", () => {
    const xml = out.get("xl/worksheets/sheet1.xml")!;
    const rows = [...xml.matchAll(/<x:row r="(\d+)"[^>]*>(.*?)<\/x:row>/g)].map((m) => [Number(m[1]), [...m[2].matchAll(/<x:c r="([A-Z]+\d+)"/g)].map((c) => c[1])]);
    expect(rows).toEqual([
      [1, ["A1", "B1", "C1", "D1"]],
      [2, ["A2", "C2"]],
      [3, ["A3", "C3"]],
      [4, ["A4", "C4"]],
      [5, ["A5", "B5", "C5", "D5"]],
      [6, ["A6", "B6", "D6"]],
    ]);
    // The moved shared formula's range, its master's text kept (not adjusted: see sheet-append.ts); the cell without a reference as it was.
    expect(xml).toContain('<x:f t="shared" ref="C2:C3" si="0">A3*2</x:f>');
    expect(xml).toContain('<x:c r="A2"><x:v>2</x:v></x:c><x:c><x:v>5</x:v></x:c>');
    expect(xml).toContain('<x:c r="C4" t="inlineStr"><x:is><x:t>keep me</x:t></x:is></x:c>');
    // The user's formatted empty cell stays beside the first new row; ours carry the sheet's prefix.
    expect(xml).toMatch(/<x:row r="5"><x:c r="A5"[^>]*><x:v>10<\/x:v><\/x:c><x:c r="B5"[^>]*><x:is><x:t>A<\/x:t><\/x:is><\/x:c><x:c r="C5" s="1"\/><x:c r="D5"/);
    expect(xml).not.toContain("old");
    expect(xml).not.toContain("spans=");
    expect(xml).toContain('<x:dimension ref="A1:D6"/>');
    expect(xml).toMatch(/<x:row r="1">.*<x:c r="D1"[^>]*><x:is><x:t>Model<\/x:t>/);
  });

  it("grows the table over the sheet (its dropped rows out, the new ones in)", () => {
    const table = out.get("xl/tables/table1.xml")!;
    expect(table).toContain('ref="A1:C6"');
    expect(table).toContain('<autoFilter ref="A1:C6"/>');
  });
});
