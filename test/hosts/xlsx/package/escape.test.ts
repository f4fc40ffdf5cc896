/** Cell text in sheet XML: markup as entities, what XML 1.0 cannot hold as Excel's `_xHHHH_`, everything else untouched. */
import { escapeText } from "../../../../src/hosts/xlsx/package/xml";
import { formatNumber } from "../../../../src/core/text/format";

describe("escapeText", () => {
  it("leaves plain text (Chinese, ASCII, tabs, line feeds, emoji) as it is", () => {
    for (const s of ["客户000001有限公司", "Acme Ltd.", "a\tb\nc", "😀 客户", ""]) expect(escapeText(s)).toBe(s);
  });

  it("writes &, < and > as entities, with or without other escapes", () => {
    expect(escapeText("月均销售额 12,000 > 10,000 且 < 20,000 → 50")).toBe("月均销售额 12,000 &gt; 10,000 且 &lt; 20,000 → 50");
    expect(escapeText("A&B\r")).toBe("A&amp;B_x000D_");
  });

  it("writes controls, CR, lone surrogates and U+FFFE as _xHHHH_, and a literal _xHHHH_ with its _ escaped", () => {
    expect(escapeText("a\u0001b")).toBe("a_x0001_b");
    expect(escapeText("\ud800x")).toBe("_xD800_x");
    expect(escapeText("x\udc00")).toBe("x_xDC00_");
    expect(escapeText("\ufffe")).toBe("_xFFFE_");
    expect(escapeText("_x0041_")).toBe("_x005F_x0041_");
    expect(escapeText("snake_case")).toBe("snake_case");
  });
});

describe("formatNumber", () => {
  it("groups thousands and leaves smaller integers as they are", () => {
    expect([0, 7, 999, -999, 1000, -1000, 12000, 1234567].map(formatNumber)).toEqual(["0", "7", "999", "-999", "1,000", "-1,000", "12,000", "1,234,567"]);
    expect(formatNumber(1234.5)).toBe("1,234.5");
  });
});
