/**
 * @jest-environment jsdom
 *
 * Every surface runs the one core pipeline: the CLI (`custtier score --map`)
 * and the pane's useWorkflow (which the playground runs too) give the same
 * tiers for the same sheet and the same column choice. The sheet hides the
 * real revenue in column E behind a decoy column detection prefers, so the
 * choice matters; the tiers expected are the sales-payment rules of
 * tiering-models.md §1 worked out in sheets.ts.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import type { SheetGrid } from "../../src/core/sheet/types";
import { workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { useWorkflow } from "../../src/taskpane/state/useWorkflow";
import { run } from "../cli/run";
import { FakeHost } from "./fake-host";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

// jsdom has no TextDecoder; the CLI's reader, run in this same process, needs Node's.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const golden = SALES_EXAMPLES.map((r) => [r.name, r.score === null ? null : r.score >= 80 ? "A" : r.score >= 60 ? "B" : "C"]);

function decoySheet(): SheetGrid {
  const g = salesSheet();
  return { name: g.name, values: g.values.map((row, i) => (i < 2 ? row : i === 2 ? [...row, "上月销售额"] : [row[0], row[1], row[0] === "合计" ? null : 0, row[3], row[2]])) };
}

async function cliTiers(grid: SheetGrid, ...map: string[]): Promise<unknown[][]> {
  const dir = mkdtempSync(join(tmpdir(), "custtier-surfaces-"));
  const file = join(dir, "客户.xlsx");
  writeFileSync(file, await xlsxBytes(workbookFromGrids([grid])));
  const { code, out, err } = await run("score", file, "--json", "--lang", "zh-CN", ...map.flatMap((m) => ["--map", m]));
  if (code !== 0) throw new Error(err);
  return (JSON.parse(out) as { rows: { customer: string; tier: string | null }[] }).rows.map((r) => [r.customer, r.tier]);
}

async function paneTiers(grid: SheetGrid, choice?: [string, string]): Promise<unknown[][]> {
  const { result } = renderHook(() => useWorkflow(hostFor(grid), "zh-CN"));
  await waitFor(() => expect(result.current.table).not.toBeNull());
  if (choice) act(() => result.current.chooseColumn(...choice));
  await waitFor(() => expect(result.current.preview?.mapping.columns.revenue).toBe(choice ? 4 : 2), { timeout: 3000 });
  return result.current.preview!.rows.map((r) => [r.customer, r.result.grade]);
}

/** One host per grid, kept across renders (a new host is a new workbook to the hook). */
const hosts = new Map<SheetGrid, FakeHost>();
function hostFor(grid: SheetGrid): FakeHost {
  if (!hosts.has(grid)) hosts.set(grid, new FakeHost([grid]));
  return hosts.get(grid)!;
}

describe("CLI and task pane run the same pipeline", () => {
  it("the same column choice gives the same tiers in both, the spec's tiers", async () => {
    const cli = await cliTiers(decoySheet(), "revenue=E");
    const pane = await paneTiers(decoySheet(), ["revenue", "E"]);
    expect(cli).toEqual(golden);
    expect(pane).toEqual(cli);
  });

  it("without a choice both map by detection, to the same (decoy) column", async () => {
    const cli = await cliTiers(decoySheet());
    const pane = await paneTiers(decoySheet());
    expect(cli).not.toEqual(golden);
    expect(pane).toEqual(cli);
  });
});
