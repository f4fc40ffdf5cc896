/**
 * The text of a CSV file in whichever encoding it was saved: UTF-8 with or
 * without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), otherwise
 * GB18030, the superset of GBK that Excel in China saves "CSV" as.
 * Uses the platform's WHATWG TextDecoder (Node with full ICU, every browser).
 */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** UTF-8 files only: byte sequences that are not UTF-8, decoded as U+FFFD (each one is reported by the reader). */
  invalid: number;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, invalid } = detect(bytes);
  // The decoder drops the BOM itself (ignoreBOM defaults to false).
  return { text: new TextDecoder(encoding).decode(bytes), encoding, invalid };
}

export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  return detect(bytes).encoding;
}

/**
 * UTF-8 wins when nearly every non-ASCII sequence is valid UTF-8: one bad byte
 * in a UTF-8 file (a truncated copy, a stray Latin-1 `é`) must not turn all its
 * Chinese into mojibake. GBK text is almost never valid UTF-8 by chance (杭州 =
 * BA BC D6 DD starts with a continuation byte), so its share of valid sequences is low.
 */
const UTF8_SHARE = 0.9;

function detect(bytes: Uint8Array): { encoding: CsvEncoding; invalid: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", invalid: countUtf8(bytes, 3).invalid };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", invalid: 0 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", invalid: 0 };
  const { valid, invalid } = countUtf8(bytes, 0);
  if (invalid === 0 || valid / (valid + invalid) >= UTF8_SHARE) return { encoding: "utf-8", invalid };
  return { encoding: "gb18030", invalid: 0 };
}

/** Valid multi-byte UTF-8 sequences and invalid ones (each maximal bad run counts once per byte that starts it). */
function countUtf8(b: Uint8Array, start: number): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  let i = start;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min = 0xa0;
      if (c === 0xed) max = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min = 0x90;
      if (c === 0xf4) max = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    // The second byte has the narrowed range; the others 80–BF.
    let ok = i + need < n && b[i + 1] >= min && b[i + 1] <= max;
    for (let k = 2; ok && k <= need; k++) ok = b[i + k] >= 0x80 && b[i + k] <= 0xbf;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
