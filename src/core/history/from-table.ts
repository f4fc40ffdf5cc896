import { CUSTOMER_FIELD } from "../model";
import { isBlank } from "../parse/values";
import { cellText } from "../sheet/cell-text";
import { columnLetter } from "../sheet/columns";
import type { ScoredTable } from "../sheet/types";
import type { KeySource } from "./keys";
import type { Place } from "./types";

/** The customer ID field (`presets/fields.ts` customerIdField): the key across runs when mapped. */
export const CUSTOMER_ID_FIELD = "customerId";

/** The ID and name columns of a scored table, as `customerKeys` reads them. */
export function keySource(scored: Pick<ScoredTable, "table" | "mapping">): KeySource {
  const { table, mapping } = scored;
  const column = (field: string): { texts: (string | null)[]; place: Place } | undefined => {
    const index = mapping.columns[field];
    if (index === undefined || index < 0 || index >= table.headers.length) return undefined;
    const texts = table.rows.map((r) => (isBlank(r.cells[index]) ? null : cellText(r.cells[index])));
    return { texts, place: { header: table.headers[index], letter: columnLetter(table.firstCol + index) } };
  };
  const ids = column(CUSTOMER_ID_FIELD);
  const names = column(CUSTOMER_FIELD);
  return {
    length: table.rows.length,
    ids: ids?.texts,
    names: names?.texts,
    rows: table.rows.map((r) => r.row),
    idColumn: ids?.place,
    nameColumn: names?.place,
  };
}
