/**
 * Header text reduced to what identifies a column, so that `销售额（元）`,
 * `销售额(元)`, `Sales (¥)`, ` SALES ` and `＊销售额` compare equal to the
 * synonyms `销售额` / `sales`, while the unit is kept for scale detection.
 */
export interface HeaderKey {
  /** Letters and digits only, lower case, no unit: `销售额`, `monthlysales`. */
  key: string;
  /** The same with one space between words: `monthly sales`, for whole-word matching. */
  spaced: string;
  /** Text of the bracketed or `/`-separated unit, lower case: `元`, `万元`, `¥`. */
  unit: string;
}

const BRACKETED = /[([【〔《][^)\]】〕》]*[)\]】〕》]/g;
/** `销售额/元`, `Sales / ¥`: a slash only introduces a unit when what follows is a unit word. */
const SLASH_UNIT = /\/\s*((?:万|千|百万|亿)?元|万|千|亿|k|m|天|日|days?|个?月|months?|件|单|次|个|pcs|units?|[¥$]|rmb|cny|usd)\s*$/;

export function headerKey(header: string): HeaderKey {
  let s = header.normalize("NFKC").toLowerCase();
  const units: string[] = [];
  s = s.replace(BRACKETED, (m) => {
    units.push(m.slice(1, -1).trim());
    return " ";
  });
  s = s.replace(SLASH_UNIT, (_m, u: string) => {
    units.push(u);
    return " ";
  });
  const spaced = s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return { key: spaced.replace(/ /g, ""), spaced, unit: units.join(" ") };
}

const ALNUM = /[a-z0-9]/;

/** Whether `needle` occurs in `hay` without cutting a Latin word or number in two (`sales` ⊄ `salesperson`). */
export function containsWord(hay: string, needle: string): boolean {
  if (!needle) return false;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    const cutsBefore = before !== undefined && ALNUM.test(before) && ALNUM.test(needle[0]);
    const cutsAfter = after !== undefined && ALNUM.test(after) && ALNUM.test(needle[needle.length - 1]);
    if (!cutsBefore && !cutsAfter) return true;
  }
  return false;
}

/**
 * How well a header matches one synonym, 0..1: 1 when equal after folding;
 * 0.5–0.9 when the synonym is a whole part of a longer header (`2024年月均销售额`),
 * 0.4–0.8 when the header is a part of the synonym (`销售` for `销售额`);
 * the closer the lengths, the higher. One-character parts never match.
 */
export function matchConfidence(header: HeaderKey, synonym: HeaderKey): number {
  if (!header.key || !synonym.key) return 0;
  if (header.key === synonym.key) return 1;
  if (synonym.key.length >= 2 && containsWord(header.spaced, synonym.spaced)) {
    return 0.5 + (0.4 * synonym.key.length) / header.key.length;
  }
  if (header.key.length >= 2 && containsWord(synonym.spaced, header.spaced)) {
    return 0.4 + (0.4 * header.key.length) / synonym.key.length;
  }
  return 0;
}

/**
 * The magnitude a header's unit gives plain numbers in its column:
 * `销售额（万元）` with 2.5 means 25,000. 千克/千米 are units, not thousands.
 */
export function unitScale(unit: string): number {
  if (!unit) return 1;
  if (/亿/.test(unit)) return 1e8;
  if (/百万|^(m|mn|mio|millions?)\b/.test(unit)) return 1e6;
  if (/万/.test(unit)) return 1e4;
  if (/千(?![克米瓦])|^(k|'000|thousands?)\b/.test(unit)) return 1e3;
  return 1;
}
