/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { salesSheet } from "./sheets";

async function openColumns() {
  await screen.findByText("Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
}

function fieldItem(id: string): HTMLElement {
  return document.querySelector(`[data-field="${id}"]`) as HTMLElement;
}

describe("Columns step", () => {
  it("shows the detected column per field and how the first values are read", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openColumns();
    const revenue = fieldItem("revenue");
    expect(within(revenue).getByRole("combobox", { name: "Column for Monthly sales" }).textContent).toContain("C · 月均销售额");
    expect(within(revenue).getByText("Exact match")).toBeTruthy();
    // The engine's reading of `¥25,000` and `2万`, shown once the preview has scored.
    expect(await within(revenue).findByText("25,000")).toBeTruthy();
    expect(within(revenue).getByText("2万")).toBeTruthy();
    expect(within(revenue).getByText("20,000")).toBeTruthy();
    const paydays = fieldItem("paydays");
    expect(within(paydays).getByText("30天")).toBeTruthy();
    expect(within(paydays).getAllByText("30").length).toBeGreaterThan(0);
  });

  it("lets the user unmap a required column, and says it is missing", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openColumns();
    const revenue = fieldItem("revenue");
    await userEvent.click(within(revenue).getByRole("combobox", { name: "Column for Monthly sales" }));
    await userEvent.click(await screen.findByRole("option", { name: "(not used)" }));
    expect(within(fieldItem("revenue")).getByText("Not found")).toBeTruthy();
    // In the pane's words: the field's label, no id, no field=Header syntax.
    const message = screen.getByText(/Required columns missing: Monthly sales\./);
    expect(message.textContent).not.toMatch(/revenue|=/);
    expect((screen.getByRole("button", { name: "Next: Model" }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    expect(screen.getByRole("button", { name: "Generate the tier table" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("Pick the required columns in the Columns step first.")).toBeTruthy();
  });

  it("maps a field to the column the user picks", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openColumns();
    const customer = fieldItem("customer");
    await userEvent.click(within(customer).getByRole("combobox", { name: "Column for Customer" }));
    await userEvent.click(await screen.findByRole("option", { name: "B · 区域" }));
    expect(within(fieldItem("customer")).getByRole("combobox").textContent).toContain("B · 区域");
    expect(within(fieldItem("customer")).getByText("Chosen by you")).toBeTruthy();
    expect(within(fieldItem("customer")).queryByText("Exact match")).toBeNull();
    expect(await within(fieldItem("customer")).findAllByText("华东")).not.toHaveLength(0);
  });

  it("says what is unsure about a match on a merely similar header", async () => {
    const sheet = { name: "客户", values: [["客户名称", "Total Sales", "回款天数"], ["华信", 25000, 20]] };
    renderPane(new FakeHost([sheet]));
    await screen.findByText("Header in row 1");
    await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
    const revenue = fieldItem("revenue");
    expect(within(revenue).getByRole("combobox").textContent).toContain("B · Total Sales");
    expect(within(revenue).getByText('The header "Total Sales" is not quite "Monthly sales": check that this column is the Monthly sales column.')).toBeTruthy();
    expect(within(fieldItem("paydays")).queryByText(/is not quite/)).toBeNull();
  });
});
