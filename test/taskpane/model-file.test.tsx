/** @jest-environment jsdom */
/** Model files in the pane (and so the playground, which runs the same pane): export, import, refusal. */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render";
import { SALES_EXAMPLES, salesSheet } from "./sheets";

/** Counts by tier expected from the worked examples' scores (tiering-models.md §1) and the given A/B cuts. */
function expectedCounts(a: number, b: number) {
  const scores = SALES_EXAMPLES.map((r) => r.score).filter((s): s is number => s !== null);
  return { A: scores.filter((s) => s >= a).length, B: scores.filter((s) => s < a && s >= b).length, C: scores.filter((s) => s < b).length };
}

const shownCounts = () => Object.fromEntries(["A", "B", "C"].map((t) => [t, Number(screen.getByTestId(`count-${t}`).textContent)]));

/** What the pane offered for download: the object URL's blob, with the link's file name. */
const downloads: { name: string; blob: Blob }[] = [];
beforeAll(() => {
  let blob: Blob | undefined;
  URL.createObjectURL = (b: Blob) => ((blob = b), "blob:model");
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blob! });
  };
});

const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

async function openModel(zh = false) {
  await screen.findByText(zh ? "表头在第 3 行" : "Header in row 3");
  await userEvent.click(screen.getByRole("tab", { name: zh ? "3 模型" : "3 Model" }));
  await screen.findByTestId("tier-bars");
}

const upload = (text: string, name: string) => fireEvent.change(screen.getByTestId("model-file-input"), { target: { files: [new File([text], name, { type: "application/json" })] } });

describe("Model files", () => {
  it("exports the edited model as JSON and imports it back: same thresholds, same tiers", async () => {
    renderPane(new FakeHost([salesSheet()]));
    await openModel();
    const a = screen.getByRole("spinbutton", { name: "Lowest score for A" });
    await userEvent.clear(a);
    await userEvent.type(a, "95");
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(95, 60)));

    await userEvent.click(screen.getByRole("button", { name: "Export the model (.json)" }));
    const file = downloads.at(-1)!;
    expect(file.name).toBe("sales-payment.json");
    const json = await blobText(file.blob);
    expect(JSON.parse(json).tiers.map((t: { minScore?: number }) => t.minScore)).toEqual([95, 60, undefined]);

    // Back to the preset, then the file brings the edit back.
    await userEvent.click(screen.getByRole("button", { name: "Reset to the preset" }));
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(80, 60)));
    upload(json, file.name);
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(95, 60)));
    expect((screen.getByRole("spinbutton", { name: "Lowest score for A" }) as HTMLInputElement).value).toBe("95");
    expect(screen.queryByTestId("model-file-refused")).toBeNull();
  });

  it("refuses an invalid model file with core's validation messages, in the pane's language, and keeps the model", async () => {
    renderPane(new FakeHost([salesSheet()]), "zh-CN");
    await openModel(true);
    await userEvent.click(screen.getByRole("button", { name: "导出模型（.json）" }));
    const model = JSON.parse(await blobText(downloads.at(-1)!.blob));
    model.tiers[1].minScore = 90; // B above A
    upload(JSON.stringify(model), "bad.json");
    const refused = await screen.findByTestId("model-file-refused");
    expect(refused.textContent).toContain("无法使用模型文件“bad.json”");
    expect(refused.textContent).toMatch(/分数线.*B.*90/);
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(80, 60)));

    upload("{ not json", "broken.json");
    await waitFor(() => expect(screen.getByTestId("model-file-refused").textContent).toContain("不是有效的 JSON"));
    upload(JSON.stringify({ hello: 1 }), "other.json");
    await waitFor(() => expect(screen.getByTestId("model-file-refused").textContent).toContain("不是 CustTier 模型"));
  });
});

describe("Models saved in the workbook", () => {
  it("keeps the edited model in the workbook's settings and offers it again when the workbook is opened", async () => {
    const host = new FakeHost([salesSheet()]);
    const { unmount } = renderPane(host);
    await openModel();
    const a = screen.getByRole("spinbutton", { name: "Lowest score for A" });
    await userEvent.clear(a);
    await userEvent.type(a, "95");
    await userEvent.click(screen.getByRole("button", { name: "Save in this workbook" }));
    await waitFor(() => expect(host.saved?.models).toHaveLength(1));
    // The preset stays the preset: the saved one has its own id and name.
    const own = host.saved!.models![0];
    expect(own.id).not.toBe("sales-payment");
    expect(own.name["en-US"]).toMatch(/\(mine\)$/);
    expect(own.tiers.map((t) => t.minScore)).toEqual([95, 60, undefined]);
    unmount();

    // Opened again: the saved model is in use and listed beside the presets.
    renderPane(host);
    await openModel();
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(95, 60)));
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    await userEvent.click(await screen.findByRole("option", { name: new RegExp(`^${host.saved!.models![0].name["en-US"].replace(/[()+]/g, "\\$&")}$`) }));
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    const presetName = (await screen.findAllByRole("option")).map((o) => o.textContent ?? "").find((t) => t && own.name["en-US"].startsWith(t) && t !== own.name["en-US"])!;
    await userEvent.click(screen.getByRole("option", { name: presetName }));
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(80, 60)));
    await userEvent.click(screen.getByRole("combobox", { name: "Model" }));
    await userEvent.click(screen.getByRole("option", { name: own.name["en-US"] }));
    await waitFor(() => expect(shownCounts()).toEqual(expectedCounts(95, 60)));
  });
});
