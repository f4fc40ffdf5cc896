/**
 * buildTemplatePlan: a model → the plan of a customer-level management
 * workbook that grades itself (customer sheet, summary, rules). Pure: the xlsx
 * host writes it to a file (CLI), the Excel host inserts it (task pane).
 */
import type { Lang, Model } from "../model";
import { hasPopulation, resolvePopulation } from "../population";
import { criterionFields } from "../validate";
import { compileModel } from "../score";
import { sheetRef } from "../plan/a1";
import { MARKER_PREFIX, placeSheets, type ExistingSheet } from "../plan/naming";
import { buildRulesLayout } from "../plan/rules-sheet";
import { withPrint } from "../plan/print";
import { FONT, STYLE } from "../plan/style";
import type { SheetPlan, WorkbookPlan } from "../plan/types";
import { fill, WORDS } from "../plan/words";
import { buildCustomerSheet, HEADER_ROW, inputFields } from "./customer-sheet";
import { liveCuts } from "./cuts";
import { exampleRows, valueExampleRows } from "./examples";
import { withFollowUp } from "./follow-up";
import { appendLists, fieldList, STATUS_LIST, type DropdownList } from "./lists";
import { buildTemplateSummary } from "./summary";
import { STATUSES, TEMPLATE_WORDS } from "./words";

export interface TemplateOptions {
  lang: Lang;
  /** Add example rows (marked, easy to delete) that show every tier. */
  examples?: boolean;
  /** Rows of formulas ready for customers (examples included); default 500. */
  rows?: number;
  /** The workbook's sheets, as the host lists them: new sheets get names no sheet has. */
  existing?: readonly ExistingSheet[];
  /** "Today" for the example rows' last-contact dates; default the local calendar day. */
  today?: Date;
}

export const DEFAULT_TEMPLATE_ROWS = 500;
const MAX_TEMPLATE_ROWS = 100_000;

/**
 * Markers of template sheets. The customer sheet holds the user's data, so its
 * marker is not one of ours (MARKER_PREFIX): the task pane offers it as a source
 * and no later run replaces it. Rules and summary are ours, under names a tier
 * table never replaces (their formulas must stay bound to this template).
 */
const MARKERS = { customers: "CustTierTemplate_Customers", summary: `${MARKER_PREFIX}TemplateSummary`, rules: `${MARKER_PREFIX}TemplateRules` };

