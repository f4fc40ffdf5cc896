import { readFileSync } from "node:fs";
import { groupIssues, issueCounts } from "../../src/core/issue-groups";
import { runJob } from "../../src/core/pipeline";
import { salesPayment } from "../../src/core/presets";
import { readWorkbook } from "../../src/hosts/xlsx/read";

describe("groupIssues", () => {
  it("groups every issue of the bundled sample by kind, errors first, warnings kept", async () => {
    const bytes = readFileSync("assets/samples/customers-zh.csv");
    const [grid] = await readWorkbook(bytes, "customers-zh.csv");
    const { scored } = runJob(grid, { model: salesPayment, lang: "en-US" });
    // The sample, read by hand: D19 "待定" (unreadable sales), E21 blank (missing days),
    // E30 -5 (days below 0), D29 -1,200 (negative sales: scored, warned), A35 a repeated customer.
    const groups = groupIssues(scored.issues, salesPayment);
    const summary = groups.map((g) => [g.severity, g.kind, g.field, g.issues.map((i) => `${i.columnLetter}${i.row}`)]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["error", "invalid", "revenue", ["D19"]],
        ["error", "missing", "paydays", ["E21"]],
        ["error", "invalid", "paydays", ["E30"]],
        ["warning", "warning", "revenue", ["D29"]],
        ["warning", "duplicate", "customer", ["A35"]],
      ]),
    );
    expect(summary).toHaveLength(5);
    expect(groups.slice(0, 3).every((g) => g.severity === "error")).toBe(true);
    expect(issueCounts(scored.issues)).toEqual({ errors: 3, warnings: 2 });
    expect(groups.find((g) => g.kind === "duplicate")!.title["en-US"]).toBe("duplicate customer");
    expect(groups.find((g) => g.kind === "missing")!.title["zh-CN"]).toBe("回款天数：缺少数值");
  });

  it("keeps a table-level issue (no row) in a group of its own", () => {
    const groups = groupIssues([{ severity: "error", message: { "zh-CN": "x", "en-US": "x" } }], salesPayment);
    expect(groups.map((g) => g.kind)).toEqual(["table"]);
  });
});
