/**
 * @jest-environment jsdom
 *
 * Issue 12: "the history sheet is never replaced or trimmed by a run", through
 * the pane on the Excel host (recording fake). Between runs the user works on
 * the history sheet — notes in a column of their own, a bold header cell, a
 * column width, a filter — and later sorts it by customer. Each run must keep
 * that sheet (never deleted, never re-added), delete only its own as-of
 * date's rows (whole rows, bottom-up, in one request) and write its snapshot
 * under the last row in one range write.
 */
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RunBatch } from "../../src/hosts/excel/api";
import { createExcelHost } from "../../src/hosts/excel/host";
import { RecordingContext, type RecordedCall } from "../../src/hosts/excel/testing/recording-context";
import type { SheetState } from "../../src/hosts/excel/testing/sheet-state";
import { rows, setToday } from "./history-helpers";
import { renderPane } from "./render";
import { FOUR_CUSTOMERS } from "../support/history-sample";


afterAll(() => jest.useRealTimers());

async function generate() {
  await screen.findByText("Header in row 1");
  await userEvent.click(screen.getByRole("tab", { name: "4 Generate" }));
  await userEvent.click(screen.getByRole("button", { name: "Generate the tier table" }));
  await screen.findByText("Tier table ready");
  cleanup();
}

const JAN = 46053; // 2026-01-31
const FEB = 46081; // 2026-02-28
const MAR = 46112; // 2026-03-31
/** Date, key and note of the history's rows after January and February, each note beside the row it was typed next to. */
const TWO_MONTHS = [
  [JAN, "C1", ""],
  [JAN, "C2", "下月回访"],
  [JAN, "C3", ""],
  [JAN, "C4", "大客户"],
  [FEB, "C1", ""],
  [FEB, "C2", ""],
  [FEB, "C3", ""],
  [FEB, "C4", ""],
];

