import type { FieldKind } from "../model";

/**
 * What may stand around a number of each field kind. Words are written as
 * `normalizeCellText` leaves them (lower case, half-width) and without spaces:
 * the suffix is looked up with its spaces removed (`30 days` → `days`).
 */
export interface NumberGrammar {
  /** Words allowed before the number (currency signs, `net` of `Net 30`). */
  readonly prefixes: readonly string[];
  /** Every allowed suffix (scale + unit + tail) → the power of ten it multiplies by. */
  readonly suffixes: ReadonlyMap<string, number>;
}

/**
 * Scale words, as powers of ten. `w` is the common shorthand for 万 (`2w`);
 * `m` is million: the kinds where `m` could mean months or metres do not take scales.
 */
const SCALES: Readonly<Record<string, number>> = {
  百: 2, 佰: 2, 千: 3, 仟: 3, 万: 4, 萬: 4, 十万: 5, 十萬: 5, 百万: 6, 百萬: 6, 千万: 7, 千萬: 7,
  亿: 8, 億: 8, 万亿: 12, 萬億: 12,
  k: 3, w: 4, m: 6, mn: 6, bn: 9,
};

/** Currency marks are dropped, not converted: the sheet has one currency (tiering-models.md). */
const MONEY_UNITS = ["元", "块", "块钱", "圆", "人民币", "rmb", "cny", "yuan", "usd", "dollars"];
/** `2万元/月`: the money fields are monthly figures, so a per-month tail is harmless. */
const PER_MONTH = ["/月", "/month", "/mo"];
const DAY_UNITS = ["天", "日", "d", "day", "days"];
const COUNT_UNITS = ["单", "次", "笔", "个", "件", "张", "份", "orders", "order", "times"];
/** Units of generic numbers: volumes, scores, months (`3个月`; bare `月` could be a month name). */
const NUMBER_UNITS = ["个月", "months", "month", "分", "points", "pts", "件", "个", "只", "台", "套", "箱", "pcs", "units", "unit"];

function suffixTable(scales: Readonly<Record<string, number>>, units: readonly string[], tails: readonly string[] = []): Map<string, number> {
  const table = new Map<string, number>();
  for (const [scale, power] of [["", 0] as const, ...Object.entries(scales)]) {
    for (const unit of ["", ...units]) {
      for (const tail of ["", ...tails]) table.set(scale + unit + tail, power);
    }
  }
  return table;
}

const numberSuffixes = suffixTable(SCALES, NUMBER_UNITS);
// `15%` → 0.15, for generic numbers only: a percentage is not an amount, a day count or a count.
numberSuffixes.set("%", -2);

const GRAMMARS: Readonly<Record<"money" | "days" | "count" | "number", NumberGrammar>> = {
  money: { prefixes: ["¥", "$", "us$", "rmb", "cny", "usd", "人民币"], suffixes: suffixTable(SCALES, MONEY_UNITS, PER_MONTH) },
  // No scales for days: `2万天` or `3k days` is not a payment period.
  days: { prefixes: ["net"], suffixes: suffixTable({}, DAY_UNITS) },
  count: { prefixes: [], suffixes: suffixTable(SCALES, COUNT_UNITS) },
  number: { prefixes: [], suffixes: numberSuffixes },
};

export function grammarOf(kind: FieldKind): NumberGrammar {
  return kind === "money" || kind === "days" || kind === "count" ? GRAMMARS[kind] : GRAMMARS.number;
}
