/** Relationship parts (`_rels/*.rels`): what a part points at, and where those parts are. */
import { tags } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  /** As written: relative to the source part's folder, or absolute from the package root (`/xl/…`). */
  target: string;
  /** `External` for links outside the package (hyperlinks, external workbooks). */
  external: boolean;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; "" (the package) → `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRels(xml: string): Relationship[] {
  return tags(xml, "Relationship").map((t) => ({
    id: t.attrs.get("Id") ?? "",
    type: t.attrs.get("Type") ?? "",
    target: t.attrs.get("Target") ?? "",
    external: t.attrs.get("TargetMode") === "External",
  }));
}

/** The part a relationship of `from` points at, as a package path without leading `/` (`xl/worksheets/sheet1.xml`). */
export function resolveTarget(from: string, target: string): string {
  const path = target.split("#")[0];
  const base = path.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const seg of path.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.map((s) => safeDecode(s)).join("/");
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationship type's last path segment (`…/relationships/worksheet` → `worksheet`), the same in transitional and strict files. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}
