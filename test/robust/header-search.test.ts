/**
 * Issue 14 §8 on the CLI: a customer table whose header is below row 50 (under
 * a long notes block, or in the last rows of a sheet) is found, in an xlsx and
 * in a CSV, and every customer below it is scored.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue } from "../../src/core/parse/values";
import { packageFromGrids } from "../../src/hosts/xlsx/package/from-grids";
import { run } from "../cli/run";

const tmp = mkdtempSync(join(tmpdir(), "custtier-header-"));
const HEADER = ["客户名称", "月均销售额", "回款天数"];
const CUSTOMERS: CellValue[][] = [
  ["杭州华信贸易有限公司", 25000, 20],
  ["宁波恒达机械制造有限公司", 8000, 45],
  ["温州瓯海电器有限公司", 15000, 30],
];
const note = (i: number) => `说明${i}：本表按月汇总各区域客户的销售额与回款天数，金额单位为元，数据截至月末。`;

/** `above` rows of notes (or blank rows with a title when `blank`), then the header and three customers. */
function sheet(above: number, blank = false): CellValue[][] {
  const top: CellValue[][] = Array.from({ length: above }, (_, i) => (blank ? [] : [note(i + 1)]));
  if (blank) top[0] = ["2024年客户分级表"];
  return [...top, HEADER, ...CUSTOMERS];
}

function csv(values: CellValue[][]): string {
  return values.map((row) => row.map((v) => String(v ?? "")).join(",")).join("\n") + "\n";
}

async function found(file: string): Promise<{ headerRow: number; rows: number[] }> {
  const { code, out, err } = await run("score", file, "--json");
  expect(err).toBe("");
  expect(code).toBe(0);
  const report = JSON.parse(out) as { headerRow: number; rows: { row: number; tier: string | null }[] };
  expect(report.rows.every((r) => r.tier)).toBe(true);
  return { headerRow: report.headerRow, rows: report.rows.map((r) => r.row) };
}

describe.each([
  ["below 50 rows of notes", 50, false],
  ["below 199 rows of notes", 199, false],
  ["in the last rows of a 1,000-row sheet, blank above", 996, true],
])("a header %s", (_what, above, blank) => {
  const header = above + 1;
  const expected = { headerRow: header, rows: [header + 1, header + 2, header + 3] };

  it(`is found on row ${header} in an xlsx`, async () => {
    const file = join(tmp, `h${above}.xlsx`);
    writeFileSync(file, packageFromGrids([{ name: "客户", values: sheet(above, blank) }]));
    expect(await found(file)).toEqual(expected);
  });

  it(`is found on row ${header} in a CSV`, async () => {
    const file = join(tmp, `h${above}.csv`);
    writeFileSync(file, csv(sheet(above, blank)));
    expect(await found(file)).toEqual(expected);
  });
});
