/**
 * Category cells are matched through the model's synonyms, ignoring case, width
 * and spaces (text/normalize.ts `fold`), as they come out of real sheets.
 */
import { closeTime, nineGrid } from "../../../src/core/presets";
import { compileModel, scoreRow } from "../../../src/core/score";
import type { CellValue } from "../../../src/core/parse/values";

describe("nine-grid (§6) with categories as typed", () => {
  const ng = compileModel(nineGrid);

  // Examples of §6: (三级, 副主任以上, 首选) → 10 A; (二级, 住院医师, 首选) → 4 B;
  // (二级以下, 住院医师, 次选) → 3 C; (三级, 住院医师, 竞品) → 8 A.
  test.each<[string, string, string, number, string]>([
    ["三级", "副主任以上", "首选", 10, "A"],
    ["三级", "副主任以上", "ＦＩＲＳＴ choice", 10, "A"],
    ["三级", "副主任以上", "First Choice", 10, "A"],
    ["三级", "副主任以上", " 首 选 ", 10, "A"],
    ["三级", "副主任以上", "首\u3000选", 10, "A"],
    ["三甲", "主任医师", "1st choice", 10, "A"],
    ["二级", "住院医师", "首选", 4, "B"],
    [" 二级 ", "Resident", "first", 4, "B"],
    ["二级医院", "ＲＥＳＩＤＥＮＴ", "首选用药", 4, "B"],
    ["二级以下", "住院医师", "次选", 3, "C"],
    ["目标医院", "resident doctor", "SECOND choice", 3, "C"],
    ["三级", "住院医师", "竞品", 8, "A"],
    ["Tertiary", "住院", "Competitor", 8, "A"],
  ])("(%p, %p, %p) → %p %s", (hospitalLevel, doctorTitle, prescribing, score, grade) => {
    const r = scoreRow(ng, { hospitalLevel, doctorTitle, prescribing });
    expect([r.score, r.grade]).toEqual([score, grade]);
    expect(r.issues).toEqual([]);
  });

  test.each<[CellValue, string]>([
    ["首先", "首先"],
    [{ error: "#N/A" }, "#N/A"],
    [true, "TRUE"],
  ])("an unknown prescribing value %p gives no tier and names the value", (prescribing, shown) => {
    const r = scoreRow(ng, { hospitalLevel: "三级", doctorTitle: "主治医师", prescribing });
    expect(r.grade).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message["zh-CN"]).toContain(`“${shown}”不是可选值`);
    expect(r.issues[0].message["en-US"]).toContain(`"${shown}" is not one of`);
  });
});

describe("close-time (§3) need status as typed", () => {
  const ct = compileModel(closeTime);

  test.each<[string, CellValue, string]>([
    [" 明确 ", 0.5, "A"],
    ["明\u3000确", "1个月", "A"],
    ["需求明确", 2, "B"],
    ["ＣＬＥＡＲ", "2.5", "B"],
    ["Clear Need", "5个月", "C"],
    ["明确", "7", "D"],
    ["潜在", 0.5, "D"], // potential need only → D whatever the months
    ["Potential", "1", "D"],
    ["无", 0.5, "E"], // no need → E
    ["NO NEED", "", "E"], // months do not matter then
    ["死客户", "", "E"],
  ])("(%p, %p) → %s", (need, months, grade) => {
    expect(scoreRow(ct, { need, months }).grade).toBe(grade);
  });
});
