import { closeTime, ordersVolume, salesPayment } from "../../../src/core/presets";
import { headerKey, unitScale } from "../../../src/core/sheet/header-key";
import { MappingError, mapColumns, missingFieldsMessage } from "../../../src/core/sheet/mapping";

/** The header each field landed on. */
function mappedHeaders(headers: string[], ...rest: [explicit?: Record<string, string>, firstCol?: number]) {
  const m = mapColumns(headers, salesPayment, ...rest);
  return Object.fromEntries(Object.entries(m.columns).map(([f, c]) => [f, headers[c]]));
}

function mappingError(run: () => unknown): MappingError {
  try {
    run();
  } catch (e) {
    if (e instanceof MappingError) return e;
    throw e;
  }
  throw new Error("no MappingError thrown");
}

describe("matching headers to field synonyms", () => {
  it.each([
    ["销售额（元）", "revenue"],
    ["Sales (¥)", "revenue"],
    [" ＳＡＬＥＳ ", "revenue"],
    ["月均销售额/元", "revenue"],
    ["月均 销售额 [元]", "revenue"],
    ["Monthly  Sales", "revenue"],
    ["回款天数(天)", "paydays"],
    ["回款天数（天）", "paydays"],
    ["Payment days", "paydays"],
    ["DSO", "paydays"],
    ["*客户名称", "customer"],
    ["客户名称：", "customer"],
    ["COMPANY NAME", "customer"],
  ])("reads %j as an exact synonym of %s", (header, field) => {
    const m = mapColumns([header], salesPayment);
    expect(m.columns[field]).toBe(0);
    expect(m.confidence[field]).toBe(1);
  });

  it("takes a header that contains a synonym with less confidence", () => {
    const m = mapColumns(["客户名称", "2024年月均销售额", "回款天数"], salesPayment);
    expect(m.columns.revenue).toBe(1);
    expect(m.confidence.revenue).toBeGreaterThanOrEqual(0.5);
    expect(m.confidence.revenue).toBeLessThan(1);
  });

  it("does not cut English words: Salesperson is not Sales", () => {
    const m = mapColumns(["Customer", "Salesperson", "Payment days"], salesPayment);
    expect(m.columns.revenue).toBeUndefined();
    expect(m.missing).toEqual(["revenue"]);
  });

  it("prefers the field's own label among exact synonyms, and lists the others as alternatives", () => {
    const m = mapColumns(["客户名称", "销售额", "月均销售额", "回款天数"], salesPayment);
    expect(m.columns.revenue).toBe(2);
    expect(m.alternatives.revenue).toEqual([1]);
  });

  it("gives a column claimed by two fields to the better match only", () => {
    // 客户销售额 contains 客户 (customer) and 销售额 (revenue); 销售额 is the longer, closer match.
    const m = mapColumns(["客户销售额", "回款天数"], salesPayment);
    expect(m.columns).toEqual({ revenue: 0, paydays: 1 });
    expect(m.alternatives.customer).toEqual([0]);
  });

  it("lists required fields that found no column, not optional ones", () => {
    const m = mapColumns(["客户名称", "需求状态", "预计成交时间"], closeTime);
    expect(m.missing).toEqual([]);
    expect(m.columns.lastContact).toBeUndefined();
    expect(mapColumns(["联系人", "电话"], salesPayment).missing).toEqual(["revenue", "paydays"]);
  });
});

describe("explicit choices", () => {
  const headers = ["客户名称", "本月销售", "上月销售", "回款天数"];

  it("maps by header text, and wins over the automatic match", () => {
    expect(mappedHeaders(headers, { revenue: "上月销售" })).toEqual({ customer: "客户名称", revenue: "上月销售", paydays: "回款天数" });
  });

  it("maps by sheet column letter, counting from the table's first column", () => {
    // The table starts at column B: C is its second column.
    expect(mappedHeaders(headers, { revenue: "c" }, 1)).toEqual({ customer: "客户名称", revenue: "本月销售", paydays: "回款天数" });
  });

  it("takes the column away from the field that matched it automatically", () => {
    const m = mapColumns(["客户名称", "月均销售额", "回款天数"], salesPayment, { customer: "月均销售额" });
    expect(m.columns.customer).toBe(1);
    expect(m.columns.revenue).toBeUndefined();
    expect(m.missing).toEqual(["revenue"]);
  });

  it("says which headers exist when the chosen one does not", () => {
    const e = mappingError(() => mapColumns(headers, salesPayment, { revenue: "销售金额" }, 1));
    expect(e.text["zh-CN"]).toContain("销售金额");
    expect(e.text["zh-CN"]).toContain("B 客户名称、C 本月销售、D 上月销售、E 回款天数");
    expect(e.text["en-US"]).toContain("B 客户名称, C 本月销售");
  });

  it("refuses a column letter outside the table", () => {
    expect(() => mapColumns(headers, salesPayment, { revenue: "A" }, 1)).toThrow(MappingError);
  });

  it("refuses a field the model does not have, listing its fields", () => {
    const e = mappingError(() => mapColumns(headers, salesPayment, { revnue: "本月销售" }));
    expect(e.text["en-US"]).toContain("revenue (Monthly sales)");
  });

  it("refuses one column for two fields", () => {
    expect(() => mapColumns(headers, salesPayment, { revenue: "本月销售", paydays: "C" }, 1)).toThrow(MappingError);
  });
});

describe("the message when required columns are missing", () => {
  it("names the fields in the user's language with their ids, and the headers found", () => {
    const headers = ["联系人", "电话"];
    const m = mapColumns(headers, salesPayment);
    const message = missingFieldsMessage(m, salesPayment, headers, 2);
    expect(message["zh-CN"]).toContain("月均销售额（revenue）、回款天数（paydays）");
    expect(message["zh-CN"]).toContain("C 联系人、D 电话");
    expect(message["en-US"]).toContain("Monthly sales (revenue), Payment days (paydays)");
    expect(message["en-US"]).toContain("C 联系人, D 电话");
  });
});

describe("units in headers", () => {
  it("separates the unit from the name", () => {
    expect(headerKey("销售额（万元）")).toEqual({ key: "销售额", spaced: "销售额", unit: "万元" });
    expect(headerKey("Sales / ¥")).toMatchObject({ key: "sales", unit: "¥" });
    // A slash between two words is not a unit.
    expect(headerKey("Name/Company").key).toBe("namecompany");
  });

  it.each([
    ["万元", 1e4],
    ["万", 1e4],
    ["千元", 1e3],
    ["K", 1e3],
    ["k", 1e3],
    ["百万元", 1e6],
    ["M", 1e6],
    ["亿元", 1e8],
    ["元", 1],
    ["¥", 1],
    ["千克", 1],
    ["", 1],
  ])("scales plain numbers under %j by %d", (unit, factor) => {
    expect(unitScale(unit.toLowerCase())).toBe(factor);
  });

  it("records the scale of mapped money, count and number columns only", () => {
    expect(mapColumns(["客户", "月均销售额（万元）", "回款天数（天）"], salesPayment).scale).toEqual({ revenue: 10000 });
    expect(mapColumns(["客户", "订单数", "累计数量（K）"], ordersVolume).scale).toEqual({ volume: 1000 });
    expect(mapColumns(["客户", "月均销售额（元）", "回款天数"], salesPayment).scale).toEqual({});
  });
});
