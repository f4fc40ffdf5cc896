/**
 * The template's summary sheet: per tier the count, share of customers, sum
 * and share of the model's value column, and overdue follow-ups; then how
 * many customers were entered and are not tiered yet, and a count per
 * customer status. COUNTIF formulas, so it follows the customer sheet as rows are typed.
 */
import type { Lang, Model } from "../model";
import { rangeAddress, sheetRef } from "../plan/a1";
import { formulaCell, textCell } from "../plan/cells";
import { hasSubLevels, quote } from "../plan/formulas";
import { Grid, range } from "../plan/grid";
import { STYLE } from "../plan/style";
import type { Cell, CellRange, ChartPlan, ColumnFormat, ConditionalRule } from "../plan/types";
import { fill, WORDS } from "../plan/words";
import type { PlacedList } from "./lists";
import { TEMPLATE_WORDS } from "./words";

export interface TemplateSummaryInput {
  model: Model;
  lang: Lang;
  customerSheet: string;
  /** Data rows of the customer sheet's columns. */
  ranges: { name: CellRange; status: CellRange; tier: CellRange; overdue: CellRange; value?: CellRange };
  statuses: PlacedList;
}

export interface TemplateSummaryLayout {
  grid: Grid;
  columns: ColumnFormat[];
  rules: ConditionalRule[];
  chart: ChartPlan;
  /** The header row (0-based), whose labels wrap onto two lines. */
  headerRow: number;
}

const HEADER_ROW = 2;
const FIRST = HEADER_ROW + 1;

