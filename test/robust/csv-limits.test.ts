/**
 * Issue 14 §11 for CSV: a CSV with more rows or columns than an Excel sheet
 * holds (1,048,576 rows, 16,384 columns) is refused with one line naming the
 * count and the limit, exit 1, instead of an output Excel calls corrupt.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, runIn } from "../cli/run";

const tmp = mkdtempSync(join(tmpdir(), "custtier-csv-limits-"));

describe("a CSV beyond an Excel sheet", () => {
  it("with 1,048,577 rows is refused in one line naming the rows and the limit", async () => {
    const file = join(tmp, "rows.csv");
    writeFileSync(file, "客户名称,月均销售额,回款天数\n" + "a,1,2\n".repeat(1_048_576));
    const { code, out, err } = await run("score", file, "--json");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("1,048,577 rows");
    expect(err).toContain("1,048,576");
  }, 120_000);

  it("with 16,385 columns is refused, in Chinese in a Chinese terminal", async () => {
    const file = join(tmp, "cols.csv");
    writeFileSync(file, Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(",") + "\n1,2\n");
    const { code, err } = await runIn({ LANG: "zh_CN.UTF-8" }, "score", file, "--json");
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("16,385列");
    expect(err).toContain("上限是 16,384");
  });
});
