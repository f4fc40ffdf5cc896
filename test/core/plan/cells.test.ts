import { dateSerial, textCell } from "../../../src/core/plan/cells";

describe("plan cells", () => {
  it.each(['=HYPERLINK("http://x","y")', "+1", "-x", "@foo", "00123", "1/2", "TRUE", "false", "'quoted", " leading space", "#N/A", "50%"])(
    "marks %p as text a spreadsheet must not interpret",
    (s) => expect(textCell(s)).toEqual({ kind: "text", text: s }),
  );

  it.each(["华东贸易", "Acme Ltd", "A01 结案级", "明确"])("leaves %p as a plain string", (s) => expect(textCell(s)).toBe(s));

  it("counts dates as Excel serial days", () => {
    // Excel: 1900-01-01 is 1 (with the 1900 leap-year bug, so 1900-03-01 is 61), 2024-01-01 is 45292.
    expect(dateSerial(new Date("2024-01-01T00:00:00Z"))).toBe(45292);
    expect(dateSerial(new Date("1900-03-01T00:00:00Z"))).toBe(61);
  });
});
