/**
 * The bundled sample has 杭州华信贸易有限公司 twice: the engine keeps both rows
 * out of history matching (issue 12) and the summary's live migration matrix
 * (COUNTIFS over the history sheet, recalculated by LibreOffice) must count
 * what the engine's moves count — not the two rows as new, nor the earlier
 * snapshot's two rows as gone.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../cli/run";
import { loadXlsx } from "../support/exceljs";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";

const SAMPLE = join(__dirname, "../../assets/samples/customers-zh.csv");
const dir = mkdtempSync(join(tmpdir(), "custtier-history-dup-"));
const file = (name: string) => join(dir, name);

interface JsonRow {
  customer: string;
  tier: string | null;
  previousTier: string | null;
  change: string | null;
}

describeLibreOffice("the sample's duplicate customer in the migration matrix (issue 12)", () => {
  it("the recalculated matrix equals the engine's moves: the duplicate rows are neither new nor gone", async () => {
    const first = await run("score", SAMPLE, "-o", file("run1.xlsx"), "--as-of", "2026-10-31", "--lang", "en-US");
    expect(first.code).toBe(0);
    const out = await run("score", file("run1.xlsx"), "-o", file("run2.xlsx"), "--as-of", "2026-11-30", "--lang", "en-US", "--json");
    expect(out.code).toBe(0);
    const second = JSON.parse(out.out) as { rows: JsonRow[]; gone: { tier: string | null }[] };
    const dup = second.rows.filter((r) => r.customer === "杭州华信贸易有限公司");
    expect(dup).toHaveLength(2);
    expect(dup.map((r) => r.change)).toEqual([null, null]);

    // The engine's moves, counted: previous × current for the rows it compared, new per current tier, gone per previous tier.
    const tiers = ["A", "B", "C"];
    const expected = tiers.map(() => [0, 0, 0, 0]);
    const fresh = [0, 0, 0];
    for (const r of second.rows) {
      if (r.change === null || r.tier === null) continue;
      if (r.change === "new") fresh[tiers.indexOf(r.tier)]++;
      else expected[tiers.indexOf(r.previousTier!)][tiers.indexOf(r.tier)]++;
    }
    for (const g of second.gone) if (g.tier) expected[tiers.indexOf(g.tier)][3]++;
    // The same sheet twice: every compared customer stays where it was, and the duplicate is left out.
    const compared = second.rows.filter((r) => r.change !== null).length;
    expect(second.rows.filter((r) => r.change === "same")).toHaveLength(compared);
    expect(expected.flat().reduce((a, b) => a + b, 0)).toBe(compared);

    const [recalculated] = await recalculate(readFileSync(file("run2.xlsx")));
    const wb = await loadXlsx(recalculated.bytes);
    const summary: (string | number | boolean)[][] = [];
    wb.getWorksheet("Tier summary")!.eachRow({ includeEmpty: true }, (row) => {
      const cells: (string | number | boolean)[] = [];
      for (let c = 1; c <= 5; c++) cells.push(shown(row.getCell(c)));
      summary[row.number - 1] = cells;
    });
    const at = summary.findIndex((r) => r?.[0] === "Previous \\ current");
    expect(summary[at]).toEqual(["Previous \\ current", "A", "B", "C", "Gone"]);
    expect(summary.slice(at + 1, at + 4)).toEqual(tiers.map((t, i) => [t, ...expected[i]]));
    expect(summary[at + 4]).toEqual(["New", ...fresh, ""]);
  });
});
