/**
 * The error a custom function puts in a cell. Inside Excel it is a real
 * `CustomFunctions.Error` (the global only exists there); in Node (tests, bench)
 * a plain object of the same shape, so the functions run and can be inspected anywhere.
 */
export type ErrorKind = "invalidValue" | "notAvailable";

export interface CellError {
  /** `#VALUE!` or `#N/A`: the two codes whose message Excel shows. */
  readonly code: string;
  readonly message?: string;
}

const CODES: Record<ErrorKind, string> = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/** The part of the Excel runtime's `CustomFunctions` global used here (read via globalThis: no Office types needed). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => CellError;
  ErrorCode: Record<ErrorKind, string>;
}

export function cellError(kind: ErrorKind, message: string): CellError {
  const runtime = (globalThis as { CustomFunctions?: Partial<CustomFunctionsRuntime> }).CustomFunctions;
  if (runtime?.Error && runtime.ErrorCode) return new runtime.Error(runtime.ErrorCode[kind], message);
  return { code: CODES[kind], message };
}

export function isCellError(v: unknown): v is CellError {
  if (typeof v !== "object" || v === null) return false;
  const code = (v as CellError).code;
  return code === CODES.invalidValue || code === CODES.notAvailable;
}
