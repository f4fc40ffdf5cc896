/**
 * `custtier template`, run in-process through `main`: the file it writes
 * (sheets, columns, examples, formulas for 500 rows, validations), what it
 * prints, and its exit codes.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./run";

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const isFormula = (v: ExcelJS.CellValue) => typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
const tmp = mkdtempSync(join(tmpdir(), "custtier-template-"));

describe("custtier template", () => {
  it("writes the chosen model's workbook in Chinese with example rows, and says what it wrote", async () => {
    const file = join(tmp, "close-time.xlsx");
    const { code, out, err } = await run("template", "--model", "close-time", "--lang", "zh-CN", "--examples", "-o", file);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toContain(file);
    for (const name of ["客户管理", "分级汇总", "分级规则"]) expect(out).toContain(name);
    expect(out).toContain("示例");

    const workbook = await open(file);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["客户管理", "分级汇总", "分级规则"]);
    const ws = workbook.getWorksheet("客户管理")!;
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).map(String);
    for (const h of ["客户名称", "需求状态", "预计成交月数", "最近联系日期", "等级", "下次跟进", "逾期"]) expect(header).toContain(h);
    expect(String(ws.getCell("A4").value)).not.toBe("");
    const need = header.indexOf("需求状态");
    const validation = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model[ws.getCell(4, need).address];
    expect(validation?.type).toBe("list");
  });

  it("defaults to sales-payment in the terminal's language, without examples, formulas ready for 500 rows", async () => {
    const file = join(tmp, "default.xlsx");
    const { code, out } = await run("template", "-o", file);
    expect(code).toBe(0);
    expect(out).toContain("Customers");
    expect(out).not.toContain("example");
    const workbook = await open(file);
    const ws = workbook.getWorksheet("Customers")!;
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).map(String);
    for (const h of ["Monthly sales", "Payment days", "Score", "Tier"]) expect(header).toContain(h);
    const tier = header.indexOf("Tier");
    expect(ws.getCell("A4").value).toBeNull();
    expect(isFormula(ws.getCell(4, tier).value)).toBe(true);
    expect(isFormula(ws.getCell(503, tier).value)).toBe(true);
    expect(ws.getCell(504, tier).value).toBeNull();
  });

  it.each([
    ["rfm", ["Last order", "Orders", "Total spent", "First order", "Days since last order", "FM", "Tier", "Status"]],
    ["rfm-8", ["Last order", "Orders", "Total spent", "Score", "Tier", "Status"]],
    ["abc", ["Total spent", "Monetary level", "Tier"]],
    ["value-abcd", ["Last order", "Total spent", "Days since last order", "Tier", "Status"]],
  ])("writes a value preset's template (%s): the customers' own cut points, no refusal (issue 11)", async (model, headers) => {
    const file = join(tmp, `${model}.xlsx`);
    const { code, err } = await run("template", "--model", model, "--lang", "en-US", "--examples", "-o", file);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const workbook = await open(file);
    const header = (workbook.getWorksheet("Customers")!.getRow(3).values as ExcelJS.CellValue[]).map(String);
    for (const h of headers) expect(header).toContain(h);
    expect(workbook.definedNames.getRanges("Monetary_data_tpl").ranges).toEqual(["Customers!$" + String.fromCharCode(64 + header.indexOf("Total spent")) + "$4:$" + String.fromCharCode(64 + header.indexOf("Total spent")) + "$503"]);
  });

  it("refuses an unknown model (exit 2) and reports a file it cannot write (exit 1)", async () => {
    const unknown = await run("template", "--model", "no-such-model", "-o", join(tmp, "x.xlsx"));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no-such-model");
    expect(existsSync(join(tmp, "x.xlsx"))).toBe(false);

    const target = join(tmp, "missing-dir", "t.xlsx");
    const unwritable = await run("template", "-o", target);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain(target);
    expect(unwritable.out).toBe("");
  });
});
