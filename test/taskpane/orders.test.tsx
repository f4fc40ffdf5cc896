/**
 * @jest-environment jsdom
 *
 * The pane on an order log (one row per order line): recognised and said as
 * "N order lines → M customers", steered to a value preset, its own columns
 * mapped, an as-of day, segment counts in the preview, and Generate writing
 * the same workbook as `custtier score --model rfm`. Expected values come from
 * the Sample Superstore lines summed and scored by the plain reimplementation
 * in test/core/orders/superstore.ts.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SheetGrid } from "../../src/core/sheet/types";
import { expectedCustomers, expectedRfm, expectedStatus, superstoreLines } from "../core/orders/superstore";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";

const AS_OF = "2018-01-01";
let superstore: SheetGrid;
let segments: Map<string, number>;

beforeAll(() => {
  // The CSV's cells as text (jsdom has no TextDecoder for the file reader): the engine reads "261.96" and "2016-11-08" itself.
  const lines = superstoreLines();
  const headers = Object.keys(lines[0]);
  superstore = { name: "superstore", values: [headers, ...lines.map((l) => headers.map((h) => l[h]))] };
  segments = new Map();
  for (const { segment } of expectedRfm([...expectedCustomers(AS_OF).values()]).values()) segments.set(segment, (segments.get(segment) ?? 0) + 1);
});

/** A sales ledger 销售明细 (日期, 客户, 金额) with these lines under the header in row 1. */
function salesLog(lines: [string, string, number | string][]): SheetGrid {
  return { name: "销售明细", values: [["日期", "客户", "金额"], ...lines] };
}

async function setAsOf(day: string) {
  fireEvent.change(await screen.findByLabelText("As of"), { target: { value: day } });
}

/** The counts the tier bars show, by segment id. */
function shownCounts(bars: HTMLElement): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of bars.querySelectorAll("tr[data-tier]")) {
    const id = row.getAttribute("data-tier")!;
    out.set(id, Number(within(row as HTMLElement).getByTestId(`count-${id}`).textContent));
  }
  return out;
}

/** Segments with customers, as a plain object for a readable diff. */
const nonZero = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n > 0).sort());

