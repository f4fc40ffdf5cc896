/**
 * The history sheet read back and rewritten: columns found by their header in
 * either language, rows in the user's order, a same-day run replacing only its
 * own model's rows, and the sheet's row limit refusing a run rather than trimming.
 */
import { historyFits, keptRows, readHistoryLog, snapshotsOf } from "../../../src/core/history/sheet";
import { buildHistorySheet } from "../../../src/core/plan/history-sheet";
import { columnCells } from "../../../src/core/plan/columns";
import type { Snapshot } from "../../../src/core/history";

// A user sorted the sheet by customer and moved the columns around; the header is in English.
const VALUES = [
  ["Customer", "Tier", "As of", "Model", "Key", "Reason", "Override", "Score"],
  ["甲", "A", "2026-01-31", "sales-payment", "C1", null, null, 100],
  ["甲", "B", 46081, "sales-payment", "C1", "降级观察", "B", 70], // 46081 = 2026-02-28
  ["乙", "C", "2026-02-28", "potential-4", "C2", null, null, null],
  ["乙", "B", "2026-01-31", "sales-payment", "C2", null, null, 70],
  ["note", null, "?", null, null, null, null, null],
];

const NOW: Snapshot = {
  asOf: "2026-02-28",
  modelId: "sales-payment",
  length: 1,
  key: ["C9"],
  customer: ["丙"],
  score: Float64Array.of(50),
  tier: ["C"],
  computedTier: ["C"],
  previousTier: [""],
  override: new Map(),
};

describe("the history sheet", () => {
  const log = readHistoryLog(VALUES);

  it("finds its columns by header and groups rows into snapshots by model and date", () => {
    const snaps = snapshotsOf(log).map((s) => [s.modelId, s.asOf, s.key, s.tier]);
    expect(snaps).toEqual([
      ["sales-payment", "2026-01-31", ["C1", "C2"], ["A", "B"]],
      ["sales-payment", "2026-02-28", ["C1"], ["B"]],
      ["potential-4", "2026-02-28", ["C2"], ["C"]],
    ]);
    expect(snapshotsOf(log)[1].override.get(0)).toEqual({ tier: "B", reason: "降级观察" });
    expect(log.issues).toHaveLength(1); // the row with no readable date: kept, not read
  });

  it("a run appends to the sheet: it drops only its own model's rows of its date and writes its snapshot under the last row, each value under its header", () => {
    expect(keptRows(log, NOW.asOf, NOW.modelId)).toEqual([0, 2, 3, 4]);
    const layout = buildHistorySheet("Tier history", "en-US", log, NOW);
    // Sheet row 3 (0-based 2) is 甲's sales-payment row of 2026-02-28: the one row this run replaces.
    expect(layout.drop).toEqual([{ first: 2, count: 1 }]);
    // 6 rows under the header, 1 dropped: the snapshot goes on 0-based row 1 + 4.
    expect(layout.table.at).toEqual({ row: 5, col: 0 });
    expect(layout.table.rows).toBe(1);
    // The user's column order: Customer, Tier, As of, Model, Key, Reason, Override, Score; the two missing ones after them.
    const cells = layout.table.columns.map((c) => columnCells(c, 0, 1)[0]);
    expect(cells).toEqual(["丙", "C", 46081, "sales-payment", "C9", null, null, 50, "C", null]);
    expect(layout.blocks).toEqual([
      { at: { row: 0, col: 8 }, cells: [["Computed tier"]] },
      { at: { row: 0, col: 9 }, cells: [["Previous tier"]] },
    ]);
    // The summary counts over every row left and the new one (sheet rows 2 to 6).
    expect(layout.refs.asOf).toBe("'Tier history'!$C$2:$C$6");
    expect(layout.refs.tier).toBe("'Tier history'!$B$2:$B$6");
    // Only the new rows get a number format, and no column width (the user's).
    expect(layout.columns.every((c) => c.width === undefined && c.rows?.first === 5 && c.rows.last === 5)).toBe(true);
    expect(layout.autoFilter).toEqual({ row: 0, col: 0, rows: 6, cols: 10 });
  });

  it("a first run (no sheet read) makes the sheet: header, then the snapshot", () => {
    const layout = buildHistorySheet("Tier history", "en-US", undefined, NOW);
    expect(layout.drop).toBeUndefined();
    expect(layout.blocks[0].cells[0]).toEqual(["As of", "Model", "Key", "Customer", "Score", "Computed tier", "Tier", "Previous tier", "Override", "Reason"]);
    expect(layout.table).toMatchObject({ at: { row: 1, col: 0 }, rows: 1 });
  });

  it("refuses a run that would pass a sheet's 1,048,576 rows instead of trimming", () => {
    expect(historyFits(1_048_575 - 10, 10)).toBe(true);
    expect(historyFits(1_048_575 - 10, 11)).toBe(false);
  });
});
