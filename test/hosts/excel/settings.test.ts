/**
 * The Excel host keeps the pane's settings in the very hidden settings sheet
 * both hosts share, written through its plan writer; a workbook saved by the
 * earlier version (settings in `workbook.settings`) still opens with them.
 */
import { salesPayment } from "../../../src/core/presets";
import type { SavedSettings } from "../../../src/hosts/host";
import { createExcelHost } from "../../../src/hosts/excel/host";
import { SETTINGS_KEY } from "../../../src/hosts/excel/settings";
import { RecordingContext, type FakeSeed } from "../../../src/hosts/excel/testing/recording-context";

const SAVED: SavedSettings = { version: 1, model: salesPayment, mapping: { customer: "客户名称", revenue: "月均销售额", paydays: "回款天数" }, sheet: "客户表" };

function excel(seed: FakeSeed = { sheets: [{ name: "客户表", cells: [["客户名称"]] }] }) {
  const ctx = new RecordingContext(seed);
  return { ctx, host: createExcelHost((batch) => batch(ctx)) };
}

describe("Excel host: settings in the workbook", () => {
  it("saves them in one very hidden sheet with our marker (not in workbook.settings) and reads them back", async () => {
    const { ctx, host } = excel();
    await host.saveSettings(SAVED);
    expect(ctx.settings.size).toBe(0);
    const hidden = ctx.sheets.filter((s) => s.visibility === "VeryHidden").map((s) => s.name);
    expect(hidden).toEqual(["CustTier_Settings"]);
    expect(ctx.names.map((n) => [n.name, n.sheet.name])).toEqual([["CustTier_Settings", "CustTier_Settings"]]);
    expect(await host.loadSettings()).toEqual(SAVED);
    // The user stays where they were; the settings sheet is listed as hidden, never offered as a source.
    const sheets = await host.listSheets();
    expect(sheets.filter((s) => s.active).map((s) => s.name)).toEqual(["客户表"]);
    expect(sheets.find((s) => s.name === "CustTier_Settings")?.hidden).toBe(true);
  });

  it("saving again replaces the earlier settings sheet", async () => {
    const { ctx, host } = excel();
    await host.saveSettings(SAVED);
    await host.saveSettings({ ...SAVED, mapping: { revenue: "销售额" }, sheet: undefined });
    expect(await host.loadSettings()).toEqual({ version: 1, model: salesPayment, mapping: { revenue: "销售额" } });
    expect(ctx.sheets.map((s) => s.name)).toEqual(["客户表", "CustTier_Settings"]);
  });

  it("settings longer than one cell holds (32,767 characters) span cells down column A", async () => {
    const { ctx, host } = excel();
    const long = { ...SAVED, mapping: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`f${i}`, `列名称很长的一列 ${i}`])) };
    expect(JSON.stringify(long).length).toBeGreaterThan(32767 * 2);
    await host.saveSettings(long);
    const sheet = ctx.sheets.find((s) => s.name === "CustTier_Settings")!;
    expect([...sheet.filled()].length).toBe(Math.ceil(JSON.stringify(long).length / 32767));
    expect(await host.loadSettings()).toEqual(long);
  });

  it("a workbook saved by the earlier version (workbook.settings) opens with its settings; the sheet wins once written", async () => {
    const { host } = excel({ sheets: [{ name: "客户表" }], settings: { [SETTINGS_KEY]: JSON.stringify(SAVED) } });
    expect(await host.loadSettings()).toEqual(SAVED);
    await host.saveSettings({ ...SAVED, sheet: "别的表" });
    expect(await host.loadSettings()).toEqual({ ...SAVED, sheet: "别的表" });
  });

  it("a workbook without settings gives null", async () => {
    expect(await excel().host.loadSettings()).toBeNull();
  });

  it.each([
    ["not JSON", "{oops"],
    ["another version", JSON.stringify({ ...SAVED, version: 2 })],
    ["a mapping that is not text", JSON.stringify({ ...SAVED, mapping: { revenue: 3 } })],
    ["a model the engine rejects", JSON.stringify({ ...SAVED, model: { ...salesPayment, tiers: [] } })],
    ["something that is no model at all", JSON.stringify({ ...SAVED, model: { id: "x" } })],
  ])("unusable settings (%s) give null instead of an error, in the sheet or the old store", async (_why, stored) => {
    expect(await excel({ sheets: [{ name: "客户表" }], settings: { [SETTINGS_KEY]: stored } }).host.loadSettings()).toBeNull();
    const inSheet = excel({
      sheets: [{ name: "客户表" }, { name: "CustTier_Settings", cells: [[stored]], visibility: "VeryHidden" }],
      names: [{ name: "CustTier_Settings", sheet: "CustTier_Settings", address: "$A$1" }],
    });
    expect(await inSheet.host.loadSettings()).toBeNull();
  });
});
