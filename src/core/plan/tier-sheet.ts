/**
 * The tier sheet: key columns of the source, the model's inputs, points or
 * level per criterion, score, tier, rank, follow-up and a short "why" — live
 * formulas reading the rules sheet, or static values.
 */
import { CHANGE, overrideNote, type HistoryOutcome } from "../history";
import type { Lang, Model } from "../model";
import type { CellValue } from "../parse/values";
import { CUSTOMER_FIELD } from "../model";
import type { CompiledModel } from "../score";
import { cellText } from "../sheet/cell-text";
import type { ScoredRow, ScoredRows, ScoredTable } from "../sheet/types";
import { dateSerial, textCell } from "./cells";
import { ColumnLayout, overdueRule, sampleColumn, tierColourRules, withRole, type ColumnSpec } from "./column-layout";
import { lookupRow } from "./band-lookup";
import {
  bandRowFormula,
  changeFormula,
  criterionFormula,
  daysSinceFormula,
  statusFormula,
  gradeFormula,
  gridColumnFormula,
  gridTierNoFormula,
  levelNoFormula,
  nextFollowUpFormula,
  nextVisitFormula,
  overdueFormula,
  quote,
  scoreFormula,
  scoreRankFormula,
  sumTierFormula,
  tierNoFormula,
  tierRankFormula,
  visitsPerMonthFormula,
  visitZoneFormula,
  type RowFormula,
} from "./formulas";
import { isoDay } from "../parse/cell";
import { rowVisit } from "../visits";
import { hasSubLevels } from "./formulas";
import { range } from "./grid";
import { inputColumns, plainCell } from "./inputs";
import { ranks } from "./rank";
import { categoryOutcome, STATUS_DAYS, type RulesCells } from "./rules-sheet";
import { customerStatus } from "../presets/abc";
import { STYLE } from "./style";
import { AVERAGED_FIELDS } from "./summary";
import { columnCells, dataColumn, formulaColumn } from "./columns";
import type { Cell, CellBlock, ColumnBlock, PlanColumn, CellRange, ColumnException, ColumnFormat, ConditionalRule, DataValidation, RangeStyle } from "./types";
import { whyFormula } from "./why-formula";
import { fill, WORDS } from "./words";

/** Above this many rows a live RANK (quadratic in every engine) is replaced by the rank as generated. */
export const LIVE_RANK_MAX_ROWS = 10_000;

/**
 * Above this many rows the "why" is the engine's text, not a formula: at
 * 100,000 rows its TEXT/INDEX concatenation made LibreOffice's recalculation
 * of a sales-payment workbook take 1.6–1.8× as long (158–177 s against 98–100 s).
 */
export const LIVE_WHY_MAX_ROWS = 50_000;

/** Rows whose values set the columns' widths. */
const SAMPLE_ROWS = 200;

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
  /** Models with visit zones: the day (`YYYY-MM-DD`) a next visit counts from without a last visit. */
  visitsAsOf?: string;
  /** Extra source table columns (0-based, into `table.headers`) to copy after the customer. */
  keyColumns: number[];
  /** Order-log runs: the inputs link to the customer summary sheet (row i = customer i) instead of the log. */
  linkTo?: { sheet: string; firstRow: number; column: (fieldId: string) => number | undefined };
  /** Tiers over time: previous tier, change, the override columns and the final tier. */
  history?: TierHistory;
}

/** What the history stage gives the tier sheet (issue 12). */
export interface TierHistory {
  outcome: HistoryOutcome;
  /** Customer ID per row, when the sheet has an ID column (the key the next run reads back). */
  ids?: readonly (string | null)[];
  /** What was typed in the override columns, carried into the new sheet (valid or not), by row. */
  typed: ReadonlyMap<number, { tier: CellValue; reason: CellValue }>;
  /** The history sheet's name, for the legend. */
  sheet: string;
}