export function buildTemplateSummary(input: TemplateSummaryInput): TemplateSummaryLayout {
  const { model, lang } = input;
  const W = TEMPLATE_WORDS;
  const g = new Grid();
  const t = (s: string) => textCell(s);
  const ref = (r: CellRange) => sheetRef(input.customerSheet, r);
  const tiers = ref(input.ranges.tier);
  const overdue = ref(input.ranges.overdue);
  const value = input.ranges.value && ref(input.ranges.value);
  const valueLabel = model.fields.find((f) => f.id === model.valueField)?.label[lang] ?? "";
  const flag = quote(WORDS.overdueFlag[lang]);

  g.style(range(g.add([t(`${WORDS.summarySheet[lang]} · ${model.name[lang]}`)]), 0), { bold: true, fontSize: STYLE.titleSize });
  g.add();
  const headers = [WORDS.tier[lang], WORDS.tierName[lang], WORDS.summaryCount[lang], WORDS.summaryShare[lang]];
  if (value) headers.push(fill(WORDS.summaryValue[lang], { field: valueLabel }), fill(WORDS.summaryValueShare[lang], { field: valueLabel }));
  headers.push(W.summaryOverdue[lang]);
  const width = headers.length;
  const col = { count: 2, share: 3, value: 4, valueShare: 5, overdue: width - 1 };
  g.add(headers.map(t));
  g.style(range(HEADER_ROW, 0, 1, width), { bold: true, fill: STYLE.headerFill, fontColor: STYLE.headerFont, align: "center", wrap: true });

  const n = model.tiers.length;
  const total = FIRST + n; // 0-based row of the totals
  const at = (row: number, c: number) => rangeAddress(range(row, c), { row: true, col: true });
  const subs = hasSubLevels(model);
  model.tiers.forEach((tier, i) => {
    const row = FIRST + i;
    const ids = (subs ? [tier.id, `${tier.id}+`, `${tier.id}-`] : [tier.id]).map(quote);
    const sum = (f: (id: string) => string) => formulaCell(ids.map(f).join("+"));
    const cells: Cell[] = [
      t(tier.id),
      t(tier.label[lang]),
      sum((id) => `COUNTIF(${tiers},${id})`),
      formulaCell(`IF(${at(total, col.count)}=0,"",${at(row, col.count)}/${at(total, col.count)})`),
    ];
    if (value) {
      cells.push(sum((id) => `SUMIF(${tiers},${id},${value})`), formulaCell(`IF(${at(total, col.value)}=0,"",${at(row, col.value)}/${at(total, col.value)})`));
    }
    cells.push(sum((id) => `COUNTIFS(${tiers},${id},${overdue},${flag})`));
    g.add(cells);
    g.style(range(row, 0), { fill: tier.color, fontColor: tier.textColor, bold: true, align: "center" });
  });
  const columnSum = (c: number) => formulaCell(`SUM(${rangeAddress(range(FIRST, c, n))})`);
  const totals: Cell[] = [t(WORDS.summaryTotal[lang]), null, columnSum(col.count), columnSum(col.share)];
  if (value) totals.push(columnSum(col.value), columnSum(col.valueShare));
  totals.push(columnSum(col.overdue));
  g.add(totals);
  const entered = g.add([t(W.summaryEntered[lang]), null, formulaCell(`COUNTA(${ref(input.ranges.name)})`)]);
  g.add([t(WORDS.summaryNotTiered[lang]), null, formulaCell(`MAX(0,${at(entered, col.count)}-${at(total, col.count)})`)]);
  g.style(range(FIRST, 0, n, width), { border: { color: STYLE.border, edges: "all" } });
  g.style(range(total, 0, 3, width), { bold: true, border: { color: STYLE.border, edges: "all" } });
  g.add();

  // Per status: the label and the count both read the status list, so editing a status there keeps them in step.
  const statusHeader = g.add([t(W.summaryByStatus[lang]), null, t(WORDS.summaryCount[lang]), t(WORDS.summaryShare[lang])]);
  g.style(range(statusHeader, 0, 1, 4), { bold: true, fill: STYLE.subHeaderFill, fontColor: STYLE.subHeaderFont, border: { color: STYLE.border, edges: "bottom" } });
  const statuses = ref(input.ranges.status);
  const firstStatus = g.next;
  for (const cell of input.statuses.cells) {
    const row = g.next;
    g.add([formulaCell(cell), null, formulaCell(`COUNTIF(${statuses},${cell})`), formulaCell(`IF(${at(entered, col.count)}=0,"",${at(row, col.count)}/${at(entered, col.count)})`)]);
  }
  const lastStatus = g.next - 1;

  const bar = (c: number, first: number, rows: number): ConditionalRule => ({ kind: "dataBar", range: range(first, c, rows), color: STYLE.dataBar, max: 1, priority: 0 });
  const rules = [bar(col.share, FIRST, n), ...(value ? [bar(col.valueShare, FIRST, n)] : []), bar(col.share, firstStatus, input.statuses.cells.length)].map((r, i) => ({ ...r, priority: i + 1 }));
  const percent = (c: number, last: number): ColumnFormat => ({ col: c, width: 16, numberFormat: "0.0%", rows: { first: FIRST, last } });
  const columns: ColumnFormat[] = [
    { col: 0, width: 14 },
    { col: 1, width: 24 },
    { col: col.count, width: 14, numberFormat: "#,##0", rows: { first: FIRST, last: lastStatus }, align: "center" },
    percent(col.share, lastStatus),
    ...(value ? [{ col: col.value, width: 18, numberFormat: "#,##0", rows: { first: FIRST, last: total } }, percent(col.valueShare, total)] : []),
    { col: col.overdue, width: 12, numberFormat: "#,##0", rows: { first: FIRST, last: total }, align: "center" },
  ];
  const chart: ChartPlan = {
    type: "columnClustered",
    title: WORDS.chartTitle[lang],
    categories: range(FIRST, 0, n),
    values: range(FIRST, col.count, n),
    seriesName: WORDS.summaryCount[lang],
    at: { row: HEADER_ROW, col: width + 1 },
    size: { rows: 15, cols: 7 },
  };
  return { grid: g, columns, rules, chart, headerRow: HEADER_ROW };
}
