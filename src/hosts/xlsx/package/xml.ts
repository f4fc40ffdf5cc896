/**
 * Just enough XML for the small package parts we read and edit (content types,
 * relationships, workbook, styles): elements found by local name whatever their
 * namespace prefix (`<x:sheet>` as `<sheet>`), attributes, escaping. Edits are
 * splices into the original text, so everything we do not touch stays as it was.
 */

/** A start tag found in a part's text. */
export interface Tag {
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  end: number;
  selfClosing: boolean;
  /** Attributes by qualified name (`r:id`), values decoded. */
  attrs: Map<string, string>;
  /** The element's prefix with its colon (`x:`), or "". */
  prefix: string;
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every start tag of elements with this local name, in document order. */
export function tags(xml: string, localName: string, from = 0, to = xml.length): Tag[] {
  const found: Tag[] = [];
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const close = xml.indexOf(">", m.index);
    if (close < 0) break;
    const inner = xml.slice(m.index + m[0].length, close);
    const attrs = new Map<string, string>();
    for (const a of inner.matchAll(ATTR)) attrs.set(a[1], decodeXml(a[2] ?? a[3]));
    found.push({ start: m.index, end: close + 1, selfClosing: xml[close - 1] === "/", attrs, prefix: m[1] ?? "" });
    re.lastIndex = close + 1;
  }
  return found;
}

export function firstTag(xml: string, localName: string, from = 0, to = xml.length): Tag | undefined {
  return tags(xml, localName, from, to)[0];
}

/** Offset just after the end of the element this start tag opens (its end tag, or itself if self-closing). Not for elements nested in themselves. */
export function elementEnd(xml: string, tag: Tag, localName: string): number {
  if (tag.selfClosing) return tag.end;
  const close = `</${tag.prefix}${localName}`;
  const at = xml.indexOf(close, tag.end);
  if (at < 0) return tag.end;
  return xml.indexOf(">", at) + 1;
}

/** Offset of the end tag (`</…>`) of the element, for inserting children at its end. */
export function endTagStart(xml: string, tag: Tag, localName: string): number {
  return xml.indexOf(`</${tag.prefix}${localName}`, tag.end);
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns3:id`). */
export function attrLocal(tag: Tag, localName: string): string | undefined {
  for (const [k, v] of tag.attrs) if (k === localName || k.endsWith(":" + localName)) return v;
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

/**
 * Characters XML 1.0 cannot hold (controls but tab and LF, U+FFFE/U+FFFF, lone
 * surrogates), and CR, which parsers turn into LF: Excel's `_xHHHH_` form keeps
 * them. A literal `_xHHHH_` gets its `_` escaped (`_x005F_`) so Excel does not decode it.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;
/** Quick checks before each step: most cell texts have nothing to escape (explanations have `<` and `>` only). */
const MARKUP = /[&<>]/;
// eslint-disable-next-line no-control-regex
const MAY_NEED_HEX = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff_]/;
const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** Cell or element text: `&`, `<`, `>` as entities, the rest as above. */
export function escapeText(s: string): string {
  let out = MARKUP.test(s) ? s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;")) : s;
  if (MAY_NEED_HEX.test(out) && NEEDS_ESCAPE.test(out)) out = out.replace(NEEDS_ESCAPE, hex4);
  NEEDS_ESCAPE.lastIndex = 0;
  return out;
}

/** An attribute value in double quotes (tabs and newlines as references, so they survive). */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/["\t\n]/g, (c) => (c === '"' ? "&quot;" : c === "\t" ? "&#9;" : "&#10;"));
}

/** Applies splices (offsets into the original text; none overlapping) and returns the new text. */
export function splice(xml: string, edits: readonly { at: number; remove?: number; insert?: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  let out = "";
  let p = 0;
  for (const e of sorted) {
    out += xml.slice(p, e.at) + (e.insert ?? "");
    p = e.at + (e.remove ?? 0);
  }
  return out + xml.slice(p);
}

/** A string cell that no spreadsheet reads as a formula, number or date: it is text in the file. */
export function inlineString(ref: string, s: string, text: string): string {
  const space = edgeSpace(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`;
}

const SPACE = /\s/;

/** White space at either end (`/^\s|\s$/`), testing only the two characters, and only when they are not printable ASCII. */
function edgeSpace(text: string): boolean {
  if (!text) return false;
  const a = text.charCodeAt(0);
  const z = text.charCodeAt(text.length - 1);
  return ((a <= 32 || a >= 127) && SPACE.test(text[0])) || ((z <= 32 || z >= 127) && SPACE.test(text[text.length - 1]));
}
