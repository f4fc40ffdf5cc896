import { localToday, parseDate, type CellValue } from "../../../src/core/parse/values";

/** The parsed day as yyyy-mm-dd, checking that it is exactly UTC midnight. */
function dayOf(raw: CellValue): string {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(`expected ${String(raw)} to read as a date: ${r.message["en-US"]}`);
  expect([r.value.getUTCHours(), r.value.getUTCMinutes(), r.value.getUTCSeconds(), r.value.getUTCMilliseconds()]).toEqual([0, 0, 0, 0]);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${r.value.getUTCFullYear()}-${pad(r.value.getUTCMonth() + 1)}-${pad(r.value.getUTCDate())}`;
}

function refusal(raw: CellValue) {
  const r = parseDate(raw);
  if (r.ok) throw new Error(`expected ${String(raw)} to be refused, got ${r.value.toISOString()}`);
  return r.message;
}

describe("parseDate: Excel serials (1900 date system)", () => {
  test.each<[number, string]>([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"], // after Excel's fictitious 1900-02-29
    [367, "1901-01-01"],
    [45292, "2024-01-01"],
    [45352, "2024-03-01"],
    [45352.75, "2024-03-01"], // 18:00 that day: the time is dropped
    [2958465, "9999-12-31"],
  ])("%p → %s", (serial, day) => {
    expect(dayOf(serial)).toBe(day);
    expect(parseDate(serial)).toMatchObject({ converted: true });
  });

  test("60, Excel's 1900-02-29, never existed", () => {
    expect(refusal(60)["en-US"]).toContain("1900-02-29");
  });

  test.each([0, 0.5, -1, 2958466, NaN, Infinity])("%p is outside the date range", (serial) => {
    expect(refusal(serial)["en-US"]).toContain(String(serial));
  });
});

describe("parseDate: JS dates", () => {
  test("a Date is read by its UTC day and not counted as converted", () => {
    const r = parseDate(new Date(Date.UTC(2024, 2, 1, 23, 59)));
    expect(r).toEqual({ ok: true, value: new Date(Date.UTC(2024, 2, 1)), converted: false });
  });

  test("an invalid Date is refused", () => {
    expect(refusal(new Date(NaN))["en-US"]).toContain("not a valid date");
  });
});

describe("parseDate: text", () => {
  test.each<[string, string]>([
    ["2024-03-01", "2024-03-01"],
    ["2024-3-1", "2024-03-01"],
    ["2024/3/1", "2024-03-01"],
    ["2024/03/01", "2024-03-01"],
    ["2024.3.1", "2024-03-01"],
    ["2024年3月1日", "2024-03-01"],
    ["2024年03月01日", "2024-03-01"],
    ["2024年3月1号", "2024-03-01"],
    ["2024 年 3 月 1 日", "2024-03-01"],
    ["2024年3月1", "2024-03-01"],
    ["２０２４年３月１日", "2024-03-01"],
    ["２０２４－０３－０１", "2024-03-01"],
    ["  2024-03-01  ", "2024-03-01"],
    ["2024-03-01 14:30", "2024-03-01"],
    ["2024-03-01 23:59:59", "2024-03-01"],
    ["2024/3/1 2:30 PM", "2024-03-01"],
    ["2024-03-01T14:30:00Z", "2024-03-01"],
    ["2024-03-01T23:30:00.000+08:00", "2024-03-01"], // the day as written, not moved by the offset
    ["2024年3月1日 08:00", "2024-03-01"],
    ["2024-02-29", "2024-02-29"], // leap year
    ["2000-02-29", "2000-02-29"],
    ["1900-01-01", "1900-01-01"],
    ["9999-12-31", "9999-12-31"],
  ])("%p → %s", (raw, day) => {
    expect(dayOf(raw)).toBe(day);
  });

  test.each(["2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-03-00"])("%p: no such day", (raw) => {
    const m = refusal(raw);
    expect(m["zh-CN"]).toContain(raw);
    expect(m["en-US"]).toBe(`"${raw}" is not a valid date: there is no such day`);
  });

  test.each(["3/1/2024", "1/3/2024", "01-03-2024", "3/1/24", "25/12/2024"])("%p: year-last dates are refused (month/day or day/month?) with a hint", (raw) => {
    const m = refusal(raw);
    expect(m["zh-CN"]).toContain("年-月-日");
    expect(m["en-US"]).toContain("year first");
    expect(m["en-US"]).toContain(raw);
  });

  test.each([
    "abc",
    "2024",
    "45352", // numeric text is not a serial
    "2024-03",
    "2024年3月",
    "2024-03/01", // mixed separators
    "24-3-1",
    "1899-12-31",
    "2024-03-01 25:00",
    "2024-03-01 12:60",
    "2024-03-01 13:00 pm",
    "2024-03-01x",
  ])("%p is not a date", (raw) => {
    expect(refusal(raw)["en-US"]).toContain("not a valid date");
  });

  test.each<[CellValue, string]>([
    [{ error: "#N/A" }, "#N/A"],
    ["#VALUE!", "#VALUE!"],
  ])("Excel error %p", (raw, code) => {
    expect(refusal(raw)["en-US"]).toBe(`"${code}" is an Excel error value, not a valid date`);
  });

  test.each<CellValue>([true, null, "", undefined])("%p is not a date", (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });
});

describe("localToday", () => {
  test("is the local calendar day at UTC midnight", () => {
    const now = new Date(2024, 2, 1, 7, 30); // local time, any zone
    expect(localToday(now)).toEqual(new Date(Date.UTC(2024, 2, 1)));
  });
});
