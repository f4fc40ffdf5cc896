/** @jest-environment jsdom */
import { cellBlocks } from "../../src/core/plan/columns";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { text } from "../../src/core/model";
import { salesPayment } from "../../src/core/presets";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { HostError } from "../../src/hosts/errors";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

async function openGenerate() {
  await screen.findByText("Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
  return screen.getByRole("button", { name: "Generate the tier table" });
}

/** The customers listed on the tier sheet: the rows of its largest block below the header that name a customer. */
function tierSheetCustomers(plan: WorkbookPlan): string[] {
  const sheet = plan.sheets.find((s) => s.role === "tiers")!;
  const names = new Set(SALES_EXAMPLES.map((r) => r.name));
  const found: string[] = [];
  for (const block of cellBlocks(sheet)) {
    for (const row of block.cells) {
      for (const cell of row) if (typeof cell === "string" && names.has(cell)) found.push(cell);
    }
  }
  return found;
}

describe("Generate step", () => {
  it("applies a plan whose tier sheet lists every customer, then shows the result and saves the settings", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host);
    await userEvent.click(await openGenerate());
    expect(await screen.findByText("Tier table ready")).toBeTruthy();
    expect(host.applied).toHaveLength(1);
    expect(tierSheetCustomers(host.applied[0]).sort()).toEqual(SALES_EXAMPLES.map((r) => r.name).sort());

    // The result card's counts are the engine's for the worked examples: A 3, B 3, C 1, one not tiered.
    const bars = screen.getAllByTestId("tier-bars").at(-1)!;
    expect(within(bars).getByTestId("count-A").textContent).toBe("3");
    expect(within(bars).getByTestId("count-B").textContent).toBe("3");
    expect(within(bars).getByTestId("count-C").textContent).toBe("1");

    expect(host.saved?.model.id).toBe("sales-payment");
    expect(host.saved?.mapping).toMatchObject({ revenue: "月均销售额", paydays: "回款天数", customer: "客户名称" });
    expect(host.saved?.sheet).toBe("客户表");
  });

  it("goes to the tier sheet, and to the cell of a row that could not be scored", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host);
    await userEvent.click(await openGenerate());
    await screen.findByText("Tier table ready");
    const tierSheet = host.applied[0].sheets.find((s) => s.role === "tiers")!.name;
    await userEvent.click(screen.getByRole("button", { name: "Go to the tier sheet" }));
    expect(host.selected.at(-1)).toEqual({ sheet: tierSheet, address: undefined });

    expect(screen.getByText("Issues: 1 error, 0 warnings")).toBeTruthy();
    // 未知客户 is the 8th customer under the header in row 3 (row 11); its sales ("abc") are in column C.
    await userEvent.click(screen.getByRole("button", { name: /Row 11, C 月均销售额/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "客户表", address: "C11" });
  });

  it("shows progress, and Cancel aborts the run without a result", async () => {
    const host = new FakeHost([salesSheet()]);
    host.gate = new Promise(() => undefined); // never finishes by itself
    renderPane(host);
    await userEvent.click(await openGenerate());
    const bar = await screen.findByRole("progressbar");
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled: nothing was written.")).toBeTruthy();
    expect(host.applied).toHaveLength(0);
    expect(host.saved).toBeNull();
    expect(screen.queryByText("Tier table ready")).toBeNull();
  });

  it("shows the host's message when writing fails, and lets the user try again", async () => {
    const host = new FakeHost([salesSheet()]);
    host.failNext.applyPlan = new HostError(text("请先退出单元格编辑模式", "Finish editing the cell first (press Enter or Esc)"), "edit-mode");
    renderPane(host);
    const button = await openGenerate();
    await userEvent.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain("Finish editing the cell first (press Enter or Esc)");
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    expect(await screen.findByText("Tier table ready")).toBeTruthy();
  });

  it("restores a saved model and mapping when the pane opens again", async () => {
    const edited = { ...salesPayment, tiers: salesPayment.tiers.map((t) => (t.id === "A" ? { ...t, minScore: 95 } : t)) };
    // The saved mapping names the region column for the customer: the user's choice wins over detection.
    const host = new FakeHost([salesSheet()], { version: 1, model: edited, mapping: { customer: "区域" }, sheet: "客户表" });
    renderPane(host);
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    await waitFor(() => expect(screen.getByTestId("count-A").textContent).toBe("1"));
    expect((screen.getByRole("spinbutton", { name: "Lowest score for A" }) as HTMLInputElement).value).toBe("95");
    await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
    expect(screen.getByRole("combobox", { name: "Column for Customer" }).textContent).toContain("B · 区域");
  });
});
