/**
 * The summary sheet: per tier the count, share of customers, cumulative count,
 * and sum and share of the model's value column (the calibration check), with
 * data bars and (Excel) a chart; then every issue, grouped by kind.
 */
import type { Lang, Model } from "../model";
import type { ScoredTable } from "../sheet/types";
import { displayWidth } from "../text/width";
import { columnLetter, rangeAddress, sheetRef } from "./a1";
import { formulaCell, textCell } from "./cells";
import { hasSubLevels, quote } from "./formulas";
import { Grid, range } from "./grid";
import { issuesBlock } from "./issues-block";
import { STYLE } from "./style";
import { historyBlock, type SummaryHistory } from "./summary-history";
import type { Cell, CellRange, ChartPlan, ColumnBlock, ColumnFormat, ConditionalRule } from "./types";
import { fill, WORDS } from "./words";

/** 0-based; its headers wrap onto two lines ("Share of customers"). */
export const SUMMARY_HEADER_ROW = 2;
const HEADER_ROW = SUMMARY_HEADER_ROW;
const FIRST_TIER_ROW = HEADER_ROW + 1;

/** Whether the model says what share of customers each tier should get (a calibrated model). */
export function hasTargetShares(model: Model): model is Model & { targetShares: number[] } {
  return model.targetShares?.length === model.tiers.length;
}

/** The tier table's columns: a calibrated model's target share sits beside the actual share, the rest move right. */
function summaryColumns(model: Model) {
  const t = hasTargetShares(model) ? 1 : 0;
  return { id: 0, name: 1, count: 2, share: 3, target: 3 + t, cumulative: 4 + t, value: 5 + t, valueShare: 6 + t, chart: 8 + t };
}

/** Count and cumulative count per tier (best first), which the level-model rank formula reads. */
export function summaryCells(model: Model, summarySheet: string): { counts: string; cumulative: string } {
  const COL = summaryColumns(model);
  const tiers = range(FIRST_TIER_ROW, COL.count, model.tiers.length);
  return { counts: sheetRef(summarySheet, tiers), cumulative: sheetRef(summarySheet, { ...tiers, col: COL.cumulative }) };
}

export interface SummaryInput {
  scored: ScoredTable;
  model: Model;
  lang: Lang;
  live: boolean;
  tierSheet: string;
  /** Data rows of the tier sheet's grade and value columns. */
  tierRange: CellRange;
  valueRange?: CellRange;
  /** Tiers over time: migration matrix and the lists of changes. */
  history?: SummaryHistory;
  /** An order log's customer summary, where the issues about customers' sums are. */
  customersSheet?: string;
  /** Value presets: the tier sheet's recency, frequency and monetary columns, averaged per tier. */
  averages?: { fieldId: string; range: CellRange }[];
}

/** Fields whose average per tier the summary shows (issue 11: average R, F and M per segment). */
export const AVERAGED_FIELDS = ["recency", "frequency", "monetary"];

export interface SummaryLayout {
  grid: Grid;
  columns: ColumnFormat[];
  rules: ConditionalRule[];
  chart: ChartPlan;
  /** Every issue's line (a column table: a million issues cost the plan nothing). */
  tables: ColumnBlock[];
  autoFilter?: CellRange;
}

