const MS_PER_DAY = 86_400_000;
/** The average month of the Gregorian calendar (365.25 / 12 days). */
const DAYS_PER_MONTH = 30.4375;

/** Whole calendar days from `today` to `date`, each read by its UTC day (as `parseDate` returns them). */
export function daysUntil(date: Date, today: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day(date) - day(today)) / MS_PER_DAY);
}

/**
 * Months from `today` to `date`: days / 30.4375, rounded to one decimal;
 * negative when the date has passed. Rounding to one decimal makes "the same
 * day N calendar months later" come out at N or just under for N = 1…6 and 12
 * (28–31 days give 0.9–1.0, 89–92 days 2.9–3.0, 181–184 days 5.9–6.0), so the
 * bands of close-time and potential-4 (≤ 1, 3, 6, 12 months) read the way people count.
 */
export function monthsUntil(date: Date, today: Date): number {
  const months = Math.round((daysUntil(date, today) / DAYS_PER_MONTH) * 10) / 10;
  return months === 0 ? 0 : months; // no -0 from a negative fraction rounded up
}
