import type { Model } from "../../core/model";
import { mapColumns, MappingError } from "../../core/sheet/mapping";
import { columnLetter } from "../../core/sheet/columns";
import type { ColumnMapping, SourceTable } from "../../core/sheet/types";

/** The user's column choices: field id → sheet column letter, or null for "not used". Unlisted fields are auto-mapped. */
export type ColumnChoices = Readonly<Record<string, string | null>>;

/** Core's mapping with the user's choices applied: explicit letters win, "not used" fields are unmapped. */
export function resolveMapping(table: SourceTable, model: Model, choices: ColumnChoices): ColumnMapping {
  const explicit: Record<string, string> = {};
  const fieldIds = new Set(model.fields.map((f) => f.id));
  for (const [field, letter] of Object.entries(choices)) if (letter !== null && fieldIds.has(field)) explicit[field] = letter;
  let mapping: ColumnMapping;
  try {
    mapping = mapColumns(table.headers, model, explicit, table.firstCol);
  } catch (e) {
    // A choice made on another sheet (its column is gone): fall back to detection.
    if (!(e instanceof MappingError)) throw e;
    mapping = mapColumns(table.headers, model, {}, table.firstCol);
  }
  const unused = Object.keys(choices).filter((f) => choices[f] === null && f in mapping.columns);
  if (!unused.length) return mapping;
  const columns = { ...mapping.columns };
  for (const f of unused) delete columns[f];
  const missing = model.fields.filter((f) => f.required && !(f.id in columns)).map((f) => f.id);
  return { ...mapping, columns, missing };
}

/** The letter of a table column as the user sees it in the sheet. */
export function letterOf(table: SourceTable, index: number): string {
  return columnLetter(table.firstCol + index);
}

/** Saved settings name columns by header text (it survives inserted columns); choices use letters. */
export function savedMapping(table: SourceTable, mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, index] of Object.entries(mapping.columns)) out[field] = table.headers[index];
  return out;
}

export function choicesFromSaved(table: SourceTable, saved: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, header] of Object.entries(saved)) {
    const index = table.headers.indexOf(header);
    if (index >= 0) out[field] = letterOf(table, index);
  }
  return out;
}
