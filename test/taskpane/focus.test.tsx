/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { salesSheet } from "./sheets";

describe("focus follows the user's step", () => {
  it("Next moves focus to the new step's heading, Back to the previous one's; choosing a tab leaves it on the tab", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("button", { name: "Next: Columns" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Columns", level: 2 })));
    await userEvent.click(screen.getByRole("button", { name: "Next: Model" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Model", level: 2 })));
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Columns", level: 2 })));

    // (Arrow keys between tabs are Tabster's, checked in Chromium.)
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    expect(screen.getByRole("tab", { name: "3 Model" }).getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "3 Model" }));
  });

  it("Generate moves focus to the result's heading once the run is done; coming back to the step later does not", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    const heading = await screen.findByRole("heading", { name: "Tier table ready" });
    await waitFor(() => expect(document.activeElement).toBe(heading));

    await userEvent.click(screen.getByRole("tab", { name: "1 Source" }));
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await screen.findByRole("heading", { name: "Tier table ready" });
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "4 Generate" }));
  });
});
