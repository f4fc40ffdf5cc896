/**
 * The Excel host sets a plan's data validations through Office.js: one range
 * per validation (never per cell), its rule in Office.js terms, the prompt
 * and a stop-style error alert, once the sheets the lists live on exist.
 */
import { findPreset } from "../../../src/core/presets";
import { buildTemplatePlan } from "../../../src/core/template";
import { applyPlan } from "../../../src/hosts/excel/apply";
import { RecordingContext } from "../../../src/hosts/excel/testing/recording-context";
import { LISTS, ROWS, validationPlan } from "../validation-plan";

async function applied() {
  const ctx = new RecordingContext({ sheets: [{ name: "Sheet1" }] });
  await applyPlan(ctx, validationPlan());
  const calls = ctx.calls.filter((c) => c.api.startsWith("range.dataValidation."));
  return { ctx, calls };
}

describe("Excel host: data validation", () => {
  it("sets one rule per column range, in Office.js terms", async () => {
    const { calls } = await applied();
    const rules = calls.filter((c) => c.api === "range.dataValidation.rule");
    expect(rules.map((c) => [c.sheet, c.range, c.value])).toEqual([
      ["Customers", { row: 1, col: 1, rows: ROWS, cols: 1 }, { list: { inCellDropDown: true, source: `='${LISTS}'!$A$1:$A$3` } }],
      ["Customers", { row: 1, col: 2, rows: ROWS, cols: 1 }, { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } }],
      ["Customers", { row: 1, col: 3, rows: ROWS, cols: 1 }, { decimal: { formula1: 0, formula2: 100, operator: "Between" } }],
      ["Customers", { row: 1, col: 4, rows: ROWS, cols: 1 }, { date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } }],
    ]);
  });

  it("shows the input message, refuses bad entries with the error alert, lets blanks be", async () => {
    const { calls } = await applied();
    const on = (api: string) => calls.filter((c) => c.api === `range.dataValidation.${api}` && c.range?.col === 2).map((c) => c.value);
    expect(on("prompt")).toEqual([{ showPrompt: true, title: "orders", message: "Type orders" }]);
    expect(on("errorAlert")).toEqual([{ showAlert: true, style: "Stop", title: "Bad orders", message: "That is not orders" }]);
    expect(on("ignoreBlanks")).toEqual([true]);
  });

  it("sets them when every new sheet exists (a list may read another new sheet), in a constant number of syncs", async () => {
    const { ctx, calls } = await applied();
    const addLists = ctx.calls.find((c) => c.api === "worksheets.add" && c.value === LISTS);
    expect(addLists).toBeDefined();
    expect(calls.every((c) => c.request >= addLists!.request)).toBe(true);
    const small = new RecordingContext({ sheets: [{ name: "Sheet1" }] });
    await applyPlan(small, { ...validationPlan(), sheets: validationPlan().sheets.map((s) => ({ ...s, validations: undefined })) });
    expect(ctx.syncs).toBe(small.syncs);
  });

  it("inserts a whole template beside the user's sheets: its dropdowns, checks and formulas", async () => {
    const ctx = new RecordingContext({ sheets: [{ name: "客户管理", cells: [["我的客户"]] }] });
    const existing = [{ name: "客户管理" }];
    const plan = buildTemplatePlan(findPreset("close-time")!, { lang: "zh-CN", existing, rows: 200, examples: true });
    await applyPlan(ctx, plan);
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户管理", ...plan.sheets.map((s) => s.name)]);
    expect(ctx.sheet("客户管理").shown(0, 0)).toBe("我的客户");
    const rules = ctx.calls.filter((c) => c.api === "range.dataValidation.rule");
    expect(rules.map((c) => [c.sheet, c.range?.rows])).toEqual(plan.sheets[0].validations!.map(() => [plan.sheets[0].name, 200]));
    expect(rules.map((c) => Object.keys(c.value as object)[0])).toEqual(["list", "list", "decimal", "date"]); // status, need, months, last contact
    const customers = ctx.sheet(plan.sheets[0].name);
    expect(String(customers.shown(202, plan.sheets[0].blocks[0].cells[2].length - 2))).toMatch(/^=IF\(/); // overdue, last row
  });
});
