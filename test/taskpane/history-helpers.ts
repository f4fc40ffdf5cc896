/** What the pane's history suites on the Excel fake share: a fixed "today", and a fake sheet's values as rows. */
import type { SheetState } from "../../src/hosts/excel/testing/sheet-state";

// Only the clock is faked: the pane's snapshot date is today.
const REAL_TIMERS = ["hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] as const;

/** The pane's "today" (noon local time, so the as-of day is `day` whatever the time zone). */
export const setToday = (day: string) => jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: new Date(`${day}T12:00:00`) });

/** The sheet's values from row 1 down, as long as rows have anything. */
export function rows(sheet: SheetState): (string | number | boolean)[][] {
  const used = sheet.usedRange();
  if (!used) return [];
  return sheet.read({ row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols });
}
