/** The plan of what to write: types, the builder, A1 helpers, sheet naming. */
export * from "./types";
export { buildTierPlan, type TierPlanOptions } from "./build";
export { columnLetter, columnIndex, cellAddress, rangeAddress, quoteSheetName, sheetRef } from "./a1";
export { placeSheets, markerName, MARKER_PREFIX, uniqueName, legalSheetName, type ExistingSheet, type SheetPlacement } from "./naming";
export { textCell, formulaCell, dateSerial } from "./cells";
export { ranks } from "./rank";
export { LIVE_RANK_MAX_ROWS } from "./tier-sheet";
export { dataColumn, formulaColumn, expandRows, columnCells, exceptionsIn, rowFormulas, toR1C1, fromR1C1, cellBlocks } from "./columns";
