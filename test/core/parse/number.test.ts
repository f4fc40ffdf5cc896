import type { FieldKind } from "../../../src/core/model";
import { parseNumber, type CellValue } from "../../../src/core/parse/values";

function valueOf(raw: CellValue, kind: FieldKind) {
  const r = parseNumber(raw, kind);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to read as a ${kind}: ${r.message["en-US"]}`);
  return r;
}

function messageOf(raw: CellValue, kind: FieldKind) {
  const r = parseNumber(raw, kind);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused as a ${kind}, got ${r.value}`);
  return r.message;
}

describe("parseNumber: numbers already numbers", () => {
  test.each([0, 12, -5, 19999.99, 1e21])("%p is read as is, not converted", (n) => {
    expect(valueOf(n, "money")).toEqual({ ok: true, value: n, converted: false });
  });

  test.each([NaN, Infinity, -Infinity])("%p is refused", (n) => {
    expect(messageOf(n, "number")["en-US"]).toContain(String(n));
  });
});

describe("parseNumber: money as people type it", () => {
  test.each<[string, number]>([
    ["12000", 12000],
    ["  12000 ", 12000],
    ["12,000", 12000],
    ["12，000", 12000],
    ["1 200", 1200],
    ["1\u00a0200", 1200],
    ["1 234 567.5", 1234567.5],
    ["12,000.50", 12000.5],
    ["¥12,000", 12000],
    ["￥12,000", 12000],
    ["¥ 12,000", 12000],
    ["$12,000", 12000],
    ["US$12,000", 12000],
    ["12000元", 12000],
    ["12,000 元", 12000],
    ["RMB 12,000", 12000],
    ["12,000 RMB", 12000],
    ["CNY12000", 12000],
    ["12000 cny", 12000],
    ["USD 12,000", 12000],
    ["人民币12000元", 12000],
    ["¥12,000元", 12000],
    ["2万", 20000],
    ["2 万", 20000],
    ["1.5万元", 15000],
    ["1.1万", 11000],
    ["2萬", 20000],
    ["3千", 3000],
    ["0.2亿", 20000000],
    ["1.2億", 120000000],
    ["1.2百万", 1200000],
    ["3千万", 30000000],
    ["¥2万", 20000],
    ["2万块", 20000],
    ["2万元/月", 20000],
    ["12k", 12000],
    ["12K", 12000],
    ["1.2M", 1200000],
    ["$1.2m", 1200000],
    ["2w", 20000],
    ["１２３", 123],
    ["１２，０００", 12000],
    ["１９９９９.９９", 19999.99],
    ["１９９９９．９９", 19999.99],
    ["－５", -5],
    ["\u22125", -5],
    ["-5", -5],
    ["+5", 5],
    ["-¥1,200", -1200],
    ["¥-1,200", -1200],
    ["(1,200)", -1200],
    ["（1,200）", -1200],
    ["(¥1,200)", -1200],
    ["¥(1,200)", -1200],
    [".5", 0.5],
    ["5.", 5],
    ["1.5E+04", 15000],
    ["1e3", 1000],
    ["12\u200b000", 12000],
    ["12\ufeff000", 12000],
  ])("%p → %p", (raw, value) => {
    expect(valueOf(raw, "money")).toEqual({ ok: true, value, converted: true });
  });

  test("numeric text counts as converted", () => {
    expect(valueOf("12", "money").converted).toBe(true);
  });

  test("-0 and (0) read as 0", () => {
    expect(Object.is(valueOf("-0", "money").value, 0)).toBe(true);
    expect(Object.is(valueOf("(0)", "money").value, 0)).toBe(true);
  });
});

describe("parseNumber: days, counts and other numbers", () => {
  test.each<[string, number]>([
    ["30天", 30],
    ["30 天", 30],
    ["30日", 30],
    ["30 days", 30],
    ["30 Days", 30],
    ["1 day", 1],
    ["30d", 30],
    ["30D", 30],
    ["３０天", 30],
    ["Net 30", 30],
    ["net30", 30],
    ["-5天", -5],
  ])("days %p → %p", (raw, value) => {
    expect(valueOf(raw, "days").value).toBe(value);
  });

  test.each<[string, number]>([
    ["7单", 7],
    ["7 orders", 7],
    ["1 order", 1],
    ["5次", 5],
    ["3笔", 3],
    ["７单", 7],
  ])("count %p → %p", (raw, value) => {
    expect(valueOf(raw, "count").value).toBe(value);
  });

  test.each<[string, number]>([
    ["15%", 0.15],
    ["１５％", 0.15],
    ["-2.5%", -0.025],
    ["3个月", 3],
    ["2.5 months", 2.5],
    ["90分", 90],
    ["100K", 100000],
    ["5万件", 50000],
    ["1,200 pcs", 1200],
    ["200 units", 200],
  ])("number %p → %p", (raw, value) => {
    expect(valueOf(raw, "number").value).toBe(value);
  });

  test.each<[string, FieldKind]>([
    ["30天", "money"], // a day count is not an amount
    ["¥30", "days"],
    ["2万天", "days"], // no scales for days
    ["3k days", "days"],
    ["15%", "money"], // a percentage is not an amount
    ["15%", "days"],
    ["15%", "count"],
    ["7单", "days"],
    ["3月", "number"], // could be March
    ["Net 30", "money"],
  ])("%p is refused as %s: the unit does not fit the kind", (raw, kind) => {
    expect(parseNumber(raw, kind).ok).toBe(false);
  });
});

