import { grade } from "../../src/functions/functions";
import { cell, column, expectError, only } from "./helpers";

/** GRADE(model, value1, value2, …): Excel passes the repeating values as one array of ranges. */
const gradeOf = (model: string, ...values: unknown[]) => only(grade(model, values.map(cell)));

describe("GRADE on every preset's worked examples (tiering-models.md)", () => {
  it("sales-payment §1", () => {
    expect(gradeOf("sales-payment", 25000, 20)).toBe("A");
    expect(gradeOf("sales-payment", 10000.01, 46)).toBe("B");
    expect(gradeOf("sales-payment", 5000, 31)).toBe("C");
  });

  it("orders-volume §2: the worse of order count and volume", () => {
    expect(gradeOf("orders-volume", 7, 50000)).toBe("B");
    expect(gradeOf("orders-volume", 2, 200000)).toBe("C");
    expect(gradeOf("orders-volume", 6, 100001)).toBe("A");
  });

  it("close-time §3: ≤1 A, ≤3 B, ≤6 C, >6 D; potential D; none E", () => {
    expect(gradeOf("close-time", "明确", 1)).toBe("A");
    expect(gradeOf("close-time", "明确", 3)).toBe("B");
    expect(gradeOf("close-time", "明确", 6)).toBe("C");
    expect(gradeOf("close-time", "明确", 7)).toBe("D");
    expect(gradeOf("close-time", "潜在", 1)).toBe("D");
    expect(gradeOf("close-time", "无", 1)).toBe("E");
  });

  it("potential-4 §4: the better of close time and monthly amount", () => {
    expect(gradeOf("potential-4", 2, 10000)).toBe("A");
    expect(gradeOf("potential-4", 8, 100000)).toBe("A");
    expect(gradeOf("potential-4", 7, 50000)).toBe("B");
    expect(gradeOf("potential-4", 13, 20000)).toBe("C");
    expect(gradeOf("potential-4", 13, 19999)).toBe("D");
  });

  it("weighted §5: (90 × 50% + 70 × 50%) × 1.05 = 84 → A; the bonus can lift a grade", () => {
    expect(gradeOf("weighted", 90, 70, "yes")).toBe("A");
    // (80 + 74) / 2 = 77 → B; × 1.05 = 80.85 → A.
    expect(gradeOf("weighted", 80, 74, "no")).toBe("B");
    expect(gradeOf("weighted", 80, 74, "yes")).toBe("A");
  });

  it("nine-grid §6: potential + prescribing behaviour", () => {
    expect(gradeOf("nine-grid", "三级", "副主任以上", "首选")).toBe("A"); // 9 + 1 = 10
    expect(gradeOf("nine-grid", "二级", "住院医师", "首选")).toBe("B"); // 3 + 1 = 4
    expect(gradeOf("nine-grid", "二级以下", "住院医师", "次选")).toBe("C"); // 1 + 2 = 3
    expect(gradeOf("nine-grid", "三级", "住院医师", "竞品")).toBe("A"); // 5 + 3 = 8
  });

  it("sales-stage §7: code or name, either language", () => {
    expect(gradeOf("sales-stage", "A05")).toBe("A05");
    expect(gradeOf("sales-stage", "意向级")).toBe("A05");
    expect(gradeOf("sales-stage", "资料级")).toBe("A21");
    expect(gradeOf("sales-stage", "A31")).toBe("A31");
  });

  it("real-estate §8: the tier with its strong/weak sub-level", () => {
    expect(gradeOf("real-estate", "purchase contract signed")).toBe("A+");
    expect(gradeOf("real-estate", "purchase agreement signed")).toBe("A");
    expect(gradeOf("real-estate", "wavering")).toBe("A-");
    expect(gradeOf("real-estate", "deposit paid")).toBe("B+");
    expect(gradeOf("real-estate", "visited twice")).toBe("B-");
    expect(gradeOf("real-estate", "just watching")).toBe("C-");
    expect(gradeOf("real-estate", "gave up")).toBe("D");
  });
});

describe("GRADE with ranges", () => {
  it("grades each row of the ranges and broadcasts single values", () => {
    const out = grade("nine-grid", [cell("三级"), column("副主任以上", "住院医师", "主治医师"), column("首选", "竞品", "首选")]);
    // 9+1 = 10 A; 5+3 = 8 A; 8+1 = 9 A.
    expect(out).toEqual([["A"], ["A"], ["A"]]);
    const lower = grade("nine-grid", [cell("二级以下"), column("副主任以上", "住院医师"), cell("次选")]);
    // 3+2 = 5 B; 1+2 = 3 C.
    expect(lower).toEqual([["B"], ["C"]]);
  });

  it("gives empty results for empty inputs and names a bad value by its position", () => {
    const out = grade("nine-grid", [column("三级", null, "三级"), column("主治医师", "主治医师", "professor"), column("首选", "首选", "首选")]);
    expect(out[0][0]).toBe("A");
    expect(out[1][0]).toBe("");
    const err = expectError(out[2][0], "#VALUE!");
    expect(err.message).toMatch(/^value2\b/);
    expect(err.message).toContain("professor");
  });

  it("checks the number of values against the model's inputs", () => {
    const err = expectError(only(grade("nine-grid", [cell("三级"), cell("主治医师")])), "#VALUE!");
    expect(err.message).toContain("3");
    expect(err.message).toContain("2");
    expectError(only(grade("sales-stage", [cell("A05"), cell("A04")])), "#VALUE!");
  });

  it("rejects an unknown model and mismatched ranges", () => {
    expect(expectError(only(grade("abc", [cell(1)])), "#VALUE!").message).toContain("abc");
    const err = expectError(only(grade("orders-volume", [column(1, 2), column(1, 2, 3)])), "#VALUE!");
    expect(err.message).toContain("value2");
    expect(err.message).toContain("value1");
  });
});
