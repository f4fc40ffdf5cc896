/**
 * Issue 14 §4: a CSV's file name becomes its sheet's name. Names Excel cannot
 * take (too long, `[]:*?/\`, the reserved `History`) are made legal once, and
 * every formula of the tier sheet refers to the name actually given: after
 * LibreOffice recalculates the written workbook, every customer shows the
 * engine's tier and no cell shows #NAME? or #REF!.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeLibreOffice, recalculate, shown } from "../support/libreoffice";
import { load } from "../libreoffice/tiers";
import { run } from "../cli/run";

const SAMPLE = join(__dirname, "../../assets/samples/customers-zh.csv");
const tmp = mkdtempSync(join(tmpdir(), "custtier-names-"));

/** A real-estate visitor log: its status cells are text the tier sheet links to (tiering-models.md, real-estate). */
const VISITORS = "客户名称,客户状态,置业顾问\n张先生,签定购房合同,李\n王女士,交定金,李\n赵先生,观望,周\n钱女士,放弃,周\n孙先生,多次来访,李\n";
const VISITOR_TIERS = ["A+", "B+", "C-", "D", "B-"];

const NAMES = ["customers[1].csv", "a:b.csv", "History.csv", "2024年第三季度杭州市滨江区房产项目客户来访登记表（最终修订版）.csv", "'quoted'.csv", "x?y*z.csv"];
const CASES = NAMES.flatMap((name) => [
  { name, model: "sales-payment" },
  { name, model: "real-estate" },
]);

describeLibreOffice("sheet names from file names", () => {
  it.each(CASES)("$name ($model): the written workbook recalculates to the engine's tiers", async ({ name, model }) => {
    const dir = mkdtempSync(join(tmp, "case-"));
    const input = join(dir, name);
    if (model === "real-estate") writeFileSync(input, VISITORS);
    else copyFileSync(SAMPLE, input);
    const json = await run("score", input, "--json", "--model", model);
    expect(json.code).toBe(0);
    const want = (JSON.parse(json.out).rows as { tier: string | null }[]).map((r) => r.tier ?? "");
    if (model === "real-estate") expect(want).toEqual(VISITOR_TIERS);
    else expect(want.filter(Boolean).length).toBeGreaterThan(20);

    const output = join(dir, "out.xlsx");
    const { code, err } = await run("score", input, "-o", output, "--model", model);
    expect(err).toBe("");
    expect(code).toBe(0);
    const [recalculated] = await recalculate(new Uint8Array(readFileSync(output)));
    const workbook = await load(recalculated.bytes);
    const source = workbook.worksheets[0];
    // Excel's rules for the name it was given.
    expect(source.name.length).toBeLessThanOrEqual(31);
    expect(source.name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    expect(source.name.toLowerCase()).not.toBe("history");

    const errors: string[] = [];
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        const v = shown(cell);
        if (typeof v === "string" && /^#(NAME\?|REF!|VALUE!)/.test(v)) errors.push(`${ws.name}!${cell.address} ${v}`);
      }));
    }
    expect(errors).toEqual([]);

    const tiers = workbook.getWorksheet("Customer tiers")!;
    const header: string[] = [];
    tiers.getRow(3).eachCell((c, col) => (header[col] = String(shown(c))));
    const tierCol = header.indexOf("Tier");
    const got = want.map((_, i) => String(shown(tiers.getRow(4 + i).getCell(tierCol))));
    expect(got).toEqual(want);
  });
});
