/**
 * A worksheet part's text, inflated a megabyte at a time and handed over in
 * pieces that end after a complete `</row>`: the reader and the appender both
 * walk sheets that may hold a million rows without holding their XML.
 */
import { Inflate } from "fflate";
import type { XlsxPackage } from "./package";

/**
 * Hands the part's text to `take` in pieces that end after a complete `</row>`
 * (the rest after the last piece), inflating as it goes.
 */
export function streamText(pkg: XlsxPackage, path: string, take: (xml: string) => void): void {
  const entry = pkg.entry(path)!;
  const decoder = new TextDecoder();
  let carry = "";
  const feed = (chunk: Uint8Array, final: boolean) => {
    carry += decoder.decode(chunk, { stream: !final });
    const cut = final ? carry.length : lastRowEnd(carry);
    if (cut > 0) {
      take(carry.slice(0, cut));
      carry = carry.slice(cut);
    }
  };
  if (entry.method === 0 || pkg.inflate) {
    // Stored, or inflated whole by the native inflater: decoded a slice at a time all the same.
    const all = entry.method === 0 ? entry.raw : pkg.bytes(path)!;
    const SLICE = 1 << 20;
    for (let at = 0; at < all.length; at += SLICE) feed(all.subarray(at, at + SLICE), at + SLICE >= all.length);
    if (all.length === 0) feed(all, true);
    return;
  }
  const inflate = new Inflate((chunk, final) => feed(chunk, final));
  const STEP = 1 << 20;
  for (let at = 0; at < entry.raw.length; at += STEP) inflate.push(entry.raw.subarray(at, at + STEP), at + STEP >= entry.raw.length);
  if (entry.raw.length === 0) feed(new Uint8Array(0), true);
}

/** Offset just after the last `</row>` (any prefix) in the text, or 0. */
function lastRowEnd(s: string): number {
  for (let p = s.lastIndexOf("row>"); p > 0; p = s.lastIndexOf("row>", p - 1)) {
    const lt = s.lastIndexOf("</", p);
    if (lt >= 0 && /^<\/(?:[\w.-]+:)?$/.test(s.slice(lt, p))) return p + 4;
  }
  return 0;
}
