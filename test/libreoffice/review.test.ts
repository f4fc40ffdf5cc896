/**
 * The rules sheet's next review date (issue 12) is live: LibreOffice computes
 * EDATE(last graded, 6) for sales-payment ("reviewed every half year",
 * tiering-models.md §1), and a changed cadence moves it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { run } from "../cli/run";
import { loadXlsx, workbookFromGrids, xlsxBytes } from "../support/exceljs";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "custtier-review-"));
const file = (name: string) => join(dir, name);

/** Column C of the rules sheet's row whose column A reads `label`. */
function valueOf(ws: ExcelJS.Worksheet, label: string): string | number | boolean {
  for (let r = 1; r <= ws.rowCount; r++) if (shown(ws.getCell(r, 1)) === label) return shown(ws.getCell(r, 3));
  throw new Error(`no row "${label}"`);
}

describeLibreOffice("the rules sheet's next review date, recalculated by LibreOffice (issue 12)", () => {
  it("is the last graded day plus the model's cadence, and follows an edited cadence", async () => {
    const source = workbookFromGrids([{ name: "客户", values: [["客户名称", "月均销售额", "回款天数"], ["甲公司", 25000, 20]] }]);
    writeFileSync(file("in.xlsx"), await xlsxBytes(source));
    expect((await run("score", file("in.xlsx"), "-o", file("out.xlsx"), "--as-of", "2026-08-31")).code).toBe(0);
    // The user makes it quarterly on the rules sheet.
    const edited = await loadXlsx(readFileSync(file("out.xlsx")));
    const rules = edited.getWorksheet("Tier rules")!;
    for (let r = 1; r <= rules.rowCount; r++) if (shown(rules.getCell(r, 1)) === "Review every (months)") rules.getCell(r, 3).value = 3;
    const [before, after] = await recalculate(readFileSync(file("out.xlsx")), new Uint8Array(await edited.xlsx.writeBuffer()));
    const ws = (await loadXlsx(before.bytes)).getWorksheet("Tier rules")!;
    expect(valueOf(ws, "Last graded")).toBe("2026-08-31");
    expect(valueOf(ws, "Review every (months)")).toBe(6);
    // 31 August + 6 months: February has no 31st (EDATE gives its last day).
    expect(valueOf(ws, "Next review")).toBe("2027-02-28");
    expect(valueOf((await loadXlsx(after.bytes)).getWorksheet("Tier rules")!, "Next review")).toBe("2026-11-30");
  });
});
