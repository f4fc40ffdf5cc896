/**
 * The Excel host on the recording fake: what a run costs in round trips
 * (`context.sync`), API calls and request size as the table grows. The goal:
 * a constant number of syncs plus one per ≤ 4 MB request of cells, and a
 * number of formatting calls and rules that does not grow with the rows.
 */
import { salesPayment } from "../core";
import { buildTierPlan } from "../core/plan/build";
import { mapColumns } from "../core/sheet/mapping";
import { scoreTable } from "../core/sheet/score-table";
import type { SourceTable } from "../core/sheet/types";
import { applyPlan, MAX_REQUEST_BYTES } from "../hosts/excel/apply";
import { RecordingContext } from "../hosts/excel/testing/recording-context";
import { syntheticCustomers } from "./engine";
import { fmtMs } from "./timing";

const SOURCE = "客户表";
const HEADERS = ["客户名称", "月均销售额", "回款天数"];

/** A source table of n customers as detection would hand it over (header in row 1). */
function customerTable(n: number): SourceTable {
  const rows = syntheticCustomers(n).map((c, i) => ({ row: i + 2, cells: [`客户${i + 1}`, c.revenue, c.paydays] }));
  return { sheetName: SOURCE, headerRow: 1, firstCol: 0, headers: HEADERS, rows, skipped: [], foundBy: "detected" };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

export async function benchExcelHost(sizes = [1_000, 100_000, 1_000_000]): Promise<string[]> {
  const lines = [`sales-payment tier plan applied through the Excel host to a recording fake; request cap ${mb(MAX_REQUEST_BYTES)}`];
  for (const n of sizes) {
    const table = customerTable(n);
    const scored = scoreTable(table, mapColumns(HEADERS, salesPayment), salesPayment, "zh-CN");
    const plan = buildTierPlan(scored, salesPayment, { existing: [{ name: SOURCE }] });
    // Cells are counted and measured, not kept: a million rows would only fill memory.
    const ctx = new RecordingContext({ sheets: [{ name: SOURCE }], storeCells: false });
    const t0 = performance.now();
    await applyPlan(ctx, plan);
    const ms = performance.now() - t0;
    const cellRequests = ctx.requests.filter((_, i) => ctx.calls.some((c) => c.request === i && (c.api === "range.values" || c.api === "range.formulas")));
    const rules = ctx.calls.filter((c) => c.api === "range.conditionalFormats.add").length;
    const formatting = ctx.calls.filter((c) => c.api.startsWith("format.") || (c.api === "range.numberFormat" && c.value !== undefined)).length;
    lines.push(
      `${n.toLocaleString("en-US").padStart(9)} rows: ${ctx.syncs} syncs (${ctx.syncs - cellRequests.length} + ${cellRequests.length} requests of cells), ` +
        `${ctx.calls.length.toLocaleString("en-US")} API calls, largest request ${mb(ctx.largestRequest)}, ` +
        `${rules} conditional formats, ${formatting} format calls, ${fmtMs(ms)}`,
    );
  }
  return lines;
}
