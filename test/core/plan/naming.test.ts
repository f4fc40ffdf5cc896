import { markerName, placeSheets, uniqueName, type ExistingSheet } from "../../../src/core/plan/naming";

const WANTED = [
  { role: "tiers" as const, name: "客户分级" },
  { role: "summary" as const, name: "分级汇总" },
  { role: "rules" as const, name: "分级规则" },
];

describe("where the plan's sheets go", () => {
  it("takes the wanted names in a workbook that has none of them", () => {
    const placed = placeSheets(WANTED, [{ name: "客户表" }]);
    expect(placed.map((p) => [p.name, p.action.kind])).toEqual([
      ["客户分级", "create"],
      ["分级汇总", "create"],
      ["分级规则", "create"],
    ]);
  });

  it("never takes a user's sheet that merely has the name: it picks a free one", () => {
    const existing: ExistingSheet[] = [{ name: "客户表" }, { name: "客户分级" }, { name: "客户分级 (2)" }];
    const [tiers] = placeSheets(WANTED, existing);
    expect(tiers).toEqual({ role: "tiers", name: "客户分级 (3)", action: { kind: "create" } });
  });

  it("compares names as Excel does, ignoring case", () => {
    const [tiers] = placeSheets([{ role: "tiers", name: "Customer tiers" }], [{ name: "CUSTOMER TIERS" }]);
    expect(tiers.name).toBe("Customer tiers (2)");
  });

  it("replaces the sheet carrying the marker, under the name the user gave it", () => {
    const existing: ExistingSheet[] = [
      { name: "客户表" },
      { name: "我的分级", marker: markerName("tiers") },
      { name: "客户分级" }, // the user's own sheet with our default name
      { name: "分级规则", marker: markerName("rules") },
    ];
    const placed = placeSheets(WANTED, existing);
    expect(placed).toEqual([
      { role: "tiers", name: "我的分级", action: { kind: "replace", existing: "我的分级" } },
      { role: "summary", name: "分级汇总", action: { kind: "create" } },
      { role: "rules", name: "分级规则", action: { kind: "replace", existing: "分级规则" } },
    ]);
  });

  it("recognises markers whatever their case", () => {
    const [tiers] = placeSheets(WANTED, [{ name: "X", marker: markerName("tiers").toUpperCase() }]);
    expect(tiers.action).toEqual({ kind: "replace", existing: "X" });
  });

  it("never replaces the sheet being tiered, even if it carries a marker", () => {
    const [tiers] = placeSheets(WANTED, [{ name: "客户分级", marker: markerName("tiers") }], ["客户分级"]);
    expect(tiers).toEqual({ role: "tiers", name: "客户分级 (2)", action: { kind: "create" } });
  });

  it("keeps a suffixed name within Excel's 31 characters", () => {
    const long = "A very long customer tier sheet name";
    const name = uniqueName(long.slice(0, 31), new Set([long.slice(0, 31).toLowerCase()]));
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });

  it("uses markers that are valid defined names in Excel and LibreOffice", () => {
    for (const role of ["tiers", "rules", "summary"] as const) expect(markerName(role)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });
});
