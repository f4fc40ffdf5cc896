/** Our styles appended to the package's styles.xml: the user's keep their indices (see style-registry.ts). */
import { appendChildren, splice } from "./append";
import type { StyleRegistry } from "./style-registry";
import type { StylesInfo } from "./styles";

// CT_Stylesheet's child order: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, tableStyles, colors, extLst.
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const after = (name: string) => ORDER.slice(ORDER.indexOf(name) + 1);

export function appendStyles(xml: string, base: StylesInfo, registry: StyleRegistry): string {
  const { added } = registry;
  const numFmtCount = base.numFmts.size + added.numFmts.length;
  return splice(xml, [
    ...appendChildren(xml, "styleSheet", "numFmts", added.numFmts, numFmtCount, after("numFmts")),
    ...appendChildren(xml, "styleSheet", "fonts", added.fonts, base.counts.fonts + added.fonts.length, after("fonts")),
    ...appendChildren(xml, "styleSheet", "fills", added.fills, base.counts.fills + added.fills.length, after("fills")),
    ...appendChildren(xml, "styleSheet", "borders", added.borders, base.counts.borders + added.borders.length, after("borders")),
    ...appendChildren(xml, "styleSheet", "cellXfs", added.cellXfs, base.counts.cellXfs + added.cellXfs.length, after("cellXfs")),
    ...appendChildren(xml, "styleSheet", "dxfs", added.dxfs, base.counts.dxfs + added.dxfs.length, after("dxfs")),
  ]);
}
