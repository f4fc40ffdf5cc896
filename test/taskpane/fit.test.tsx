/** @jest-environment jsdom */
/**
 * "Fit thresholds to my data" in the model step (issue 13): target shares per
 * tier (the seed's 10/20/70 for three tiers) or equal shares, the fitted counts
 * beside today's, accepted into the model (thresholds, description, rules sheet),
 * and the fit warnings next to the offer.
 */
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Cell, WorkbookPlan } from "../../src/core/plan/types";
import type { SheetGrid } from "../../src/core/sheet/types";
import type { RunBatch } from "../../src/hosts/excel/api";
import { createExcelHost } from "../../src/hosts/excel/host";
import { RecordingContext } from "../../src/hosts/excel/testing/recording-context";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

const SCORES = SALES_EXAMPLES.map((r) => r.score).filter((s): s is number => s !== null);

/** Counts by tier for cuts A ≥ a, B ≥ b (tiering-models.md §1 scores of the worked examples). */
function counts(a: number, b: number) {
  return { A: SCORES.filter((s) => s >= a).length, B: SCORES.filter((s) => s < a && s >= b).length, C: SCORES.filter((s) => s < b).length };
}

/** The score the best `k` customers reach (the k-th highest). */
const kth = (k: number) => [...SCORES].sort((x, y) => y - x)[k - 1];

function column(prefix: string) {
  return Object.fromEntries(["A", "B", "C"].map((t) => [t, Number(screen.getByTestId(`${prefix}-${t}`).textContent)]));
}

async function openFit(host = new FakeHost([salesSheet()])) {
  renderPane(host);
  await screen.findByText("Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
  await screen.findByTestId("tier-bars");
  await userEvent.click(screen.getByRole("button", { name: "Fit thresholds to my data" }));
  return host;
}

function rulesRow(plan: WorkbookPlan, tier: string): Cell[] {
  const rules = plan.sheets.find((s) => s.role === "rules")!;
  const row = rules.blocks[0].cells.find((r) => r[1] === tier || (typeof r[1] === "object" && r[1] !== null && "text" in r[1] && r[1].text === tier));
  if (!row) throw new Error(`no rules row for ${tier}`);
  return row;
}

describe("Fit thresholds to my data", () => {
  it("prefills the seed's shares (10/20/70), previews the fitted counts beside today's, and accepts them into the model and the rules sheet", async () => {
    const host = await openFit();
    expect(["A", "B", "C"].map((t) => (screen.getByRole("spinbutton", { name: `Target share of ${t} (%)` }) as HTMLInputElement).value)).toEqual(["10", "20", "70"]);
    // 7 scored customers: 10% ≈ 0.7 → the best one; 30% ≈ 2.1 → the best two.
    const [a, b] = [kth(1), kth(2)];
    expect(a).toBe(100);
    expect(b).toBe(90);
    expect(column("fit-now")).toEqual(counts(80, 60));
    expect(column("fit-new")).toEqual(counts(a, b));
    expect(screen.getByTestId("fit-min-A").textContent).toBe(`≥ ${a}`);

    await userEvent.click(screen.getByRole("button", { name: "Use these thresholds" }));
    expect((screen.getByRole("spinbutton", { name: "Lowest score for A" }) as HTMLInputElement).value).toBe(String(a));
    expect((screen.getByRole("spinbutton", { name: "Lowest score for B" }) as HTMLInputElement).value).toBe(String(b));
    await waitFor(() => expect(Number(within(screen.getAllByTestId("tier-bars")[0]).getByTestId("count-A").textContent)).toBe(counts(a, b).A));
    // The description follows the numbers (the preset's "80+ is A" is no longer true).
    expect(screen.getByText(/A total of 100 or more is A, 90 or more B, the rest C\./)).toBeTruthy();

    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    const plan = host.applied[0];
    expect(rulesRow(plan, "A")[2]).toBe(a);
    expect(rulesRow(plan, "B")[2]).toBe(b);
  });

  it("fits equal shares (quantile cuts): a third of 7 ≈ 2.3 → the best two, two thirds ≈ 4.7 → the best five", async () => {
    await openFit();
    await userEvent.click(screen.getByRole("radio", { name: "Equal shares (quantile cuts)" }));
    expect(column("fit-new")).toEqual(counts(kth(2), kth(5)));
    expect(screen.queryByRole("spinbutton", { name: "Target share of A (%)" })).toBeNull();
  });

  it("says when the shares do not add up to 100% and offers nothing to accept", async () => {
    await openFit();
    const a = screen.getByRole("spinbutton", { name: "Target share of A (%)" });
    await userEvent.clear(a);
    await userEvent.type(a, "25");
    expect(await screen.findByText("The shares add up to 115%; they must add up to 100%.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Use these thresholds" })).toBeNull();
  });

  it("shows the fit warnings next to the offer when every customer lands in one tier", async () => {
    const same: SheetGrid = { name: "客户表", values: [["客户名称", "月均销售额", "回款天数"], ...Array.from({ length: 6 }, (_, i) => [`客户${i + 1}`, 25000, 20])] };
    renderPane(new FakeHost([same]));
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const warnings = await screen.findByTestId("fit-warnings");
    // Independent of the code: all six score 70 + 30 = 100 → A (tiering-models.md §1).
    expect(within(warnings).getByText("Tier A holds 6 of 6 customers (100%)")).toBeTruthy();
    expect(within(warnings).getByText("Tier B has no customers")).toBeTruthy();
    expect(within(warnings).getByText("All 6 customers score the same: every rank is tied")).toBeTruthy();
    expect(warnings.nextElementSibling?.textContent).toContain("Fit thresholds to my data");
  });

  it("counts today's column from the computed tiers, as the fitted one is: an override does not move a customer in either", async () => {
    // tiering-models.md §1: (25000, 20) → 100 A · (10000, 30) → 70 B · (5000, 31) → 50 C; the user overrides C3 to A.
    const ctx = new RecordingContext({
      sheets: [{ name: "客户", cells: [["客户编号", "客户名称", "月均销售额", "回款天数"], ["C1", "甲公司", 25000, 20], ["C2", "乙公司", 10000, 30], ["C3", "丙公司", 5000, 31]] }],
    });
    const run: RunBatch = (batch) => batch(ctx);
    const host = createExcelHost(run);
    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    cleanup();
    const tiers = ctx.sheet("Customer tiers");
    const used = tiers.usedRange()!;
    const all = tiers.read({ row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols });
    const o = all[all.findIndex((r) => r.includes("Override"))].indexOf("Override");
    tiers.write({ row: all.findIndex((r) => r.includes("C3")), col: o, rows: 1, cols: 2 }, [["A", "大客户潜力"]]);

    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    expect((await screen.findByTestId("preview-overrides")).textContent).toMatch(/丙公司 · C → A/);
    await userEvent.click(screen.getByRole("button", { name: "Fit thresholds to my data" }));
    // Today's thresholds (A ≥ 80, B ≥ 60) on the scores 100, 70, 50: one each, not the final A 2, C 0.
    expect(column("fit-now")).toEqual({ A: 1, B: 1, C: 1 });
    // Equal shares cut the same three scores into one each: both columns count the same customers.
    await userEvent.click(screen.getByRole("radio", { name: "Equal shares (quantile cuts)" }));
    expect(column("fit-new")).toEqual({ A: 1, B: 1, C: 1 });
  });
});
