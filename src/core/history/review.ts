/**
 * When a model's tiers are due for review (issue 12, tiering-models.md):
 * sales-payment every half year, potential-4 every month end, close-time
 * after each follow-up (the shortest follow-up interval); a model that states
 * none, monthly. The rules sheet shows the next review date; the pane reminds
 * the user when the workbook's last snapshot of the model is older than that.
 */
import type { Model, Text } from "../model";
import { text } from "../model";
import type { HistoryLog } from "./sheet";

/** Every `months` months, or every `days` days after each follow-up. */
export type ReviewInterval = { months: number } | { days: number; afterFollowUp: true };

/** When a model states no cadence. */
export const DEFAULT_REVIEW_MONTHS = 1;

export function reviewInterval(model: Model): ReviewInterval {
  if (model.review?.afterFollowUp) {
    const days = model.tiers.map((t) => t.cadenceDays).filter((d): d is number => d !== undefined);
    if (days.length) return { days: Math.min(...days), afterFollowUp: true };
  }
  return { months: model.review?.months ?? DEFAULT_REVIEW_MONTHS };
}

/** `YYYY-MM-DD` plus the interval; months as Excel's EDATE adds them (31 January + 1 month = 28 February). */
export function nextReview(asOf: string, interval: ReviewInterval): string {
  const [y, m, d] = asOf.split("-").map(Number);
  if ("days" in interval) return new Date(Date.UTC(y, m - 1, d + interval.days)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(y, m - 1 + interval.months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + interval.months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The interval as said in a sentence: 半年 / half a year, 1 个月 / a month, 1 天 / a day. */
export function intervalText(interval: ReviewInterval): Text {
  if ("days" in interval) return interval.days === 1 ? text("1 天", "a day") : text(`${interval.days} 天`, `${interval.days} days`);
  const n = interval.months;
  if (n === 6) return text("半年", "half a year");
  if (n === 12) return text("一年", "a year");
  return n === 1 ? text("1 个月", "a month") : text(`${n} 个月`, `${n} months`);
}

export interface ReviewReminder {
  /** The model's latest snapshot in the workbook. */
  last: string;
  due: string;
  message: Text;
}

/** Said when the workbook's latest snapshot of the model is older than its cadence on `today` (`YYYY-MM-DD`); undefined otherwise. */
export function reviewReminder(model: Model, log: HistoryLog | undefined, today: string): ReviewReminder | undefined {
  if (!log) return undefined;
  let last = "";
  for (let i = 0; i < log.asOf.length; i++) if (log.model[i] === model.id && log.asOf[i] > last) last = log.asOf[i];
  if (!last) return undefined;
  const interval = reviewInterval(model);
  const due = nextReview(last, interval);
  if (today <= due) return undefined;
  const span = intervalText(interval);
  return {
    last,
    due,
    message: text(`上次分级是 ${last}，已超过${span["zh-CN"]}，建议重新分级`, `Last graded on ${last}, more than ${span["en-US"]} ago: time to grade again`),
  };
}
