import { salesPayment } from "../../../src/core/presets";
import { HostError } from "../../../src/hosts/errors";
import type { RunBatch } from "../../../src/hosts/excel/api";
import { createExcelHost } from "../../../src/hosts/excel/host";
import { RecordingContext } from "../../../src/hosts/excel/testing/recording-context";
import { RULES, RULES_MARKER, TIERS, TIERS_MARKER, tierPlan } from "./plans";

function hostOn(ctx: RecordingContext) {
  const run: RunBatch = (batch) => batch(ctx);
  return createExcelHost(run);
}

const workbook = () =>
  new RecordingContext({
    sheets: [
      { name: "客户表", cells: [["客户名称", "月均销售额"], ["华东贸易", 25000]] },
      { name: "Old tiers", cells: [["x"]] },
      { name: "Hidden", visibility: "Hidden" },
    ],
    names: [
      { name: "TaxRate", sheet: "Old tiers", address: "B2" },
      { name: TIERS_MARKER, sheet: "Old tiers", address: "A1" },
      { name: "Rate", sheet: "客户表", address: "B2" },
    ],
    active: "客户表",
  });

describe("the Excel host", () => {
  it("lists every sheet in tab order with the active one and our marker (not the user's names)", async () => {
    const host = hostOn(workbook());
    expect(host.kind).toBe("excel");
    expect(await host.listSheets()).toEqual([
      { name: "客户表", active: true },
      { name: "Old tiers", active: false, marker: TIERS_MARKER },
      { name: "Hidden", active: false, hidden: true },
    ]);
  });

  it("reads the active sheet by default", async () => {
    const grid = await hostOn(workbook()).readSheet();
    expect(grid.name).toBe("客户表");
    expect(grid.values).toEqual([["客户名称", "月均销售额"], ["华东贸易", 25000]]);
  });

  it("applies a plan; the new sheets then carry their markers", async () => {
    const ctx = workbook();
    const host = hostOn(ctx);
    await host.applyPlan(tierPlan(3, { tiersAction: { kind: "replace", existing: "Old tiers" } }));
    const sheets = await host.listSheets();
    expect(sheets.map((s) => [s.name, s.marker, s.active])).toEqual([
      ["客户表", undefined, false],
      [TIERS, TIERS_MARKER, true],
      ["Hidden", undefined, false],
      [RULES, RULES_MARKER, false],
    ]);
  });

  it("shows a sheet and selects a cell in it", async () => {
    const ctx = workbook();
    await hostOn(ctx).select("Old tiers", "B5");
    expect(ctx.active?.name).toBe("Old tiers");
    expect(ctx.selection).toEqual({ sheet: ctx.sheet("Old tiers"), range: { row: 4, col: 1, rows: 1, cols: 1 } });
  });

  it("turns Office failures into HostError with a bilingual message", async () => {
    const host = hostOn(workbook());
    const error = (await host.readSheet("Gone").catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe("not-found");
    await expect(host.select("Gone")).rejects.toBeInstanceOf(HostError);
  });

  it("keeps settings in the workbook", async () => {
    const host = hostOn(workbook());
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ version: 1, model: salesPayment, mapping: { revenue: "月均销售额" } });
    expect(await host.loadSettings()).toEqual({ version: 1, model: salesPayment, mapping: { revenue: "月均销售额" } });
  });
});