export interface TierSheetLayout {
  blocks: CellBlock[];
  table: ColumnBlock;
  styles: RangeStyle[];
  columns: ColumnFormat[];
  rules: ConditionalRule[];
  validations: DataValidation[];
  freeze: { rows: number; cols: number };
  autoFilter: CellRange;
  /** Data rows of the tier (grade) column and of the model's value field, for the summary. */
  tierRange: CellRange;
  valueRange?: CellRange;
  /** Input columns the summary averages per tier (recency, frequency, monetary). */
  averages: { fieldId: string; range: CellRange }[];
}

interface TierColumn extends ColumnSpec {
  /** The column's cells: a data source or one formula filled down (made once every column has its letter). */
  column: () => PlanColumn;
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
  const liveWhyColumn = live && rows.length <= LIVE_WHY_MAX_ROWS;
  const staticRanks = liveRank ? null : ranks(cm, scored.scores);
  const rowAt = pagedRows(rows);
  const data = (cell: (sr: ScoredRow, i: number) => Cell) => () => dataColumn((i) => cell(rowAt(i), i));
  // Columns read straight from the source table or the score columns, building no row.
  const direct = (cell: (i: number) => Cell) => () => dataColumn(cell);
  const sourceRows = scored.table.rows;
  // Live: one formula for the first row, filled down; static: the engine's values.
  const computed = (formula: RowFormula, value: (sr: ScoredRow, i: number) => Cell) => (live ? () => formulaColumn(formula(firstRow)) : data(value));

  // Key columns.
  const mappedCustomer = scored.mapping.columns[CUSTOMER_FIELD];
  const customerCol = mappedCustomer !== undefined && mappedCustomer >= 0 && mappedCustomer < scored.table.headers.length ? mappedCustomer : undefined;
  const customer = (i: number) => (customerCol === undefined ? "" : cellText(sourceRows[i].cells[customerCol]));
  specs.push({ key: "customer", header: WORDS.customer[lang], column: direct((i) => (customer(i) ? textCell(customer(i)) : null)) });
  specs.push({ key: "sourceRow", header: WORDS.sourceRow[lang], numberFormat: "0", align: "center", width: 8, column: direct((i) => sourceRows[i].row) });
  const history = input.history;
  const ids = history?.ids;
  if (ids) specs.push({ key: "customerId", header: WORDS.customerId[lang], column: direct((i) => (ids[i] ? textCell(ids[i]!) : null)) });
  for (const col of input.keyColumns) {
    if (col === mappedCustomer) continue;
    specs.push({ key: `key:${col}`, header: scored.table.headers[col] ?? "", column: direct((i) => plainCell(sourceRows[i].cells[col])) });
  }

  // Inputs.
  const followUp = model.followUpField && model.tiers.some((t) => t.cadenceDays !== undefined) ? model.followUpField : undefined;
  const lastVisit = model.visits?.lastVisitField !== undefined && scored.mapping.columns[model.visits.lastVisitField] !== undefined ? model.visits.lastVisitField : undefined;
  // A days field read from a date (recency from the last order date) shows the date before it; the days count live from the rules sheet's as-of day.
  const dated = new Map((scored.dated?.pairs ?? []).map((p) => [p.days, model.fields.find((f) => f.id === p.date)]));
  const inputFields = model.fields
    .filter((f) => f.id !== CUSTOMER_FIELD && (usedByCriteria(model, f.id) || f.id === followUp || f.id === lastVisit))
    .flatMap((f) => (dated.get(f.id) ? [dated.get(f.id)!, f] : [f]));
  const inputCols = inputColumns(inputFields, { scored, model, lang, live, rowAt, sourceRowColumn: letterOf("sourceRow"), firstRow, linkTo: input.linkTo });
  const asOf = input.rules.orders?.asOf;
  inputFields.forEach((field, i) => {
    const date = dated.get(field.id);
    const days = live && date && asOf ? daysSinceFormula(letterOf(`field:${date.id}`), asOf, true) : undefined;
    specs.push({ key: `field:${field.id}`, header: field.label[lang], numberFormat: inputCols[i].numberFormat, column: () => (days ? formulaColumn(days(firstRow)) : inputCols[i].column) });
  });

