/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { salesSheet } from "./sheets";

function shownCounts() {
  return Object.fromEntries(["A", "B", "C"].map((t) => [t, Number(screen.getByTestId(`count-${t}`).textContent)]));
}

async function openEditor() {
  await screen.findByText("Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
  await screen.findByTestId("tier-bars");
  await userEvent.click(screen.getByRole("button", { name: "Edit the model" }));
}

/** Every text a sheet of the plan holds, whatever the plan's layout. */
function sheetText(plan: WorkbookPlan, role: string): string {
  return JSON.stringify(plan.sheets.find((s) => s.role === role));
}

async function generate(host: FakeHost, zh = false): Promise<WorkbookPlan> {
  await userEvent.click(screen.getByRole("tab", { name: zh ? "4 生成" : "4 Generate" }));
  await userEvent.click(screen.getByRole("button", { name: zh ? "生成分级表" : "Generate the tier table" }));
  await screen.findByText(zh ? "分级表已生成" : "Tier table ready");
  return host.applied.at(-1)!;
}

describe("Model editor", () => {
  it("moving a bound moves the neighbour's: no gap to fix, and the rules sheet states the new numbers", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host);
    await openEditor();
    const from = screen.getByRole("spinbutton", { name: "Monthly sales band 1 from" });
    await userEvent.clear(from);
    await userEvent.type(from, "30000");
    expect((screen.getByRole("spinbutton", { name: "Monthly sales band 2 to" }) as HTMLInputElement).value).toBe("30000");
    expect(screen.queryByText(/gap between bands/)).toBeNull();
    // Sales of 20,000–29,999 now get 50 instead of 70: 25,000/20d → 80 (A), 20,000/31d → 70 (B), 20,000/61d → 50 (C).
    await waitFor(() => expect(shownCounts()).toEqual({ A: 2, B: 3, C: 2 }));
    // The description now says the numbers instead of the preset's words.
    expect(screen.getByText(/Monthly sales gives up to 70 points/)).toBeTruthy();
    const rules = sheetText(await generate(host), "rules");
    expect(rules).toContain("≥ 30,000");
    expect(rules).not.toContain("20,000 or more");
  });

  it("the threshold in the description follows an edited A threshold", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host, "zh-CN");
    await screen.findByText("表头在第 3 行");
    await userEvent.click(screen.getByRole("tab", { name: "3 模型" }));
    const a = await screen.findByRole("spinbutton", { name: "A 级最低分" });
    await userEvent.clear(a);
    await userEvent.type(a, "85");
    expect(await screen.findByText(/合计 ≥85 为 A，≥60 为 B，其余为 C/)).toBeTruthy();
    const rules = sheetText(await generate(host, true), "rules");
    expect(rules).toContain("合计 ≥85 为 A");
    expect(rules).not.toContain("合计 ≥80 为 A");
  });

  it("splits, renames and removes a band", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openEditor();
    const payment = screen.getByRole("region", { name: "Payment" });
    expect(within(payment).getAllByRole("listitem")).toHaveLength(4);
    await userEvent.click(within(payment).getByRole("button", { name: "Split Payment band 4" }));
    expect(within(payment).getAllByRole("listitem")).toHaveLength(5);
    await userEvent.click(within(payment).getByRole("button", { name: "Remove Payment band 5" }));
    await userEvent.click(within(payment).getByRole("button", { name: "Remove Payment band 4" }));
    expect(within(payment).getAllByRole("listitem")).toHaveLength(3);
    // Band 3 (45–60 days) now runs on without an upper limit.
    expect((within(payment).getByRole("spinbutton", { name: "Payment band 3 to" }) as HTMLInputElement).value).toBe("");
    const name = within(payment).getByRole("textbox", { name: "Payment band 1 name" });
    await userEvent.clear(name);
    await userEvent.type(name, "fast payers");
    expect((name as HTMLInputElement).value).toBe("fast payers");
    expect(screen.queryAllByRole("alert")).toHaveLength(0);
  });

  it("tiers on one criterion: removing payment makes its column optional", async () => {
    const host = new FakeHost([
      { name: "只有销售额", values: [["客户名称", "月均销售额"], ["华信", 25000], ["海联", 12000], ["博远", 3000]] },
    ]);
    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    expect(await screen.findByText("Pick the required columns first.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Edit the model" }));
    await userEvent.click(screen.getByRole("button", { name: 'Remove the criterion "Payment"' }));
    // Sales alone (tiering-models.md §1 bands): 25,000 → 70 (B), 12,000 → 50 (C), 3,000 → 30 (C) with A ≥ 80, B ≥ 60.
    await waitFor(() => expect(shownCounts()).toEqual({ A: 0, B: 1, C: 2 }));
    await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
    expect(within(document.querySelector('[data-field="paydays"]') as HTMLElement).getByText("Optional")).toBeTruthy();
  });

  it("adds a criterion and a tier, and removes a tier", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "Add a tier" }));
    expect(screen.getByRole("spinbutton", { name: "Lowest score for C" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Name of tier D" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Remove tier D" }));
    expect(screen.queryByRole("textbox", { name: "Name of tier D" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Add a criterion" }));
    expect(screen.getByRole("region", { name: "New criterion 1" })).toBeTruthy();
    // Its column is required until the user picks one: the preview says so.
    expect(await screen.findByText("Pick the required columns first.")).toBeTruthy();
  });
});
