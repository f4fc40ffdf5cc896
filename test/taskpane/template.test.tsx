/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { salesSheet } from "./sheets";

describe("New template", () => {
  it("says what it adds, inserts new sheets for the current model, and offers the customer sheet as a source", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host);
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("button", { name: "New template" }));
    // findBy: while the dialog opens, its focus trap briefly hides it from the accessibility tree.
    const create = await screen.findByRole("button", { name: "Create the template" });
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText(/Existing sheets are not touched/)).toBeTruthy();
    expect(within(dialog).getByText("Sales + payment (100 points)")).toBeTruthy();
    await userEvent.click(create);
    expect(await within(dialog).findByText('Template "Customers" created.')).toBeTruthy();

    expect(host.applied).toHaveLength(1);
    const plan = host.applied[0];
    expect(plan.sheets.every((s) => s.action.kind === "create")).toBe(true);
    const customers = plan.sheets.find((s) => s.role === "tiers")!;
    // The model's inputs are columns of the customer sheet.
    const texts = customers.blocks.flatMap((b) => b.cells.flat()).map((c) => (typeof c === "string" ? c : c && typeof c === "object" && "text" in c ? c.text : ""));
    expect(texts).toEqual(expect.arrayContaining(["Monthly sales", "Payment days"]));

    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    // The page is back (no longer hidden behind the modal) once the dialog has gone.
    const sheet = await screen.findByRole("combobox", { name: "Sheet" });
    expect(within(sheet).getByRole("option", { name: "Customers" })).toBeTruthy();
  });
});