describe("the pane appends to the history sheet the user worked on (Excel host, issue 12)", () => {
  const ctx = new RecordingContext({
    sheets: [
      {
        name: "客户",
        cells: FOUR_CUSTOMERS,
      },
    ],
  });
  const run: RunBatch = (batch) => batch(ctx);
  const host = createExcelHost(run);
  let history: SheetState;
  let callsBefore = 0;
  const callsOfRun = (): RecordedCall[] => ctx.calls.slice(callsBefore);
  const historyCalls = (api: string) => callsOfRun().filter((c) => c.api === api && c.sheet === "Tier history");

  it("second run: the same sheet, the user's notes, bold header, width and filter kept, 4 rows appended in one write", async () => {
    setToday("2026-01-31");
    renderPane(host);
    await generate();
    history = ctx.sheet("Tier history");
    expect(rows(history)).toHaveLength(5);

    // The user's work: 备注 in K beside 乙 and 丁, K1 bold, K 150 points wide, a filter over A1:K5.
    const all = rows(history);
    history.write({ row: 0, col: 10, rows: 1, cols: 1 }, [["备注"]]);
    for (const [key, note] of [["C2", "下月回访"], ["C4", "大客户"]]) history.write({ row: all.findIndex((r) => r[2] === key), col: 10, rows: 1, cols: 1 }, [[note]]);
    history.style({ row: 0, col: 10, rows: 1, cols: 1 }, "font.bold", true);
    history.columnWidths.set(10, 150);
    history.autoFilter = { row: 0, col: 0, rows: 5, cols: 11 };

    setToday("2026-02-28");
    callsBefore = ctx.calls.length;
    renderPane(host);
    await generate();

    // The very sheet object is still there: never deleted, never added again.
    expect(ctx.sheet("Tier history")).toBe(history);
    expect(callsOfRun().filter((c) => c.api === "worksheet.delete" && c.sheet === "Tier history")).toEqual([]);
    expect(callsOfRun().filter((c) => c.api === "worksheets.add" && c.value === "Tier history")).toEqual([]);
    const now = rows(history);
    expect(now).toHaveLength(5 + 4);
    expect(now.slice(1).map((r) => [r[0], r[2], r[10]])).toEqual(TWO_MONTHS);
    expect(history.styleAt(0, 10, "font.bold")).toBe(true);
    expect(history.columnWidths.get(10)).toBe(150);
    // Nothing dropped (a new date); the snapshot in one values write of 4 rows × A:J under the last row.
    expect(historyCalls("range.delete")).toEqual([]);
    const writes = historyCalls("range.values");
    expect(writes).toHaveLength(1);
    expect(callsOfRun().find((c) => c.api === "worksheet.getRangeByIndexes" && c.sheet === "Tier history" && c.range?.rows === 4 && c.range.cols > 1)?.range).toEqual({ row: 5, col: 0, rows: 4, cols: 10 });
    // The filter keeps the user's columns and reaches the new last row.
    expect(history.autoFilter).toEqual({ row: 0, col: 0, rows: 9, cols: 11 });
    // February's dates get the date format, the user's header row keeps its own.
    expect(history.styleAt(5, 0, "numberFormat")).toBe("yyyy-mm-dd");
  });

  it("a same-day re-run deletes that day's 4 rows as one block and appends the snapshot again: 9 + 4 − 4 rows", async () => {
    history.write({ row: 6, col: 10, rows: 1, cols: 1 }, [["二月备注"]]); // beside February's 乙: replaced with its row
    callsBefore = ctx.calls.length;
    renderPane(host);
    await generate();
    const now = rows(history);
    expect(now).toHaveLength(9);
    expect(now.slice(1).map((r) => [r[0], r[2], r[10]])).toEqual(TWO_MONTHS);
    const deletes = historyCalls("range.delete");
    expect(deletes).toHaveLength(1);
    expect(callsOfRun().filter((c) => c.api === "worksheet.getRangeByIndexes" && c.sheet === "Tier history" && c.range?.cols === 1 && c.range.rows === 4).map((c) => c.range)).toContainEqual({ row: 5, col: 0, rows: 4, cols: 1 });
    expect(history.autoFilter).toEqual({ row: 0, col: 0, rows: 9, cols: 11 });
  });

  it("after the user sorts the history by customer, a re-run deletes the day's scattered rows bottom-up in the run's first write request, and the rest keep their order and notes", async () => {
    // Sorted by key then date: C1 Jan, C1 Feb, C2 Jan, C2 Feb… — each Feb row is a block of its own.
    const body = rows(history).slice(1);
    const sorted = [...body].sort((a, b) => String(a[2]).localeCompare(String(b[2])) || Number(a[0]) - Number(b[0]));
    history.write({ row: 1, col: 0, rows: sorted.length, cols: 11 }, sorted.map((r) => r.map((v) => (v === "" ? "" : v))));
    callsBefore = ctx.calls.length;
    const requestsBefore = ctx.requests.length;
    setToday("2026-02-28");
    renderPane(host);
    await generate();
    const deletes = historyCalls("range.delete");
    expect(deletes).toHaveLength(4);
    // Bottom-up: sheet rows 9, 7, 5, 3 (0-based 8, 6, 4, 2), so each position still holds when its turn comes.
    const spans = callsOfRun().filter((c) => c.api === "worksheet.getRangeByIndexes" && c.sheet === "Tier history" && c.range?.cols === 1 && c.range.rows === 1 && c.range.col === 0 && c.range.row > 0); // (row 0: the marker)
    expect(spans.map((c) => c.range!.row)).toEqual([8, 6, 4, 2]);
    // All in one request, the one that writes the first cells.
    expect(new Set(deletes.map((c) => c.request)).size).toBe(1);
    expect(deletes[0].request).toBeGreaterThan(requestsBefore);
    const now = rows(history);
    expect(now.slice(1).map((r) => [r[0], r[2], r[10]])).toEqual(TWO_MONTHS);
  });

  it("a new month appends again: 13 rows, the first two snapshots untouched", async () => {
    setToday("2026-03-31");
    callsBefore = ctx.calls.length;
    renderPane(host);
    await generate();
    const now = rows(history);
    expect(now).toHaveLength(13);
    expect(now.slice(9).map((r) => r[0])).toEqual([MAR, MAR, MAR, MAR]);
    expect(historyCalls("range.delete")).toEqual([]);
    expect(ctx.sheet("Tier history")).toBe(history);
  });
});
