/**
 * The xlsx host writes a plan's data validations as the file format has them:
 * one element per range with its rule, input message and stop-style error.
 */
import ExcelJS from "exceljs";
import { writeXlsx } from "../../../src/hosts/xlsx/write";
import { LISTS, ROWS, validationPlan } from "../validation-plan";

type Model = Record<string, ExcelJS.DataValidation & Record<string, unknown>>;

async function written(): Promise<Model> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeXlsx(validationPlan())) as unknown as ExcelJS.Buffer);
  return (workbook.getWorksheet("Customers") as unknown as { dataValidations: { model: Model } }).dataValidations.model;
}

describe("xlsx host: data validation", () => {
  it("writes each validation once for its whole range, every cell of it covered", async () => {
    const model = await written();
    // exceljs reads one <dataValidation> element into one object shared by every cell of its range.
    expect(new Set(Object.values(model)).size).toBe(4);
    for (const col of ["B", "C", "D", "E"]) {
      expect(model[`${col}2`]).toBeDefined();
      expect(model[`${col}${ROWS + 1}`]).toBe(model[`${col}2`]);
      expect(model[`${col}1`]).toBeUndefined(); // the header is free
      expect(model[`${col}${ROWS + 2}`]).toBeUndefined();
    }
    expect(model.A2).toBeUndefined();
  });

  it("writes the rules: a dropdown over another sheet's range, whole ≥ 0, decimal between, date on or after", async () => {
    const model = await written();
    expect(model.B2).toMatchObject({ type: "list", formulae: [`'${LISTS}'!$A$1:$A$3`], allowBlank: true });
    expect(model.C2).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(model.D2).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100] });
    expect(model.E2).toMatchObject({ type: "date", operator: "greaterThanOrEqual" });
    expect((model.E2.formulae[0] as Date).toISOString().slice(0, 10)).toBe("2000-01-01");
  });

  it("shows the input message and refuses bad entries with the error message", async () => {
    const model = await written();
    expect(model.C50).toMatchObject({
      showInputMessage: true,
      promptTitle: "orders",
      prompt: "Type orders",
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Bad orders",
      error: "That is not orders",
    });
  });
});