export function buildSummary(input: SummaryInput): SummaryLayout {
  const { scored, model, lang, live } = input;
  const COL = summaryColumns(model);
  const L = { count: columnLetter(COL.count), share: columnLetter(COL.share), target: columnLetter(COL.target), value: columnLetter(COL.value), valueShare: columnLetter(COL.valueShare) };
  const targets = hasTargetShares(model) ? model.targetShares : undefined;
  const g = new Grid();
  const t = (s: string) => textCell(s);
  const valueField = model.valueField ? model.fields.find((f) => f.id === model.valueField) : undefined;
  const hasValue = valueField !== undefined && input.valueRange !== undefined;
  const valueLabel = valueField?.label[lang] ?? "";

  g.style(range(g.add([t(`${WORDS.summarySheet[lang]} · ${model.name[lang]}`)]), 0), { bold: true, fontSize: STYLE.titleSize });
  g.add();
  const headers = [WORDS.tier, WORDS.tierName, WORDS.summaryCount, WORDS.summaryShare, ...(targets ? [WORDS.summaryTargetShare] : []), WORDS.summaryCumulative].map((w) => t(w[lang]));
  if (hasValue) headers.push(t(fill(WORDS.summaryValue[lang], { field: valueLabel })), t(fill(WORDS.summaryValueShare[lang], { field: valueLabel })));
  // ABC: the value share summed down the classes, best first (the Pareto curve).
  const pareto = hasValue && model.criteria.some((c) => c.kind === "bands" && c.population?.stat === "pareto");
  const paretoCol = headers.length;
  if (pareto) headers.push(t(fill(WORDS.summaryCumulativeShare[lang], { field: valueLabel })));
  const averages = input.averages ?? [];
  const firstAverageCol = headers.length;
  for (const a of averages) headers.push(t(fill(WORDS.summaryAverage[lang], { field: model.fields.find((f) => f.id === a.fieldId)?.label[lang] ?? a.fieldId })));
  const width = headers.length;
  g.add(headers);
  g.style(range(HEADER_ROW, 0, 1, width), { bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center", wrap: true });

  const n = model.tiers.length;
  const last = FIRST_TIER_ROW + n - 1; // 0-based
  const totalRow = last + 1;
  const a = (row: number, col: number) => rangeAddress(range(row, col), true);
  const tiers = sheetRef(input.tierSheet, input.tierRange);
  const values = hasValue ? sheetRef(input.tierSheet, input.valueRange!) : "";
  const subs = hasSubLevels(model);
  const byTier = new Map(scored.summary.map((s) => [s.tier, s]));

  const means = averages.length && !live ? tierMeans(model, scored, averages.map((x) => x.fieldId)) : new Map<string, (number | null)[]>();
  let cumulative = 0;
  model.tiers.forEach((tier, i) => {
    const row = FIRST_TIER_ROW + i;
    const r = row + 1; // A1 row
    const ids = subs ? [tier.id, `${tier.id}+`, `${tier.id}-`] : [tier.id];
    const s = byTier.get(tier.id);
    cumulative += s?.count ?? 0;
    const cells: Cell[] = [t(tier.id), t(tier.label[lang])];
    if (live) {
      cells.push(
        formulaCell(ids.map((id) => `COUNTIF(${tiers},${quote(id)})`).join("+")),
        formulaCell(`IF(${a(totalRow, COL.count)}=0,"",${L.count}${r}/${a(totalRow, COL.count)})`),
        ...(targets ? [targets[i]] : []),
        formulaCell(`SUM(${a(FIRST_TIER_ROW, COL.count)}:${L.count}${r})`),
      );
      if (hasValue) {
        cells.push(
          formulaCell(ids.map((id) => `SUMIF(${tiers},${quote(id)},${values})`).join("+")),
          formulaCell(`IF(${a(totalRow, COL.value)}=0,"",${L.value}${r}/${a(totalRow, COL.value)})`),
        );
      }
    } else {
      cells.push(s?.count ?? 0, s?.share ?? 0, ...(targets ? [targets[i]] : []), cumulative);
      if (hasValue) cells.push(s?.value ?? 0, s?.valueShare ?? 0);
    }
    if (pareto) {
      const share = columnLetter(COL.valueShare);
      if (live) cells.push(formulaCell(`IF(${share}${r}="","",SUM(${a(FIRST_TIER_ROW, COL.valueShare)}:${share}${r}))`));
      else cells.push(cumulativeShare(model, scored, i));
    }
    for (const avg of averages) {
      if (live) {
        const over = sheetRef(input.tierSheet, avg.range);
        cells.push(formulaCell(`IFERROR(${ids.map((id) => `AVERAGEIF(${tiers},${quote(id)},${over})`).join("+")},"")`));
      } else cells.push(means.get(avg.fieldId)?.[i] ?? null);
    }
    g.add(cells);
    g.style(range(row, COL.id), { fill: tier.color, fontColor: tier.textColor, bold: true, align: "center" });
  });

  const totalCells: Cell[] = [t(WORDS.summaryTotal[lang]), null];
  const sum = (col: string) => formulaCell(`SUM(${col}${FIRST_TIER_ROW + 1}:${col}${last + 1})`);
  const scoredCount = scored.rows.length - scored.unscored;
  const totalValue = scored.summary.reduce((acc, s) => acc + (s.value ?? 0), 0);
  const targetTotal = targets ? [live ? sum(L.target) : targets.reduce((x, y) => x + y, 0)] : [];
  if (live) totalCells.push(sum(L.count), sum(L.share), ...targetTotal, null, ...(hasValue ? [sum(L.value), sum(L.valueShare)] : []));
  else totalCells.push(scoredCount, scoredCount ? 1 : 0, ...targetTotal, null, ...(hasValue ? [totalValue, totalValue ? 1 : 0] : []));
  g.add(totalCells);
  // COUNTBLANK counts the formulas' "" as blank, in Excel and LibreOffice alike.
  g.add([t(WORDS.summaryNotTiered[lang]), null, live ? formulaCell(`COUNTBLANK(${tiers})`) : scored.unscored]);
  g.style(range(totalRow, 0, 2, width), { bold: true, border: { color: STYLE.border, edges: "all" } });
  g.style(range(FIRST_TIER_ROW, 0, n, width), { border: { color: STYLE.border, edges: "all" } });
  g.add();

  if (input.history) historyBlock(g, model, lang, input.history);
  const issues = issuesBlock(g, scored, lang, undefined, input.customersSheet);

  const bar = (col: number): ConditionalRule => ({ kind: "dataBar", range: range(FIRST_TIER_ROW, col, n), color: STYLE.dataBar, max: 1, priority: col });
  const rules = [bar(COL.share), ...(hasValue ? [bar(COL.valueShare)] : [])];
  const columns: ColumnFormat[] = [
    // Tier ids are centred row by row, not the whole column: the title and notes in column A must not spill left off the sheet.
    // Wide enough for the migration matrix's bold corner label (上期＼本期 / Previous \ current): its width, a bold character and padding.
    { col: COL.id, width: Math.max(12, input.history ? displayWidth(WORDS.migrationCorner[lang]) + 3 : 0) },
    { col: COL.name, width: 24 },
    { col: COL.count, width: 14, numberFormat: "#,##0", rows: { first: FIRST_TIER_ROW, last: totalRow + 1 } },
    { col: COL.share, width: 16, numberFormat: "0.0%", rows: { first: FIRST_TIER_ROW, last: totalRow } },
    ...(targets ? [{ col: COL.target, width: 14, numberFormat: "0.0%", rows: { first: FIRST_TIER_ROW, last: totalRow } }] : []),
    { col: COL.cumulative, width: 14, numberFormat: "#,##0", rows: { first: FIRST_TIER_ROW, last: last } },
    ...(hasValue
      ? [
          { col: COL.value, width: 16, numberFormat: "#,##0", rows: { first: FIRST_TIER_ROW, last: totalRow } },
          { col: COL.valueShare, width: 16, numberFormat: "0.0%", rows: { first: FIRST_TIER_ROW, last: totalRow } },
        ]
      : []),
    ...(pareto ? [{ col: paretoCol, width: 16, numberFormat: "0.0%", rows: { first: FIRST_TIER_ROW, last } }] : []),
    ...averages.map((x, k) => ({ col: firstAverageCol + k, width: 14, numberFormat: x.fieldId === "monetary" ? "#,##0.00" : "0.0", rows: { first: FIRST_TIER_ROW, last } })),
  ];
  const chart: ChartPlan = {
    type: "columnClustered",
    title: WORDS.chartTitle[lang],
    categories: range(FIRST_TIER_ROW, COL.id, n),
    values: range(FIRST_TIER_ROW, COL.count, n),
    seriesName: WORDS.summaryCount[lang],
    at: { row: HEADER_ROW, col: Math.max(COL.chart, width + 1) },
    size: { rows: 15, cols: 7 },
  };
  return { grid: g, columns, rules, chart, tables: issues ? [issues.table] : [], autoFilter: issues?.filter };
}

/** Per field, the mean of the tiered rows' values per tier (best first); null for a tier without customers. */
function tierMeans(model: Model, scored: ScoredTable, fieldIds: string[]): Map<string, (number | null)[]> {
  const index = new Map(model.tiers.map((t, i) => [t.id, i]));
  const sums = fieldIds.map(() => new Float64Array(model.tiers.length));
  const counts = fieldIds.map(() => new Float64Array(model.tiers.length));
  for (let r = 0; r < scored.rows.length; r++) {
    const row = scored.rows.at(r);
    const t = row.result.tier === null ? undefined : index.get(row.result.tier);
    if (t === undefined) continue;
    fieldIds.forEach((f, k) => {
      const v = row.values[f];
      if (typeof v !== "number") return;
      sums[k][t] += v;
      counts[k][t]++;
    });
  }
  return new Map(fieldIds.map((f, k) => [f, Array.from(sums[k], (sum, t) => (counts[k][t] ? sum / counts[k][t] : null))]));
}

/** The share of the value held by tiers 0..i (static Pareto column). */
function cumulativeShare(model: Model, scored: ScoredTable, i: number): number {
  const byTier = new Map(scored.summary.map((s) => [s.tier, s.valueShare ?? 0]));
  let sum = 0;
  for (let k = 0; k <= i; k++) sum += byTier.get(model.tiers[k].id) ?? 0;
  return sum;
}