describe("the pane on an order log", () => {
  it("says N order lines → M customers, steers to RFM and previews the segment counts of every customer", async () => {
    const host = new FakeHost([superstore]);
    renderPane(host);
    expect((await screen.findByTestId("order-log-count")).textContent).toBe("Order log: 9,994 order lines → 793 customers");
    expect(screen.getByTestId("row-count").textContent).toBe("9994 order lines");
    await setAsOf(AS_OF);

    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    expect(screen.getByRole("combobox", { name: "Model" }).textContent).toContain("RFM segments");
    const bars = await screen.findByTestId("tier-bars");
    await waitFor(() => expect(nonZero(shownCounts(bars))).toEqual(nonZero(segments)));
    // Segments by their names in the pane's language, not their ids.
    expect(within(bars).getByText("Champions")).toBeTruthy();
    expect(within(bars).queryByText("champions")).toBeNull();
  });

  it("maps the log's own columns: customer, customer ID, order date, amount, order ID", async () => {
    renderPane(new FakeHost([superstore]));
    await screen.findByTestId("order-log-count");
    await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
    const chosen = (field: string) => within(document.querySelector(`li[data-field="${field}"]`) as HTMLElement).getByRole("combobox").textContent;
    expect(chosen("customer")).toMatch(/Customer Name$/);
    expect(chosen("customerId")).toMatch(/Customer ID$/);
    expect(chosen("orderDate")).toMatch(/Order Date$/);
    expect(chosen("amount")).toMatch(/Sales$/);
    expect(chosen("orderId")).toMatch(/Order ID$/);
    expect(document.querySelector('li[data-field="recency"]')).toBeNull();
  });

  it("counts each line as an order when the order ID is set to not used", async () => {
    // Without order IDs, frequency is the number of lines: customers' F scores change, so the segments do too.
    const lines = new Map<string, number>();
    const customers = [...expectedCustomers(AS_OF).values()];
    for (const row of superstore.values.slice(1)) {
      const id = String(row[5]);
      lines.set(id, (lines.get(id) ?? 0) + 1);
    }
    expect(superstore.values[0][5]).toBe("Customer ID");
    const want = new Map<string, number>();
    for (const { segment } of expectedRfm(customers.map((c) => ({ ...c, frequency: lines.get(c.id)! }))).values()) want.set(segment, (want.get(segment) ?? 0) + 1);
    expect(nonZero(want)).not.toEqual(nonZero(segments));

    renderPane(new FakeHost([superstore]));
    await screen.findByTestId("order-log-count");
    await setAsOf(AS_OF);
    await userEvent.click(screen.getByRole("tab", { name: "2 Columns" }));
    await userEvent.click(screen.getByRole("combobox", { name: "Column for Order ID" }));
    await userEvent.click(screen.getByRole("option", { name: "(not used)" }));
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const bars = await screen.findByTestId("tier-bars");
    await waitFor(() => expect(nonZero(shownCounts(bars))).toEqual(nonZero(want)));
  });

  it("generates the CLI's workbook (tier sheet, customer summary, summary, rules, history) and saves the log's columns", async () => {
    const host = new FakeHost([superstore]);
    renderPane(host);
    await screen.findByTestId("order-log-count");
    await setAsOf(AS_OF);
    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    const plan = host.applied[0];
    // As `custtier score --model rfm -o`: the tier sheet, the customer summary, summary, rules and the tier history.
    expect(plan.sheets.map((s) => s.role)).toEqual(["tiers", "customers", "summary", "rules", "history"]);
    expect(plan.sheets.find((s) => s.role === "customers")!.name).toBe("Customers");
    expect(screen.getByText('793 customers tiered in the sheet "Customer tiers".')).toBeTruthy();
    const card = screen.getAllByTestId("tier-bars").at(-1)!;
    expect(nonZero(shownCounts(card))).toEqual(nonZero(segments));
    expect(host.saved?.model.id).toBe("rfm");
    expect(host.saved?.mapping).toMatchObject({ orderDate: "Order Date", amount: "Sales", orderId: "Order ID", customerId: "Customer ID" });
  });

  it("shows every line the sums left out (unreadable date, unreadable amount) and every refund, by row, column and value", async () => {
    // Rows 2–9 under the header in row 1; rows 4 (date 下周), 6 (amount 待定) are left out, row 8 is a refund.
    const log = salesLog([
      ["2024-05-01", "华信", 1000],
      ["2024-05-02", "海联", 2000],
      ["下周", "华信", 3000],
      ["2024-05-04", "博远", 500],
      ["2024-05-05", "海联", "待定"],
      ["2024-05-06", "华信", 800],
      ["2024-05-07", "海联", -300],
      ["2024-05-08", "博远", 700],
    ]);
    const host = new FakeHost([log]);
    renderPane(host);
    expect((await screen.findByTestId("order-log-count")).textContent).toBe("Order log: 8 order lines → 3 customers");
    expect(screen.getByTestId("order-log").textContent).toContain("2 order lines could not be read and are left out");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const list = await screen.findByTestId("issue-list");
    expect(within(list).getByText(/^Issues: 2 errors, 1 warning$/)).toBeTruthy();
    await userEvent.click(within(list).getByRole("button", { name: /Row 4, A 日期/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "销售明细", address: "A4" });
    await userEvent.click(within(list).getByRole("button", { name: /Row 6, C 金额/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "销售明细", address: "C6" });
    await userEvent.click(within(list).getByRole("button", { name: /Row 8, C 金额/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "销售明细", address: "C8" });
    expect(within(list).getByText(/Negative amount -300 \(a refund\?\)/)).toBeTruthy();

    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    const card = screen.getAllByTestId("issue-list").at(-1)!;
    expect(within(card).getByText(/^Issues: 2 errors, 1 warning$/)).toBeTruthy();
  });

  it("points an issue about a customer's sums at the customer's row on the customer summary, and a log line's at the log", async () => {
    // 博远's only line (row 5) is a refund: the line is a warning in the log; the customer's total, -500, is an issue about the sums.
    const log = salesLog([
      ["2024-05-01", "华信", 1000],
      ["2024-05-02", "海联", 2000],
      ["2024-05-03", "华信", 3000],
      ["2024-05-04", "博远", -500],
      ["2024-05-06", "华信", 800],
    ]);
    const host = new FakeHost([log]);
    renderPane(host);
    await screen.findByTestId("order-log-count");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    const list = await screen.findByTestId("issue-list");
    await userEvent.click(within(list).getByRole("button", { name: /Row 5, C 金额/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "销售明细", address: "C5" });
    // Before Generate there is no customer summary: the place is named, with nothing to select.
    const before = within(list).getByText(/^Row \d+, \w+ Total spent · on the Customers sheet that Generate writes$/);
    expect(before.closest("li")!.textContent).toContain("Monetary -500 is below 0");

    await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
    await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
    await screen.findByText("Tier table ready");
    const customers = host.applied[0].sheets.find((sheet) => sheet.role === "customers")!;
    // Where 博远 and its total are on the sheet as written: its row, and the column headed Total spent.
    const table = customers.tables![0];
    const names = table.columns[0].kind === "data" ? table.columns[0].valuesAt(0, table.rows) : [];
    const headers = customers.blocks.flatMap((b) => b.cells).find((r) => r.includes("Total spent"))!;
    const row = table.at.row + names.indexOf("博远") + 1;
    const col = headers.indexOf("Total spent");
    expect(table.columns[col].kind === "data" && table.columns[col].valuesAt(row - table.at.row - 1, row - table.at.row)).toEqual([-500]);
    const address = `${String.fromCharCode(65 + col)}${row}`;

    const card = screen.getAllByTestId("issue-list").at(-1)!;
    await userEvent.click(within(card).getByRole("button", { name: `Row ${row}, ${address[0]} Total spent` }));
    expect(host.selected.at(-1)).toEqual({ sheet: "Customers", address });
    await userEvent.click(within(card).getByRole("button", { name: /Row 5, C 金额/ }));
    expect(host.selected.at(-1)).toEqual({ sheet: "销售明细", address: "C5" });
  });

  it("speaks Chinese: 订单记录 N 行订单 → M 位客户, segment names in Chinese, the customer summary sheet 客户汇总", async () => {
    const host = new FakeHost([superstore]);
    renderPane(host, "zh-CN");
    expect((await screen.findByTestId("order-log-count")).textContent).toBe("订单记录：9,994 行订单 → 793 位客户");
    fireEvent.change(await screen.findByLabelText("截至日期"), { target: { value: AS_OF } });
    await userEvent.click(screen.getByRole("tab", { name: "3 模型" }));
    const bars = await screen.findByTestId("tier-bars");
    await waitFor(() => expect(nonZero(shownCounts(bars))).toEqual(nonZero(segments)));
    expect(within(bars).getByText("冠军客户")).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: "4 生成" }));
    await userEvent.click(screen.getByRole("button", { name: /生成/ }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    expect(host.applied[0].sheets.find((s) => s.role === "customers")!.name).toBe("客户汇总");
  });

  it("counts recency and customer status from the as-of day", async () => {
    // Customer status has fixed day limits (90 / 365): two months later, customers move from active to dormant, dormant to churned.
    const statusCounts = (asOf: string) => {
      const out = new Map<string, number>();
      for (const c of expectedCustomers(asOf).values()) out.set(expectedStatus(c), (out.get(expectedStatus(c)) ?? 0) + 1);
      return out;
    };
    const [jan, mar] = [statusCounts(AS_OF), statusCounts("2018-03-01")];
    expect(nonZero(jan)).not.toEqual(nonZero(mar));
    renderPane(new FakeHost([superstore]));
    await screen.findByTestId("order-log-count");
    await userEvent.click(screen.getByRole("tab", { name: "3 Model" }));
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    await userEvent.click(screen.getByRole("option", { name: "Customer status" }));
    await setAsOf(AS_OF);
    const bars = await screen.findByTestId("tier-bars");
    await waitFor(() => expect(nonZero(shownCounts(bars))).toEqual(nonZero(jan)));
    await setAsOf("2018-03-01");
    await waitFor(() => expect(nonZero(shownCounts(screen.getByTestId("tier-bars")))).toEqual(nonZero(mar)));
  });
});
