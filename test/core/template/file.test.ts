/**
 * A written template file refuses what the issue says it must: a value not in
 * a dropdown, a negative or non-numeric amount or number of days, text for a
 * date; and lets the right values in. The rules are read back from the xlsx
 * the xlsx host writes and applied as Excel applies them.
 */
import ExcelJS from "exceljs";
import { LANGS } from "../../../src/core/model";
import { PRESETS, findPreset } from "../../../src/core/presets";
import { buildTemplatePlan } from "../../../src/core/template";
import { writeXlsx } from "../../../src/hosts/xlsx/write";
import { entriesFor, refuses, validationAt } from "./validation-check";

const STATUS = { "zh-CN": { header: "状态", values: ["活跃", "休眠", "流失", "新客户"] }, "en-US": { header: "Status", values: ["Active", "Dormant", "Churned", "New"] } } as const;
const LAST_CONTACT = { "zh-CN": "最近联系日期", "en-US": "Last contact" } as const;

describe("template files: data validation", () => {
  it.each(PRESETS.flatMap((m) => LANGS.map((lang) => [m.id, lang] as const)))("%s (%s): invalid entries are refused, valid ones let in", async (id, lang) => {
    const model = PRESETS.find((m) => m.id === id)!;
    const plan = buildTemplatePlan(model, { lang, rows: 30 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(plan)) as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet(plan.sheets[0].name)!;
    const columns = new Map<string, number>();
    ws.getRow(3).eachCell((cell, col) => columns.set(String(cell.value), col));

    for (const e of entriesFor(model, lang, STATUS[lang].header, [...STATUS[lang].values], LAST_CONTACT[lang])) {
      const col = columns.get(e.header);
      expect({ header: e.header, found: col !== undefined }).toEqual({ header: e.header, found: true });
      for (const row of [4, 33]) {
        const v = validationAt(ws, ws.getCell(row, col!).address);
        expect({ header: e.header, row, validated: v !== undefined }).toEqual({ header: e.header, row, validated: true });
        for (const entry of e.invalid) expect({ header: e.header, entry, refused: refuses(v!, entry, workbook) }).toEqual({ header: e.header, entry, refused: true });
        for (const entry of e.valid) expect({ header: e.header, entry, refused: refuses(v!, entry, workbook) }).toEqual({ header: e.header, entry, refused: false });
        expect(refuses(v!, null, workbook)).toBe(false); // a row may stay empty
        expect(v!.prompt && v!.error).toBeTruthy();
      }
      // Below the prepared rows nothing is checked.
      expect(validationAt(ws, ws.getCell(34, col!).address)).toBeUndefined();
    }
    // Free-text columns are free.
    expect(validationAt(ws, "A4")).toBeUndefined();
  });

  // Value templates (issue 11): dates for the order dates, whole orders ≥ 0, totals ≥ 0 (a refund total is not typed here).
  it.each([
    ["rfm", ["Last order", "First order", "Orders", "Total spent"]],
    ["rfm-8", ["Last order", "First order", "Orders", "Total spent"]],
    ["abc", ["Total spent"]],
    ["value-abcd", ["Last order", "First order", "Total spent"]],
  ])("%s: order dates, orders and totals are checked; the computed days are not typed", async (id, headers) => {
    const plan = buildTemplatePlan(findPreset(id)!, { lang: "en-US", rows: 30 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(plan)) as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet(plan.sheets[0].name)!;
    const columns = new Map<string, number>();
    ws.getRow(3).eachCell((cell, col) => columns.set(String(cell.value), col));
    const entries: Record<string, { valid: unknown[]; invalid: unknown[] }> = {
      "Last order": { valid: [new Date(Date.UTC(2026, 5, 1))], invalid: ["last Friday", -1] },
      "First order": { valid: [new Date(Date.UTC(2020, 0, 15))], invalid: ["long ago", -1] },
      Orders: { valid: [0, 1, 12], invalid: [-1, 2.5, "3x"] },
      "Total spent": { valid: [0, 120, 4500.5], invalid: [-5, "20k"] },
    };
    for (const header of headers) {
      const v = validationAt(ws, ws.getCell(4, columns.get(header)!).address);
      expect({ header, validated: v !== undefined }).toEqual({ header, validated: true });
      for (const entry of entries[header].invalid) expect({ header, entry, refused: refuses(v!, entry, workbook) }).toEqual({ header, entry, refused: true });
      for (const entry of entries[header].valid) expect({ header, entry, refused: refuses(v!, entry, workbook) }).toEqual({ header, entry, refused: false });
    }
    if (id !== "abc") expect(validationAt(ws, ws.getCell(4, columns.get("Days since last order")!).address)).toBeUndefined();
  });
});
