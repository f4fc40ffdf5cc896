/** Issue 14 §4: one function makes a legal Excel sheet name from any text. */
import { legalSheetName } from "../../src/core/plan/naming";

describe("legalSheetName", () => {
  it.each([
    ["customers[1]", "customers 1"],
    ["a:b", "a b"],
    ["x?y*z/w\\v", "x y z w v"],
    ["'quoted'", "quoted"],
    ["", "Sheet"],
    ["[]", "Sheet"],
    ["History", "History (1)"],
    ["HISTORY", "HISTORY (1)"],
  ])("%j → %j", (wanted, legal) => expect(legalSheetName(wanted)).toBe(legal));

  it("cuts at 31 UTF-16 units, never inside a surrogate pair", () => {
    const long = "2024年第三季度杭州市滨江区房产项目客户来访登记表（最终修订版）"; // 33 characters
    expect(legalSheetName(long)).toBe("2024年第三季度杭州市滨江区房产项目客户来访登记表（最终修订"); // 31: "版）" dropped
    const emoji = "a".repeat(30) + "😀"; // 😀 is two UTF-16 units: 32 in all
    expect(legalSheetName(emoji)).toBe("a".repeat(30));
  });

  it("is unique case-insensitively among the names taken, still within 31 units", () => {
    expect(legalSheetName("Sales", ["sales"])).toBe("Sales (2)");
    expect(legalSheetName("Sales", ["SALES", "Sales (2)"])).toBe("Sales (3)");
    const long = "x".repeat(40);
    const name = legalSheetName(long, ["x".repeat(31)]);
    expect(name).toBe("x".repeat(27) + " (2)");
  });
});
