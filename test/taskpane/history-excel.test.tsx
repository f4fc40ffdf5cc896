/**
 * @jest-environment jsdom
 *
 * Issue 12 "done when", through the Excel host on the recording fake: the pane
 * generates twice on one workbook — the second time a month later, after the
 * user changed source numbers, deleted and added a customer and typed an
 * override with a reason into the tier sheet — then once more the same day.
 * Tiers are the spec's worked examples (tiering-models.md §1):
 * (25000, 20 → A) · (10000, 30 → B) · (5000, 31 → C) · (20000, 61 → B) · (10000.01, 46 → B).
 */
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RunBatch } from "../../src/hosts/excel/api";
import { createExcelHost } from "../../src/hosts/excel/host";
import { RecordingContext } from "../../src/hosts/excel/testing/recording-context";
import type { SheetState } from "../../src/hosts/excel/testing/sheet-state";
import { rows, setToday } from "./history-helpers";
import { renderPane } from "./render";


afterAll(() => jest.useRealTimers());

/** Data rows of a sheet under the first row holding `first` in a cell, as objects by header. */
function table(sheet: SheetState, first: string): Record<string, string | number | boolean>[] {
  const all = rows(sheet);
  const h = all.findIndex((r) => r.includes(first));
  const head = all[h];
  return all.slice(h + 1).filter((r) => r.some((v) => v !== "")).map((r) => Object.fromEntries(head.map((k, c) => [String(k), r[c]])));
}

async function generate() {
  await screen.findByText("Header in row 1");
  await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
  await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
  return screen.findByText("Tier table ready");
}

/** A workbook of one customer sheet 客户 (ID, name, monthly sales, payment days) on the fake, and the Excel host over it. */
function excelWith(customers: (string | number)[][]) {
  const ctx = new RecordingContext({ sheets: [{ name: "客户", cells: [["客户编号", "客户名称", "月均销售额", "回款天数"], ...customers] }] });
  const run: RunBatch = (batch) => batch(ctx);
  return { ctx, host: createExcelHost(run) };
}

describe("the pane on the Excel host, twice on one workbook: history, previous tier, change, gone, overrides (issue 12)", () => {
  const { ctx, host } = excelWith([
    ["C1", "甲公司", 25000, 20],
    ["C2", "乙公司", 10000, 30],
    ["C3", "丙公司", 5000, 31],
    ["C4", "丁公司", 20000, 61],
  ]);

  it("first run: a snapshot of every customer, as of today", async () => {
    setToday("2026-01-31");
    renderPane(host);
    await generate();
    const history = table(ctx.sheet("Tier history"), "As of");
    expect(history.map((r) => [r["Key"], r["Customer"], r["Tier"], r["Previous tier"]])).toEqual([
      ["C1", "甲公司", "A", ""],
      ["C2", "乙公司", "B", ""],
      ["C3", "丙公司", "C", ""],
      ["C4", "丁公司", "B", ""],
    ]);
    // Dates are serials with a date format, as Excel keeps them: 2026-01-31 is serial 46053.
    expect(new Set(history.map((r) => r["As of"]))).toEqual(new Set([46053]));
    expect(screen.getByTestId("history-first").textContent).toContain("2026-01-31");
    cleanup();
  });

  it("second run a month later, after the user's edits: previous tier, change, gone, the override and its reason", async () => {
    // The user: 甲 falls to B (10000, 30), 乙 rises to A (25000, 20), 丁 is deleted, 戊 is added (10000.01, 46 → B)…
    const source = ctx.sheet("客户");
    source.write({ row: 1, col: 2, rows: 2, cols: 2 }, [[10000, 30], [25000, 20]]);
    source.write({ row: 4, col: 0, rows: 1, cols: 4 }, [["C5", "戊公司", 10000.01, 46]]);
    // …and types B with a reason over 丙's computed C in the tier sheet.
    const tiers = ctx.sheet("Customer tiers");
    const all = rows(tiers);
    const h = all.findIndex((r) => r.includes("Override"));
    const at = all.findIndex((r) => r.includes("C3"));
    tiers.write({ row: at, col: all[h].indexOf("Override"), rows: 1, cols: 2 }, [["B", "战略客户"]]);
    expect(all[h].indexOf("Reason")).toBe(all[h].indexOf("Override") + 1);

    setToday("2026-02-28");
    renderPane(host);
    await generate();

    // The result card: counts from the engine, and who moved (甲 A→B down, 乙 B→A up, 丙 C→B by hand up, 戊 new, 丁 gone).
    const moves = screen.getByTestId("history-moves");
    expect(within(moves).getByTestId("history-counts").textContent).toBe("2 up, 1 down, 1 new, 1 gone");
    expect(within(moves).getByText("since 2026-01-31", { exact: false })).toBeTruthy();
    await userEvent.click(within(moves).getByRole("button", { name: /2 up/ }));
    expect(within(moves).getByTestId("moves-up").textContent).toMatch(/乙公司\s*B → A/);
    expect(within(moves).getByTestId("moves-up").textContent).toMatch(/丙公司\s*C → B/);
    await userEvent.click(within(moves).getByRole("button", { name: /1 gone/ }));
    expect(within(moves).getByTestId("moves-gone").textContent).toMatch(/丁公司\s*B → —/);
    const overrides = screen.getByTestId("result-overrides");
    expect(overrides.textContent).toMatch(/丙公司.*C → B.*战略客户/);

    const history = table(ctx.sheet("Tier history"), "As of");
    expect(history.map((r) => [r["As of"], r["Key"], r["Computed tier"], r["Tier"], r["Previous tier"], r["Override"], r["Reason"]])).toEqual([
      [46053, "C1", "A", "A", "", "", ""],
      [46053, "C2", "B", "B", "", "", ""],
      [46053, "C3", "C", "C", "", "", ""],
      [46053, "C4", "B", "B", "", "", ""],
      [46081, "C1", "B", "B", "A", "", ""],
      [46081, "C2", "A", "A", "B", "", ""],
      [46081, "C3", "C", "B", "C", "B", "战略客户"],
      [46081, "C5", "B", "B", "", "", ""],
    ]);
    // The new tier sheet: the previous tier beside each customer, the override and its reason carried over.
    const sheet = table(ctx.sheet("Customer tiers"), "Override");
    // (The computed and final tiers are live formulas: the fake does not calculate them; the history above holds them.)
    expect(sheet.map((r) => [r["Customer"], r["Previous tier"], r["Override"], r["Reason"]])).toEqual([
      ["甲公司", "A", "", ""],
      ["乙公司", "B", "", ""],
      ["丙公司", "C", "B", "战略客户"],
      ["戊公司", "", "", ""],
    ]);
    // The summary lists the customer gone since the last snapshot.
    expect(rows(ctx.sheet("Tier summary")).flat()).toContain("丁公司");
  });

  it("a same-day re-run replaces that day's snapshot and keeps the earlier one and the override", async () => {
    renderPane(host);
    await generate();
    const history = table(ctx.sheet("Tier history"), "As of");
    expect(history.map((r) => r["As of"])).toEqual([46053, 46053, 46053, 46053, 46081, 46081, 46081, 46081]);
    expect(history.filter((r) => r["Override"] === "B").map((r) => [r["Key"], r["Reason"]])).toEqual([["C3", "战略客户"]]);
    expect(screen.getByTestId("history-counts").textContent).toBe("2 up, 1 down, 1 new, 1 gone");
  });

  it("reminds the user once the last snapshot is older than the model's review cadence (sales-payment: half a year)", async () => {
    // Last graded 2026-02-28: due 2026-08-28.
    setToday("2026-08-28");
    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await screen.findByRole("button", { name: "Generate the tier table" });
    expect(screen.queryByTestId("review-reminder")).toBeNull();
    cleanup();

    setToday("2026-09-01");
    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    expect((await screen.findByTestId("review-reminder")).textContent).toBe("Last graded on 2026-02-28, more than half a year ago: time to grade again");
    cleanup();
  });

  it("reads the history and the tier sheet in whole ranges, never a call per row", () => {
    const reads = ctx.calls.filter((c) => c.api === "range.load" && c.value === "values" && (c.sheet === "Tier history" || c.sheet === "Customer tiers"));
    // One values read per sheet when the pane opens and one at each Generate, for the two runs that had them to read,
    // and one per sheet at each of the two openings that checked the review date.
    expect(reads.length).toBe(2 * 2 * 2 + 2 * 2);
  });
});

