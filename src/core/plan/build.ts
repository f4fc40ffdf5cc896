/**
 * buildTierPlan: a scored table and its model → the workbook plan (tier sheet,
 * summary, rules sheet). Pure: hosts apply the result.
 */
import type { Lang, Model } from "../model";
import { compileModel } from "../score";
import type { ScoredTable } from "../sheet/types";
import { definedName, legalSheetName, placeSheets, markerName, type ExistingSheet, type SheetPlacement } from "./naming";
import { buildCustomersSheet, CUSTOMERS_FIRST_DATA_ROW, CUSTOMERS_HEADER_ROW } from "./customers-sheet";
import { range } from "./grid";
import { buildRulesLayout } from "./rules-sheet";
import { withPrint } from "./print";
import { FONT, STYLE } from "./style";
import { buildSummary, summaryCells, SUMMARY_HEADER_ROW } from "./summary";
import { buildTierSheet, TIER_HEADER_ROW } from "./tier-sheet";
import { customerStatus } from "../presets/abc";
import { buildHistorySheet } from "./history-sheet";
import { HISTORY_SHEET, historyMode } from "../history/sheet";
import type { DefinedName, SheetPlan, SheetRole, WorkbookPlan } from "./types";
import { WORDS } from "./words";
import { visitAsOf } from "../visits";

/**
 * Where the snapshot goes: our marked history sheet is appended to when its
 * header was read; one with content but no header (or not read at all) is
 * left alone and a new sheet started beside it (an empty one is simply replaced).
 */
function historyPlacement<R extends SheetRole>(place: SheetPlacement<R>, mode: ReturnType<typeof historyMode>, taken: string[]): SheetPlacement<R> {
  if (place.action.kind !== "replace") return place;
  if (mode === "append") return { ...place, action: { kind: "append", existing: place.action.existing, drop: [] } };
  if (mode === "replaceEmpty") return place;
  return { role: place.role, name: legalSheetName(place.name, taken), action: { kind: "create" } };
}

/** Every sheet starts with a 14-point title: its row must be taller than the default 15 points. */
const TITLE_ROW_HEIGHT = { row: 0, height: 24 };

export interface TierPlanOptions {
  /** Language of the generated sheets; the scored table's by default. */
  lang?: Lang;
  /** Write the engine's values instead of live formulas. */
  staticValues?: boolean;
  /** The workbook's sheets and their markers, as the host lists them. */
  existing?: readonly ExistingSheet[];
  /** "Today" for static overdue flags; the live sheet uses TODAY(). */
  today?: Date;
  /** Extra source table columns (0-based, into `table.headers`) to copy after the customer (contact, owner…). */
  keyColumns?: number[];
}

