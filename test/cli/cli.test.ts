/**
 * The command line, run in-process through `main` with captured streams:
 * exit codes, the summary, --json, and the written workbook read back.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { salesPayment } from "../../src/core";
import { run } from "./run";

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

  it("writes a workbook with the source sheet unchanged plus the tier, summary and rules sheets", async () => {
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
    expect(names).toEqual([...before.worksheets.map((w) => w.name), "Customer tiers", "Tier summary", "Tier rules"]);
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
});
