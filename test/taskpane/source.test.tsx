/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/hosts/errors";
import { text } from "../../src/core/model";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { notesSheet, SALES_EXAMPLES, salesSheet } from "./sheets";

describe("Source step", () => {
  it("finds the header under the title, counts customers without the totals row, and previews the first rows", async () => {
    renderPane(new FakeHost([salesSheet(), notesSheet()]));
    expect(await screen.findByText("Header in row 3")).toBeTruthy();
    expect(screen.getByTestId("row-count").textContent).toBe(`${SALES_EXAMPLES.length} customers`);
    const preview = screen.getByRole("region", { name: /First 5 of 8 rows/ });
    const rows = within(preview).getAllByRole("row");
    expect(rows).toHaveLength(1 + 5);
    expect(within(rows[1]).getByText("华信贸易")).toBeTruthy();
    expect(within(rows[1]).getByText("4")).toBeTruthy(); // sheet row number
  });

  it("reads another sheet when the user picks it", async () => {
    const host = new FakeHost([salesSheet(), notesSheet()]);
    renderPane(host);
    await screen.findByText("Header in row 3");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Sheet" }), "说明");
    expect(await screen.findByText(/No customer table on this sheet/)).toBeTruthy();
    expect(host.reads).toContain("说明");
  });

  it("shows a host error with what to do instead of a blank pane", async () => {
    const host = new FakeHost([salesSheet()]);
    host.failNext.readSheet = new HostError(text("工作表受保护：请先取消保护", "The sheet is protected: unprotect it first"), "protected");
    renderPane(host);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The sheet is protected: unprotect it first");
    await userEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("speaks Chinese when asked", async () => {
    renderPane(new FakeHost([salesSheet()]), "zh-CN");
    expect(await screen.findByText("表头在第 3 行")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "1 数据" })).toBeTruthy();
  });
});
