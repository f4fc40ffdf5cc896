/**
 * Issue 12 "done when": the CLI runs twice on the same workbook — the second
 * time on the file the first run wrote, after the user changed source
 * numbers, deleted and added a customer and typed an override into the tier
 * sheet (with openpyxl, as another program would) — then once more on the
 * same day. Tiers are the spec's worked examples (tiering-models.md §1):
 * (25000, 20 → A) · (10000, 30 → B) · (5000, 31 → C) · (20000, 61 → B) · (10000.01, 46 → B).
 * LibreOffice recalculates the summary's migration matrix from the history sheet.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { run } from "../cli/run";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { FOUR_CUSTOMERS } from "../support/history-sample";
import { editWithOpenpyxl } from "../support/openpyxl";

const dir = mkdtempSync(join(tmpdir(), "custtier-history-"));
const file = (name: string) => join(dir, name);

function rowsOf(ws: ExcelJS.Worksheet): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: (string | number | boolean)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(shown(row.getCell(c)));
    out.push(cells);
  });
  return out;
}

interface JsonRow {
  customer: string;
  tier: string | null;
  computedTier: string | null;
  previousTier: string | null;
  change: string | null;
  override?: { tier: string; reason: string };
}

describeLibreOffice("custtier score twice on one workbook: history, previous tier, change, gone, overrides (issue 12)", () => {
  let second: { rows: JsonRow[]; gone: { customer: string; tier: string }[]; previousAsOf: string };

  beforeAll(async () => {
    const source = workbookFromGrids([
      {
        name: "客户",
        values: FOUR_CUSTOMERS,
      },
    ]);
    writeFileSync(file("in.xlsx"), await xlsxBytes(source));
    const first = await run("score", file("in.xlsx"), "-o", file("run1.xlsx"), "--as-of", "2026-01-31");
    expect(first.code).toBe(0);
    // The user: 甲 falls to B (10000, 30), 乙 rises to A (25000, 20), 丁 is deleted, 戊 is added (10000.01, 46 → B),
    // and 丙 (computed C) is set to B by hand in the tier sheet, with a reason.
    editWithOpenpyxl(
      file("run1.xlsx"),
      file("edited.xlsx"),
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
    const out = await run("score", file("edited.xlsx"), "-o", file("run2.xlsx"), "--as-of", "2026-02-28", "--json");
    expect(out.code).toBe(0);
    second = JSON.parse(out.out);
  });

  it("--json: each row's previous tier, change, computed and final tier, the override; the gone at the top", () => {
    expect(second.previousAsOf).toBe("2026-01-31");
    expect(second.rows.map((r) => [r.customer, r.previousTier, r.computedTier, r.tier, r.change])).toEqual([
      ["甲公司", "A", "B", "B", "down"],
      ["乙公司", "B", "A", "A", "up"],
      ["丙公司", "C", "C", "B", "up"],
      ["戊公司", null, "B", "B", "new"],
    ]);
    expect(second.rows[2].override).toEqual({ tier: "B", reason: "战略客户" });
    expect(second.gone).toEqual([expect.objectContaining({ customer: "丁公司", tier: "B" })]);
  });

  it("the history sheet holds both snapshots, the override and its reason", async () => {
    const wb = await loadXlsx(readFileSync(file("run2.xlsx")));
    const rows = rowsOf(wb.getWorksheet("Tier history")!);
    expect(rows[0]).toEqual(["As of", "Model", "Key", "Customer", "Score", "Computed tier", "Tier", "Previous tier", "Override", "Reason"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      ["2026-01-31", "C1", "A", "A", "", "", ""],
      ["2026-01-31", "C2", "B", "B", "", "", ""],
      ["2026-01-31", "C3", "C", "C", "", "", ""],
      ["2026-01-31", "C4", "B", "B", "", "", ""],
      ["2026-02-28", "C1", "B", "B", "A", "", ""],
      ["2026-02-28", "C2", "A", "A", "B", "", ""],
      ["2026-02-28", "C3", "C", "B", "C", "B", "战略客户"],
      ["2026-02-28", "C5", "B", "B", "", "", ""],
    ]);
  });

  it("after LibreOffice recalculates: the tier sheet shows the override as the tier, the summary's migration matrix counts the moves", async () => {
    const [recalculated] = await recalculate(readFileSync(file("run2.xlsx")));
    const wb = await loadXlsx(recalculated.bytes);
    const tiers = rowsOf(wb.getWorksheet("Customer tiers")!);
    const head = tiers[2];
    const col = (h: string) => head.indexOf(h);
    const body = tiers.slice(3).filter((r) => r[0] !== "");
    expect(body.map((r) => [r[col("Customer")], r[col("Computed tier")], r[col("Override")], r[col("Reason")], r[col("Tier")], r[col("Previous tier")], r[col("Change")]])).toEqual([
      ["甲公司", "B", "", "", "B", "A", "↓ down"],
      ["乙公司", "A", "", "", "A", "B", "↑ up"],
      ["丙公司", "C", "B", "战略客户", "B", "C", "↑ up"],
      ["戊公司", "B", "", "", "B", "", "new"],
    ]);
    // The why is live: the override typed on the sheet is in it, as the engine writes the note.
    const why = body.map((r) => String(r[col("Why")]));
    expect(why[2].endsWith("; computed C, set by hand to B (战略客户)")).toBe(true);
    expect(why.filter((x) => x.includes("set by hand"))).toHaveLength(1);
    expect(why[0]).toMatch(/; total \d+ → B$/);
    const summary = rowsOf(wb.getWorksheet("Tier summary")!);
    const at = summary.findIndex((r) => r[0] === "Previous \\ current");
    expect(summary[at].slice(0, 5)).toEqual(["Previous \\ current", "A", "B", "C", "Gone"]);
    // Previous A, B, C, then new; current A, B, C, then gone — counted by hand from the edits above.
    expect(summary.slice(at + 1, at + 5).map((r) => r.slice(0, 5))).toEqual([
      ["A", 0, 1, 0, 0],
      ["B", 1, 0, 0, 1],
      ["C", 0, 1, 0, 0],
      ["New", 0, 1, 0, ""],
    ]);
    // The counts per tier read the final tier: A 乙; B 甲, 丙 (override), 戊.
    const counts = summary.slice(3, 6).map((r) => [r[0], r[2]]);
    expect(counts).toEqual([["A", 1], ["B", 3], ["C", 0]]);
  });

  it("the Change and Why columns are live: an override typed after the run changes them once recalculated", async () => {
    // 甲 (previous A, computed B: down) is set back to A by hand in run2's tier sheet; 乙 (previous B, computed A: up) to C.
    editWithOpenpyxl(
      file("run2.xlsx"),
      file("typed.xlsx"),
      `t = wb["Customer tiers"]
head = [c.value for c in t[3]]
for r in range(4, t.max_row + 1):
    who = t.cell(r, head.index("Customer ID") + 1).value
    if who in ("C1", "C2"):
        t.cell(r, head.index("Override") + 1).value = "A" if who == "C1" else "C"
        t.cell(r, head.index("Reason") + 1).value = "复核"`,
    );
    const [recalculated] = await recalculate(readFileSync(file("typed.xlsx")));
    const tiers = rowsOf((await loadXlsx(recalculated.bytes)).getWorksheet("Customer tiers")!);
    const head = tiers[2];
    const col = (h: string) => head.indexOf(h);
    const body = tiers.slice(3).filter((r) => r[0] !== "");
    // By tier order A > B > C, from the previous tier (A, B, C, none) to the final one.
    expect(body.map((r) => [r[col("Customer")], r[col("Previous tier")], r[col("Tier")], r[col("Change")]])).toEqual([
      ["甲公司", "A", "A", "= same"],
      ["乙公司", "B", "C", "↓ down"],
      ["丙公司", "C", "B", "↑ up"],
      ["戊公司", "", "B", "new"],
    ]);
    expect(String(body[0][col("Why")]).endsWith("; computed B, set by hand to A (复核)")).toBe(true);
    expect(String(body[1][col("Why")]).endsWith("; computed A, set by hand to C (复核)")).toBe(true);
  });

  it("a same-day re-run replaces that day's snapshot and keeps the earlier ones and the override", async () => {
    const again = await run("score", file("run2.xlsx"), "-o", file("run3.xlsx"), "--as-of", "2026-02-28", "--json");
    expect(again.code).toBe(0);
    const doc = JSON.parse(again.out) as typeof second;
    expect(doc.previousAsOf).toBe("2026-01-31");
    expect(doc.rows[2]).toMatchObject({ tier: "B", computedTier: "C", override: { tier: "B", reason: "战略客户" } });
    const wb = await loadXlsx(readFileSync(file("run3.xlsx")));
    const dates = rowsOf(wb.getWorksheet("Tier history")!).slice(1).map((r) => r[0]);
    expect(dates).toEqual(["2026-01-31", "2026-01-31", "2026-01-31", "2026-01-31", "2026-02-28", "2026-02-28", "2026-02-28", "2026-02-28"]);
  });
});
