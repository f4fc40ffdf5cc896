/** `[Content_Types].xml`: which content type each part has (by extension default or by override). */
import { tags } from "./xml";

export const CONTENT_TYPES = "[Content_Types].xml";

export interface ContentTypes {
  /** Extension (lower case, no dot) → content type. */
  defaults: Map<string, string>;
  /** Part path (lower case, no leading `/`) → content type. */
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const t of tags(xml, "Default")) defaults.set((t.attrs.get("Extension") ?? "").toLowerCase(), t.attrs.get("ContentType") ?? "");
  for (const t of tags(xml, "Override")) overrides.set((t.attrs.get("PartName") ?? "").replace(/^\//, "").toLowerCase(), t.attrs.get("ContentType") ?? "");
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const key = part.toLowerCase();
  return types.overrides.get(key) ?? types.defaults.get(key.slice(key.lastIndexOf(".") + 1));
}
