/**
 * @jest-environment jsdom
 *
 * Issue 11's ABC choices in the pane: share limits 80%/95% (default) or
 * 70%/90% of the value ahead, or the share of customers (A = the top 20% by
 * count, B the next 30%). Expected classes computed here from the definitions.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SheetGrid } from "../../src/core/sheet/types";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";

// 20 customers, distinct values: 1000, 800, … a long tail; one zero and one refund (C).
const values = [1000, 800, 650, 500, 420, 300, 250, 200, 160, 120, 100, 80, 60, 40, 30, 20, 10, 5, 0, -50];
const sheet: SheetGrid = { name: "客户", values: [["客户名称", "消费金额"], ...values.map((v, i) => [`客户${i + 1}`, v])] };

/** Class counts: share ahead (of the positive total, or of the customers) below a → A, below b → B, else C; ≤ 0 is C. */
function expected(a: number, b: number, basis: "value" | "customers") {
  const total = values.filter((v) => v > 0).reduce((s, v) => s + v, 0);
  const counts = { A: 0, B: 0, C: 0 };
  for (const v of values) {
    const ahead = values.filter((w) => w > v);
    const share = basis === "value" ? ahead.reduce((s, w) => s + w, 0) / total : ahead.length / values.length;
    counts[v <= 0 ? "C" : share < a ? "A" : share < b ? "B" : "C"]++;
  }
  return counts;
}

const shown = () => Object.fromEntries(["A", "B", "C"].map((t) => [t, Number(within(screen.getByTestId("tier-bars")).getByTestId(`count-${t}`).textContent)]));

describe("ABC classes in the pane", () => {
  it("offers 80/95 (default), 70/90 and the share of customers, and previews each", async () => {
    renderPane(new FakeHost([sheet]));
    await userEvent.click(await screen.findByRole("tab", { name: "3 Model" }));
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    await userEvent.click(screen.getByRole("option", { name: "ABC (Pareto)" }));
    await screen.findByTestId("tier-bars");
    await waitFor(() => expect(shown()).toEqual(expected(0.8, 0.95, "value")));

    const cut = screen.getByRole("combobox", { name: "ABC classes" });
    await userEvent.click(cut);
    await userEvent.click(screen.getByRole("option", { name: /A when the customers ahead hold < 70%, B < 90%/ }));
    await waitFor(() => expect(shown()).toEqual(expected(0.7, 0.9, "value")));
    expect(expected(0.7, 0.9, "value")).not.toEqual(expected(0.8, 0.95, "value"));

    await userEvent.click(screen.getByRole("combobox", { name: "ABC classes" }));
    await userEvent.click(screen.getByRole("option", { name: "By customers: the top 20% are A, the next 30% B" }));
    await waitFor(() => expect(shown()).toEqual(expected(0.2, 0.5, "customers")));
    expect(expected(0.2, 0.5, "customers")).toEqual({ A: 4, B: 6, C: 10 });
  });
});
