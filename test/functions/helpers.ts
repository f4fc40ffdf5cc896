/** Shared set-up for the custom-function tests: Office's UI language and cell-error checks. */

type Global = { Office?: unknown; CustomFunctions?: unknown };

/** Pretends the functions run in Office with this UI language (undefined: outside Office). */
export function setDisplayLanguage(lang: string | undefined): void {
  const g = globalThis as Global;
  if (lang === undefined) delete g.Office;
  else g.Office = { context: { displayLanguage: lang } };
}

/** A 1×1 range, as Excel passes a single cell to a matrix parameter. */
export const cell = (v: unknown): unknown[][] => [[v]];

/** A column range. */
export const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

export interface ErrorLike {
  code: string;
  message?: string;
}

/** Asserts that a result cell is a cell error with this code and returns it for message checks. */
export function expectError(v: unknown, code: "#VALUE!" | "#N/A"): ErrorLike {
  expect(v).toEqual(expect.objectContaining({ code }));
  return v as ErrorLike;
}

export function only(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}
