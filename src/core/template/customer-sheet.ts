/**
 * The template's customer sheet: the columns a customer-level management
 * table keeps (tiering-models.md, last section), the model's inputs with
 * dropdowns and number/date checks, and computed columns — points, score or
 * level, tier, next follow-up, overdue — prefilled for every row with the
 * tier plan's portable formulas, blank while a row is empty.
 */
import type { FieldDef, Lang, Model } from "../model";
import { CUSTOMER_FIELD } from "../model";
import type { CompiledModel } from "../score";
import { criterionFields } from "../validate";
import { dateSerial, textCell } from "../plan/cells";
import { dataColumn, formulaColumn } from "../plan/columns";
import {
  bandRowFormula,
  criterionFormula,
  daysSinceFormula,
  gradeFormula,
  gridColumnFormula,
  gridTierNoFormula,
  levelNoFormula,
  nextFollowUpFormula,
  nextVisitFormula,
  visitsPerMonthFormula,
  visitZoneFormula,
  overdueFormula,
  scoreFormula,
  statusFormula,
  sumTierFormula,
  tierNoFormula,
  type RowFormula,
} from "../plan/formulas";
import { summaryHeader } from "../orders/customers";
import { hasPopulation } from "../population";
import { range } from "../plan/grid";
import type { RulesCells } from "../plan/rules-sheet";
import { STYLE } from "../plan/style";
import { ColumnLayout, overdueRule, shownText, tierColourRules, withRole, type ColumnSpec } from "../plan/column-layout";
import { displayWidth } from "../text/width";
import type { Cell, CellBlock, CellRange, ColumnBlock, ColumnFormat, ConditionalRule, DataValidation, RangeStyle } from "../plan/types";
import { fill, WORDS } from "../plan/words";
import type { ExampleRow } from "./examples";
import { fieldList, STATUS_LIST, type PlacedList } from "./lists";
import { fieldValidation, listValidation } from "./validation";
import { STATUSES, TEMPLATE_WORDS } from "./words";

/** Rows above the customers: title, legend, header. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export const TEMPLATE_STYLE = {
  computedHeaderFill: "#595959",
  computedFill: "#F2F2F2",
  exampleFont: "#2F5597",
} as const;

export interface CustomerSheetInput {
  /** The model with a follow-up field and cadences (see follow-up.ts). */
  model: Model;
  cm: CompiledModel;
  followUpField: string;
  lang: Lang;
  rows: number;
  sheets: { customers: string; rules: string; summary: string };
  rules: RulesCells;
  /** The status list and every category input field's (see lists.ts keys) → the list on the rules sheet. */
  lists: ReadonlyMap<string, PlacedList>;
  examples: readonly ExampleRow[];
}

export interface CustomerSheetLayout {
  /** The head: title, legend, header row. */
  blocks: CellBlock[];
  /** The customer rows, column by column: input columns (examples at the top), one formula per computed column. */
  table: ColumnBlock;
  styles: RangeStyle[];
  columns: ColumnFormat[];
  rules: ConditionalRule[];
  validations: DataValidation[];
  freeze: { rows: number; cols: number };
  autoFilter: CellRange;
  /** Data rows of the columns the summary counts. */
  ranges: { name: CellRange; status: CellRange; tier: CellRange; overdue: CellRange; value?: CellRange };
  /** Data rows of the column the formulas read for a model field (typed, or days computed from a date). */
  fieldRange: (fieldId: string) => CellRange;
}

/**
 * Value presets (issue 11): days since an order are typed as the order's date;
 * the sheet counts the days to the rules sheet's as-of day (TODAY() unless fixed).
 * Recency comes from the last order date; the first order date only decides "new".
 */
const DATED: Record<string, { date: string }> = { recency: { date: "lastOrder" }, firstOrderDays: { date: "firstOrder" } };
/** Customer-sheet headers of the value presets' fields (as the order-log summary writes them, which `custtier score` reads back). */
const VALUE_HEADERS = new Set(["recency", "frequency", "monetary"]);

