/**
 * Issue 12, nine-grid visits in the playground (Chromium, the pane at its real
 * width): a sheet of doctors, the nine-grid model chosen, and the Model step's
 * preview lists customers per visit zone (red 8 a month, yellow 2–4, other 1)
 * and the soonest next visits, worked out by hand as of the pane's day
 * (2026-05-31: red every 4 days, yellow 10, other 30), without overflowing the pane.
 */
import { writeFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import type { StaticServer } from "../../src/bench/browser";
import { workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { closePlayground, describeChromium, openPlayground, type PlaygroundSession } from "./chromium";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output");
// Its own build folder: the other browser tests build at the same time.
const DIST = path.join(OUT, "e2e-visits-dist");
const SHOTS = path.join(OUT, "screenshots");

describeChromium("playground in Chromium: nine-grid visit zones in the preview (issue 12)", () => {
  let session: PlaygroundSession;
  let server: StaticServer;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openPlayground(ROOT, DIST, SHOTS);
    ({ server, page, pageErrors } = session);
  }, 480_000);

  afterAll(() => closePlayground(session));

  it("lists customers per zone and the soonest next visits, within the pane's width", async () => {
    const file = path.join(OUT, "e2e-visits-in.xlsx");
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const source = workbookFromGrids([
      {
        name: "医生",
        values: [
          ["姓名", "医院级别", "医生职称", "处方行为", "上次拜访"],
          ["张医生", "三级", "副主任以上", "首选", day("2026-05-20")], // red: 05-24
          ["李医生", "二级", "主治医师", "次选", null], // red from the as-of day: 06-04
          ["王医生", "三级", "住院医师", "竞品", day("2026-05-01")], // yellow: 05-11
          ["陈医生", "二级", "住院医师", "首选", day("2026-04-15")], // other: 05-15
          ["刘医生", "二级以下", "副主任以上", "竞品", null], // other: 06-30
        ],
      },
    ]);
    writeFileSync(file, await xlsxBytes(source));
    await page.clock.setFixedTime(new Date("2026-05-31T12:00:00"));
    await page.goto(`${server.url}playground.html?lang=en-US`);
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByText("Header in row 1").waitFor();
    await page.getByRole("tab", { name: "3 Model" }).click();
    await page.getByRole("combobox", { name: "Model" }).click();
    await page.getByRole("option", { name: "Nine-grid (pharma)" }).click();
    const box = page.getByTestId("preview-visits");
    await box.waitFor();
    const [perZone, soonest] = await box.getByRole("list").all();
    expect(await perZone.getByRole("listitem").allTextContents()).toEqual(["Red zone8 a month · 2 customers", "Yellow zone2–4 a month · 1 customer", "Other zones1 a month · 2 customers"]);
    expect(await soonest.getByRole("listitem").allTextContents()).toEqual([
      "Yellow zone王医生 · 2026-05-11",
      "Other zones陈医生 · 2026-05-15",
      "Red zone张医生 · 2026-05-24",
      "Red zone李医生 · 2026-06-04",
      "Other zones刘医生 · 2026-06-30",
    ]);
    const pane = page.getByRole("complementary", { name: "CustTier" });
    const width = (await pane.boundingBox())!.width;
    expect(width).toBeGreaterThanOrEqual(320);
    expect(width).toBeLessThanOrEqual(380);
    expect(await pane.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await box.scrollIntoViewIfNeeded();
    await pane.screenshot({ path: path.join(SHOTS, "visits-preview.png") });
    expect(pageErrors).toEqual([]);
  });
});
