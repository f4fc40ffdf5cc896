/**
 * The summary sheet's print area and first column: the area is what the cells
 * reach (a file host draws no chart, so it must not print the chart's empty
 * columns), the chart's columns only for a host that draws it; and column A is
 * wide enough for the migration matrix's corner label.
 */
import { historyStage } from "../../../src/core/history";
import { readHistoryLog } from "../../../src/core/history/sheet";
import type { Lang } from "../../../src/core/model";
import { runJob, plan } from "../../../src/core/pipeline";
import { cellText } from "../../../src/core/plan/cells";
import { cellBlocks } from "../../../src/core/plan/columns";
import type { SheetPlan } from "../../../src/core/plan/types";
import { WORDS } from "../../../src/core/plan/words";
import { findPreset } from "../../../src/core/presets";
import { displayWidth } from "../../../src/core/text/width";
import { applyPlan } from "../../../src/hosts/excel/apply";
import { RecordingContext } from "../../../src/hosts/excel/testing/recording-context";

const model = findPreset("sales-payment")!;
// tiering-models.md §1: (25000, 20) → A · (10000, 30) → B · (5000, 31) → C.
const grid = { name: "客户", values: [["客户名称", "月均销售额", "回款天数"], ["甲公司", 25000, 20], ["乙公司", 10000, 30], ["丙公司", 5000, 31]] };

function summaryOf(lang: Lang, history = false): SheetPlan {
  // An earlier snapshot a month before: 甲 was B, 乙 and 丙 as now.
  const log = readHistoryLog([
    ["As of", "Model", "Key", "Customer", "Score", "Computed tier", "Tier"],
    ["2026-10-31", model.id, "甲公司", "甲公司", 70, "B", "B"],
    ["2026-10-31", model.id, "乙公司", "乙公司", 70, "B", "B"],
    ["2026-10-31", model.id, "丙公司", "丙公司", 50, "C", "C"],
  ]);
  const { scored } = runJob(grid, { model, lang, stages: history ? [historyStage({ log }, "2026-11-30")] : [] });
  return plan(scored, { lang }).sheets.find((s) => s.role === "summary")!;
}

/** The last column (1-based count) any cell of the sheet reaches, read from its cells. */
function usedColumns(sheet: SheetPlan): number {
  let cols = 0;
  for (const b of cellBlocks(sheet)) b.cells.forEach((r) => r.forEach((c, j) => c !== null && c !== undefined && cellText(c) !== "" && (cols = Math.max(cols, b.at.col + j + 1))));
  return cols;
}

describe("summary sheet print area", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: prints the columns the cells use; the chart's columns only where the chart is drawn", (lang) => {
    const summary = summaryOf(lang);
    expect(summary.chart).toBeDefined();
    const used = usedColumns(summary);
    expect(summary.print!.area!.cols).toBe(used);
    // The chart sits to the right of the cells: a host that draws it prints up to its last column.
    const chart = summary.chart!;
    expect(chart.at.col).toBeGreaterThanOrEqual(used);
    expect(summary.print!.chartArea).toEqual({ row: 0, col: 0, rows: Math.max(summary.print!.area!.rows, chart.at.row + chart.size.rows), cols: chart.at.col + chart.size.cols });
  });
});

describe("summary print area in Excel (the host that draws the chart)", () => {
  it("prints the chart's columns too", async () => {
    const { scored } = runJob(grid, { model, lang: "en-US" });
    const p = plan(scored, { lang: "en-US" });
    const summary = p.sheets.find((s) => s.role === "summary")!;
    const ctx = new RecordingContext({ sheets: [{ name: "客户" }] });
    await applyPlan(ctx, p);
    expect(ctx.sheet(summary.name).print.area).toEqual(summary.print!.chartArea);
  });
});

describe("migration matrix corner label", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: column A is at least as wide as the corner label (上期＼本期 / Previous \\ current)", (lang) => {
    const summary = summaryOf(lang, true);
    const label = WORDS.migrationCorner[lang];
    const at = cellBlocks(summary).flatMap((b) => b.cells.map((r) => r.slice(0, 1).map((c) => (c === null ? "" : cellText(c)))[0]));
    expect(at).toContain(label);
    const width = (summary.columns ?? []).find((c) => c.col === 0 && c.width !== undefined)!.width!;
    expect(width).toBeGreaterThanOrEqual(displayWidth(label));
    expect(displayWidth("Previous \\ current")).toBe(18);
  });
});
