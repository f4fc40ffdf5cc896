import { readFileSync } from "node:fs";
import { detectTable, type SheetGrid, type SourceTable } from "../../../src/core";
import { aggregateOrders, customerTable, recogniseOrderLog, summaryColumn } from "../../../src/core/orders";
import { openWorkbook } from "../../../src/hosts/xlsx/read";
import { expectedCustomers, SUPERSTORE, superstoreLines } from "./superstore";

const AS_OF = "2018-01-01";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function superstoreTable(): Promise<SourceTable> {
  const { grids } = await openWorkbook(readFileSync(SUPERSTORE), "superstore.csv");
  return detectTable(grids[0], "en-US");
}

function table(rows: unknown[][]): SourceTable {
  const grid: SheetGrid = { name: "订单", values: rows as SheetGrid["values"] };
  return detectTable(grid, "zh-CN");
}

describe("order log: Sample Superstore", () => {
  let t: SourceTable;
  beforeAll(async () => {
    t = await superstoreTable();
  });

  it("is recognised: 9,994 order lines, 793 customers, columns found by their English headers", () => {
    const shape = recogniseOrderLog(t)!;
    expect(shape).not.toBeNull();
    expect(shape.orders).toBe(9994);
    expect(shape.customers).toBe(793);
    const header = (id: string) => t.headers[shape.mapping.columns[id]];
    expect(header("customer")).toBe("Customer Name");
    expect(header("customerId")).toBe("Customer ID");
    expect(header("orderDate")).toBe("Order Date");
    expect(header("amount")).toBe("Sales");
    expect(header("orderId")).toBe("Order ID");
  });

  it("sums every customer as an independent count of the CSV does", () => {
    const expected = expectedCustomers(AS_OF);
    const agg = aggregateOrders(t, recogniseOrderLog(t)!.mapping, day(AS_OF));
    expect(agg.lines).toBe(superstoreLines().length);
    expect(agg.used).toBe(9994);
    expect(agg.customers).toBe(expected.size);
    expect(agg.issues).toEqual([]);
    const distinctOrders = new Set(superstoreLines().map((l) => l["Order ID"])).size;
    expect(distinctOrders).toBe(5009);
    let orders = 0;
    for (let c = 0; c < agg.customers; c++) {
      const e = expected.get(agg.ids[c])!;
      expect({ id: agg.ids[c], name: agg.names[c], f: agg.frequency[c], last: iso(agg.lastOrder[c]), first: iso(agg.firstOrder[c]), r: agg.recency[c], d: agg.firstOrderDays[c] }).toEqual({
        id: e.id,
        name: e.name,
        f: e.frequency,
        last: e.lastOrder,
        first: e.firstOrder,
        r: e.recency,
        d: e.firstOrderDays,
      });
      expect(agg.monetary[c]).toBeCloseTo(e.monetary, 6);
      orders += agg.frequency[c];
    }
    expect(orders).toBe(5009);
  });

  it("becomes a customer table with one row per customer, numbered by the first order line's sheet row", () => {
    const agg = aggregateOrders(t, recogniseOrderLog(t)!.mapping, day(AS_OF));
    const ct = customerTable(agg, t, "zh-CN");
    expect(ct.rows).toHaveLength(793);
    expect(ct.headers[summaryColumn("recency")]).toBe("最近购买（天）");
    // Claire Gute (CG-12520) is on the CSV's lines 2 and 3: her first line is sheet row 2.
    const claire = ct.rows.find((r) => r.cells[summaryColumn("customerId")] === "CG-12520")!;
    expect(claire.row).toBe(2);
    expect(claire.cells[summaryColumn("customer")]).toBe("Claire Gute");
  });
});

