import { displayWidth } from "../../../src/core/text/width";
import { formatTable } from "../../../src/cli/width";

describe("displayWidth: one rule for terminal tables and sheet column widths", () => {
  it("counts CJK, Hangul and full-width characters as two columns, Latin and the middle dot as one", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("客户分级")).toBe(8);
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("ＡＢ")).toBe(4);
    expect(displayWidth("A · 客户")).toBe(8);
    expect(displayWidth("𠀀")).toBe(2); // outside the BMP: one character, not two halves
  });

  it("lines up a CLI table that mixes Chinese and Latin text", () => {
    const lines = formatTable(
      [
        ["等级", "n"],
        ["A", "12"],
      ],
      new Set([1]),
    );
    expect(lines).toEqual(["等级   n", "A     12"]);
  });
});
