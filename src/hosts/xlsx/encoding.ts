/**
 * The text of a CSV file in whichever encoding it was saved: UTF-8 with or
 * without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), otherwise
 * GB18030, the superset of GBK that Excel in China saves "CSV" as.
 * Uses the platform's WHATWG TextDecoder (Node with full ICU, every browser).
 */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  // The decoder drops the BOM itself (ignoreBOM defaults to false).
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    // Not valid UTF-8: GBK bytes (杭州 = BA BC D6 DD) are not, almost never by chance.
    return "gb18030";
  }
}
