import type { SheetPlan, WorkbookPlan } from "../../core/plan/types";
import type { ApplyOptions } from "../host";
import type { ExcelContext, Worksheet } from "./api";
import { countRows, formulaFills, planChunks, type Chunk, type FormulaFill } from "./chunks";
import { throwIfCancelled } from "../errors";
import { undoOnFailure } from "../undo";
import { toHostError } from "./errors";
import { applyVisibility, finishSheet, formatAppended, formatSheet } from "./format";
import { dropRows, growFilter, loadAppendTarget, removeWritten, type AppendTarget } from "./append";
import { parseAddress } from "../../core/plan/address";

/** Each request stays under this (Excel on the web refuses 5 MB). */
export const MAX_REQUEST_BYTES = 4_000_000;
/** Left in each request for what travels with the values: formats, rules, the batch's own framing. */
const REQUEST_RESERVE = 64 * 1024;

export interface ExcelApplyOptions extends ApplyOptions {
  /** Request size cap; lower only to test chunking. */
  maxRequestBytes?: number;
  /** Whether `worksheet.pageLayout` (ExcelApi 1.9) may be used for the plan's print set-up; default yes. */
  pageLayout?: boolean;
}

/** A sheet being replaced: the old one is parked under another name until the new one is complete. */
interface Move {
  old: Worksheet;
  existing: string;
  parked: string;
  position: number;
}

/**
 * Applies a plan built by core, in `2 + chunks` syncs whatever the number of
 * rows: one to see the workbook, one per request of cell values (each under
 * `maxRequestBytes`; the first also adds the sheets, their formats and every
 * formula column of the tables as one R1C1 formula per column), one to commit.
 *
 * A sheet to replace is not deleted first: it is renamed out of the way, the
 * new sheet takes its name (so formulas between the new sheets bind to them),
 * and only the commit deletes the old one and puts the new one at its
 * position. So a cancelled or failed run removes what it added, renames the
 * old sheets back, and leaves the workbook as it was.
 */
export async function applyPlan(context: ExcelContext, plan: WorkbookPlan, options: ExcelApplyOptions = {}): Promise<void> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  const { workbook } = context;
  workbook.worksheets.load("items/name,items/position");
  workbook.names.load("items/name,items/formula");
  // Sheets appended to (the history): kept, their filter read to grow it.
  const targets = plan.sheets.map((sheet) => (sheet.action.kind === "append" ? loadAppendTarget(workbook.worksheets.getItem(sheet.action.existing)) : undefined));
  try {
    await context.sync();
  } catch (e) {
    throw toHostError(e);
  }

  const before = new Map(workbook.worksheets.items.map((ws) => [fold(ws.name), ws]));
  const namesBefore = new Map(workbook.names.items.map((n) => [fold(n.name), { name: n.name, formula: n.formula }]));
  const moves = planMoves(plan.sheets, before);
  const added: Worksheet[] = [];
  let ready = false;
  const setup = () => {
    ready = true;
    for (const move of moves) if (move) move.old.name = move.parked;
    // Rows a sheet appended to loses go first: every position in the plan is counted after them.
    plan.sheets.forEach((sheet, i) => targets[i] && dropRows(targets[i].ws, sheet));
    plan.sheets.forEach((sheet, i) => added.push(targets[i]?.ws ?? workbook.worksheets.add(sheet.name)));
    plan.sheets.forEach((sheet, i) => (targets[i] ? formatAppended(added[i], sheet) : formatSheet(added[i], sheet, plan.font, options.pageLayout ?? true)));
    // The formulas' names, before the formulas (a run replaces its own; a failed run puts them back).
    for (const name of plan.names ?? []) {
      if (namesBefore.has(fold(name.name))) workbook.names.getItem(namesBefore.get(fold(name.name))!.name).delete();
      workbook.names.add(name.name, "=" + name.ref, name.comment);
    }
    // Formula columns: one R1C1 formula per column range, before any cell (their exceptions overwrite it).
    for (const fill of formulaFills(plan)) writeFill(added, fill);
  };

  const run = async () => {
    const total = countRows(plan);
    let done = 0;
    const cap = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    const budget = cap - Math.min(REQUEST_RESERVE, cap / 10);
    for (const chunk of planChunks(plan, budget)) {
      throwIfCancelled(signal);
      workbook.application.suspendApiCalculationUntilNextSync();
      workbook.application.suspendScreenUpdatingUntilNextSync();
      if (!ready) setup();
      writeChunk(added, chunk);
      // One sync per chunk is the point: Office refuses a request over its size limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      done += chunk.rows;
      onProgress?.({ done, total });
    }
    throwIfCancelled(signal);
    if (!ready) setup();
    commit(context, plan, moves, added, targets);
    await context.sync();
  };
  await undoOnFailure(run, () => rollBack(context, plan, moves, before, ready ? namesBefore : undefined, ready ? targets : [])).catch((e: unknown) =>
    Promise.reject(toHostError(e)),
  );
}