describe("parseNumber: junk and ambiguous forms are refused", () => {
  test.each([
    "abc",
    "12abc",
    "1,2,3", // not groups of three: a list, or a European decimal?
    "12,00",
    "1,2345",
    "1.234,56",
    "1.2.3",
    "1 2",
    "--5",
    "+-5",
    "(-5)",
    "-(5)",
    "(5",
    "5)",
    "(1,200)元",
    "1万-2万",
    "2万5",
    "两万",
    "0x10",
    "Infinity",
    "NaN",
    "1e400",
    ".",
    "-",
    "—",
    "¥",
    "¥¥5",
    "12\n000",
  ])("%p", (raw) => {
    expect(parseNumber(raw, "money").ok).toBe(false);
  });
});

describe("parseNumber: what is not a number says so, in both languages", () => {
  test.each<[FieldKind, string, string]>([
    ["money", "金额", "amount"],
    ["days", "天数", "number of days"],
    ["count", "数量", "count"],
    ["number", "数字", "number"],
  ])("a %s field names its kind", (kind, zh, en) => {
    expect(messageOf("abc", kind)).toEqual({ "zh-CN": `“abc”不是有效的${zh}`, "en-US": `"abc" is not a valid ${en}` });
  });

  test("the value is shown trimmed", () => {
    expect(messageOf("  12abc  ", "money")["en-US"]).toContain('"12abc"');
  });

  test.each<[CellValue, string]>([
    [{ error: "#N/A" }, "#N/A"],
    [{ error: "#DIV/0!" }, "#DIV/0!"],
    ["#N/A", "#N/A"],
    ["#DIV/0!", "#DIV/0!"],
    [" #value! ", "#value!"],
    ["#REF!", "#REF!"],
  ])("Excel error %p is named as an error", (raw, code) => {
    const m = messageOf(raw, "money");
    expect(m["zh-CN"]).toContain(code);
    expect(m["zh-CN"]).toContain("错误值");
    expect(m["en-US"]).toContain(code);
    expect(m["en-US"]).toContain("error");
  });

  test.each<[boolean, string]>([
    [true, "TRUE"],
    [false, "FALSE"],
  ])("boolean %p is not a number", (raw, shown) => {
    expect(messageOf(raw, "number")["en-US"]).toBe(`"${shown}" is not a valid number`);
  });

  test.each<[CellValue, string]>([
    [new Date(Date.UTC(2024, 2, 1)), "2024-03-01"],
    ["2024-03-01", "2024-03-01"],
    ["2024年3月1日", "2024年3月1日"],
  ])("a date %p in a numeric field is named as a date", (raw, shown) => {
    const m = messageOf(raw, "days");
    expect(m["zh-CN"]).toBe(`“${shown}”是日期，不是有效的天数`);
    expect(m["en-US"]).toBe(`"${shown}" is a date, not a valid number of days`);
  });

  test.each([null, undefined, "", "   "])("blank %p says the cell is empty", (raw) => {
    const m = messageOf(raw, "money");
    expect(m["zh-CN"]).toContain("为空");
    expect(m["en-US"]).toContain("empty");
  });

  test("long text is cut in the message", () => {
    const long = "x".repeat(500);
    const m = messageOf(long, "money");
    expect(m["en-US"].length).toBeLessThan(120);
    expect(m["en-US"]).toContain("x".repeat(50));
  });
});

describe("parseNumber: months to close given as a date", () => {
  const today = new Date(Date.UTC(2024, 2, 1)); // 2024-03-01
  const ctx = { fromDate: "monthsFromToday" as const, today };

  test.each<[CellValue, number]>([
    ["2024-03-01", 0],
    ["2024-04-01", 1], // 31 days
    ["2024/4/2", 1.1], // 32 days
    ["2024年6月1日", 3], // 92 days
    [new Date(Date.UTC(2024, 8, 1)), 6], // 184 days
    ["2025-03-01", 12], // 365 days
    // numbers stay months
    [2.5, 2.5],
    ["3个月", 3],
    ["4", 4],
  ])("%p → %p months", (raw, months) => {
    const r = parseNumber(raw, "number", ctx);
    expect(r).toEqual({ ok: true, value: months, converted: typeof raw !== "number" });
  });

  test.each<CellValue>(["2024-02-29", "2024/2/29", new Date(Date.UTC(2023, 0, 1))])("a past date %p is refused clearly", (raw) => {
    const r = parseNumber(raw, "number", ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message["zh-CN"]).toContain("已过");
    expect(r.message["zh-CN"]).toContain("2024-03-01");
    expect(r.message["en-US"]).toContain("has passed");
  });

  test("yesterday is past although it rounds to 0.0 months", () => {
    expect(parseNumber("2024-02-29", "number", ctx).ok).toBe(false);
  });

  test("a field without fromDate refuses dates", () => {
    expect(parseNumber("2024-04-01", "number", { today }).ok).toBe(false);
  });

  test("junk names both accepted forms", () => {
    const r = parseNumber("soon", "number", ctx);
    expect(r.ok ? null : r.message).toEqual({
      "zh-CN": "“soon”不是有效的月数或日期",
      "en-US": '"soon" is not a valid number of months or date',
    });
  });

  test("an ambiguous date is refused, not guessed", () => {
    expect(parseNumber("4/1/2024", "number", ctx).ok).toBe(false);
  });
});