  const inputs = { column: (fieldId: string) => letterOf(`field:${fieldId}`), bandRow: (id: string) => letterOf(`band:${id}`) };
  // Band criteria: the row of their sorted lookup (one MATCH), which the points column reads.
  model.criteria.forEach((c, i) => {
    const lookup = input.rules.criteria[i].lookup;
    if (c.kind !== "bands" || !lookup) return;
    const below = model.fields.find((f) => f.id === c.field)?.errorBelow;
    const formula = bandRowFormula(model, c, input.rules.criteria[i], inputs);
    specs.push({
      key: `band:${c.id}`,
      header: `${c.label[lang]}${WORDS.bandNo[lang]}`,
      numberFormat: "0",
      align: "center",
      width: 6,
      column: computed(formula, (sr) => {
        const v = sr.values[c.field];
        return typeof v === "number" && !(below !== undefined && v < below) ? lookupRow(lookup.table, v) : null;
      }),
    });
  });

  // Points or level per criterion.
  const criterionKeys = model.criteria.map((c) => `criterion:${c.id}`);
  const criterionFormulas: RowFormula[] = [];
  model.criteria.forEach((c, i) => {
    const word = c.role === "multiplier" ? "" : ` ${(isSum || model.combine === "grid" ? WORDS.pointsSuffix : WORDS.levelSuffix)[lang]}`;
    specs.push({
      key: criterionKeys[i],
      header: `${c.label[lang]}${word}`,
      align: "center",
      width: 10,
      column: computed((r) => criterionFormulas[i](r), (sr) => criterionValue(model, sr, i)),
    });
  });
  model.criteria.forEach((c, i) => criterionFormulas.push(criterionFormula(model, c, input.rules.criteria[i], inputs)));
  const criterionLetters = criterionKeys.map(letterOf);

  // Score / tier number, tier, rank. With history the model's tier is the computed one, beside the final tier.
  const tierHeader = (history ? WORDS.computedTier : WORDS.tier)[lang];
  const rankSpec = (rank: RowFormula): TierColumn => ({
    key: "rank",
    header: WORDS.rank[lang],
    numberFormat: "0",
    align: "center",
    width: 7,
    column: liveRank ? computed(rank, () => null) : direct((i) => staticRanks![i] || null),
  });
  // Grid and level models: the tier number (1 = best), the tier it names, the rank within it; gives the tier position.
  const tierNoAndGrade = (tierNo: RowFormula, levelNoLetters: string[]) => {
    specs.push({
      key: "tierNo",
      header: WORDS.tierNo[lang],
      numberFormat: "0",
      align: "center",
      width: 8,
      column: computed(tierNo, (sr) => (sr.result.tier === null ? null : cm.tierIndex.get(sr.result.tier)! + 1)),
    });
    const grade = gradeFormula(model, criterionLetters, levelNoLetters, letterOf("tierNo"), input.rules);
    specs.push({ key: "tier", header: tierHeader, align: "center", width: 8, column: computed(grade, gradeCell) });
    specs.push(rankSpec(tierRankFormula(letterOf("tierNo"), input.summary.counts, input.summary.cumulative)));
    return (r: string) => `${letterOf("tierNo")}${r}`;
  };
  let tierPosition: (r: string) => string;
  if (isSum) {
    const score = scoreFormula(model, criterionLetters, input.rules);
    specs.push({ key: "score", header: WORDS.score[lang], align: "center", width: 8, column: computed(score, (sr) => sr.result.score) });
    const tier = sumTierFormula(model, letterOf("score"), input.rules);
    specs.push({ key: "tier", header: tierHeader, align: "center", width: 8, column: computed(tier, gradeCell) });
    tierPosition = (r) => `MATCH(${letterOf("tier")}${r},${input.rules.tierIds},0)`;
    specs.push(rankSpec(scoreRankFormula(letterOf("score"), firstRow, lastRow)));
  } else if (model.combine === "grid") {
    // R × FM: the column value (FM, the rounded mean of F and M), then the tier looked up in the rules sheet's grid.
    const g = model.grid!;
    const colValue = gridColumnFormula(g.cols.map((id) => criterionLetters[model.criteria.findIndex((c) => c.id === id)]));
    specs.push({
      key: "gridCol",
      header: g.colLabel[lang],
      numberFormat: "0",
      align: "center",
      width: 6,
      column: computed(colValue, (sr) => (sr.result.tier === null ? null : cm.grid!.colValue(sr.result.criteria.map((c) => c.points ?? 0)))),
    });
    const rowLetter = criterionLetters[model.criteria.findIndex((c) => c.id === g.row)];
    tierPosition = tierNoAndGrade(gridTierNoFormula(rowLetter, letterOf("gridCol"), input.rules), []);
  } else {
    // Level number (1 = best tier) per criterion, side by side: the tier number is their MAX or MIN.
    const levelNoKeys = model.criteria.length > 1 ? model.criteria.map((c) => `levelNo:${c.id}`) : [];
    model.criteria.forEach((c, i) => {
      if (!levelNoKeys.length) return;
      specs.push({
        key: levelNoKeys[i],
        header: `${c.label[lang]}${WORDS.levelNo[lang]}`,
        numberFormat: "0",
        align: "center",
        width: 6,
        column: computed(levelNoFormula(model, criterionLetters[i], input.rules), (sr) => {
          const level = sr.result.criteria[i].level;
          return level === null ? null : cm.tierIndex.get(level)! + 1;
        }),
      });
    });
    const levelNoLetters = levelNoKeys.map(letterOf);
    tierPosition = tierNoAndGrade(tierNoFormula(model, cm, criterionLetters, levelNoLetters, input.rules), levelNoLetters);
  }

