/**
 * The cell styles our sheets need, collected while the sheets are written and
 * then APPENDED to the package's styles.xml: the user's fonts, fills, borders,
 * number formats and cell styles keep their indices; ours come after them.
 */
import type { StylesInfo } from "./styles";
import { escapeAttr } from "./xml";

/** What a cell looks like, in plan terms. */
export interface CellLook {
  numFmt?: string;
  font?: { name?: string; size?: number; color?: string; bold?: boolean; italic?: boolean };
  fill?: string;
  border?: { color: string; top: boolean; bottom: boolean; left: boolean; right: boolean };
  align?: "left" | "center" | "right";
  vertical?: "middle";
  wrap?: boolean;
}

/** A differential format for a conditional rule. */
export interface DxfLook {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** Excel's built-in number formats that mean the same in every locale. */
const BUILTIN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49 };

const rgb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();

export class StyleRegistry {
  private readonly xfs = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly borders = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  private readonly dxfIds = new Map<string, number>();
  /** New entries' XML without the namespace prefix, in index order. */
  readonly added = { numFmts: [] as string[], fonts: [] as string[], fills: [] as string[], borders: [] as string[], cellXfs: [] as string[], dxfs: [] as string[] };
  private nextNumFmt: number;

  constructor(private readonly base: StylesInfo) {
    // Custom formats start at 164; ours go above every id the user's file uses.
    this.nextNumFmt = Math.max(163, ...base.numFmts.keys()) + 1;
    for (const [id, code] of base.numFmts) if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
  }

  /** The `s` index of a cell that looks like this (0 = the workbook's default style). */
  xf(look: CellLook): number {
    const key = JSON.stringify(look);
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    const numFmtId = look.numFmt === undefined ? 0 : this.numFmt(look.numFmt);
    const fontId = look.font ? this.font(look.font) : 0;
    const fillId = look.fill ? this.fill(look.fill) : 0;
    const borderId = look.border ? this.border(look.border) : 0;
    if (!numFmtId && !fontId && !fillId && !borderId && !look.align && !look.wrap && !look.vertical) id = 0;
    else {
      const alignment =
        look.align || look.wrap || look.vertical
          ? `<alignment${look.align ? ` horizontal="${look.align}"` : ""}${look.vertical ? ` vertical="center"` : ""}${look.wrap ? ` wrapText="1"` : ""}/>`
          : "";
      const applies = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}`;
      id = this.base.counts.cellXfs + this.added.cellXfs.length;
      this.added.cellXfs.push(`<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${alignment ? `>${alignment}</xf>` : "/>"}`);
    }
    this.xfs.set(key, id);
    return id;
  }

  /** The `dxfId` of a conditional format's look. */
  dxf(look: DxfLook): number {
    const key = JSON.stringify(look);
    let id = this.dxfIds.get(key);
    if (id === undefined) {
      const font = look.bold || look.fontColor ? `<font>${look.bold ? "<b/>" : ""}${look.fontColor ? `<color rgb="${rgb(look.fontColor)}"/>` : ""}</font>` : "";
      // A differential fill takes its colour from bgColor.
      const fill = look.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${rgb(look.fill)}"/></patternFill></fill>` : "";
      id = this.base.counts.dxfs + this.added.dxfs.length;
      this.added.dxfs.push(`<dxf>${font}${fill}</dxf>`);
      this.dxfIds.set(key, id);
    }
    return id;
  }

  private numFmt(code: string): number {
    if (code in BUILTIN) return BUILTIN[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private font(f: NonNullable<CellLook["font"]>): number {
    return this.entry(this.fonts, this.added.fonts, this.base.counts.fonts, JSON.stringify(f), () =>
      `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}<sz val="${f.size ?? 11}"/>${f.color ? `<color rgb="${rgb(f.color)}"/>` : ""}<name val="${escapeAttr(f.name ?? "Calibri")}"/></font>`,
    );
  }

  private fill(hex: string): number {
    return this.entry(this.fills, this.added.fills, this.base.counts.fills, hex, () => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(hex)}"/><bgColor rgb="${rgb(hex)}"/></patternFill></fill>`);
  }

  private border(b: NonNullable<CellLook["border"]>): number {
    const side = (name: string, on: boolean) => (on ? `<${name} style="thin"><color rgb="${rgb(b.color)}"/></${name}>` : `<${name}/>`);
    return this.entry(this.borders, this.added.borders, this.base.counts.borders, JSON.stringify(b), () =>
      `<border>${side("left", b.left)}${side("right", b.right)}${side("top", b.top)}${side("bottom", b.bottom)}<diagonal/></border>`,
    );
  }

  private entry(cache: Map<string, number>, list: string[], baseCount: number, key: string, xml: () => string): number {
    let id = cache.get(key);
    if (id === undefined) {
      id = baseCount + list.length;
      list.push(xml());
      cache.set(key, id);
    }
    return id;
  }
}

/** A styles part for a package that has none (a CSV, a template, a file without styles.xml). */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/>' +
  "</styleSheet>";
