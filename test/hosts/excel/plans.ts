/**
 * Hand-made plans in the shape core's plan builder produces: a tier sheet
 * whose formulas read a rules sheet, a summary beside it, colour rules, a
 * data bar and a chart. The host tests and the contract suite apply them;
 * nothing here comes from the code under test.
 */
import type { Cell, SheetAction, SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";

export const TIERS = "Customer tiers";
export const RULES = "Tier rules";
export const TIERS_MARKER = "CustTier_Tiers";
export const RULES_MARKER = "CustTier_Rules";
export const TIER_FILL = { A: "#C6EFCE", B: "#FFEB9C", C: "#FFC7CE" } as const;

/** Text a spreadsheet would turn into a formula or a number; the plan marks it as text. */
export const DANGEROUS = ['=HYPERLINK("http://example.com","x")', "+1", "-x", "@foo"];

export const HEADERS = ["Customer", "Revenue", "Payment days", "Revenue points", "Payment points", "Score", "Tier", "Why"];
export const CONVERTED_FORMAT = "[Blue]#,##0";
export const HEADER_STYLE = { fill: "#1F4E78", fontColor: "#FFFFFF", bold: true } as const;

export interface TierPlanOptions {
  /** Every this many rows the customer is one of `DANGEROUS` (0 = never). */
  dangerousEvery?: number;
  tiersAction?: SheetAction;
  tiersName?: string;
  rulesAction?: SheetAction;
  /** Whether the tier rules stop at the first match (default true). */
  stopIfTrue?: boolean;
}

/** The formulas of data row `r` (0-based sheet row), as the plan holds them: no leading `=`. */
export function rowFormulas(r: number): string[] {
  const n = r + 1;
  return [
    `IF(B${n}>='${RULES}'!$B$2,70,30)`,
    `IF(C${n}<='${RULES}'!$B$3,30,0)`,
    `D${n}+E${n}`,
    `IF(F${n}>=80,"A",IF(F${n}>=60,"B","C"))`,
  ];
}

/** The customer cell of data row i (1-based customer number). */
export function customerCell(i: number, dangerousEvery: number): Cell {
  if (dangerousEvery > 0 && i % dangerousEvery === 0) return { kind: "text", text: DANGEROUS[(i / dangerousEvery) % DANGEROUS.length] };
  return `Customer ${i}`;
}

export function tierPlan(customers: number, options: TierPlanOptions = {}): WorkbookPlan {
  const every = options.dangerousEvery ?? 0;
  const rows: Cell[][] = [HEADERS];
  for (let i = 1; i <= customers; i++) {
    const r = i; // sheet row 0 is the header
    const revenue: Cell = i % 7 === 0 ? { kind: "formatted", value: (i * 7919) % 40000, numberFormat: CONVERTED_FORMAT } : (i * 7919) % 40000;
    rows.push([customerCell(i, every), revenue, (i * 31) % 120, ...rowFormulas(r).map((formula): Cell => ({ kind: "formula", formula })), `Row ${i} explained`]);
  }
  const last = customers; // last data row, 0-based
  const table = { row: 0, col: 0, rows: customers + 1, cols: HEADERS.length };
  const data = { row: 1, col: 0, rows: customers, cols: HEADERS.length };
  const tiers: SheetPlan = {
    name: options.tiersName ?? TIERS,
    role: "tiers",
    action: options.tiersAction ?? { kind: "create" },
    marker: { name: TIERS_MARKER, cell: { row: 0, col: 0 } },
    blocks: [
      { at: { row: 0, col: 0 }, cells: rows },
      {
        at: { row: 0, col: 9 },
        cells: [
          ["Tier", "Customers"],
          ...(["A", "B", "C"] as const).map((t): Cell[] => [t, { kind: "formula", formula: `COUNTIF($G$2:$G$${last + 1},"${t}")` }]),
        ],
      },
    ],
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: HEADERS.length }, ...HEADER_STYLE },
      { range: { row: 0, col: 9, rows: 1, cols: 2 }, ...HEADER_STYLE },
      { range: { row: 1, col: 9, rows: 3, cols: 2 }, border: { color: "#BFBFBF", edges: "all" } },
    ],
    columns: [
      { col: 0, width: 24 },
      { col: 1, width: 12, numberFormat: "#,##0", rows: { first: 1, last } },
      { col: 2, width: 12, numberFormat: '0 "days"', rows: { first: 1, last } },
      { col: 5, numberFormat: "0", align: "center" },
      { col: 7, width: 40 },
    ],
    freeze: { rows: 1, cols: 1 },
    autoFilter: table,
    rules: [
      ...(["A", "B", "C"] as const).map((t, i) => ({
        kind: "formula" as const,
        range: data,
        formula: `$G2="${t}"`,
        fill: TIER_FILL[t],
        fontColor: "#000000",
        priority: i + 1,
        stopIfTrue: options.stopIfTrue ?? true,
      })),
      { kind: "dataBar", range: { row: 1, col: 10, rows: 3, cols: 1 }, color: "#5B9BD5", priority: 4 },
    ],
    chart: {
      type: "columnClustered",
      title: "Customers per tier",
      categories: { row: 1, col: 9, rows: 3, cols: 1 },
      values: { row: 1, col: 10, rows: 3, cols: 1 },
      seriesName: "Customers",
      at: { row: 6, col: 9 },
      size: { rows: 12, cols: 6 },
    },
    tabColor: "#1F4E78",
  };
  const rules: SheetPlan = {
    name: RULES,
    role: "rules",
    action: options.rulesAction ?? { kind: "create" },
    marker: { name: RULES_MARKER, cell: { row: 0, col: 0 } },
    blocks: [
      { at: { row: 0, col: 0 }, cells: [["Rule", "Value"], ["Revenue for 70 points", 20000], ["Payment days for 30 points", 30]] },
      { at: { row: 4, col: 0 }, cells: [["Edit a value above to re-tier the table."]] },
    ],
    styles: [
      { range: { row: 0, col: 0, rows: 1, cols: 2 }, ...HEADER_STYLE, border: { color: "#1F4E78", edges: "bottom" } },
      { range: { row: 1, col: 1, rows: 2, cols: 1 }, fill: "#FFF2CC" },
      { range: { row: 4, col: 0, rows: 1, cols: 1 }, italic: true, fontColor: "#666666", wrap: true },
    ],
    columns: [{ col: 0, width: 30 }, { col: 1, width: 12, numberFormat: "#,##0" }],
    rules: [],
    hideGridlines: true,
  };
  return { sheets: [tiers, rules], activate: tiers.name, font: { name: "Calibri", size: 11 } };
}
