/**
 * @jest-environment jsdom
 *
 * The pane driving the real Excel host over the recording fake of Office.js:
 * what Excel would end up holding, and how Office errors reach the user.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RunBatch } from "../../src/hosts/excel/api";
import { createExcelHost } from "../../src/hosts/excel/host";
import { RecordingContext } from "../../src/hosts/excel/testing/recording-context";
import { renderPane } from "./render";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

function excelWith(ctx: RecordingContext) {
  const run: RunBatch = (batch) => batch(ctx);
  return createExcelHost(run);
}

function workbook() {
  const cells = salesSheet().values.map((row) => row.map((v) => (v === undefined || v instanceof Date || (typeof v === "object" && v !== null) ? null : v)));
  return new RecordingContext({ sheets: [{ name: "客户表", cells }], active: "客户表" });
}

async function generate() {
  await screen.findByText("Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
  await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
}

describe("the pane on the Excel host", () => {
  it("writes the tier sheet into the workbook, leaves the source alone, and saves its settings there", async () => {
    const ctx = workbook();
    const before = JSON.stringify(ctx.sheet("客户表").read({ row: 0, col: 0, rows: 13, cols: 4 }));
    renderPane(excelWith(ctx));
    await generate();
    await screen.findByText("Tier table ready");

    const tiers = ctx.sheet("Customer tiers");
    const shown = tiers.read({ row: 0, col: 0, rows: 3 + SALES_EXAMPLES.length, cols: 1 }).flat();
    for (const r of SALES_EXAMPLES) expect(shown).toContain(r.name);
    expect(JSON.stringify(ctx.sheet("客户表").read({ row: 0, col: 0, rows: 13, cols: 4 }))).toBe(before);
    expect(ctx.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Tier rules", "Tier summary"]));
    const settings = ctx.sheet("CustTier_Settings");
    expect(settings.visibility).toBe("VeryHidden");
    expect(String(settings.read({ row: 0, col: 0, rows: 1, cols: 1 })[0][0])).toContain('"sales-payment"');
    // Saving the settings leaves the user on the new tier sheet.
    expect(ctx.active?.name).toBe("Customer tiers");

    await userEvent.click(screen.getByRole("button", { name: "Go to the tier sheet" }));
    expect(ctx.active?.name).toBe("Customer tiers");
  });

  it("tells the user what to do when Excel is in cell-edit mode, and writes nothing", async () => {
    const ctx = workbook();
    ctx.failWhen((call) => (call.api === "worksheets.add" ? "InvalidOperationInCellEditMode" : undefined));
    renderPane(excelWith(ctx));
    await generate();
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/finish editing the cell \(press Esc\) and try again/)).toBeTruthy();
    expect(ctx.findSheet("Customer tiers")).toBeUndefined();
  });
});
