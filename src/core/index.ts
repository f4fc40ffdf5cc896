/** The engine's public surface: hosts, functions, CLI and task pane import from here. */
export * from "./model";
export type { Issue } from "./issues";
export { compileModel, scoreRow, scoreRows, bandIndex } from "./score";
export type { CompiledModel, RowResult, CriterionResult, RowValues } from "./score";
export { explainRow, describeBand } from "./explain";
export { validateModel, ModelError } from "./validate";
export type { ModelProblem } from "./validate";
export { PRESETS, DEFAULT_PRESET_ID, findPreset, salesPayment } from "./presets";
export { isBlank, parseNumber, parseDate, localToday, daysUntil, monthsUntil } from "./parse/values";
export type { CellValue, ParseResult, NumberContext } from "./parse/values";
export { fold } from "./text/normalize";
export { formatNumber } from "./text/format";
export { detectTable } from "./sheet/detect";
export { mapColumns, missingFieldsMessage, listHeaders, MappingError } from "./sheet/mapping";
export { scoreTable } from "./sheet/score-table";
export { describeIssue } from "./sheet/issue-text";
export { columnLetter, columnIndex, rangeFromA1 } from "./sheet/columns";
export type * from "./sheet/types";
