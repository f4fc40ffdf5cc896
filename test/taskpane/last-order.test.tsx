/**
 * @jest-environment jsdom
 *
 * The pane on a customer sheet whose recency is a last order DATE under a
 * header nothing detects (上次光顾): the user maps it to "Last order", RFM then
 * counts the days from today and previews the segments; Generate writes a tier
 * sheet whose days count live from the rules sheet's as-of cell, and saves the
 * date column (not a days column) with the workbook. Expected segments are
 * computed here from issue 11's definitions.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { localToday } from "../../src/core/parse/values";
import type { SheetGrid } from "../../src/core/sheet/types";
import { excelPercentile } from "../core/orders/superstore";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";

const DAY = 86_400_000;
const GRID: Record<number, string[]> = {
  5: ["new", "potential", "potential", "champions", "champions"],
  4: ["promising", "potential", "potential", "champions", "champions"],
  3: ["sleepy", "sleepy", "attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"],
  1: ["lost", "lost", "at-risk", "at-risk", "cant-lose"],
};

/** 30 customers: last orders 0–290 days before today, written as text; F and M spread. */
const today = localToday().getTime();
const people = Array.from({ length: 30 }, (_, i) => ({
  name: `客户${i + 1}`,
  days: (i * 47) % 291,
  frequency: 1 + ((i * 5) % 7),
  monetary: 200 + ((i * 13) % 17) * 50,
}));
const sheet: SheetGrid = {
  name: "客户",
  values: [["客户名称", "上次光顾", "购买次数", "消费金额"], ...people.map((p) => [p.name, new Date(today - p.days * DAY).toISOString().slice(0, 10), p.frequency, p.monetary])],
};

function expectedSegments(): Record<string, number> {
  const q = (v: number[]) => [0.2, 0.4, 0.6, 0.8].map((k) => excelPercentile(v, k));
  const [rc, fc, mc] = [q(people.map((p) => p.days)), q(people.map((p) => p.frequency)), q(people.map((p) => p.monetary))];
  const above = (v: number, cuts: number[]) => cuts.filter((c) => v > c).length;
  const out: Record<string, number> = {};
  for (const p of people) {
    const [r, f, m] = [5 - above(p.days, rc), 1 + above(p.frequency, fc), 1 + above(p.monetary, mc)];
    const segment = GRID[r][Math.floor((f + m) / 2 + 0.5) - 1];
    out[segment] = (out[segment] ?? 0) + 1;
  }
  return out;
}

function shownCounts(bars: HTMLElement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of bars.querySelectorAll("tr[data-tier]")) {
    const id = row.getAttribute("data-tier")!;
    const n = Number(within(row as HTMLElement).getByTestId(`count-${id}`).textContent);
    if (n > 0) out[id] = n;
  }
  return out;
}

describe("the pane on a customer sheet with last order dates", () => {
  it("maps the date column to Last order, previews RFM segments counted from today and generates live days", async () => {
    const host = new FakeHost([sheet]);
    renderPane(host);
    await userEvent.click(await screen.findByRole("tab", { name: "3 Model" }));
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    await userEvent.click(screen.getByRole("option", { name: "RFM segments" }));

    // Nothing names 上次光顾: recency is missing until the user maps the date.
    await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
    expect(document.querySelector('li[data-field="lastOrder"]')).not.toBeNull();
    expect(within(document.querySelector('li[data-field="recency"]') as HTMLElement).getByText("Not found")).toBeTruthy();
    await userEvent.click(screen.getByRole("combobox", { name: "Column for Last order" }));
    await userEvent.click(screen.getByRole("option", { name: "B · 上次光顾" }));
    // Recency now reads that column: its samples show the days since each date.
    const recency = document.querySelector('li[data-field="recency"]') as HTMLElement;
    await waitFor(() => expect(within(recency).getByRole("combobox").textContent).toBe("B · 上次光顾"));

    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const bars = await screen.findByTestId("tier-bars");
    await waitFor(() => expect(shownCounts(bars)).toEqual(expectedSegments()));

    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    const plan = host.applied[0];
    const tiers = plan.sheets.find((s) => s.role === "tiers")!;
    const header = tiers.blocks[0].cells.at(-1)!.map((c) => (c && typeof c === "object" && "text" in c ? c.text : c));
    const recencyCol = header.indexOf("Recency");
    expect(header[recencyCol - 1]).toBe("Last order");
    const column = tiers.tables![0].columns[recencyCol];
    expect(column.kind).toBe("formula");
    expect(JSON.stringify(column)).toMatch(/As_of-INT\(/);
    expect(host.saved?.mapping).toMatchObject({ lastOrder: "上次光顾" });
    expect(host.saved?.mapping).not.toHaveProperty("recency");
  });
});