export function buildTemplatePlan(base: Model, options: TemplateOptions): WorkbookPlan {
  const { lang } = options;
  const rows = Math.min(MAX_TEMPLATE_ROWS, Math.max(1, Math.floor(options.rows ?? DEFAULT_TEMPLATE_ROWS)));
  const { model: followed, followUpField } = withFollowUp(base);
  // Value presets: the cut points are live cells (cuts.ts); bounds of 0 only let the model compile.
  const population = hasPopulation(followed);
  const model = population ? resolvePopulation(followed, () => undefined).model : followed;
  const cm = compileModel(model);
  const existing = options.existing ?? [];

  // Always new sheets: a template never replaces anything, even our own sheets.
  const roles = ["customers", "summary", "rules"] as const;
  const wanted = { customers: TEMPLATE_WORDS.customersSheet, summary: WORDS.summarySheet, rules: WORDS.rulesSheet };
  const [customers, summary, rulesSheet] = placeSheets(
    roles.map((role) => ({ role, name: wanted[role][lang] })),
    existing.map((s) => ({ name: s.name })),
  );
  const sheets = { customers: customers.name, summary: summary.name, rules: rulesSheet.name };

  // The template's names carry its own suffix (and its number, like its markers): a later tier run or template never replaces them.
  const rulesMarker = uniqueMarker(MARKERS.rules, existing);
  const nameSuffix = `${TEMPLATE_WORDS.nameSuffix[lang]}${rulesMarker.slice(MARKERS.rules.length)}`;
  const cuts = population ? liveCuts(followed, lang, rows, nameSuffix, sheets.customers) : undefined;
  // A model reading the days since the last order gets the as-of day and the status limits (the days count to it).
  const readsRecency = model.criteria.some((c) => criterionFields(c).includes("recency"));
  const rules = buildRulesLayout(model, lang, sheets.rules, {
    intro: fill(TEMPLATE_WORDS.rulesIntro[lang], { sheet: sheets.customers }),
    nameSuffix,
    liveCuts: cuts?.cells,
    reservedNames: cuts?.reserved,
    orderLog: readsRecency ? { title: TEMPLATE_WORDS.asOfTitle[lang] } : undefined,
  });

  const fields = inputFields(model);
  const dropdowns: DropdownList[] = [{ key: STATUS_LIST, title: TEMPLATE_WORDS.status[lang], values: STATUSES.map((s) => s[lang]), editable: true }];
  const choices = new Map<string, string[]>();
  for (const c of model.criteria) {
    const lists = c.kind === "categories" ? [[c.field, c.categories] as const] : c.kind === "table" ? [[c.rowField, c.rows] as const, [c.colField, c.cols] as const] : [];
    for (const [field, categories] of lists) choices.set(field, categories.map((k) => k.label[lang]));
  }
  for (const field of fields) {
    const values = choices.get(field.id);
    if (values) dropdowns.push({ key: fieldList(field.id), title: field.label[lang], values, editable: false });
  }
  const lists = appendLists(rules.grid, sheets.rules, dropdowns, lang);

  const today = options.today ?? new Date();
  const examples = options.examples ? (population ? valueExampleRows(model, lang, today) : exampleRows(cm, fields, choices, lang, today)).slice(0, rows) : [];
  const sheet = buildCustomerSheet({ model, cm, followUpField, lang, rows, sheets, rules: rules.cells, lists, examples });
  const names = [...rules.names, ...(cuts?.finish(rules.grid, sheets.rules, (fieldId) => sheetRef(sheets.customers, sheet.fieldRange(fieldId))) ?? [])];
  const summaryLayout = buildTemplateSummary({ model, lang, customerSheet: sheets.customers, ranges: sheet.ranges, statuses: lists.get(STATUS_LIST)! });

  const title = { row: 0, height: 24 };
  const sheetBase = (role: keyof typeof MARKERS, name: string): Pick<SheetPlan, "name" | "role" | "action" | "marker" | "tabColor"> => ({
    name,
    role,
    action: { kind: "create" },
    marker: { name: uniqueMarker(MARKERS[role], existing), cell: { row: 0, col: 0 } },
    tabColor: STYLE.tabColor[role],
  });
  const planned: SheetPlan[] = [
    {
      ...sheetBase("customers", sheets.customers),
      blocks: sheet.blocks,
      tables: [sheet.table],
      styles: sheet.styles,
      columns: sheet.columns,
      rowHeights: [title, { row: HEADER_ROW, height: 30 }],
      freeze: sheet.freeze,
      autoFilter: sheet.autoFilter,
      rules: sheet.rules,
      validations: sheet.validations,
    },
    {
      ...sheetBase("summary", sheets.summary),
      blocks: [summaryLayout.grid.block()],
      styles: summaryLayout.grid.styles,
      columns: summaryLayout.columns,
      rowHeights: [title, { row: summaryLayout.headerRow, height: 30 }],
      rules: summaryLayout.rules,
      chart: summaryLayout.chart,
      hideGridlines: true,
    },
    {
      ...sheetBase("rules", sheets.rules),
      blocks: [rules.grid.block()],
      styles: rules.grid.styles,
      columns: rules.columns,
      rowHeights: [title],
      rules: [],
      hideGridlines: true,
    },
  ];
  return {
    sheets: planned.map(withPrint),
    activate: sheets.customers,
    font: { ...FONT[lang] },
    names,
  };
}

/** `name`, else `name_2`, `name_3`… so that a second template keeps the first one's markers. */
function uniqueMarker(name: string, existing: readonly ExistingSheet[]): string {
  const taken = new Set(existing.flatMap((s) => (s.marker ? [s.marker.toLowerCase()] : [])));
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
  return candidate;
}
