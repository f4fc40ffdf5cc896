import ExcelJS from "exceljs";
import { salesPayment } from "../../../src/core/presets";
import { detectTable } from "../../../src/core/sheet/detect";
import { mapColumns } from "../../../src/core/sheet/mapping";
import { scoreTable } from "../../../src/core/sheet/score-table";
import { buildTierPlan } from "../../../src/core/plan/build";
import { HostError } from "../../../src/hosts/errors";
import { FileHost } from "../../../src/hosts/xlsx/file-host";
import { SETTINGS_SHEET } from "../../../src/hosts/settings";

const CSV = "客户名称,月均销售额,回款天数\n华信贸易,2万,20\n恒达五金,10000,30\n长江物流,5000,61\n";

async function planFor(host: FileHost) {
  const grid = await host.readSheet("客户");
  const table = detectTable(grid, "zh-CN");
  const scored = scoreTable(table, mapColumns(table.headers, salesPayment, {}, table.firstCol), salesPayment, "zh-CN");
  return buildTierPlan(scored, salesPayment, { lang: "zh-CN", existing: await host.listSheets() });
}

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => ws.name);
}

describe("FileHost: a workbook held in memory", () => {
  it("opens a CSV as a one-sheet workbook named after the file", async () => {
    const host = await FileHost.open(new TextEncoder().encode(CSV), "客户.csv");
    expect(await host.listSheets()).toEqual([{ name: "客户", active: true }]);
    expect((await host.readSheet()).values[1]).toEqual(["华信贸易", "2万", "20"]);
    expect(host.hasResult()).toBe(false);
  });

  it("applies a plan: new sheets with markers, the source unchanged, the result downloadable", async () => {
    const host = await FileHost.open(new TextEncoder().encode(CSV), "客户.csv");
    const source = await host.readSheet();
    const plan = await planFor(host);
    const seen: number[] = [];
    host.subscribe(() => seen.push(host.version()));
    await host.applyPlan(plan);
    const tierSheet = plan.sheets.find((s) => s.role === "tiers")!.name;
    expect((await host.listSheets()).find((s) => s.name === tierSheet)).toEqual({ name: tierSheet, active: true, marker: "CustTier_Tiers" });
    expect((await host.readSheet("客户")).values).toEqual(source.values);
    expect(await sheetNames(await host.toXlsx())).toEqual(["客户", ...plan.sheets.map((s) => s.name)]);
    expect(host.hasResult()).toBe(true);
    expect(seen).toHaveLength(1);
    expect(host.resultFileName()).toBe("客户 (tiers).xlsx");

    // A second run replaces our sheets (found by their marker) instead of adding more.
    await host.applyPlan(await planFor(host));
    expect(await sheetNames(await host.toXlsx())).toEqual(["客户", ...plan.sheets.map((s) => s.name)]);
  });

  it("holds the workbook live: a run reads back only the sheets it made, and the file is zipped only when asked for", async () => {
    const host = await FileHost.open(new TextEncoder().encode(CSV), "客户.csv");
    const source = await host.readSheet("客户");
    const plan = await planFor(host);
    await host.applyPlan(plan);
    // The user's sheet is the grid read at open, not a re-read of a written file.
    expect(await host.readSheet("客户")).toBe(source);
    const tiers = await host.readSheet(plan.sheets[0].name);
    expect(tiers.values.length).toBeGreaterThan(3);
    // The download is the package as it stands: the same bytes every time, and a file that opens with our sheets.
    const bytes = await host.toXlsx();
    expect(await host.toXlsx()).toEqual(bytes);
    const reopened = await FileHost.open(bytes, "客户 (tiers).xlsx");
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual((await host.listSheets()).map((s) => s.name));
    expect((await reopened.readSheet(plan.sheets[0].name)).values).toEqual(tiers.values);
  });

  it("leaves the workbook as it was when the run is cancelled", async () => {
    const host = await FileHost.open(new TextEncoder().encode(CSV), "客户.csv");
    const before = await host.toXlsx();
    const controller = new AbortController();
    const run = host.applyPlan(await planFor(host), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ code: "cancelled" });
    expect(await host.toXlsx()).toEqual(before);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["客户"]);
    expect(host.hasResult()).toBe(false);
  });

  it("keeps the settings in a very hidden sheet that travels with the file, listed as hidden and not shown", async () => {
    const host = await FileHost.open(new TextEncoder().encode(CSV), "客户.csv");
    expect(await host.loadSettings()).toBeNull();
    const settings = { version: 1 as const, model: salesPayment, mapping: { revenue: "月均销售额" }, sheet: "客户" };
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
    expect((await host.listSheets()).map((s) => [s.name, !!s.hidden])).toEqual([
      ["客户", false],
      [SETTINGS_SHEET, true],
    ]);
    expect(host.visibleGrids().map((g) => g.name)).toEqual(["客户"]);
    // Saving settings is no result of a run.
    expect(host.hasResult()).toBe(false);

    const reopened = await FileHost.open(await host.toXlsx(), "客户 (tiers).xlsx");
    expect(await reopened.loadSettings()).toEqual(settings);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toXlsx()) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(SETTINGS_SHEET)?.state).toBe("veryHidden");
  });

  it("selects a cell for the page to show, and refuses a sheet that does not exist", async () => {
    const host = await FileHost.open(new TextEncoder().encode(CSV), "客户.csv");
    await host.select("客户", "B3");
    expect(host.selection).toEqual({ sheet: "客户", address: "B3" });
    await expect(host.select("没有", "A1")).rejects.toBeInstanceOf(HostError);
  });

  it("refuses a file that is not a workbook with a message for the user", async () => {
    const opening = FileHost.open(new Uint8Array([0x50, 0x4b, 1, 2, 3]), "broken.xlsx");
    await expect(opening).rejects.toBeInstanceOf(HostError);
    await expect(opening).rejects.toMatchObject({ userMessage: { "en-US": expect.stringContaining('"broken.xlsx" is damaged') } });
  });
});
