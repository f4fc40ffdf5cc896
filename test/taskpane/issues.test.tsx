/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { salesPayment } from "../../src/core/presets";
import type { SheetGrid } from "../../src/core/sheet/types";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";

/**
 * Rows 2–6 under the header in row 1: 华信 twice (rows 2 and 5, a warning),
 * 海联's sales -1,200 (row 3, scored with a warning), 博远's sales 待定 (row 4, an error).
 */
function messySheet(): SheetGrid {
  return {
    name: "客户",
    values: [
      ["客户名称", "月均销售额", "回款天数"],
      ["华信", 25000, 20],
      ["海联", -1200, 30],
      ["博远", "待定", 30],
      ["华信", 9000, 40],
      ["恒达", 12000, 50],
    ],
  };
}

describe("Issues in the pane", () => {
  it("lists errors and warnings grouped by kind with counts in the preview, and a click selects the cell", async () => {
    const host = new FakeHost([messySheet()]);
    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const list = await screen.findByTestId("issue-list");
    // The duplicate is said twice: scored twice, and (issue 12) kept out of the comparison with earlier runs.
    expect(within(list).getByText("Issues: 1 error, 3 warnings")).toBeTruthy();
    expect(within(list).getByText(/Error \(no tier\) · Monthly sales: unreadable or out of range \(1\)/)).toBeTruthy();
    expect(within(list).getByText(/Warning \(tiered; check it\) · duplicate customer \(2\)/)).toBeTruthy();
    expect(within(list).getByText(/Customer "华信" is on rows 2 and 5: neither row is compared with earlier runs/)).toBeTruthy();
    expect(within(list).getByText(/Warning \(tiered; check it\) · Monthly sales: worth a look \(1\)/)).toBeTruthy();
    await userEvent.click(within(list).getAllByRole("button", { name: /Row 5, A 客户名称/ })[0]);
    expect(host.selected.at(-1)).toEqual({ sheet: "客户", address: "A5" });
    await userEvent.click(within(list).getByRole("button", { name: /Row 3, B 月均销售额/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "客户", address: "B3" });
  });

  it("shows the warnings on the result card too, not only the rows without a tier", async () => {
    const host = new FakeHost([messySheet()]);
    renderPane(host);
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    const lists = screen.getAllByTestId("issue-list");
    const card = lists.at(-1)!;
    expect(within(card).getByText("Issues: 1 error, 3 warnings")).toBeTruthy();
    expect(within(card).getByText(/appears twice: rows 2 and 5/)).toBeTruthy();
    expect(within(card).getByText(/-1,200 is below 0/)).toBeTruthy();
  });

  it("says an order log is an order log under a model that cannot sum it, previews nothing and does not generate", async () => {
    const names = ["华信", "海联", "博远"];
    const rows = Array.from({ length: 15 }, (_, i) => [`2024-05-${String(i + 1).padStart(2, "0")}`, names[i % 3], 10000 + i, 30]);
    // The workbook's settings chose sales-payment: the pane keeps the user's model and refuses to tier line by line.
    const host = new FakeHost([{ name: "订单", values: [["下单日期", "客户名称", "月均销售额", "回款天数"], ...rows] }], {
      version: 1,
      model: salesPayment,
      mapping: {},
    });
    renderPane(host);
    await screen.findByText("Header in row 1");
    const bar = await screen.findByTestId("order-log");
    expect(bar.textContent).toContain("This looks like an order log");
    expect(bar.textContent).toContain("only 3 different customers on 15 rows");
    expect(bar.textContent).toContain('"下单日期" holds dates');
    expect(within(bar).getByRole("button", { name: "Use the RFM model" })).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    expect((screen.getByRole("button", { name: "Generate the tier table" }) as HTMLButtonElement).disabled).toBe(true);
    expect(host.applied).toHaveLength(0);
  });
});
