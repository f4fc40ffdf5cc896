/**
 * The dropdown lists of a template, written below the rules on the rules
 * sheet: one column range per list, which the customer sheet's list
 * validations read (a range, unlike a typed list, allows commas in values and
 * any length).
 */
import type { Lang } from "../model";
import { sheetRef } from "../plan/a1";
import { textCell } from "../plan/cells";
import { range, type Grid } from "../plan/grid";
import { STYLE } from "../plan/style";
import { TEMPLATE_WORDS } from "./words";

/** Keys of the lists: the status list, and one per category field. */
export const STATUS_LIST = "status";
export const fieldList = (fieldId: string) => `field:${fieldId}`;

export interface DropdownList {
  key: string;
  title: string;
  values: string[];
  /** Free to edit (status), or bound to the model's accepted spellings (categories). */
  editable: boolean;
}

export interface PlacedList {
  /** Absolute, sheet-qualified range of the values. */
  source: string;
  /** Absolute references of each value's cell. */
  cells: string[];
  values: string[];
}

/** Appends the lists after everything on the grid; returns where each one's values are. */
export function appendLists(g: Grid, sheetName: string, lists: readonly DropdownList[], lang: Lang): Map<string, PlacedList> {
  const placed = new Map<string, PlacedList>();
  g.add();
  g.style(range(g.add([textCell(TEMPLATE_WORDS.listsTitle[lang])]), 0), { bold: true, fontSize: 12 });
  g.style(range(g.add([textCell(TEMPLATE_WORDS.listsNote[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
  for (const list of lists) {
    g.add();
    const head = g.add([textCell(list.title)]);
    g.style(range(head, 0), { bold: true, fill: STYLE.subHeaderFill, fontColor: STYLE.subHeaderFont, border: { color: STYLE.border, edges: "bottom" } });
    const first = g.next;
    for (const value of list.values) g.add([textCell(value)]);
    if (list.editable) g.style(range(first, 0, list.values.length), { fill: STYLE.editableFill, border: { color: STYLE.border, edges: "all" } });
    placed.set(list.key, {
      source: sheetRef(sheetName, range(first, 0, list.values.length)),
      cells: list.values.map((_, i) => sheetRef(sheetName, { row: first + i, col: 0 })),
      values: list.values,
    });
  }
  return placed;
}
