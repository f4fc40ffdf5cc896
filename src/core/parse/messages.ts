import type { FieldKind, Text } from "../model";
import { text } from "../model";

/** What a field of each kind holds, as the messages name it. */
export const NOUNS = {
  money: text("金额", "amount"),
  days: text("天数", "number of days"),
  count: text("数量", "count"),
  number: text("数字", "number"),
  date: text("日期", "date"),
  monthsOrDate: text("月数或日期", "number of months or date"),
} satisfies Record<string, Text>;

export function nounOf(kind: FieldKind): Text {
  return kind === "money" || kind === "days" || kind === "count" || kind === "date" ? NOUNS[kind] : NOUNS.number;
}

export function notValid(shown: string, noun: Text): Text {
  return text(`“${shown}”不是有效的${noun["zh-CN"]}`, `"${shown}" is not a valid ${noun["en-US"]}`);
}

export function emptyCell(noun: Text): Text {
  return text(`单元格为空，没有${noun["zh-CN"]}`, `The cell is empty: no ${noun["en-US"]}`);
}

export function excelErrorValue(code: string, noun: Text): Text {
  return text(`“${code}”是 Excel 错误值，不是有效的${noun["zh-CN"]}`, `"${code}" is an Excel error value, not a valid ${noun["en-US"]}`);
}

export function dateNotNumber(shown: string, noun: Text): Text {
  return text(`“${shown}”是日期，不是有效的${noun["zh-CN"]}`, `"${shown}" is a date, not a valid ${noun["en-US"]}`);
}

export function noSuchDay(shown: string): Text {
  return text(`“${shown}”不是有效的日期：没有这一天`, `"${shown}" is not a valid date: there is no such day`);
}

export function ambiguousDayMonth(shown: string): Text {
  return text(
    `“${shown}”不是有效的日期：分不清是“月/日”还是“日/月”，请按“年-月-日”填写，如 2024-03-01`,
    `"${shown}" is not a valid date: it could be month/day or day/month; write year first, like 2024-03-01`,
  );
}

export function serialOutOfRange(shown: string, min: number, max: number): Text {
  return text(
    `${shown} 不是有效的日期：Excel 日期序号应在 ${min} 到 ${max} 之间`,
    `${shown} is not a valid date: Excel date serials run from ${min} to ${max}`,
  );
}

export function fictitiousLeapDay(shown: string): Text {
  return text(
    `${shown} 不是有效的日期：它是 Excel 的 1900-02-29，这一天并不存在`,
    `${shown} is not a valid date: it is Excel's 1900-02-29, a day that never existed`,
  );
}

/** A last order after the as-of day: no number of days since it. */
export function dateAfterAsOf(shown: string, day: string, asOf: string): Text {
  const written = shown === day ? day : `${shown}（${day}）`;
  const writtenEn = shown === day ? day : `${shown} (${day})`;
  return text(`日期 ${written} 晚于截止日期 ${asOf}，无法算出距今天数`, `The date ${writtenEn} is after the as-of day ${asOf}, so there are no days since it`);
}

export function datePassed(shown: string, today: string): Text {
  return text(
    `预计日期“${shown}”已过（今天是 ${today}），无法换算成剩余月数`,
    `The expected date "${shown}" has passed (today is ${today}), so no months are left`,
  );
}

export { EXCEL_MAX_NUMBER } from "../limits";

export function tooLarge(shown: string, noun: Text): Text {
  return text(
    `“${shown}”超出 Excel 能存放的最大数字（约 1E+308），不是有效的${noun["zh-CN"]}`,
    `"${shown}" is beyond the largest number Excel can hold (about 1E+308), not a valid ${noun["en-US"]}`,
  );
}

export function approximateRead(shown: string, value: string): Text {
  return text(`“${shown}”是估计值，按 ${value} 计`, `"${shown}" is an estimate, read as ${value}`);
}

export function monthlyTermRead(shown: string, days: number): Text {
  return text(`“${shown}”没有写明天数，按月结 ${days} 天计`, `"${shown}" (monthly settlement) gives no number of days: read as ${days}`);
}
