/**
 * Nine-grid visits (issue 12, tiering-models.md §6), recalculated by
 * LibreOffice: the tier sheet's visit zone, visits a month and next visit are
 * live formulas reading the rules sheet's visits table, and agree with `--json`
 * and with the values worked out here by hand; editing the red zone's visits
 * a month on the rules sheet (8 → 6, with openpyxl as another program would)
 * moves the red rows' next visits (30 / 8 → 4 days, 30 / 6 → 5 days).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { run } from "../cli/run";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { localToday } from "../../src/core";

const dir = mkdtempSync(join(tmpdir(), "custtier-visits-"));
const file = (name: string) => join(dir, name);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function openpyxl(input: string, output: string, script: string): void {
  execFileSync("/usr/bin/python3", ["-c", `import openpyxl\nwb = openpyxl.load_workbook(${JSON.stringify(input)})\n${script}\nwb.save(${JSON.stringify(output)})`]);
}

// As of 2026-05-31. Potential ≥ 4 is high (三级 any title; 二级 associate chief or attending); red = high and first/second
// choice (8 a month: every 4 days), yellow = high and competitor (2–4, dates use 3: every 10 days), other 1 a month (30 days).
// Without a last visit the next one counts from the as-of day. Red after the edit (6 a month): every 5 days.
const DOCTORS: [name: string, level: string, title: string, prescribing: string, last: string | null, zone: string, perMonth: number | "", next: string, nextAfter: string][] = [
  ["张医生", "三级", "副主任以上", "首选", "2026-05-20", "红区", 8, "2026-05-24", "2026-05-25"],
  ["李医生", "二级", "主治医师", "次选", null, "红区", 8, "2026-06-04", "2026-06-05"],
  ["王医生", "三级", "住院医师", "竞品", "2026-05-01", "黄区", 3, "2026-05-11", "2026-05-11"],
  ["赵医生", "二级", "副主任以上", "竞品", null, "黄区", 3, "2026-06-10", "2026-06-10"],
  ["陈医生", "二级", "住院医师", "首选", "2026-04-15", "其他区域", 1, "2026-05-15", "2026-05-15"],
  ["刘医生", "二级以下", "副主任以上", "竞品", null, "其他区域", 1, "2026-06-30", "2026-06-30"],
  ["周医生", "三级", "主治医师", "不详", "2026-05-01", "", "", "", ""],
];

function table(ws: ExcelJS.Worksheet): Record<string, string | number | boolean>[] {
  const header = 3; // title, legend, header
  const names: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) names.push(String(shown(ws.getCell(header, c))));
  const rows: Record<string, string | number | boolean>[] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) rows.push(Object.fromEntries(names.map((n, c) => [n, shown(ws.getCell(r, c + 1))])));
  return rows;
}

describeLibreOffice("nine-grid visit zones and next visits, recalculated by LibreOffice (issue 12)", () => {
  let before: Record<string, string | number | boolean>[];
  let after: Record<string, string | number | boolean>[];
  let json: { customer: string; zoneLabel: string | null; visitsPerMonth: number | null; visitsRange: number[] | null; nextVisit: string | null; nextVisitFrom: string | null }[];

  beforeAll(async () => {
    const source = workbookFromGrids([
      {
        name: "医生",
        values: [["姓名", "医院级别", "医生职称", "处方行为", "上次拜访"], ...DOCTORS.map(([n, l, t, p, last]) => [n, l, t, p, last ? day(last) : null])],
      },
    ]);
    writeFileSync(file("in.xlsx"), await xlsxBytes(source));
    const out = await run("score", file("in.xlsx"), "-o", file("out.xlsx"), "--model", "nine-grid", "--lang", "zh-CN", "--as-of", "2026-05-31", "--json");
    expect(out.code).toBe(0);
    json = JSON.parse(out.out).rows;
    // The user makes the red zone 6 visits a month on the rules sheet.
    openpyxl(file("out.xlsx"), file("edited.xlsx"), `ws = wb["分级规则"]\nfor row in ws.iter_rows(min_col=1, max_col=3):\n    if row[0].value == "红区" and isinstance(row[2].value, (int, float)):\n        row[2].value = 6`);
    const [a, b] = await recalculate(readFileSync(file("out.xlsx")), readFileSync(file("edited.xlsx")));
    before = table((await loadXlsx(a.bytes)).getWorksheet("客户分级")!);
    after = table((await loadXlsx(b.bytes)).getWorksheet("客户分级")!);
  }, 240_000);

  it("the tier sheet's zone, visits a month and next visit equal the hand-worked values", () => {
    expect(before.map((r) => [r["客户"], r["拜访区域"], r["每月拜访次数"], r["下次拜访"]])).toEqual(DOCTORS.map((d) => [d[0], d[5], d[6], d[7]]));
  });

  it("--json gives the same zone, visits a month and next visit, the yellow zone's range, and what the date counts from", () => {
    expect(json.map((r) => [r.customer, r.zoneLabel ?? "", r.visitsPerMonth ?? "", r.nextVisit ?? ""])).toEqual(DOCTORS.map((d) => [d[0], d[5], d[6], d[7]]));
    expect(json[2].visitsRange).toEqual([2, 4]);
    expect(json.map((r) => r.nextVisitFrom)).toEqual(["lastVisit", "asOf", "lastVisit", "asOf", "lastVisit", "asOf", null]);
  });

  it("red 8 → 6 on the rules sheet moves only the red rows' next visits (4 days → 5)", () => {
    expect(after.map((r) => [r["客户"], r["每月拜访次数"], r["下次拜访"]])).toEqual(DOCTORS.map((d) => [d[0], d[5] === "红区" ? 6 : d[6], d[8]]));
  });
});

describeLibreOffice("the nine-grid template's visit columns, typed in and recalculated by LibreOffice (issue 12)", () => {
  // The template's last contact is the last visit; a row without one counts from today (the rules sheet's TODAY()).
  const today = localToday();
  const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const TYPED: [level: string, title: string, prescribing: string, last: string | null, zone: string, perMonth: number, days: number][] = [
    ["三级", "住院医师", "次选", "2026-02-26", "红区", 8, 4], // potential 5: high; 2-26 + 4 = 3-02
    ["二级", "副主任以上", "竞品", "2026-02-26", "黄区", 3, 10], // potential 7: high
    ["二级", "住院医师", "次选", "2026-02-26", "其他区域", 1, 30], // potential 3: low
    ["二级以下", "主治医师", "首选", null, "其他区域", 1, 30], // potential 2: low, from today
  ];
  let rows: { zone: unknown; perMonth: unknown; next: unknown }[];

  beforeAll(async () => {
    expect((await run("template", "--model", "nine-grid", "--lang", "zh-CN", "-o", file("template.xlsx"))).code).toBe(0);
    const wb = await loadXlsx(readFileSync(file("template.xlsx")));
    const ws = wb.worksheets[0];
    const header = new Map<string, number>();
    ws.getRow(3).eachCell((cell, c) => header.set(String(shown(cell)), c));
    TYPED.forEach(([level, title, prescribing, last], i) => {
      const row = ws.getRow(4 + i);
      row.getCell(1).value = `医生${i + 1}`;
      row.getCell(header.get("医院级别")!).value = level;
      row.getCell(header.get("医生职称")!).value = title;
      row.getCell(header.get("处方行为")!).value = prescribing;
      if (last) row.getCell(header.get("最近联系日期")!).value = day(last);
    });
    const [done] = await recalculate(new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = (await loadXlsx(done.bytes)).worksheets[0];
    rows = TYPED.map((_, i) => ({
      zone: shown(out.getCell(4 + i, header.get("拜访区域")!)),
      perMonth: shown(out.getCell(4 + i, header.get("每月拜访次数")!)),
      next: shown(out.getCell(4 + i, header.get("下次拜访")!)),
    }));
    // An empty row stays blank.
    expect([shown(out.getCell(4 + TYPED.length, header.get("拜访区域")!)), shown(out.getCell(4 + TYPED.length, header.get("下次拜访")!))]).toEqual(["", ""]);
  }, 240_000);

  it("zone, visits a month and next visit (last contact, else today, + the zone's days) as worked out by hand", () => {
    expect(rows).toEqual(TYPED.map(([, , , last, zone, perMonth, days]) => ({ zone, perMonth, next: plus(last ? day(last) : today, days) })));
  });
});
