/**
 * Issue 12: "the history sheet is never replaced or trimmed by a run". The CLI
 * runs on one workbook again and again; between the runs another program
 * (openpyxl) does what a user does to a history sheet: a column of their own
 * notes (备注) beside some rows, bold and a fill on header cells, column
 * widths, a filter. Each run must append to that very sheet (same XML part,
 * same sheet id), keep all of it beside the same rows, and replace only its
 * own as-of date's snapshot. LibreOffice then recalculates the summary's
 * migration matrix (live COUNTIFS over the history) and it must agree with
 * the moves the engine reported.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../cli/run";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { FOUR_CUSTOMERS } from "../support/history-sample";
import { editWithOpenpyxl } from "../support/openpyxl";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "custtier-history-append-"));
const file = (name: string) => join(dir, name);

function python(script: string): string {
  return execFileSync("/usr/bin/python3", ["-c", script], { encoding: "utf8" });
}

interface HistoryView {
  rows: (string | number | null)[][];
  a1: { bold: boolean; fill: string };
  k1: { bold: boolean; fill: string };
  widths: { A: number | null; K: number | null };
  filter: string | null;
  /** The sheet's part in the package and its sheet id, read from workbook.xml and its relationships. */
  part: string;
  sheetId: string;
}

/** The history sheet as openpyxl reads it (values with dates as ISO days), and where it lives in the package. */
function historyOf(path: string): HistoryView {
  const out = python(`
import json, re, zipfile, datetime, openpyxl
wb = openpyxl.load_workbook(${JSON.stringify(path)})
ws = wb["Tier history"]
def v(x):
    if isinstance(x, datetime.datetime): return x.date().isoformat()
    return x
rows = [[v(c) for c in r] for r in ws.iter_rows(values_only=True)]
def look(c):
    return {"bold": bool(c.font.b), "fill": str(c.fill.fgColor.rgb) if c.fill and c.fill.fill_type else ""}
z = zipfile.ZipFile(${JSON.stringify(path)})
book = z.read("xl/workbook.xml").decode()
rels = z.read("xl/_rels/workbook.xml.rels").decode()
tag = re.search(r'<sheet [^>]*name="Tier history"[^>]*>', book).group(0)
rid = re.search(r'r:id="([^"]+)"', tag).group(1)
sid = re.search(r'sheetId="([^"]+)"', tag).group(1)
target = re.search(r'<Relationship [^>]*Id="' + rid + r'"[^>]*>', rels).group(0)
part = re.search(r'Target="([^"]+)"', target).group(1)
w = lambda c: ws.column_dimensions[c].width if c in ws.column_dimensions else None
print(json.dumps({"rows": rows, "a1": look(ws["A1"]), "k1": look(ws["K1"]), "widths": {"A": w("A"), "K": w("K")},
  "filter": ws.auto_filter.ref, "part": part.lstrip("/").replace("xl/", ""), "sheetId": sid}, ensure_ascii=False))
`);
  return JSON.parse(out) as HistoryView;
}

interface JsonRow {
  customer: string;
  tier: string | null;
  previousTier: string | null;
}

/** (key, as-of) → the user's note, for the rows that have one. */
function notes(view: HistoryView): Record<string, string> {
  const head = view.rows[0];
  const [asOf, key, note] = [head.indexOf("As of"), head.indexOf("Key"), head.indexOf("备注")];
  return Object.fromEntries(view.rows.slice(1).filter((r) => r[note]).map((r) => [`${r[key]} ${r[asOf]}`, String(r[note])]));
}

const dates = (view: HistoryView) => view.rows.slice(1).map((r) => r[0]);

