/**
 * A workbook another program wrote (openpyxl: a chart, a comment, a hyperlink,
 * time-of-day cells; test/fixtures/packages/make_openpyxl.py) tiered the way
 * `custtier score -o` does: LibreOffice opens the result, recalculates it and
 * shows the engine's tiers, and the user's chart is still there afterwards.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pickSheet, runJob, salesPayment } from "../../src/core";
import { buildTierPlan } from "../../src/core/plan";
import { WORDS } from "../../src/core/plan/words";
import { existingSheets, outputSource, writeOutput } from "../../src/hosts/xlsx/write";
import { readZip } from "../../src/hosts/xlsx/package/zip";
import { describeLibreOffice, recalculate } from "../support/libreoffice";
import { load, readTierSheet } from "./tiers";

describeLibreOffice("LibreOffice on a tiered workbook openpyxl wrote", () => {
  it("recalculates our formulas to the engine's tiers and keeps the user's chart", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../fixtures/packages/chart.xlsx")));
    // The source sheet as make_openpyxl.py wrote it (A5 holds a formula openpyxl left without a cached value).
    const grids = [
      {
        name: "客户",
        values: [
          ["客户名称", "月均销售额", "回款天数", "到访时间"],
          ["杭州华信", 25000, 20, 0.020833333333333332],
          ["宁波东方", 12000, 40, 0.0625],
          ["温州永嘉", 6000, 70, 0.10416666666666667],
          ["丽水青田", 3000, 10, 0.14583333333333334],
        ],
      },
    ];
    const options = { model: salesPayment, lang: "zh-CN" as const };
    const job = runJob(pickSheet(grids, options)!, options);
    const source = outputSource(bytes, grids);
    const plan = buildTierPlan(job.scored, salesPayment, { lang: "zh-CN", existing: existingSheets(source.pkg) });
    const { bytes: out } = await writeOutput(source, plan);
    const [recalculated] = await recalculate(out);
    const view = readTierSheet(await load(recalculated.bytes), WORDS.tierSheet["zh-CN"], job.scored.rows.length);
    const tierHeader = WORDS.tier["zh-CN"];
    expect(view.rows.map((r) => r[tierHeader])).toEqual(job.scored.rows.map((r) => r.result.tier ?? ""));
    // Spelled out from the spec (§1): 25,000/20 days → A; 12,000/40 → B (50+20); 6,000/70 → C (40+0); 3,000/10 → B (30+30 = 60).
    expect(view.rows.map((r) => r[tierHeader])).toEqual(["A", "B", "C", "B"]);
    expect(readZip(recalculated.bytes).some((e) => e.name.startsWith("xl/charts/"))).toBe(true);
  });
});