/** Excel compares sheet and defined names without case. */
function fold(name: string): string {
  return name.toLowerCase();
}

function planMoves(sheets: SheetPlan[], before: Map<string, Worksheet>): (Move | undefined)[] {
  const taken = new Set(before.keys());
  for (const sheet of sheets) taken.add(fold(sheet.name));
  return sheets.map((sheet) => {
    if (sheet.action.kind !== "replace") return undefined;
    const old = before.get(fold(sheet.action.existing));
    // The marked sheet is gone (deleted meanwhile): nothing to replace, the new one is simply added.
    if (!old) return undefined;
    let parked = "";
    for (let n = 1; !parked || taken.has(fold(parked)); n++) parked = `CustTier~old${n}`;
    taken.add(fold(parked));
    return { old, existing: old.name, parked, position: old.position };
  });
}

function writeChunk(sheets: Worksheet[], chunk: Chunk): void {
  for (const slice of chunk.slices) {
    const { at } = slice.block;
    const range = sheets[slice.sheet].getRangeByIndexes(at.row + slice.first, at.col, slice.rows, slice.width);
    const writes = slice.writes();
    if (writes.numberFormat) range.numberFormat = writes.numberFormat;
    if (writes.formulas) range.formulas = writes.formulas;
    if (writes.values) range.values = writes.values;
  }
}

function writeFill(sheets: Worksheet[], fill: FormulaFill): void {
  sheets[fill.sheet].getRangeByIndexes(fill.at.row, fill.at.col, fill.rows, 1).formulasR1C1 = fill.r1c1;
}

/** The old sheets and their markers go, the new ones take their places and get theirs. */
function commit(context: ExcelContext, plan: WorkbookPlan, moves: (Move | undefined)[], added: Worksheet[], targets: (AppendTarget | undefined)[]): void {
  const { workbook } = context;
  const markers = new Set(plan.sheets.map((s) => fold(s.marker.name)));
  for (const name of workbook.names.items) if (markers.has(fold(name.name))) workbook.names.getItem(name.name).delete();
  for (const move of moves) move?.old.delete();
  // Ascending, so that each position counts the sheets already put back before it.
  const placed = moves.flatMap((move, i) => (move ? [{ sheet: added[i], position: move.position }] : []));
  placed.sort((a, b) => a.position - b.position);
  for (const { sheet, position } of placed) sheet.position = position;
  plan.sheets.forEach((sheet, i) => {
    const { row, col } = sheet.marker.cell;
    workbook.names.add(sheet.marker.name, added[i].getRangeByIndexes(row, col, 1, 1));
    const target = targets[i];
    if (target) growFilter(target, sheet, (a) => parseAddress(a)[0]?.range);
    else finishSheet(added[i], sheet);
  });
  const shown = plan.sheets.findIndex((s) => fold(s.name) === fold(plan.activate));
  (shown >= 0 ? added[shown] : workbook.worksheets.getItem(plan.activate)).activate();
  plan.sheets.forEach((sheet, i) => applyVisibility(added[i], sheet));
  // Calculation was suspended while the formulas arrived: settle them now.
  workbook.application.calculate("Recalculate");
}

/**
 * Undoes a run that stopped: deletes the sheets it added and gives parked
 * sheets their names back. Looks at the workbook first, since a failed batch
 * may have run only part of its calls.
 */
async function rollBack(
  context: ExcelContext,
  plan: WorkbookPlan,
  moves: (Move | undefined)[],
  before: Map<string, Worksheet>,
  namesBefore?: Map<string, { name: string; formula: unknown }>,
  targets: (AppendTarget | undefined)[] = [],
): Promise<void> {
  const { worksheets, names } = context.workbook;
  worksheets.load("items/name");
  names.load("items/name");
  await context.sync();
  const now = new Map(worksheets.items.map((ws) => [fold(ws.name), ws]));
  plan.sheets.forEach((sheet, i) => {
    const mine = now.get(fold(sheet.name));
    const move = moves[i];
    const target = targets[i];
    if (target) {
      // The user's sheet stays; the rows this run wrote under its last row go (the day's old rows were already replaced).
      removeWritten(target.ws, sheet);
      return;
    }
    if (move) {
      const parked = now.get(fold(move.parked));
      // No parked sheet: either the old one was never renamed (then `mine` is the user's) or the commit deleted it (then ours is complete).
      if (!parked) return;
      mine?.delete();
      parked.name = move.existing;
    } else if (mine && !before.has(fold(sheet.name))) {
      mine.delete();
    }
  });
  if (namesBefore) {
    // Our names go; the ones they replaced come back (their formulas name the sheets as they are again).
    const now = new Set(names.items.map((n) => fold(n.name)));
    for (const name of plan.names ?? []) {
      if (now.has(fold(name.name))) names.getItem(name.name).delete();
      const old = namesBefore.get(fold(name.name));
      if (old && typeof old.formula === "string") names.add(old.name, old.formula);
    }
  }
  await context.sync();
}