  // Customer status (seed 003) beside the tier of a customer sheet that reads recency; an order log has it on its customer summary.
  const statusCells = input.rules.status;
  if (statusCells && !input.linkTo && model.id !== customerStatus.id && specs.some((sp) => sp.key === "field:recency")) {
    const label = (id: string) => customerStatus.tiers.find((t) => t.id === id)!.label[lang];
    const labels = { new: quote(label("new")), active: quote(label("active")), dormant: quote(label("dormant")), churned: quote(label("churned")) };
    const formula = statusFormula(letterOf("field:recency"), undefined, statusCells, labels);
    const value = (sr: ScoredRow): Cell => {
      const days = sr.values.recency;
      if (typeof days !== "number" || days < 0) return null;
      return textCell(label(days <= STATUS_DAYS.active ? "active" : days <= STATUS_DAYS.lapsed ? "dormant" : "churned"));
    };
    specs.push({ key: "status", header: WORDS.status[lang], align: "center", width: 8, column: computed(formula, value) });
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
    specs.push({ key: "next", header: WORDS.nextFollowUp[lang], numberFormat: "yyyy-mm-dd", align: "center", width: 12, column: computed(next, staticNext) });
    const overdue = overdueFormula(letterOf("next"), WORDS.overdueFlag[lang]);
    specs.push({
      key: "overdue",
      header: WORDS.overdue[lang],
      align: "center",
      width: 8,
      column: computed(overdue, (sr) => {
        const n = staticNext(sr);
        return n !== null && n < todaySerial ? WORDS.overdueFlag[lang] : null;
      }),
    });
  }

  if (history) historyColumns(specs, history, { lang, live, firstRow, letterOf, tierIds: input.rules.tierIds, subs: hasSubLevels(model) });

