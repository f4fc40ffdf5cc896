/**
 * At Generate the pane reads the tier sheet only for what the user typed in
 * its override columns. The Excel host reads the first rows (to find the
 * header) and then only the customer ID, customer, override and reason
 * columns, not the whole sheet: the same overrides for a fraction of the
 * bytes. Bytes are what the recording fake measures of each values response
 * (the UTF-8 JSON Office.js carries).
 */
import { readTierOverrides, tierSheetColumns, TIER_HEADER_ROWS } from "../../../src/core/history";
import { readColumns, readSheet } from "../../../src/hosts/excel/read";
import { requestBytes, RecordingContext } from "../../../src/hosts/excel/testing/recording-context";

// A tier sheet as Excel shows it once calculated: title, legend, header on row 3, then one row per customer (the Why column is long text).
const HEADER = ["Customer", "Source row", "Customer ID", "Monthly sales", "Payment days", "Monthly sales band", "Payment band", "Monthly sales points", "Payment points", "Score", "Computed tier", "Rank", "Tier", "Previous tier", "Change", "Why", "Override", "Reason"];
const N = 2000;
const body = Array.from({ length: N }, (_, i) => {
  const override = i % 500 === 7 ? ["B", "战略客户"] : ["", ""];
  return [`客户${i}`, i + 2, `C${i}`, 10000 + i, 20 + (i % 50), 3, 2, 40, 30, 70, "B", i + 1, override[0] || "B", "A", "↓ down", `Monthly sales ${10000 + i} ≥ 10,000 → 40; Payment ${20 + (i % 50)} days ≤ 30 → 30; total 70 → B`, ...override];
});
const cells = [["Customer tiers · Sales + payment (100 points)"], ["Live formulas: editing the source sheet re-tiers."], HEADER, ...body];
const seed = () => new RecordingContext({ sheets: [{ name: "Customer tiers", cells }] });

describe("reading the tier sheet's override columns (Excel host)", () => {
  it("reads the header rows and then only the ID, customer, override and reason columns: the same overrides, in 3 syncs, for the bytes of those columns", async () => {
    const whole = seed();
    const all = await readSheet(whole, "Customer tiers");
    const some = seed();
    const few = await readColumns(some, "Customer tiers", TIER_HEADER_ROWS, tierSheetColumns);

    expect(readTierOverrides(few)).toEqual(readTierOverrides(all));
    expect(readTierOverrides(few)!.entries.filter((e) => e.tier !== "")).toHaveLength(4);
    expect(some.syncs).toBe(3);
    // What travels: the first 10 rows whole, then four one-column ranges of the remaining rows.
    const col = (name: string) => HEADER.indexOf(name);
    const pad = (r: readonly (string | number)[]) => Array.from({ length: HEADER.length }, (_, c) => r[c] ?? "");
    const rows = cells.map(pad);
    const expected = requestBytes(rows.slice(0, 10)) + ["Customer", "Customer ID", "Override", "Reason"].map((h) => requestBytes(rows.slice(10).map((r) => [r[col(h)]]))).reduce((a, b) => a + b, 0);
    expect(some.responseBytes).toBe(expected);
    expect(whole.responseBytes).toBe(requestBytes(rows));
    // The whole sheet is almost five times as heavy as the four columns (338,065 against 69,190 bytes here).
    expect(some.responseBytes * 4).toBeLessThan(whole.responseBytes);
  });

  it("a sheet without an override column (made before overrides): the header rows only", async () => {
    const ctx = new RecordingContext({ sheets: [{ name: "Old tiers", cells: [["Customer", "Tier"], ...Array.from({ length: 50 }, (_, i) => [`c${i}`, "A"])] }] });
    const grid = await readColumns(ctx, "Old tiers", TIER_HEADER_ROWS, tierSheetColumns);
    expect(grid.values).toHaveLength(10);
    expect(readTierOverrides(grid)).toBeUndefined();
  });
});
