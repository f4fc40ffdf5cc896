import { salesPayment } from "../../../src/core/presets";
import type { SavedSettings } from "../../../src/hosts/host";
import { loadSettings, saveSettings, SETTINGS_KEY } from "../../../src/hosts/excel/settings";
import { RecordingContext } from "../../../src/hosts/excel/testing/recording-context";

const SAVED: SavedSettings = { version: 1, model: salesPayment, mapping: { customer: "客户名称", revenue: "月均销售额", paydays: "回款天数" }, sheet: "客户表" };

describe("settings in the workbook", () => {
  it("round-trip through workbook.settings under one key, one sync each way", async () => {
    const ctx = new RecordingContext({ sheets: [{ name: "客户表" }] });
    await saveSettings(ctx, SAVED);
    expect([...ctx.settings.keys()]).toEqual([SETTINGS_KEY]);
    expect(await loadSettings(ctx)).toEqual(SAVED);
    expect(ctx.syncs).toBe(2);
  });

  it("saving again replaces the earlier settings", async () => {
    const ctx = new RecordingContext();
    await saveSettings(ctx, SAVED);
    await saveSettings(ctx, { ...SAVED, mapping: { revenue: "销售额" }, sheet: undefined });
    expect(await loadSettings(ctx)).toEqual({ version: 1, model: salesPayment, mapping: { revenue: "销售额" } });
  });

  it("a workbook without settings gives null", async () => {
    expect(await loadSettings(new RecordingContext())).toBeNull();
  });

  it.each([
    ["not JSON", "{oops"],
    ["another version", JSON.stringify({ ...SAVED, version: 2 })],
    ["a mapping that is not text", JSON.stringify({ ...SAVED, mapping: { revenue: 3 } })],
    ["a model the engine rejects", JSON.stringify({ ...SAVED, model: { ...salesPayment, tiers: [] } })],
    ["something that is no model at all", JSON.stringify({ ...SAVED, model: { id: "x" } })],
  ])("unusable settings (%s) give null instead of an error", async (_why, stored) => {
    const ctx = new RecordingContext({ settings: { [SETTINGS_KEY]: stored } });
    expect(await loadSettings(ctx)).toBeNull();
  });
});
