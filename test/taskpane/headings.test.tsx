/** @jest-environment jsdom */
/**
 * The pane's headings nest (WCAG 1.3.1, axe's heading-order): the app's h1,
 * each step's h2, and everything inside a step one level deeper — the model
 * editor's Criteria and Tiers (h3) with one h4 per criterion, the preview's
 * issues (h3), the result card (h3) and its issues (h4). No level is skipped.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { salesSheet } from "./sheets";

/** Every heading in document order, as [level, text]. */
function headings(): [number, string][] {
  return Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"), (h) => [Number(h.tagName[1]), h.textContent ?? ""]);
}

/** No heading goes more than one level deeper than the one before it; after the first h2, only the step's heading is an h2. */
function expectNested(list: [number, string][], step: string) {
  list.forEach(([level], i) => {
    if (i > 0) expect(level).toBeLessThanOrEqual(list[i - 1][0] + 1);
  });
  expect(list.filter(([level]) => level === 2).map(([, t]) => t)).toEqual([step]);
}

describe("heading levels", () => {
  it("the model step: editor headings h3 (Criteria, Tiers) and h4 (each criterion), the preview's issues h3", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    await screen.findByTestId("issue-list");
    await userEvent.click(screen.getByRole("button", { name: "Edit the model" }));
    await screen.findByRole("heading", { name: "Criteria" });
    const list = headings();
    expectNested(list, "Model");
    expect(list).toEqual(expect.arrayContaining([[3, "Criteria"], [3, "Tiers"]]));
    // sales-payment's two criteria, one h4 each.
    expect(list.filter(([level]) => level === 4)).toHaveLength(2);
    expect(list.find(([, t]) => t.startsWith("Issues"))?.[0]).toBe(3);
  });

  it("the generate step: the result card h3 and its issues h4", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByRole("heading", { name: "Tier table ready" });
    const list = headings();
    expectNested(list, "Generate");
    expect(list).toContainEqual([3, "Tier table ready"]);
    expect(list.find(([, t]) => t.startsWith("Issues"))?.[0]).toBe(4);
  });
});