export function buildTierPlan(scored: ScoredTable, model: Model, options: TierPlanOptions = {}): WorkbookPlan {
  const lang = options.lang ?? scored.lang;
  const live = !options.staticValues;
  const cm = compileModel(model);
  const history = scored.history;
  // An order log gets its customer summary (客户汇总) after the tier sheet.
  const orders = scored.orders;
  type Role = "tiers" | "customers" | "summary" | "rules" | "history";
  const roles: Role[] = ["tiers", ...(orders ? (["customers"] as const) : []), "summary", "rules", ...(history ? (["history"] as const) : [])];
  const wanted = { tiers: WORDS.tierSheet, customers: WORDS.customersSheet, summary: WORDS.summarySheet, rules: WORDS.rulesSheet, history: HISTORY_SHEET };
  const placed = placeSheets(
    roles.map((role) => ({ role, name: wanted[role][lang] })),
    options.existing ?? [],
    [scored.table.sheetName],
  );
  const sheet = (role: Role) => placed.find((p) => p.role === role)!;
  const [tiers, summary, rules] = [sheet("tiers"), sheet("summary"), sheet("rules")];
  const historyPlace = history ? historyPlacement(sheet("history"), historyMode(history.log), [...(options.existing ?? []).map((e) => e.name), ...placed.map((p) => p.name)]) : undefined;
  const historyLayout = history && historyPlace ? buildHistorySheet(historyPlace.name, lang, historyPlace.action.kind === "append" ? history.log : undefined, history.outcome.snapshot) : undefined;
  if (historyPlace?.action.kind === "append") historyPlace.action.drop = historyLayout!.drop ?? [];

  // Next visits without a last visit count from the run's as-of day (the snapshot's), written on the rules sheet.
  const visitsAsOf = model.visits ? visitAsOf(scored, options.today) : undefined;
  const rulesLayout = buildRulesLayout(model, lang, rules.name, {
    // The as-of day recency counts from: an order log's, or a customer sheet's last order dates'.
    orderLog: orders ? { asOf: orders.asOf } : scored.dated?.pairs.length ? { asOf: scored.dated.asOf, title: WORDS.lastOrderDates[lang] } : undefined,
    // A customer sheet with recency in days gets the status limits its status column reads.
    status: !orders && scored.mapping.columns.recency !== undefined && model.id !== customerStatus.id,
    review: history ? { asOf: history.outcome.snapshot.asOf } : undefined,
    visitsAsOf,
  });
  const customersLayout = orders ? buildCustomersSheet(scored, lang, rulesLayout.cells.orders!, { source: orders.source.sheetName, rules: rules.name }) : undefined;
  // Level models rank from the summary's count and cumulative count per tier: named too.
  const taken = new Set(rulesLayout.names.map((n) => n.name.toLowerCase()));
  const counts = summaryCells(model, summary.name);
  const summaryNames: DefinedName[] =
    model.combine === "sum"
      ? []
      : [
          { name: definedName(WORDS.nameCounts[lang], taken), ref: counts.counts, comment: WORDS.summaryCount[lang] },
          { name: definedName(WORDS.nameCumulative[lang], taken), ref: counts.cumulative, comment: WORDS.summaryCumulative[lang] },
        ];
  const tierLayout = buildTierSheet({
    scored,
    model,
    cm,
    lang,
    live,
    sheets: { tiers: tiers.name, rules: rules.name, summary: summary.name },
    rules: rulesLayout.cells,
    summary: summaryNames.length ? { counts: summaryNames[0].name, cumulative: summaryNames[1].name } : counts,
    today: options.today ?? new Date(),
    visitsAsOf,
    keyColumns: options.keyColumns ?? [],
    linkTo: customersLayout && { sheet: sheet("customers").name, firstRow: CUSTOMERS_FIRST_DATA_ROW + 1, column: customersLayout.columnOf },
    history: history && historyPlace ? { ...history, sheet: historyPlace.name } : undefined,
  });
  const summaryLayout = buildSummary({ scored, model, lang, live, tierSheet: tiers.name, tierRange: tierLayout.tierRange,
    valueRange: tierLayout.valueRange,
    history:
      history && historyLayout
        ? { outcome: history.outcome, refs: historyLayout.recorded ? historyLayout.refs : undefined, historySheet: historyPlace!.name, names: history.outcome.snapshot.customer }
        : undefined,
    averages: tierLayout.averages,
    customersSheet: orders ? sheet("customers").name : undefined,
  });

  const base = (p: (typeof placed)[number]): Pick<SheetPlan, "name" | "role" | "action" | "marker" | "tabColor"> => ({
    name: p.name,
    role: p.role,
    action: p.action,
    marker: { name: markerName(p.role), cell: { row: 0, col: 0 } },
    tabColor: STYLE.tabColor[p.role],
  });

  const customerSheets: SheetPlan[] = customersLayout
    ? [
        {
          ...base(sheet("customers")),
          blocks: customersLayout.blocks,
          tables: [customersLayout.table],
          styles: customersLayout.styles,
          columns: customersLayout.columns,
          rowHeights: [TITLE_ROW_HEIGHT, { row: CUSTOMERS_HEADER_ROW, height: 20 }],
          freeze: { rows: CUSTOMERS_FIRST_DATA_ROW, cols: 1 },
          autoFilter: range(CUSTOMERS_HEADER_ROW, 0, Math.max(1, orders!.aggregate.customers) + 1, customersLayout.columns.length),
          rules: [],
        },
      ]
    : [];
  const sheets: SheetPlan[] = [
    {
      ...base(tiers),
      blocks: tierLayout.blocks,
      tables: [tierLayout.table],
      styles: tierLayout.styles,
      columns: tierLayout.columns,
      rowHeights: [TITLE_ROW_HEIGHT, { row: TIER_HEADER_ROW, height: 20 }],
      freeze: tierLayout.freeze,
      autoFilter: tierLayout.autoFilter,
      rules: tierLayout.rules,
      validations: tierLayout.validations.length ? tierLayout.validations : undefined,
    },
    ...customerSheets,
    {
      ...base(summary),
      blocks: [summaryLayout.grid.block()],
      tables: summaryLayout.tables,
      autoFilter: summaryLayout.autoFilter,
      styles: summaryLayout.grid.styles,
      columns: summaryLayout.columns,
      rules: summaryLayout.rules,
      chart: summaryLayout.chart,
      rowHeights: [TITLE_ROW_HEIGHT, { row: SUMMARY_HEADER_ROW, height: 30 }],
      hideGridlines: true,
    },
    {
      ...base(rules),
      blocks: [rulesLayout.grid.block()],
      styles: rulesLayout.grid.styles,
      columns: rulesLayout.columns,
      rules: [],
      rowHeights: [TITLE_ROW_HEIGHT],
      hideGridlines: true,
    },
  ];
  if (historyLayout) {
    const appended = historyPlace!.action.kind === "append";
    sheets.push({
      ...base(historyPlace!),
      // Appending: the tab colour is the user's to change now.
      ...(appended ? { tabColor: undefined } : {}),
      blocks: historyLayout.blocks,
      tables: [historyLayout.table],
      styles: historyLayout.styles,
      columns: historyLayout.columns,
      ...(historyLayout.freeze ? { freeze: historyLayout.freeze } : {}),
      autoFilter: historyLayout.autoFilter,
      rules: [],
    });
  }
  return { sheets: sheets.map(withPrint), activate: tiers.name, font: { ...FONT[lang] }, names: [...rulesLayout.names, ...summaryNames] };
}
