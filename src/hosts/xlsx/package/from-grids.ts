/**
 * A fresh minimal package holding grids as sheets: a CSV opened as a
 * one-sheet workbook (its text exactly as in the file, control characters
 * included, `_xHHHH_`-escaped where XML cannot hold them), or the start of a
 * template. The plan is then added to it like to any user's package.
 */
import { dateSerial } from "../../../core/plan/cells";
import type { SheetGrid } from "../../../core/sheet/types";
import type { CellValue } from "../../../core/parse/values";
import { columnLetter } from "../../../core/plan/a1";
import { CONTENT_TYPES } from "./content-types";
import { textEntry } from "./deflate";
import { EMPTY_STYLES } from "./style-registry";
import { escapeAttr, escapeText, inlineString } from "./xml";
import { writeZip } from "./zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The fresh package's styles: the defaults, plus xf 1 for dates (`yyyy-mm-dd`). */
const STYLES = EMPTY_STYLES.replace("<fonts", '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts').replace(
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
);

export function packageFromGrids(grids: readonly SheetGrid[]): Uint8Array {
  // No grids: a package without sheets, for a plan that brings its own (a template).
  const sheets = grids;
  const entries = [
    textEntry(
      CONTENT_TYPES,
      HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
        "</Types>",
    ),
    textEntry("_rels/.rels", HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    textEntry(
      "xl/workbook.xml",
      HEAD +
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets.map((g, i) => `<sheet name="${escapeAttr(g.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets></workbook>",
    ),
    textEntry(
      "xl/_rels/workbook.xml.rels",
      HEAD +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    textEntry("xl/styles.xml", STYLES),
    ...sheets.map((g, i) => textEntry(`xl/worksheets/sheet${i + 1}.xml`, gridXml(g))),
  ];
  return writeZip(entries);
}

function gridXml(grid: SheetGrid): string {
  const top = grid.origin?.row ?? 0;
  const left = grid.origin?.col ?? 0;
  const rows: string[] = [];
  grid.values.forEach((row, r) => {
    let cells = "";
    row.forEach((v, c) => (cells += cellXml(`${columnLetter(left + c)}${top + r + 1}`, v)));
    if (cells) rows.push(`<row r="${top + r + 1}">${cells}</row>`);
  });
  return HEAD + `<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

function cellXml(ref: string, v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    if (v === "") return "";
    return inlineString(ref, "", v);
  }
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="1"><v>${dateSerial(v)}</v></c>`;
  return `<c r="${ref}" t="e"><v>${escapeText(v.error)}</v></c>`;
}
