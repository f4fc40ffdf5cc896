import type { CellBlock, WorkbookPlan } from "../../core/plan/types";
import { BlockSlice } from "./slice";

/** The rows of one request: slices of one or more blocks, together under the byte budget. */
export interface Chunk {
  slices: BlockSlice[];
  bytes: number;
  /** Block rows in the chunk, for progress. */
  rows: number;
}

/** Columns a block spans (its longest row); 0 = nothing to write. */
export function blockWidth(block: CellBlock): number {
  let width = 0;
  for (const row of block.cells) if (row.length > width) width = row.length;
  return width;
}

/** Every block row the chunks will write, to report progress against. */
export function countRows(plan: WorkbookPlan): number {
  let n = 0;
  for (const sheet of plan.sheets) for (const block of sheet.blocks) if (blockWidth(block) > 0) n += block.cells.length;
  return n;
}

/**
 * Cuts the plan's blocks into requests of at most `budget` bytes, filling
 * each request before starting the next (small blocks share one). Lazy, so
 * only one chunk of converted rows is held at a time. A row larger than the
 * budget on its own still goes, alone.
 */
export function* planChunks(plan: WorkbookPlan, budget: number): Generator<Chunk> {
  let chunk: Chunk = { slices: [], bytes: 0, rows: 0 };
  for (let s = 0; s < plan.sheets.length; s++) {
    for (const block of plan.sheets[s].blocks) {
      const width = blockWidth(block);
      if (width === 0) continue;
      let slice: BlockSlice | undefined;
      for (let r = 0; r < block.cells.length; ) {
        if (!slice) {
          slice = new BlockSlice(s, block, r, width);
          chunk.slices.push(slice);
        }
        const grew = slice.addRow(block.cells[r]);
        if (chunk.bytes + grew > budget && chunk.rows > 0) {
          // Over budget: this row starts the next request instead.
          slice.dropLastRow();
          if (slice.rows === 0) chunk.slices.pop();
          yield chunk;
          chunk = { slices: [], bytes: 0, rows: 0 };
          slice = undefined;
          continue;
        }
        chunk.bytes += grew;
        chunk.rows++;
        r++;
      }
    }
  }
  if (chunk.rows > 0) yield chunk;
}
