import { rangeFromA1 } from "../sheet/columns";
import type { CellRange } from "../sheet/types";

/** One area of an Office address: `'My sheet'!B3:F20` → sheet `My sheet`, range B3:F20. */
export interface SheetArea {
  sheet: string;
  range: CellRange;
}

/** `Sheet1!A1` or `'It''s here'!A1:B2`, one area; quotes may hold spaces, commas and `!`, bare names none of these. */
const AREA = /(?:'((?:[^']|'')+)'|([^'!,\s=]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/**
 * The areas of an address as Office.js returns it (`Range.address`,
 * `RangeAreas.address`: `Sheet1!A1:B2, Sheet1!D4`, or a defined name's
 * formula `=Sheet1!$A$1`) and as an xlsx file stores a defined name
 * (`'客户 分级'!$A$1`). Parts that are not sheet ranges are left out. The one
 * sheet-reference parser of both hosts.
 */
export function parseAddress(address: string): SheetArea[] {
  const areas: SheetArea[] = [];
  for (const m of address.matchAll(AREA)) {
    const range = rangeFromA1(m[3]);
    if (range) areas.push({ sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range });
  }
  return areas;
}
