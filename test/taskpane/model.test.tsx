/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

/** Counts by tier expected from the worked examples' scores (tiering-models.md §1) and the given A/B cuts. */
function expectedCounts(a: number, b: number) {
  const scores = SALES_EXAMPLES.map((r) => r.score).filter((s): s is number => s !== null);
  return { A: scores.filter((s) => s >= a).length, B: scores.filter((s) => s < a && s >= b).length, C: scores.filter((s) => s < b).length };
}

function shownCounts() {
  return Object.fromEntries(["A", "B", "C"].map((t) => [t, Number(screen.getByTestId(`count-${t}`).textContent)]));
}

async function openModel() {
  await screen.findByText("Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
  await screen.findByTestId("tier-bars");
}

describe("Model step", () => {
  it("previews the tiers with the preset's thresholds, and updates them as a threshold changes", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openModel();
    expect(shownCounts()).toEqual(expectedCounts(80, 60));
    expect(screen.getByTestId("unscored-count").textContent).toBe("1 customers could not be tiered");

    const a = screen.getByRole("spinbutton", { name: "Lowest score for A" });
    await userEvent.clear(a);
    await userEvent.type(a, "95");
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(95, 60)));
    expect(expectedCounts(95, 60)).not.toEqual(expectedCounts(80, 60));
  });

  it("shows validation problems inline and blocks generating until they are fixed", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openModel();
    const b = screen.getByRole("spinbutton", { name: "Lowest score for B" });
    await userEvent.clear(b);
    await userEvent.type(b, "90");
    const message = "thresholds out of order: B at 90 must be below 80";
    await waitFor(() => expect(within(screen.getByRole("group", { name: "Tier thresholds" })).getByText(message)).toBeTruthy());
    expect(screen.getByText("Fix the model's problems to see the preview.")).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    expect(screen.getByRole("button", { name: "Generate the tier table" }).hasAttribute("disabled")).toBe(true);
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    await userEvent.click(screen.getByRole("button", { name: "Reset to the preset" }));
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(80, 60)));
  });

  it("switches to a level model (orders + volume) and says which columns are missing", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openModel();
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    await userEvent.click(await screen.findByRole("option", { name: /Orders/ }));
    expect(await screen.findByText("Pick the required columns first.")).toBeTruthy();
    expect(screen.queryByRole("spinbutton", { name: "Lowest score for A" })).toBeNull();
  });

  it("changes a tier colour and keeps its text readable", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openModel();
    await userEvent.click(screen.getByRole("button", { name: "Edit the model" }));
    const colour = screen.getByLabelText("Colour of tier A") as HTMLInputElement;
    // fireEvent: jsdom has no colour picker to type into.
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.change(colour, { target: { value: "#102030" } });
    const chip = within(document.querySelector('[data-tier="A"]') as HTMLElement).getByText("A");
    expect(chip.style.backgroundColor).toBe("rgb(16, 32, 48)");
    expect(chip.style.color).toBe("rgb(255, 255, 255)");
  });
});
