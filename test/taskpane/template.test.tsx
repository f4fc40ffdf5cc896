/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MESSAGES } from "../../src/i18n/messages";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { salesSheet } from "./sheets";

/** Every text cell of a plan sheet. */
const texts = (sheet: { blocks: { cells: unknown[][] }[] }) =>
  sheet.blocks.flatMap((b) => b.cells.flat()).map((c) => (typeof c === "string" ? c : c && typeof c === "object" && "text" in c ? String(c.text) : ""));

describe("New template", () => {
  // `hidden: true`: under jsdom, Tabster's modal focus trap (focus timing) sometimes leaves
  // aria-hidden on the dialog or, after closing, on the page. The Chromium test checks the real
  // dialog's accessibility with axe; here the subject is what the dialog does.
  it("starts on the pane's model and language, inserts new sheets, closes, and says what to do next", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host);
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("button", { name: "New template" }));
    const create = await screen.findByRole("button", { name: "Create the template", hidden: true });
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(within(dialog).getByText(/Existing sheets are not touched/)).toBeTruthy();
    const model = within(dialog).getByRole("combobox", { name: "Model", hidden: true }) as HTMLSelectElement;
    expect(model.selectedOptions[0].textContent).toBe("Sales + payment (100 points)");
    // The value presets, whose cut points follow the customers typed, are offered too (issue 11).
    const offered = Array.from(model.options, (o) => o.value);
    expect(offered).toEqual(expect.arrayContaining(["rfm", "rfm-8", "abc", "value-abcd"]));
    expect((within(dialog).getByRole("combobox", { name: "Template language", hidden: true }) as HTMLSelectElement).value).toBe("en-US");
    await userEvent.click(create);

    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    const notice = await screen.findByTestId("template-notice");
    expect(notice.textContent).toBe(MESSAGES.templateNext("Customers", "Tier rules")["en-US"]);
    expect(document.activeElement).toBe(notice);

    expect(host.applied).toHaveLength(1);
    const plan = host.applied[0];
    expect(plan.sheets.every((s) => s.action.kind === "create")).toBe(true);
    const customers = plan.sheets.find((s) => s.role === "customers")!;
    expect(texts(customers)).toEqual(expect.arrayContaining(["Monthly sales", "Payment days"]));
    const sheet = await screen.findByRole("combobox", { name: "Sheet", hidden: true });
    expect(within(sheet).getByRole("option", { name: "Customers", hidden: true })).toBeTruthy();
  });

  it("makes the template for the model and language chosen in the dialog, named apart from existing sheets", async () => {
    const host = new FakeHost([salesSheet("客户管理")]);
    renderPane(host);
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: "Model", hidden: true }), "orders-volume");
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: "Template language", hidden: true }), "zh-CN");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create the template", hidden: true }));
    await screen.findByTestId("template-notice");

    const plan = host.applied[0];
    const customers = plan.sheets.find((s) => s.role === "customers")!;
    // The existing 客户管理 keeps its name; the template's customer sheet gets the next free one.
    expect(customers.name).toBe("客户管理 (2)");
    expect(texts(customers)).toEqual(expect.arrayContaining(["订单数", "累计数量"]));
    expect(texts(customers)).not.toContain("月均销售额");
    // The pane stays in English: the notice is the pane's, the sheet names the template's.
    expect(screen.getByTestId("template-notice").textContent).toBe(MESSAGES.templateNext("客户管理 (2)", plan.sheets.find((s) => s.role === "rules")!.name)["en-US"]);
  });

  it("makes an RFM template: order dates, orders and totals typed, cut points live over the customer sheet", async () => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host);
    await screen.findByText("Header in row 3");
    await userEvent.click(screen.getByRole("button", { name: "New template" }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: "Model", hidden: true }), "rfm");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create the template", hidden: true }));
    await screen.findByTestId("template-notice");

    const plan = host.applied[0];
    const customers = plan.sheets.find((s) => s.role === "customers")!;
    expect(texts(customers)).toEqual(expect.arrayContaining(["Last order", "Orders", "Total spent", "Days since last order", "FM", "Status"]));
    // Each frequency cut is one PERCENTILE over the customer sheet's Orders column, by name.
    const data = plan.names!.find((n) => n.name === "Frequency_data_tpl")!;
    expect(data.ref).toMatch(/^Customers!\$[A-Z]+\$4:\$[A-Z]+\$503$/);
    const rules = plan.sheets.find((s) => s.role === "rules")!;
    const formulas = rules.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c && typeof c === "object" && "formula" in c ? [String(c.formula)] : []));
    expect(formulas.filter((f) => f.includes("PERCENTILE(Frequency_data_tpl"))).toEqual([0.2, 0.4, 0.6, 0.8].map((k) => `IFERROR(PERCENTILE(Frequency_data_tpl,${k}),"")`));
  });

  it.each([
    ["en-US", "Sales + payment (100 points) (edited)", "Sales + payment (100 points)"],
    ["zh-CN", "销售额 + 回款（100分制）（已修改）", "销售额 + 回款（100分制）"],
  ] as const)("%s: offers a model the user edited as edited, first, and the preset it came from as it is", async (lang, editedName, presetName) => {
    const host = new FakeHost([salesSheet()]);
    renderPane(host, lang);
    await screen.findByText(lang === "en-US" ? "Header in row 3" : "表头在第 3 行");
    await userEvent.click(screen.getByRole("tab", { name: lang === "en-US" ? "3 Model" : "3 模型" }));
    const lowestA = screen.getByRole("spinbutton", { name: lang === "en-US" ? "Lowest score for A" : "A 级最低分" });
    await userEvent.clear(lowestA);
    await userEvent.type(lowestA, "90");
    await userEvent.click(screen.getByRole("button", { name: lang === "en-US" ? "New template" : "新建模板" }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    const model = within(dialog).getByRole("combobox", { name: lang === "en-US" ? "Model" : "模型", hidden: true }) as HTMLSelectElement;
    const names = Array.from(model.options, (o) => o.textContent);
    expect(model.selectedOptions[0].textContent).toBe(editedName);
    expect(names[0]).toBe(editedName);
    expect(names.filter((n) => n === presetName)).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole("button", { name: lang === "en-US" ? "Create the template" : "创建模板", hidden: true }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    // The template grades with the edited threshold.
    const rules = host.applied[0].sheets.find((sh) => sh.role === "rules")!;
    expect(rules.blocks.flatMap((b) => b.cells).some((r) => r.includes("A") && r.includes(90))).toBe(true);
  });
});