describe("overrides in the preview (issue 12)", () => {
  it("shows computed → override with the reason, and an override that is not a tier or has no reason as an issue naming the tier sheet's row and value", async () => {
    setToday("2026-03-31");
    const { ctx, host } = excelWith([
      ["C1", "甲公司", 25000, 20],
      ["C2", "乙公司", 10000, 30],
      ["C3", "丙公司", 5000, 31],
    ]);
    renderPane(host);
    await generate();
    cleanup();

    const tiers = ctx.sheet("Customer tiers");
    const all = rows(tiers);
    const head = all[all.findIndex((r) => r.includes("Override"))];
    const o = head.indexOf("Override");
    const rowOf = (id: string) => all.findIndex((r) => r.includes(id));
    tiers.write({ row: rowOf("C1"), col: o, rows: 1, cols: 1 }, [["Z"]]);
    tiers.write({ row: rowOf("C2"), col: o, rows: 1, cols: 1 }, [["C"]]);
    tiers.write({ row: rowOf("C3"), col: o, rows: 1, cols: 2 }, [["A", "大客户潜力"]]);

    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const overrides = await screen.findByTestId("preview-overrides");
    expect(overrides.textContent).toContain("Overrides (2)");
    expect(overrides.textContent).toMatch(/乙公司 · B → C\s*no reason given/);
    expect(overrides.textContent).toMatch(/丙公司 · C → A\s*大客户潜力/);

    const issues = screen.getByTestId("issue-list");
    const letter = String.fromCharCode(65 + o);
    const bad = within(issues).getByRole("button", { name: `Row ${rowOf("C1") + 1}, ${letter} Override` });
    expect(bad.parentElement!.textContent).toContain('Override "Z" is not a tier of');
    const noReason = within(issues).getByRole("button", { name: `Row ${rowOf("C2") + 1}, ${String.fromCharCode(66 + o)} Reason` });
    expect(noReason.parentElement!.textContent).toContain("Override C has no reason");
    // The cell is selected in the tier sheet, where it was typed.
    await userEvent.click(bad);
    expect(ctx.active?.name).toBe("Customer tiers");
  });
});