describe("order log: definitions", () => {
  const head = ["客户", "订单号", "下单日期", "金额"];

  it("counts distinct order ids when mapped, else lines; sums amounts; first and last date; recency to the as-of day", () => {
    const t = table([
      head,
      ["甲", "D1", "2024-01-10", 100],
      ["甲", "D1", "2024-01-10", 50],
      ["乙", "D2", "2024-02-01", 70],
      ["甲", "D3", "2024-03-01", 30],
      ["乙", "D4", "2024-03-05", 10],
      ["丙", "D5", "2024-03-06", 10],
    ]);
    const shape = recogniseOrderLog(t)!;
    expect(shape).toMatchObject({ orders: 6, customers: 3 });
    const agg = aggregateOrders(t, shape.mapping, day("2024-03-31"));
    expect(agg.names).toEqual(["甲", "乙", "丙"]);
    expect(Array.from(agg.frequency)).toEqual([2, 2, 1]);
    expect(Array.from(agg.monetary)).toEqual([180, 80, 10]);
    expect(Array.from(agg.recency)).toEqual([30, 26, 25]);
    expect(Array.from(agg.firstOrderDays)).toEqual([81, 59, 25]);

    const noIds = { ...shape.mapping, columns: { ...shape.mapping.columns } };
    delete noIds.columns.orderId;
    expect(Array.from(aggregateOrders(t, noIds, day("2024-03-31")).frequency)).toEqual([3, 2, 1]);
  });

  it("sums amounts to the decimals they have, not binary noise: Claire Gute's 261.96 + 731.94 + 18.16 + 131.376 + 5.344 is 1148.78", () => {
    const amounts = [261.96, 731.94, 18.16, 131.376, 5.344];
    expect(amounts.reduce((s, a) => s + a, 0)).not.toBe(1148.78); // the noise a plain double sum has
    const t = table([head, ...amounts.map((a, i) => ["Claire Gute", String(i), "2024-01-10", a])]);
    const agg = aggregateOrders(t, mapping(t), day("2024-03-31"));
    expect(Array.from(agg.monetary)).toEqual([1148.78]);
  });

  it("reads dates as Excel serials, Date cells and text alike", () => {
    // 45301 = 2024-01-10; 45352 = 2024-03-01.
    const t = table([head, ["甲", "1", 45301, 1], ["甲", "2", new Date(Date.UTC(2024, 1, 1)), 1], ["甲", "3", "2024年3月1日", 1], ["乙", "4", "2024/3/1", 1]]);
    const agg = aggregateOrders(t, recogniseOrderLog(t, { orderDate: "下单日期" })?.mapping ?? mapping(t), day("2024-03-31"));
    expect(iso(agg.firstOrder[0])).toBe("2024-01-10");
    expect(iso(agg.lastOrder[0])).toBe("2024-03-01");
    expect(iso(agg.lastOrder[1])).toBe("2024-03-01");
    expect(agg.issues).toEqual([]);
  });

  it("leaves out lines with an unreadable date or amount and reports row, column and value in both languages", () => {
    const t = table([head, ["甲", "1", "2024-01-10", 100], ["甲", "2", "下周", 50], ["甲", "3", "2024-01-12", "待定"], ["乙", "4", "3/1/2024", 5], ["乙", "5", "2024-01-02", 5]]);
    const agg = aggregateOrders(t, mapping(t), day("2024-03-31"));
    expect(agg.used).toBe(2);
    expect(Array.from(agg.monetary)).toEqual([100, 5]);
    expect(Array.from(agg.frequency)).toEqual([1, 1]);
    expect(agg.issues.map((i) => [i.severity, i.row, i.columnLetter, i.column, i.value])).toEqual([
      ["error", 3, "C", "下单日期", "下周"],
      ["error", 4, "D", "金额", "待定"],
      ["error", 5, "C", "下单日期", "3/1/2024"],
    ]);
    for (const i of agg.issues) {
      expect(i.message["zh-CN"]).toContain("此行未计入客户汇总");
      expect(i.message["en-US"]).toContain("left out of the customer totals");
    }
  });

  it("sums refunds (negative amounts) and flags each as a warning; zero amounts count as orders", () => {
    const t = table([head, ["甲", "1", "2024-01-10", 100], ["甲", "2", "2024-01-11", -40], ["乙", "3", "2024-01-12", 0], ["乙", "4", "2024-01-13", 0]]);
    const agg = aggregateOrders(t, mapping(t), day("2024-03-31"));
    expect(Array.from(agg.monetary)).toEqual([60, 0]);
    expect(Array.from(agg.frequency)).toEqual([2, 2]);
    expect(agg.issues).toHaveLength(1);
    expect(agg.issues[0]).toMatchObject({ severity: "warning", row: 3, columnLetter: "D", value: -40 });
    expect(agg.issues[0].message["zh-CN"]).toContain("-40");
    expect(agg.issues[0].message["en-US"]).toContain("refund");
  });

  it("one customer: every line is that customer", () => {
    const t = table([head, ["甲", "1", "2024-01-10", 1], ["甲", "2", "2024-01-11", 2], ["甲", "3", "2024-01-12", 3]]);
    const agg = aggregateOrders(t, mapping(t), day("2024-01-12"));
    expect(agg.customers).toBe(1);
    expect(Array.from(agg.recency)).toEqual([0]);
    expect(Array.from(agg.monetary)).toEqual([6]);
  });

  it("is not recognised when customers do not repeat or there is no date column", () => {
    expect(recogniseOrderLog(table([head, ["甲", "1", "2024-01-10", 1], ["乙", "2", "2024-01-11", 2], ["丙", "3", "2024-01-12", 3]]))).toBeNull();
    expect(recogniseOrderLog(table([["客户", "金额"], ["甲", 1], ["甲", 2], ["甲", 3]]))).toBeNull();
    // A customer sheet with one duplicate among twenty customers and a contact date is not an order log.
    const sheet = [["客户", "最近联系日期", "金额"], ...Array.from({ length: 20 }, (_, i) => [`客户${i}`, "2024-01-01", i]), ["客户3", "2024-01-02", 1]];
    expect(recogniseOrderLog(table(sheet))).toBeNull();
  });

  it("keys customers by id when mapped: two customers of the same name stay apart", () => {
    const t = table([["客户编号", "客户", "下单日期", "金额"], ["C1", "王五", "2024-01-10", 1], ["C2", "王五", "2024-01-10", 2], ["C1", "王五", "2024-01-11", 3], ["C2", "王五", "2024-01-11", 4]]);
    const agg = aggregateOrders(t, mapping(t), day("2024-01-31"));
    expect(agg.ids).toEqual(["C1", "C2"]);
    expect(Array.from(agg.monetary)).toEqual([4, 6]);
  });
});

function mapping(t: SourceTable) {
  const shape = recogniseOrderLog(t);
  if (!shape) throw new Error("not recognised");
  return shape.mapping;
}