describeLibreOffice("custtier score appends to the history sheet a user has worked on (issue 12)", () => {
  let edited: HistoryView;
  let second: HistoryView;
  let third: HistoryView;
  let thirdJson: { rows: JsonRow[]; gone: { customer: string; tier: string }[] };

  beforeAll(async () => {
    const source = workbookFromGrids([
      {
        name: "客户",
        values: FOUR_CUSTOMERS,
      },
    ]);
    writeFileSync(file("in.xlsx"), await xlsxBytes(source));
    expect((await run("score", file("in.xlsx"), "-o", file("run1.xlsx"), "--as-of", "2026-01-31")).code).toBe(0);
    // The user's own work on the history sheet: notes in K beside 乙 and 丁, a yellow bold K1, a red A1, widths, a filter over A:K.
    editWithOpenpyxl(
      file("run1.xlsx"),
      file("edited.xlsx"),
      `from openpyxl.styles import Font, PatternFill
ws = wb["Tier history"]
ws["K1"] = "备注"
ws["K1"].font = Font(bold=True)
ws["K1"].fill = PatternFill("solid", fgColor="FFFFFF00")
ws["A1"].fill = PatternFill("solid", fgColor="FFFF0000")
for r in range(2, ws.max_row + 1):
    if ws.cell(r, 3).value == "C2": ws.cell(r, 11).value = "下月回访"
    if ws.cell(r, 3).value == "C4": ws.cell(r, 11).value = "大客户，勿降级"
ws.column_dimensions["K"].width = 25
ws.column_dimensions["A"].width = 18
ws.auto_filter.ref = "A1:K5"
src = wb["客户"]
src["C2"] = 10000; src["D2"] = 30`,
    );
    edited = historyOf(file("edited.xlsx"));
    expect((await run("score", file("edited.xlsx"), "-o", file("run2.xlsx"), "--as-of", "2026-02-28")).code).toBe(0);
    second = historyOf(file("run2.xlsx"));
    // The same day again, after another note beside a row of the first snapshot: only 2026-02-28's rows are replaced.
    editWithOpenpyxl(file("run2.xlsx"), file("edited2.xlsx"), `ws = wb["Tier history"]\nws["K3"] = ws["K3"].value + "（已回访）"`);
    const out = await run("score", file("edited2.xlsx"), "-o", file("run3.xlsx"), "--as-of", "2026-02-28", "--json");
    expect(out.code).toBe(0);
    thirdJson = JSON.parse(out.out);
    third = historyOf(file("run3.xlsx"));
  });

  it("the second run appends its 4 rows to the same sheet part, keeping the user's column, formats, widths and filter", () => {
    expect(edited.rows).toHaveLength(5);
    expect(second.rows).toHaveLength(5 + 4);
    expect(second.part).toBe(edited.part);
    expect(second.sheetId).toBe(edited.sheetId);
    expect(second.rows[0]).toEqual(["As of", "Model", "Key", "Customer", "Score", "Computed tier", "Tier", "Previous tier", "Override", "Reason", "备注"]);
    expect(dates(second)).toEqual([...Array(4).fill("2026-01-31"), ...Array(4).fill("2026-02-28")]);
    // The notes stay beside the rows they were typed next to; the new rows have none.
    expect(notes(second)).toEqual({ "C2 2026-01-31": "下月回访", "C4 2026-01-31": "大客户，勿降级" });
    expect(second.k1).toEqual({ bold: true, fill: "FFFFFF00" });
    expect(second.a1.fill).toBe("FFFF0000");
    expect(second.widths).toEqual({ A: 18, K: 25 });
    // The filter keeps the user's columns and grows over the new rows.
    expect(second.filter).toBe("A1:K9");
  });

  it("a same-day re-run replaces only that day's rows: previous + new − replaced, notes and formats kept", () => {
    expect(third.rows).toHaveLength(9 + 4 - 4);
    expect(third.part).toBe(edited.part);
    expect(third.sheetId).toBe(edited.sheetId);
    expect(dates(third)).toEqual(dates(second));
    expect(notes(third)).toEqual({ "C2 2026-01-31": "下月回访（已回访）", "C4 2026-01-31": "大客户，勿降级" });
    expect(third.rows.slice(1, 5)).toEqual(second.rows.slice(1, 5).map((r, i) => (i === 1 ? [...r.slice(0, 10), "下月回访（已回访）"] : r)));
    expect(third.k1).toEqual({ bold: true, fill: "FFFFFF00" });
    expect(third.widths).toEqual({ A: 18, K: 25 });
    expect(third.filter).toBe("A1:K9");
  });

  it("re-running the FIRST date moves the later rows up with their notes and appends that date again", async () => {
    // A note on a 2026-02-28 row, which must move up when the 2026-01-31 rows above it go.
    editWithOpenpyxl(file("run3.xlsx"), file("edited3.xlsx"), `ws = wb["Tier history"]\nws["K7"] = "二月复核"`);
    const before = historyOf(file("edited3.xlsx"));
    expect(notes(before)["C2 2026-02-28"]).toBe("二月复核");
    expect((await run("score", file("edited3.xlsx"), "-o", file("run4.xlsx"), "--as-of", "2026-01-31")).code).toBe(0);
    const fourth = historyOf(file("run4.xlsx"));
    expect(fourth.rows).toHaveLength(9);
    expect(fourth.part).toBe(edited.part);
    expect(dates(fourth)).toEqual([...Array(4).fill("2026-02-28"), ...Array(4).fill("2026-01-31")]);
    // The February rows are the same rows, moved up with their note; January's old notes went with its rows.
    expect(fourth.rows.slice(1, 5)).toEqual(before.rows.slice(5, 9));
    expect(notes(fourth)).toEqual({ "C2 2026-02-28": "二月复核" });
    expect(fourth.filter).toBe("A1:K9");
  });

  it("LibreOffice recalculates the migration matrix over the appended history and it agrees with the engine's moves", async () => {
    const [recalculated] = await recalculate(readFileSync(file("run3.xlsx")));
    const wb = await loadXlsx(recalculated.bytes);
    const summary = wb.getWorksheet("Tier summary")!;
    const rows: (string | number | boolean)[][] = [];
    summary.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: 6 }, (_, c) => shown(row.getCell(c + 1)))));
    const at = rows.findIndex((r) => r[0] === "Previous \\ current");
    const tiers = ["A", "B", "C"];
    expect(rows[at].slice(1, 4)).toEqual(tiers);
    // Counted from --json independently: previous tier × current tier, new customers in the last row.
    const count = (prev: string | null, now: string) => thirdJson.rows.filter((r) => r.previousTier === prev && r.tier === now).length;
    const expected = [...tiers.map((p) => [p, ...tiers.map((c) => count(p, c))]), ["New", ...tiers.map((c) => count(null, c))]];
    expect(rows.slice(at + 1, at + 5).map((r) => r.slice(0, 4))).toEqual(expected);
    expect(expected.flat().filter((x) => typeof x === "number").reduce((a, b) => (a as number) + (b as number), 0)).toBe(4);
  });
});
