import fc from "fast-check";
import { daysUntil, monthsUntil, parseNumber } from "../../../src/core/parse/values";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const today = day(2024, 3, 1);

describe("monthsUntil", () => {
  test.each<[Date, number]>([
    [day(2024, 3, 1), 0],
    [day(2024, 4, 1), 1.0], // 31 days
    [day(2024, 4, 2), 1.1], // 32 days: past "within 1 month"
    [day(2024, 6, 1), 3.0], // 92 days
    [day(2024, 6, 3), 3.1],
    [day(2024, 9, 1), 6.0], // 184 days
    [day(2025, 3, 1), 12.0], // 365 days
    [day(2024, 1, 31), -1.0], // 30 days ago
  ])("2024-03-01 → %p is %p months", (date, months) => {
    expect(monthsUntil(date, today)).toBe(months);
  });

  test("never gives -0", () => {
    expect(Object.is(monthsUntil(day(2024, 2, 29), today), 0)).toBe(true);
  });

  test("the time of day does not count", () => {
    expect(daysUntil(new Date(Date.UTC(2024, 3, 1, 23)), new Date(Date.UTC(2024, 2, 1, 22)))).toBe(31);
  });

  // The close-time and potential-4 bands (≤ 1, 3, 6, 12 months) must read "the same day
  // N months later" as N months at most: otherwise a deal closing on that day drops a tier.
  test.each([1, 2, 3, 4, 5, 6, 12])("the same day %p calendar months later is within N months, above N - 0.2", (n) => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const from = day(y, m, d);
        const to = new Date(Date.UTC(y, m - 1 + n, d));
        const months = monthsUntil(to, from);
        return months <= n && months > n - 0.2;
      }),
    );
  });
});

describe("months-or-date fields given an Excel date serial (Office.js hands dates over as numbers)", () => {
  const context = { fromDate: "monthsFromToday" as const, today: new Date(Date.UTC(2026, 10, 23)) };
  it("reads a serial as the date it is, not as 46,000 months", () => {
    // Serial 46,410 is 2027-01-23: two months (62 days / 30.4375 → 2.0) after today.
    const r = parseNumber(46410, "number", context);
    expect(r).toEqual({ ok: true, value: 2, converted: true });
  });
  it("refuses a serial in the past like a past date", () => {
    const r = parseNumber(45000, "number", context);
    expect(r.ok).toBe(false);
  });
  it("keeps ordinary numbers of months as numbers", () => {
    expect(parseNumber(18, "number", context)).toEqual({ ok: true, value: 18, converted: false });
  });
});