  const visits = input.rules.visits;
  if (visits) {
    // Visit zone, visits a month and next visit (issue 12): live from the rules sheet's visits table.
    const asOf = input.visitsAsOf ?? isoDay(input.today);
    const visitAt = (sr: ScoredRow) => rowVisit(model, sr.result, lastVisit ? sr.values[lastVisit] : undefined, asOf);
    const zones = model.visits!.zones;
    const zoneLabel = (sr: ScoredRow) => {
      const v = visitAt(sr);
      return v ? textCell(zones[v.zone].label[lang]) : null;
    };
    const nextSerial = (sr: ScoredRow) => {
      const v = visitAt(sr);
      return v ? Math.floor(dateSerial(new Date(`${v.next}T00:00:00Z`))) : null;
    };
    const zone = visitZoneFormula(letterOf("tier"), criterionLetters, visits);
    specs.push({ key: "zone", header: WORDS.visitZone[lang], align: "center", width: 10, column: computed(zone, zoneLabel) });
    const perMonth = visitsPerMonthFormula(letterOf("zone"), visits);
    specs.push({ key: "visits", header: WORDS.visitsPerMonth[lang], numberFormat: "General", align: "center", width: 8, column: computed(perMonth, (sr) => visitAt(sr)?.perMonth ?? null) });
    const next = nextVisitFormula(letterOf("zone"), lastVisit ? letterOf(`field:${lastVisit}`) : undefined, visits);
    specs.push({
      key: "nextVisit",
      header: WORDS.nextVisit[lang],
      numberFormat: "yyyy-mm-dd",
      align: "center",
      width: 12,
      column: computed(next, nextSerial),
    });
  }
  const note = (i: number) => history?.outcome.notes.get(i)?.[lang];
  const why = (sr: ScoredRow, i: number): Cell => {
    const extra = note(i);
    const all = extra ? (sr.explanation ? `${sr.explanation}${lang === "zh-CN" ? "；" : "; "}${extra}` : extra) : sr.explanation;
    return all ? textCell(all) : null;
  };
  // Live: the engine's explanation as a formula (why-formula.ts); rows whose history notes (stability, earlier grade) a formula cannot know keep the engine's text.
  const liveWhy = (): PlanColumn => {
    const cols = {
      input: (fieldId: string) => letterOf(`field:${fieldId}`),
      bandRow: (id: string) => letterOf(`band:${id}`),
      criterion: (i: number) => criterionLetters[i],
      score: isSum ? letterOf("score") : undefined,
      tier: letterOf("tier"),
      tierNo: isSum ? undefined : letterOf("tierNo"),
      gridCol: model.combine === "grid" ? letterOf("gridCol") : undefined,
      override: history ? { tier: letterOf("override"), reason: letterOf("reason") } : undefined,
    };
    return formulaColumn(whyFormula(model, input.rules, cols, lang)(firstRow), history ? frozenWhy(history, lang, rowAt, why) : []);
  };
  specs.push({ key: "why", header: WORDS.why[lang], width: 40, maxWidth: 90, column: liveWhyColumn ? liveWhy : data(why) });
  if (history) {
    const typed = (i: number, k: "tier" | "reason"): Cell => {
      const v = history.typed.get(i)?.[k];
      return v === null || v === undefined || v === "" ? null : plainCell(v);
    };
    specs.push({ key: "override", header: WORDS.override[lang], align: "center", width: 10, column: data((_, i) => typed(i, "tier")) });
    specs.push({ key: "reason", header: WORDS.overrideReason[lang], width: 24, maxWidth: 60, column: data((_, i) => typed(i, "reason")) });
  }

  // The table: one plan column per column, whatever the number of rows.
  const n = specs.length;
  const table: ColumnBlock = { at: { row: TIER_FIRST_DATA_ROW, col: 0 }, rows: rows.length, columns: specs.map((s) => withRole(s.column(), s.key, isSum || model.combine === "grid")) };

  const legendParts = live
    ? [fill(WORDS.legendLive[lang], { rules: input.sheets.rules }), (liveWhyColumn ? WORDS.legendLiveWhy : WORDS.legendStaticWhy)[lang], liveRank ? "" : WORDS.legendStaticRank[lang]]
    : [WORDS.legendStatic[lang]];
  if (history) legendParts.push(fill(WORDS.legendHistory[lang], { history: history.sheet }));
  const title = `${WORDS.tierSheet[lang]} · ${model.name[lang]}`;
  const blocks: CellBlock[] = [layout.head(title, legendParts.filter(Boolean).join(" "))];

