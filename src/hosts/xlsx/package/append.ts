/**
 * Appending children to a container element of a part we must edit
 * (styles.xml, workbook.xml), keeping the rest of the text as it was: the
 * container is created where the schema wants it when the part has none, and
 * its `count` attribute follows.
 */
import { elementEnd, endTagStart, firstTag, splice, tags, type Tag } from "./xml";

export interface Edit {
  at: number;
  remove?: number;
  insert?: string;
}

/** Puts the element's prefix (`x:`) on every tag of our XML written without one. */
export function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : xml;
}

/**
 * Edits that append `children` (unprefixed XML) to `container`; `countOf` is
 * the number of children it will hold (for `count`), `before` the elements it
 * must precede when it has to be created (schema order), `root` the part's root element.
 */
export function appendChildren(xml: string, root: string, container: string, children: string[], total: number, before: readonly string[]): Edit[] {
  if (!children.length) return [];
  const rootTag = firstTag(xml, root);
  if (!rootTag) throw new Error(`no <${root}>`);
  const p = rootTag.prefix;
  const body = withPrefix(children.join(""), p);
  const tag = firstTag(xml, container);
  if (!tag) {
    const at = insertionPoint(xml, rootTag, root, before);
    return [{ at, insert: `<${p}${container} count="${total}">${body}</${p}${container}>` }];
  }
  const open = withCount(xml.slice(tag.start, tag.end), total);
  if (tag.selfClosing) return [{ at: tag.start, remove: tag.end - tag.start, insert: `${open.replace(/\s*\/>$/, ">")}${body}</${p}${container}>` }];
  return [
    { at: tag.start, remove: tag.end - tag.start, insert: open },
    { at: endTagStart(xml, tag, container), insert: body },
  ];
}

/** Where a new child of the root goes: before the first of `before` present, else before the root's end tag. */
export function insertionPoint(xml: string, rootTag: Tag, root: string, before: readonly string[]): number {
  let at = endTagStart(xml, rootTag, root);
  for (const name of before) {
    const t = firstTag(xml, name);
    if (t && t.start < at) at = t.start;
  }
  return at;
}

/** The start tag with `count="n"` (set, or left out if it had none). */
function withCount(open: string, n: number): string {
  return /\scount\s*=\s*["'][^"']*["']/.test(open) ? open.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${n}"`) : open;
}

/** A start tag with one attribute set (replaced if present, added if not). */
export function setAttr(open: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)["'][^"']*["']`);
  if (re.test(open)) return open.replace(re, `$1"${value}"`);
  return open.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

export { elementEnd, splice, tags };