interface Column extends ColumnSpec {
  /** Typed by the user (white) or a formula (grey). */
  input: boolean;
  width: number;
  validation?: (range: CellRange) => DataValidation;
  /** An example row's value of an input column. */
  example?: (ex: ExampleRow) => Cell;
  /** The formula of a computed column for a 1-based sheet row. */
  formula?: RowFormula;
}

/** The model fields a user types: those the criteria read, in the model's order. */
export function inputFields(model: Model): FieldDef[] {
  const read = new Set(model.criteria.flatMap(criterionFields));
  return model.fields.filter((f) => f.id !== CUSTOMER_FIELD && read.has(f.id));
}

export function buildCustomerSheet(input: CustomerSheetInput): CustomerSheetLayout {
  const { model, cm, lang, rows, rules, lists } = input;
  const W = TEMPLATE_WORDS;
  const isSum = model.combine === "sum";
  const data = (col: number) => range(FIRST_DATA_ROW, col, rows);
  const list = (key: string, header: string) => (r: CellRange) => listValidation(r, header, lists.get(key)!, input.sheets.rules, lang);
  const info = (key: keyof typeof W, width: number, pick: (ex: ExampleRow) => Cell, extra: Partial<Column> = {}): Column => ({
    key,
    header: W[key][lang],
    input: true,
    width,
    example: pick,
    ...extra,
  });

  // Value templates: last (and first) order dates typed, the days and the customer status computed.
  const orders = rules.orders;
  const dated = (fieldId: string) => orders !== undefined && fieldId in DATED;
  const statusLive = orders !== undefined;
  const valueHeaders = hasPopulation(model);
  const customerLabel = model.fields.find((f) => f.id === CUSTOMER_FIELD)?.label[lang] ?? WORDS.customer[lang];
  const layout = new ColumnLayout<Column>(FIRST_DATA_ROW);
  const columns = layout.specs;
  layout.add(
    { key: "customer", header: customerLabel, input: true, width: 16, example: (ex) => textCell(ex.person.name) },
    info("contact", 10, (ex) => textCell(ex.person.contact)),
    info("phone", 14, (ex) => textCell(ex.person.phone), { numberFormat: "@" }),
    info("email", 14, (ex) => textCell(ex.person.email)),
    info("region", 8, (ex) => textCell(ex.person.region)),
    info("industry", 8, (ex) => textCell(ex.person.industry)),
    info("size", 8, (ex) => textCell(ex.person.size)),
  );
  if (!statusLive) layout.add(info("status", 8, (ex) => textCell(STATUSES[ex.status][lang]), { align: "center", validation: list(STATUS_LIST, W.status[lang]) }));
  layout.add(info("channel", 10, (ex) => textCell(ex.person.channel)));
  const fields = inputFields(model);
  const dateColumn = (key: string, header: string, pick: (ex: ExampleRow) => Date | undefined): Column => ({
    key,
    header,
    input: true,
    width: 12,
    numberFormat: "yyyy-mm-dd",
    align: "center",
    validation: (r) => fieldValidation(model, { id: key, kind: "date", label: { "zh-CN": header, "en-US": header }, synonyms: [], required: false }, r, lang),
    example: (ex) => {
      const d = pick(ex);
      return d ? Math.floor(dateSerial(d)) : null;
    },
  });
  for (const field of fields) {
    if (dated(field.id)) {
      const date = DATED[field.id].date;
      columns.push(dateColumn(`date:${field.id}`, summaryHeader(date, lang), (ex) => ex.dates?.[date]));
      continue;
    }
    const dropdown = lists.get(fieldList(field.id));
    columns.push({
      key: `field:${field.id}`,
      header: valueHeaders && VALUE_HEADERS.has(field.id) ? summaryHeader(field.id, lang) : field.label[lang],
      input: true,
      width: 10,
      numberFormat: numberFormat(field, lang),
      // Short dropdown values (明确, yes) sit centred; long ones (a buyer's status) read better from the left.
      align: dropdown ? (Math.max(...dropdown.values.map(displayWidth)) <= 10 ? "center" : "left") : undefined,
      validation: dropdown ? list(fieldList(field.id), field.label[lang]) : (r) => fieldValidation(model, field, r, lang),
      example: (ex) => {
        const v = ex.inputs[field.id];
        return typeof v === "string" ? textCell(v) : (v ?? null);
      },
    });
  }
  // The first order date decides "new" only; a model reading its days (customer-status) has the column already.
  const firstOrderKey = dated("firstOrderDays") && fields.some((f) => f.id === "firstOrderDays") ? "date:firstOrderDays" : "firstOrder";
  if (statusLive && firstOrderKey === "firstOrder") columns.push(dateColumn("firstOrder", summaryHeader("firstOrder", lang), (ex) => ex.dates?.firstOrder));
  const lastContact = model.fields.find((f) => f.id === input.followUpField)!;
  columns.push({
    key: "lastContact",
    header: lastContact.label[lang],
    input: true,
    width: 12,
    numberFormat: "yyyy-mm-dd",
    align: "center",
    validation: (r) => fieldValidation(model, lastContact, r, lang),
    example: (ex) => Math.floor(dateSerial(ex.lastContact)),
  });

  // Computed columns; their formulas are made once every column has its letter.
  const firstComputed = columns.length;
  for (const field of fields) {
    if (dated(field.id)) columns.push({ key: `days:${field.id}`, header: summaryHeader(field.id, lang), input: false, width: 10, numberFormat: "0", align: "center" });
  }
  // Band criteria: the row of their sorted lookup on the rules sheet (one MATCH), which the points column reads.
  model.criteria.forEach((c, i) => {
    if (c.kind !== "bands" || !rules.criteria[i].lookup) return;
    columns.push({ key: `band:${c.id}`, header: `${c.label[lang]}${WORDS.bandNo[lang]}`, input: false, width: 6, numberFormat: "0", align: "center" });
  });
  const isGrid = model.combine === "grid";
  model.criteria.forEach((c) => {
    const suffix = c.role === "multiplier" ? "" : ` ${(isSum || isGrid ? WORDS.pointsSuffix : WORDS.levelSuffix)[lang]}`;
    columns.push({ key: `criterion:${c.id}`, header: `${c.label[lang]}${suffix}`, input: false, width: 9, align: "center" });
  });
  // Level models with several criteria: each level's number, side by side (the tier number is their MAX or MIN).
  const levelNoKeys = !isSum && !isGrid && model.criteria.length > 1 ? model.criteria.map((c) => `levelNo:${c.id}`) : [];
  model.criteria.forEach((c, i) => {
    if (levelNoKeys.length) columns.push({ key: levelNoKeys[i], header: `${c.label[lang]}${WORDS.levelNo[lang]}`, input: false, width: 6, numberFormat: "0", align: "center" });
  });
  if (isSum) columns.push({ key: "score", header: WORDS.score[lang], input: false, width: 8, align: "center" });
  else {
    if (isGrid) columns.push({ key: "gridCol", header: model.grid!.colLabel[lang], input: false, width: 6, numberFormat: "0", align: "center" });
    columns.push({ key: "tierNo", header: WORDS.tierNo[lang], input: false, width: 8, numberFormat: "0", align: "center" });
  }
  columns.push({ key: "tier", header: WORDS.tier[lang], input: false, width: isGrid || model.tiers.some((t) => t.id.length > 3) ? 12 : 7, align: "center" });
  if (statusLive) columns.push({ key: "status", header: W.status[lang], input: false, width: 8, align: "center" });
  columns.push(
    { key: "next", header: WORDS.nextFollowUp[lang], input: false, width: 12, numberFormat: "yyyy-mm-dd", align: "center" },
    { key: "overdue", header: WORDS.overdue[lang], input: false, width: 7, align: "center" },
  );
  // Visit zones (nine-grid, issue 12): the last contact is the last visit; without one, visits count from the rules sheet's day (today).
  if (rules.visits) {
    columns.push(
      { key: "zone", header: WORDS.visitZone[lang], input: false, width: 9, align: "center" },
      { key: "visits", header: WORDS.visitsPerMonth[lang], input: false, width: 8, align: "center" },
      { key: "nextVisit", header: WORDS.nextVisit[lang], input: false, width: 12, numberFormat: "yyyy-mm-dd", align: "center" },
    );
  }
  const lastComputed = columns.length - 1;
  columns.push(info("notes", 24, () => textCell(W.exampleNote[lang])));

  const index = (key: string) => layout.index(key);
  const letter = (key: string) => layout.letter(key);
  const fieldKey = (fieldId: string) => (dated(fieldId) ? `days:${fieldId}` : `field:${fieldId}`);
  const inputs = { column: (fieldId: string) => letter(fieldKey(fieldId)), bandRow: (id: string) => letter(`band:${id}`) };
  const criterionLetters = model.criteria.map((c) => letter(`criterion:${c.id}`));
  const inputKey = (fieldId: string) => (dated(fieldId) ? `date:${fieldId}` : `field:${fieldId}`);
  const firstInput = letter(inputKey(fields[0].id));
  const lastInput = letter(inputKey(fields[fields.length - 1].id));
  for (const field of fields) if (dated(field.id)) columns[index(`days:${field.id}`)].formula = daysSinceFormula(letter(`date:${field.id}`), orders!.asOf);
  model.criteria.forEach((c, i) => {
    if (c.kind === "bands" && rules.criteria[i].lookup) columns[index(`band:${c.id}`)].formula = bandRowFormula(model, c, rules.criteria[i], inputs);
    const formula = criterionFormula(model, c, rules.criteria[i], inputs);
    // A criterion that scores a missing input as its worst option would fill empty rows: keep them blank.
    columns[index(`criterion:${c.id}`)].formula =
      c.missing === "worst" ? (r) => `IF(COUNTA(${firstInput}${r}:${lastInput}${r})=0,"",${formula(r)})` : formula;
  });
  let tierPosition: (r: string) => string;
  if (isSum) {
    columns[index("score")].formula = scoreFormula(model, criterionLetters, rules);
    columns[index("tier")].formula = sumTierFormula(model, letter("score"), rules);
    tierPosition = (r) => `MATCH(${letter("tier")}${r},${rules.tierIds},0)`;
  } else if (isGrid) {
    // R × FM: the column value (the rounded mean of F and M), then the segment from the rules sheet's grid, as on the tier sheet.
    const g = model.grid!;
    columns[index("gridCol")].formula = gridColumnFormula(g.cols.map((id) => criterionLetters[model.criteria.findIndex((c) => c.id === id)]));
    const rowLetter = criterionLetters[model.criteria.findIndex((c) => c.id === g.row)];
    columns[index("tierNo")].formula = gridTierNoFormula(rowLetter, letter("gridCol"), rules);
    columns[index("tier")].formula = gradeFormula(model, criterionLetters, [], letter("tierNo"), rules);
    tierPosition = (r) => `${letter("tierNo")}${r}`;
  } else {
    const levelNoLetters = levelNoKeys.map(letter);
    levelNoKeys.forEach((key, i) => (columns[index(key)].formula = levelNoFormula(model, criterionLetters[i], rules)));
    columns[index("tierNo")].formula = tierNoFormula(model, cm, criterionLetters, levelNoLetters, rules);
    columns[index("tier")].formula = gradeFormula(model, criterionLetters, levelNoLetters, letter("tierNo"), rules);
    tierPosition = (r) => `${letter("tierNo")}${r}`;
  }
  if (statusLive) {
    // The status words are the rules sheet's list, so editing one there renames it here and on the summary.
    const [active, dormant, churned, fresh] = lists.get(STATUS_LIST)!.cells;
    const first = letter(firstOrderKey);
    columns[index("status")].formula = statusFormula(
      letter(`days:recency`),
      { days: (r) => `${orders!.asOf}-${first}${r}`, known: (r) => `ISNUMBER(${first}${r})` },
      orders!,
      { new: fresh, active, dormant, churned },
    );
  }
  columns[index("next")].formula = nextFollowUpFormula(letter("lastContact"), tierPosition, letter("tier"), rules.cadence!);
  columns[index("overdue")].formula = overdueFormula(letter("next"), WORDS.overdueFlag[lang]);
  if (rules.visits) {
    columns[index("zone")].formula = visitZoneFormula(letter("tier"), criterionLetters, rules.visits);
    columns[index("visits")].formula = visitsPerMonthFormula(letter("zone"), rules.visits);
    columns[index("nextVisit")].formula = nextVisitFormula(letter("zone"), letter("lastContact"), rules.visits);
  }

  // One formula per computed column whatever the number of rows; input columns hold the examples, then blanks.
  const firstRow = FIRST_DATA_ROW + 1;
  const table: ColumnBlock = {
    at: { row: FIRST_DATA_ROW, col: 0 },
    rows,
    columns: columns.map((c) => {
      const example = c.example;
      const column = c.formula ? formulaColumn(c.formula(firstRow)) : dataColumn((i) => (example && i < input.examples.length ? example(input.examples[i]) : null));
      return withRole(column, c.key, isSum || isGrid);
    }),
  };
  const legend = [fill(W.legend[lang], { rules: input.sheets.rules, summary: input.sheets.summary }), input.examples.length ? W.examplesLegend[lang] : ""];
  const n = columns.length;
  const blocks: CellBlock[] = [layout.head(`${W.customersSheet[lang]} · ${model.name[lang]}`, legend.filter(Boolean).join(lang === "zh-CN" ? "" : " "))];

  const computedWidth = lastComputed - firstComputed + 1;
  const header = { bold: true, fontColor: STYLE.headerFont, align: "center" as const, wrap: true };
  const styles: RangeStyle[] = [
    ...layout.headStyles(),
    { range: range(HEADER_ROW, 0, 1, n), fill: STYLE.headerFill, ...header },
    { range: range(HEADER_ROW, firstComputed, 1, computedWidth), fill: TEMPLATE_STYLE.computedHeaderFill, ...header },
    { range: range(FIRST_DATA_ROW, firstComputed, rows, computedWidth), fill: TEMPLATE_STYLE.computedFill },
    // Ruled like a form, also on paper and in PDF (grid lines do not print).
    { range: range(FIRST_DATA_ROW, 0, rows, n), border: { color: STYLE.border, edges: "all" } },
  ];
  if (input.examples.length) {
    const example = { italic: true, fontColor: TEMPLATE_STYLE.exampleFont };
    styles.push({ range: range(FIRST_DATA_ROW, 0, input.examples.length, firstComputed), ...example }, { range: range(FIRST_DATA_ROW, n - 1, input.examples.length), ...example });
  }

  const conditional: ConditionalRule[] = [
    overdueRule(`$${letter("next")}${FIRST_DATA_ROW + 1}`, range(FIRST_DATA_ROW, index("next"), rows, 2), 1),
    ...tierColourRules(model, `$${letter("tier")}${FIRST_DATA_ROW + 1}`, range(FIRST_DATA_ROW, firstComputed, rows, computedWidth), 2),
  ];

  const valueCol = model.valueField ? index(`field:${model.valueField}`) : -1;
  return {
    blocks,
    table,
    styles,
    columns: layout.formats(rows, (col) => examples(columns[col], input.examples), { wrapHeader: true }),
    rules: conditional,
    validations: columns.flatMap((c, col) => (c.validation ? [c.validation(data(col))] : [])),
    freeze: { rows: FIRST_DATA_ROW, cols: 1 },
    autoFilter: range(HEADER_ROW, 0, rows + 1, n),
    ranges: { name: data(0), status: data(index("status")), tier: data(index("tier")), overdue: data(index("overdue")), value: valueCol >= 0 ? data(valueCol) : undefined },
    fieldRange: (fieldId) => data(index(fieldKey(fieldId))),
  };
}

function numberFormat(field: FieldDef, lang: Lang): string | undefined {
  switch (field.kind) {
    case "money":
    case "count":
      return "#,##0";
    case "days":
      return `0 "${(field.unit ?? { "zh-CN": "天", "en-US": "days" })[lang]}"`;
    case "date":
      return "yyyy-mm-dd";
    default:
      return undefined;
  }
}

/** The example values of a column as shown (widths follow them). */
function examples(c: Column, rows: readonly ExampleRow[]): string[] {
  return rows.map((ex) => shownText(c.example?.(ex) ?? null, c.numberFormat));
}
