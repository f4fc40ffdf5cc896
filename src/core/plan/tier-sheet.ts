/**
 * The tier sheet: key columns of the source, the model's inputs, points or
 * level per criterion, score, tier, rank, follow-up and a short "why" — live
 * formulas reading the rules sheet, or static values.
 */
import type { Lang, Model } from "../model";
import { CUSTOMER_FIELD } from "../model";
import type { CompiledModel } from "../score";
import type { ScoredRow, ScoredTable, SourceRow } from "../sheet/types";
import { dateSerial, formulaCell, textCell } from "./cells";
import { ColumnLayout, overdueRule, sampleColumn, tierColourRules, type ColumnSpec } from "./column-layout";
import {
  criterionFormula,
  gradeFormula,
  nextFollowUpFormula,
  overdueFormula,
  scoreFormula,
  scoreRankFormula,
  sumTierFormula,
  tierNoFormula,
  tierRankFormula,
  type RowFormula,
} from "./formulas";
import { range } from "./grid";
import { inputColumn, plainCell } from "./inputs";
import { ranks } from "./rank";
import { categoryOutcome, type RulesCells } from "./rules-sheet";
import { STYLE } from "./style";
import type { Cell, CellBlock, CellRange, ColumnFormat, ConditionalRule, RangeStyle } from "./types";
import { fill, WORDS } from "./words";

/** Above this many rows a live RANK (quadratic in every engine) is replaced by the rank as generated. */
export const LIVE_RANK_MAX_ROWS = 10_000;

/** Rows above the table: title, legend, header. */
export const TIER_HEADER_ROW = 2;
export const TIER_FIRST_DATA_ROW = 3;

export interface TierSheetInput {
  scored: ScoredTable;
  model: Model;
  cm: CompiledModel;
  lang: Lang;
  live: boolean;
  sheets: { tiers: string; rules: string; summary: string };
  rules: RulesCells;
  /** Summary ranges (count and cumulative count per tier, best first) the level-model rank reads. */
  summary: { counts: string; cumulative: string };
  today: Date;
  /** Extra source table columns (0-based, into `table.headers`) to copy after the customer. */
  keyColumns: number[];
}

export interface TierSheetLayout {
  blocks: CellBlock[];
  styles: RangeStyle[];
  columns: ColumnFormat[];
  rules: ConditionalRule[];
  freeze: { rows: number; cols: number };
  autoFilter: CellRange;
  /** Data rows of the tier (grade) column and of the model's value field, for the summary. */
  tierRange: CellRange;
  valueRange?: CellRange;
}

interface TierColumn extends ColumnSpec {
  cell: (sr: ScoredRow, index: number, sheetRow: number) => Cell;
}

