/** `xl/workbook.xml` read: sheets in tab order, defined names, calculation properties, the active tab. */
import { attrLocal, firstTag, tags, decodeXml, elementEnd } from "./xml";

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  /** Relationship id in the workbook's rels. */
  rId: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookName {
  name: string;
  /** Index of the sheet (in tab order) the name is local to; absent = workbook scope. */
  localSheetId?: number;
  hidden: boolean;
  /** The formula text, decoded (`'客户'!$A$1`). */
  ref: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  names: WorkbookName[];
  /** `bookViews/workbookView/@activeTab`, default 0. */
  activeTab: number;
  /** `workbookPr/@date1904`: serial dates count from 1904. */
  date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets = tags(xml, "sheet").map((t) => ({
    name: t.attrs.get("name") ?? "",
    sheetId: Number(t.attrs.get("sheetId") ?? 0),
    rId: attrLocal(t, "id") ?? "",
    state: (t.attrs.get("state") as WorkbookSheet["state"] | undefined) ?? "visible",
  }));
  const names = tags(xml, "definedName").map((t): WorkbookName => {
    const end = elementEnd(xml, t, "definedName");
    const body = t.selfClosing ? "" : xml.slice(t.end, xml.lastIndexOf("</", end - 1));
    const local = t.attrs.get("localSheetId");
    const name: WorkbookName = { name: t.attrs.get("name") ?? "", hidden: isTrue(t.attrs.get("hidden")), ref: decodeXml(body) };
    if (local !== undefined) name.localSheetId = Number(local);
    return name;
  });
  const view = firstTag(xml, "workbookView");
  const pr = firstTag(xml, "workbookPr");
  return { sheets, names, activeTab: Number(view?.attrs.get("activeTab") ?? 0), date1904: isTrue(pr?.attrs.get("date1904")) };
}

export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}
