/**
 * Issue 12 "done when", through the playground in Chromium: generate on a
 * workbook, download it, edit it as a user would a month later (source
 * numbers changed, a customer deleted and one added, an override with a
 * reason typed into the tier sheet — with openpyxl, another program), open
 * the edited file and generate again. The result card's up/down/new/gone
 * counts are checked against a count made here from the two tier lists.
 * Tiers are the spec's worked examples (tiering-models.md §1):
 * (25000, 20 → A) · (10000, 30 → B) · (5000, 31 → C) · (20000, 61 → B) · (10000.01, 46 → B).
 */
import { writeFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import type { StaticServer } from "../../src/bench/browser";
import { workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { closePlayground, describeChromium, openPlayground, type PlaygroundSession } from "./chromium";
import { FOUR_CUSTOMERS } from "../support/history-sample";
import { editWithOpenpyxl } from "../support/openpyxl";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output");
// Its own build folder: the other browser test builds into e2e-dist at the same time.
const DIST = path.join(OUT, "e2e-history-dist");
const SHOTS = path.join(OUT, "screenshots");

/** Final tiers by customer ID, as the spec's examples give them; the order is best first. */
const ORDER = ["A", "B", "C"];
const FIRST: Record<string, string> = { C1: "A", C2: "B", C3: "C", C4: "B" };
// 甲 (10000, 30) → B, 乙 (25000, 20) → A, 丙 computed C set to B by hand, 丁 deleted, 戊 (10000.01, 46) → B.
const SECOND: Record<string, string> = { C1: "B", C2: "A", C3: "B", C5: "B" };

/** Up, down, new and gone between two tier lists, counted independently of the engine. */
function expectedMoves(before: Record<string, string>, after: Record<string, string>) {
  const n = { up: 0, down: 0, new: 0, gone: 0 };
  for (const [k, t] of Object.entries(after)) {
    if (!(k in before)) n.new++;
    else if (ORDER.indexOf(t) < ORDER.indexOf(before[k])) n.up++;
    else if (ORDER.indexOf(t) > ORDER.indexOf(before[k])) n.down++;
  }
  for (const k of Object.keys(before)) if (!(k in after)) n.gone++;
  return `${n.up} up, ${n.down} down, ${n.new} new, ${n.gone} gone`;
}

describeChromium("playground in Chromium: two runs on one workbook (issue 12)", () => {
  let session: PlaygroundSession;
  let server: StaticServer;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openPlayground(ROOT, DIST, SHOTS);
    ({ server, page, pageErrors } = session);
  }, 480_000);

  afterAll(() => closePlayground(session));

  async function generate(file: string) {
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByText("Header in row 1").waitFor();
    await page.getByRole("tab", { name: "4 Generate" }).click();
    await page.getByRole("button", { name: "Generate the tier table" }).click();
    await page.getByText("Tier table ready").waitFor();
  }

  it("counts who moved up, down, who is new and who is gone, and shows the override with its reason", async () => {
    const first = path.join(OUT, "e2e-history-in.xlsx");
    const source = workbookFromGrids([
      {
        name: "客户",
        values: FOUR_CUSTOMERS,
      },
    ]);
    writeFileSync(first, await xlsxBytes(source));

    // The pane's snapshot date is today: the first run at the end of January…
    await page.clock.setFixedTime(new Date("2026-01-31T12:00:00"));
    await page.goto(`${server.url}playground.html?lang=en-US`);
    await generate(first);
    expect(await page.getByTestId("history-first").textContent()).toContain("2026-01-31");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the result (.xlsx)" }).click()]);
    const run1 = path.join(OUT, "e2e-history-run1.xlsx");
    await download.saveAs(run1);

    const edited = path.join(OUT, "e2e-history-edited.xlsx");
    editWithOpenpyxl(
      run1,
      edited,
      `ws = wb["客户"]
ws["C2"] = 10000; ws["D2"] = 30
ws["C3"] = 25000; ws["D3"] = 20
ws.delete_rows(5)
ws.append(["C5", "戊公司", 10000.01, 46])
t = wb["Customer tiers"]
head = [c.value for c in t[3]]
for r in range(4, t.max_row + 1):
    if t.cell(r, head.index("Customer ID") + 1).value == "C3":
        t.cell(r, head.index("Override") + 1).value = "B"
        t.cell(r, head.index("Reason") + 1).value = "战略客户"`,
    );

    // …the second at the end of February, on the edited file.
    await page.clock.setFixedTime(new Date("2026-02-28T12:00:00"));
    await generate(edited);
    const moves = page.getByTestId("history-moves");
    expect(await moves.getByTestId("history-counts").textContent()).toBe(expectedMoves(FIRST, SECOND));
    expect(await moves.textContent()).toContain("2026-02-28 since 2026-01-31");
    await moves.getByRole("button", { name: "1 gone" }).click();
    expect(await moves.getByTestId("moves-gone").textContent()).toMatch(/丁公司\s*B → —/);
    expect(await page.getByTestId("result-overrides").textContent()).toMatch(/丙公司 · C → B\s*战略客户/);
    // The history sheet the page now holds: both snapshots.
    await page.getByRole("tab", { name: "Tier history" }).click();
    await page.getByText("2026-02-28").first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, "09-history-second-run.png") });
    expect(pageErrors).toEqual([]);
  });
});