export function buildTierSheet(input: TierSheetInput): TierSheetLayout {
  const { scored, model, cm, lang, live } = input;
  const rows = scored.rows;
  const firstRow = TIER_FIRST_DATA_ROW + 1; // 1-based sheet row of the first customer
  const lastRow = Math.max(firstRow, firstRow + rows.length - 1);
  const layout = new ColumnLayout<TierColumn>(TIER_FIRST_DATA_ROW);
  const specs = layout.specs;
  const letterOf = (key: string) => layout.letter(key);
  const isSum = model.combine === "sum";
  const liveRank = live && (!isSum || rows.length <= LIVE_RANK_MAX_ROWS);
  const staticRanks = liveRank ? null : ranks(cm, rows.map((r) => r.result));

  // Key columns.
  specs.push({ key: "customer", header: WORDS.customer[lang], cell: (sr) => (sr.customer ? textCell(sr.customer) : null) });
  specs.push({ key: "sourceRow", header: WORDS.sourceRow[lang], numberFormat: "0", align: "center", width: 8, cell: (sr) => sr.row });
  const sourceRows = sourceRowsByNumber(scored.table.rows);
  for (const col of input.keyColumns) {
    if (col === scored.mapping.columns[CUSTOMER_FIELD]) continue;
    specs.push({ key: `key:${col}`, header: scored.table.headers[col] ?? "", cell: (sr) => plainCell(sourceRows.get(sr.row)?.cells[col]) });
  }

  // Inputs.
  const followUp = model.followUpField && model.tiers.some((t) => t.cadenceDays !== undefined) ? model.followUpField : undefined;
  const inputFields = model.fields.filter((f) => f.id !== CUSTOMER_FIELD && (usedByCriteria(model, f.id) || f.id === followUp));
  for (const field of inputFields) {
    const column = inputColumn(field, { scored, model, lang, live });
    specs.push({
      key: `field:${field.id}`,
      header: field.label[lang],
      numberFormat: column.numberFormat,
      cell: (sr) => column.cell(sr, sourceRows.get(sr.row)),
    });
  }

  // Points or level per criterion.
  const criterionKeys = model.criteria.map((c) => `criterion:${c.id}`);
  const criterionFormulas: RowFormula[] = [];
  model.criteria.forEach((c, i) => {
    const word = c.role === "multiplier" ? "" : ` ${(isSum ? WORDS.pointsSuffix : WORDS.levelSuffix)[lang]}`;
    specs.push({
      key: criterionKeys[i],
      header: `${c.label[lang]}${word}`,
      align: "center",
      width: 10,
      cell: (sr, _, r) => (live ? formulaCell(criterionFormulas[i](r)) : criterionValue(model, sr, i)),
    });
  });
  const inputs = { column: (fieldId: string) => letterOf(`field:${fieldId}`) };
  model.criteria.forEach((c, i) => criterionFormulas.push(criterionFormula(model, c, input.rules.criteria[i], inputs)));
  const criterionLetters = criterionKeys.map(letterOf);

  // Score / tier number, tier, rank.
  let tierPosition: (r: string) => string;
  if (isSum) {
    const score = scoreFormula(model, criterionLetters, input.rules);
    specs.push({ key: "score", header: WORDS.score[lang], align: "center", width: 8, cell: (sr, _, r) => (live ? formulaCell(score(r)) : sr.result.score) });
    const tier = sumTierFormula(model, letterOf("score"), input.rules);
    specs.push({ key: "tier", header: WORDS.tier[lang], align: "center", width: 8, cell: (sr, _, r) => (live ? formulaCell(tier(r)) : gradeCell(sr)) });
    tierPosition = (r) => `MATCH(${letterOf("tier")}${r},${input.rules.tierIds},0)`;
    const rank = scoreRankFormula(letterOf("score"), firstRow, lastRow);
    specs.push({ key: "rank", header: WORDS.rank[lang], numberFormat: "0", align: "center", width: 7, cell: (sr, i, r) => (liveRank ? formulaCell(rank(r)) : staticRanks![i]) });
  } else {
    const tierNo = tierNoFormula(model, cm, criterionLetters, input.rules);
    specs.push({
      key: "tierNo",
      header: WORDS.tierNo[lang],
      numberFormat: "0",
      align: "center",
      width: 8,
      cell: (sr, _, r) => (live ? formulaCell(tierNo(r)) : sr.result.tier === null ? null : cm.tierIndex.get(sr.result.tier)! + 1),
    });
    const grade = gradeFormula(model, criterionLetters, letterOf("tierNo"), input.rules);
    specs.push({ key: "tier", header: WORDS.tier[lang], align: "center", width: 8, cell: (sr, _, r) => (live ? formulaCell(grade(r)) : gradeCell(sr)) });
    tierPosition = (r) => `${letterOf("tierNo")}${r}`;
    const rank = tierRankFormula(letterOf("tierNo"), input.summary.counts, input.summary.cumulative);
    specs.push({ key: "rank", header: WORDS.rank[lang], numberFormat: "0", align: "center", width: 7, cell: (sr, i, r) => (liveRank ? formulaCell(rank(r)) : staticRanks![i]) });
  }

  // Follow-up.
  const hasFollowUp = followUp !== undefined && scored.mapping.columns[followUp] !== undefined && input.rules.cadence !== undefined;
  if (hasFollowUp) {
    const next = nextFollowUpFormula(letterOf(`field:${followUp}`), tierPosition, letterOf("tier"), input.rules.cadence!);
    const todaySerial = Math.floor(dateSerial(input.today));
    const staticNext = (sr: ScoredRow): number | null => {
      const last = sr.values[followUp];
      const cadence = sr.result.tier === null ? undefined : model.tiers[cm.tierIndex.get(sr.result.tier)!].cadenceDays;
      return last instanceof Date && cadence !== undefined ? Math.floor(dateSerial(last)) + cadence : null;
    };
    specs.push({ key: "next", header: WORDS.nextFollowUp[lang], numberFormat: "yyyy-mm-dd", align: "center", width: 12, cell: (sr, _, r) => (live ? formulaCell(next(r)) : staticNext(sr)) });
    const overdue = overdueFormula(letterOf("next"), WORDS.overdueFlag[lang]);
    specs.push({
      key: "overdue",
      header: WORDS.overdue[lang],
      align: "center",
      width: 8,
      cell: (sr, _, r) => {
        if (live) return formulaCell(overdue(r));
        const n = staticNext(sr);
        return n !== null && n < todaySerial ? WORDS.overdueFlag[lang] : null;
      },
    });
  }

  specs.push({ key: "why", header: WORDS.why[lang], width: 40, maxWidth: 90, cell: (sr) => (sr.explanation ? textCell(sr.explanation) : null) });

  // Cells: one array per row, one call per column.
  const n = specs.length;
  const data: Cell[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const out: Cell[] = new Array(n);
    const sr = rows.at(i);
    const sheetRow = firstRow + i;
    for (let c = 0; c < n; c++) out[c] = specs[c].cell(sr, i, sheetRow);
    data[i] = out;
  }

  const legendParts = live
    ? [fill(WORDS.legendLive[lang], { rules: input.sheets.rules }), liveRank ? "" : WORDS.legendStaticRank[lang]]
    : [WORDS.legendStatic[lang]];
  const title = `${WORDS.tierSheet[lang]} · ${model.name[lang]}`;
  const blocks: CellBlock[] = [
    layout.head(title, legendParts.filter(Boolean).join(" ")),
    { at: { row: TIER_FIRST_DATA_ROW, col: 0 }, cells: data, filledDown: filledColumns(specs, live, liveRank, rows.length) },
  ];

  const dataRows = Math.max(1, rows.length);
  const table = range(TIER_FIRST_DATA_ROW, 0, dataRows, n);
  const styles: RangeStyle[] = [
    ...layout.headStyles(),
    { range: range(TIER_HEADER_ROW, 0, 1, n), bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center" },
  ];

  const tierCol = layout.index("tier");
  const rules: ConditionalRule[] = [];
  if (hasFollowUp) rules.push(overdueRule(`$${letterOf("next")}${firstRow}`, range(TIER_FIRST_DATA_ROW, layout.index("next"), dataRows, 2), 1));
  rules.push(...tierColourRules(model, `$${letterOf("tier")}${firstRow}`, table, rules.length + 1));

  const columns: ColumnFormat[] = layout.formats(dataRows, (c) => sampleColumn(data, c));

  const valueKey = model.valueField ? `field:${model.valueField}` : undefined;
  const valueCol = valueKey ? layout.index(valueKey) : -1;
  return {
    blocks,
    styles,
    columns,
    rules,
    freeze: { rows: TIER_FIRST_DATA_ROW, cols: 1 },
    autoFilter: range(TIER_HEADER_ROW, 0, dataRows + 1, n),
    tierRange: range(TIER_FIRST_DATA_ROW, tierCol, dataRows),
    valueRange: valueCol >= 0 ? range(TIER_FIRST_DATA_ROW, valueCol, dataRows) : undefined,
  };
}

/** Columns that hold one formula filled down: the computed ones of a live sheet (inputs mix links and values). */
function filledColumns(specs: TierColumn[], live: boolean, liveRank: boolean, rows: number): CellBlock["filledDown"] {
  if (!live || rows < 2) return undefined;
  const computed = new Set(["score", "tier", "tierNo", "next", "overdue", ...(liveRank ? ["rank"] : [])]);
  return specs.flatMap((s, col) => (computed.has(s.key) || s.key.startsWith("criterion:") ? [{ col, first: 0, last: rows - 1 }] : []));
}

function usedByCriteria(model: Model, fieldId: string): boolean {
  return model.criteria.some((c) => (c.kind === "table" ? c.rowField === fieldId || c.colField === fieldId : c.field === fieldId));
}

/** Static points or level; a category's level carries its sub-level (`A-`) as the live formula shows it. */
function criterionValue(model: Model, sr: ScoredRow, i: number): Cell {
  const c = model.criteria[i];
  const r = sr.result.criteria[i];
  if (c.kind === "categories" && r.match >= 0) {
    const outcome = categoryOutcome(c.categories[r.match]);
    return typeof outcome === "number" ? outcome : textCell(outcome);
  }
  return r.level !== null ? textCell(r.level) : r.points;
}

function gradeCell(sr: ScoredRow): Cell {
  return sr.result.grade === null ? null : textCell(sr.result.grade);
}

function sourceRowsByNumber(rows: readonly SourceRow[]): Map<number, SourceRow> {
  return new Map(rows.map((r) => [r.row, r]));
}
