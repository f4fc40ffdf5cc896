/**
 * `xl/styles.xml` read: what the reader needs to tell dates from numbers
 * (each cell style's number format) and what the writer needs to append styles
 * without renumbering the user's (how many of each there are, which number
 * format ids are taken).
 */
import { elementEnd, firstTag, tags } from "./xml";

export interface StylesInfo {
  /** Custom number formats: id → format code. */
  numFmts: Map<number, string>;
  /** `cellXfs`: the number format id of each cell style, by the index cells use in `s`. */
  cellXfNumFmts: number[];
  /** Number of `font`, `fill`, `border`, `cellXfs/xf` and `dxf` entries. */
  counts: { fonts: number; fills: number; borders: number; cellXfs: number; dxfs: number };
}

/** The element's span in the text, or undefined. */
export function section(xml: string, localName: string): { start: number; end: number } | undefined {
  const t = firstTag(xml, localName);
  return t ? { start: t.start, end: elementEnd(xml, t, localName) } : undefined;
}

function childTags(xml: string, container: string, child: string) {
  const s = section(xml, container);
  return s ? tags(xml, child, s.start + 1, s.end) : [];
}

export function parseStyles(xml: string): StylesInfo {
  const numFmts = new Map<number, string>();
  for (const t of childTags(xml, "numFmts", "numFmt")) numFmts.set(Number(t.attrs.get("numFmtId")), t.attrs.get("formatCode") ?? "");
  const cellXfNumFmts = childTags(xml, "cellXfs", "xf").map((t) => Number(t.attrs.get("numFmtId") ?? 0));
  return {
    numFmts,
    cellXfNumFmts,
    counts: {
      fonts: childTags(xml, "fonts", "font").length,
      fills: childTags(xml, "fills", "fill").length,
      borders: childTags(xml, "borders", "border").length,
      cellXfs: cellXfNumFmts.length,
      dxfs: childTags(xml, "dxfs", "dxf").length,
    },
  };
}