  const dataRows = Math.max(1, rows.length);
  const tableRange = range(TIER_FIRST_DATA_ROW, 0, dataRows, n);
  const styles: RangeStyle[] = [
    ...layout.headStyles(),
    { range: range(TIER_HEADER_ROW, 0, 1, n), bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center" },
  ];

  // The tier the sheet counts and colours: the final one when overrides may change it.
  const shownTier = history ? "final" : "tier";
  const tierCol = layout.index(shownTier);
  const rules: ConditionalRule[] = [];
  if (hasFollowUp) rules.push(overdueRule(`$${letterOf("next")}${firstRow}`, range(TIER_FIRST_DATA_ROW, layout.index("next"), dataRows, 2), 1));
  if (visits) {
    // The zone cell in its zone's colour, the next visit red once it has passed; before the tier colours, which cover the row.
    const zoneCell = `$${letterOf("zone")}${firstRow}`;
    model.visits!.zones.forEach((z) =>
      rules.push({
        kind: "formula",
        range: range(TIER_FIRST_DATA_ROW, layout.index("zone"), dataRows),
        formula: `${zoneCell}=${quote(z.label[lang])}`,
        fill: z.color,
        fontColor: z.textColor,
        bold: true,
        priority: rules.length + 1,
      }),
    );
    rules.push(overdueRule(`$${letterOf("nextVisit")}${firstRow}`, range(TIER_FIRST_DATA_ROW, layout.index("nextVisit"), dataRows), rules.length + 1));
  }
  // The override columns keep their input colour: the tier colours stop before them.
  const coloured = history ? range(TIER_FIRST_DATA_ROW, 0, dataRows, layout.index("override")) : tableRange;
  rules.push(...tierColourRules(model, `$${letterOf(shownTier)}${firstRow}`, coloured, rules.length + 1));
  const validations: DataValidation[] = [];
  if (history) {
    const inputs = range(TIER_FIRST_DATA_ROW, layout.index("override"), dataRows, 2);
    styles.push({ range: inputs, fill: STYLE.editableFill, border: { color: STYLE.border, edges: "all" } });
    styles.push({ range: range(TIER_HEADER_ROW, layout.index("override"), 1, 2), fill: STYLE.editableFill, fontColor: STYLE.headerFill });
    // A dropdown of the tiers, when every grade is a tier id (no sub-levels to type).
    if (!hasSubLevels(model)) {
      validations.push({
        range: range(TIER_FIRST_DATA_ROW, layout.index("override"), dataRows),
        rule: { kind: "list", source: input.rules.tierIds },
        prompt: { title: WORDS.overridePromptTitle[lang], message: WORDS.overridePrompt[lang] },
        error: { title: WORDS.overrideErrorTitle[lang], message: WORDS.overrideError[lang] },
      });
    }
  }

  const columns: ColumnFormat[] = layout.formats(dataRows, (c) => sampleColumn(columnCells(table.columns[c], 0, Math.min(SAMPLE_ROWS, rows.length)).map((cell) => [cell]), 0));

  const valueKey = model.valueField ? `field:${model.valueField}` : undefined;
  const valueCol = valueKey ? layout.index(valueKey) : -1;
  return {
    blocks,
    table,
    styles,
    columns,
    rules,
    validations,
    freeze: { rows: TIER_FIRST_DATA_ROW, cols: 1 },
    autoFilter: range(TIER_HEADER_ROW, 0, dataRows + 1, n),
    tierRange: range(TIER_FIRST_DATA_ROW, tierCol, dataRows),
    valueRange: valueCol >= 0 ? range(TIER_FIRST_DATA_ROW, valueCol, dataRows) : undefined,
    averages: AVERAGED_FIELDS.filter((id) => layout.index(`field:${id}`) >= 0).map((fieldId) => ({ fieldId, range: range(TIER_FIRST_DATA_ROW, layout.index(`field:${fieldId}`), dataRows) })),
  };
}

/**
 * Final tier (the override when one is typed, else the tier: live, so that
 * typing an override re-colours and re-counts at once; rows the stability rule
 * holds carry the held grade), previous tier and change as of this run.
 */
function historyColumns(
  specs: TierColumn[],
  history: TierHistory,
  at: { lang: Lang; live: boolean; firstRow: number; letterOf: (key: string) => string; tierIds: string; subs: boolean },
): void {
  const { lang, live, firstRow, letterOf } = at;
  const { outcome } = history;
  const { tier: finalTier } = outcome.snapshot;
  const held: ColumnException[] = [];
  for (let i = 0; i < outcome.snapshot.length; i++) {
    if (finalTier[i] !== outcome.snapshot.computedTier[i] && !outcome.overrides.has(i)) held.push({ row: i, cell: textCell(finalTier[i]) });
  }
  const final = (): PlanColumn => {
    if (!live) return dataColumn((i) => (finalTier[i] ? textCell(finalTier[i]) : null));
    const o = `${letterOf("override")}${firstRow}`;
    return formulaColumn(`IF(${o}<>"",${o},${letterOf("tier")}${firstRow})`, held);
  };
  const words = [null, WORDS.changeNew, WORDS.changeSame, WORDS.changeUp, WORDS.changeDown];
  specs.push({ key: "final", header: WORDS.tier[lang], align: "center", width: 8, column: final });
  specs.push({ key: "previous", header: WORDS.previousTier[lang], align: "center", width: 8, column: () => dataColumn((i) => (outcome.snapshot.previousTier[i] ? textCell(outcome.snapshot.previousTier[i]) : null)) });
  specs.push({
    key: "change",
    header: WORDS.change[lang],
    align: "center",
    width: 8,
    column: () => (live ? liveChange() : dataColumn((i) => (outcome.change[i] === CHANGE.none ? null : textCell(words[outcome.change[i]]![lang])))),
  });
  // Live, so an override typed on the sheet changes it; customers kept out of the comparison (a shared key) stay blank.
  function liveChange(): PlanColumn {
    const apart: ColumnException[] = [];
    for (let i = 0; i < outcome.snapshot.length; i++) if (outcome.change[i] === CHANGE.none && finalTier[i]) apart.push({ row: i, cell: null });
    const w = { new: WORDS.changeNew[lang], up: WORDS.changeUp[lang], same: WORDS.changeSame[lang], down: WORDS.changeDown[lang] };
    return formulaColumn(changeFormula(letterOf("final"), letterOf("previous"), at.tierIds, at.subs, w)(firstRow), apart);
  }
}

/**
 * Rows whose explanation carries a history note other than the override the
 * row's own cells show (a held downgrade, an earlier grade): the engine's
 * text, as generated.
 */
function frozenWhy(history: TierHistory, lang: Lang, rowAt: (i: number) => ScoredRow, why: (sr: ScoredRow, i: number) => Cell): ColumnException[] {
  const { notes, snapshot } = history.outcome;
  const out: ColumnException[] = [];
  for (const i of [...notes.keys()].sort((a, b) => a - b)) {
    const typed = history.typed.get(i);
    const tier = typed?.tier === null || typed?.tier === undefined ? "" : String(typed.tier);
    const reason = typed?.reason === null || typed?.reason === undefined ? "" : String(typed.reason);
    const live = tier !== "" && notes.get(i)![lang] === overrideNote(snapshot.computedTier[i] || "—", tier, reason)[lang];
    if (!live) out.push({ row: i, cell: why(rowAt(i), i) });
  }
  return out;
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

/**
 * Row i, built by the engine on demand: kept a page at a time, since a host
 * pulls several columns over the same rows before moving on.
 */
function pagedRows(rows: ScoredRows, size = 1024): (i: number) => ScoredRow {
  let start = -1;
  let page: ScoredRow[] = [];
  return (i) => {
    if (i < start || i >= start + page.length || start < 0) {
      start = i - (i % size);
      page = [];
      for (let r = start; r < Math.min(rows.length, start + size); r++) page.push(rows.at(r));
    }
    return page[i - start];
  };
}
