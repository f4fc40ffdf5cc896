/**
 * The rules sheet: the model in words, and its numbers in cells the tier
 * sheet's formulas read (so changing a threshold here re-tiers the table).
 */
import { describeBand, EXPLAIN_WORDS } from "../explain";
import type { Band, BandCriterion, Category, Criterion, Lang, Model, Text } from "../model";
import { categorySpellings, compileModel } from "../score";
import { fold } from "../text/normalize";
import { DEFAULT_REVIEW_MONTHS, reviewInterval } from "../history/review";
import { DAYS_PER_MONTH, visitsText } from "../visits";
import { cellAddress, sheetRef } from "./a1";
import { bandLookup, LOOKUP_FLOOR, type BandLookup } from "./band-lookup";
import { definedName } from "./naming";
import { dateSerial, formattedCell, formulaCell, textCell } from "./cells";
import { numberText, quote } from "./formulas";
import { Grid, range } from "./grid";
import { STYLE } from "./style";
import type { Cell, ColumnFormat, DefinedName } from "./types";
import { fill, WORDS } from "./words";

/**
 * Where each of the model's numbers sits on the rules sheet, as the defined
 * names the formulas read (`等级名称`, `月均销售额分界`): every one is a
 * workbook name whose reference is in `RulesLayout.names`.
 */
export interface RulesCells {
  criteria: CriterionCells[];
  /** Tier ids, best first (one column). */
  tierIds: string;
  /** Tier labels, best first (the grid models' explanation names the segment). */
  tierLabels: string;
  /** Sum models with more than one tier: the minimum scores of every tier but the last (the catch-all), best first. */
  minScores?: string;
  /** Follow-up days per tier (one column), when the model has cadences. */
  cadence?: string;
  /** `grid` models: the editable tier grid and its row and column points, by defined name. */
  grid?: { matrix: string; rows: string; cols: string };
  /** Order-log input (or last order dates): the as-of day and the customer-status day limits, by defined name. */
  orders?: OrderLogCells;
  /** The customer-status day limits: an order log's, or a customer sheet's that reads recency. */
  status?: StatusCells;
  /** Runs that record a snapshot: the next review date (last graded + the model's review cadence), by defined name. */
  nextReview?: string;
  /** Models with visit zones: the editable visits table (`VisitCells`). */
  visits?: VisitCells;
}

/** The visits table (issue 12): zones in model order, their visits a month and days between visits, the bounds of their conditions. */
export interface VisitCells {
  labels: string;
  perMonth: string;
  days: string;
  /** The day a next visit counts from when the customer has no last visit. */
  asOf: string;
  /** Per zone, per condition: the criterion (index into the model's criteria) and its bounds' defined names (none on an open side). */
  conditions: { criterion: number; min?: string; max?: string }[][];
}

/** The customer-status day limits (seed 003), by defined name. */
export interface StatusCells {
  newDays: string;
  activeDays: string;
  lapsedDays: string;
}

/** The cells the customer summary (客户汇总) reads: recency counts from `asOf`; status by the day limits. */
export interface OrderLogCells extends StatusCells {
  asOf: string;
}

export interface RulesOptions {
  /** Line under the model's name saying what reads this sheet; the tier table's by default. */
  intro?: string;
  /**
   * Added to every defined name, so that sheets which must keep reading THIS rules sheet
   * (a template's) never share a name with a tier run, which replaces its names on every run.
   */
  nameSuffix?: string;
  /** The input was an order log: add the as-of day (the given day, else TODAY()) and the status day limits. */
  orderLog?: { asOf?: Date; title?: string };
  /** A customer sheet with recency in days: the customer-status day limits alone (no as-of day: the days do not move). */
  status?: boolean;
  /** The run records a snapshot as of this day (`YYYY-MM-DD`): add the review block (last graded, cadence, next review). */
  review?: { asOf: string };
  /**
   * Templates: a population criterion's cut points as cells that follow the customers typed
   * (formulas, or the model's fixed numbers), ascending, with a note saying how they are made.
   * Each cut is one editable cell (the upper bound of the band below it), named for the formulas.
   */
  liveCuts?: (c: BandCriterion) => { cuts: Cell[]; note: string } | undefined;
  /** Names the caller defines itself (the template's data ranges): never given to a range here. */
  reservedNames?: readonly string[];
  /** Models with visit zones: the day (`YYYY-MM-DD`) a next visit counts from without a last visit; default today. */
  visitsAsOf?: string;
}

export interface CriterionCells {
  /** Categories: the outcome column as one range (indexed by category number). */
  outcomeRange?: string;
  /** Categories: the spellings list and the category number of each spelling. */
  spellings?: SpellingCells;
  /** Table criterion: spellings of the row and column categories, and the points matrix. */
  rowSpellings?: SpellingCells;
  colSpellings?: SpellingCells;
  matrix?: string;
  /** Value criterion: allowed range. */
  valueMin?: string;
  valueMax?: string;
  /** Bands with live cut points (`RulesOptions.liveCuts`): the cuts ascending, and the band outcomes, lowest band first. */
  cuts?: { cuts: string; outcomes: string; tie: "below" | "above" };
  /** Bands: the sorted lookup the formulas read by name (see band-lookup.ts), with the band's condition (`> 30 且 ≤ 45`, live from the bounds) at and above each bound. */
  lookup?: { table: BandLookup; bounds: string; at: string; above: string; conditionAt: string; conditionAbove: string };
  /** Categories: their labels by category number; table criterion: the row and column labels (for the live explanation). */
  labels?: string;
  rowLabels?: string;
  colLabels?: string;
  /** Weight in percent, when the model is weighted. */
  weight?: string;
  /** The outcome used when the input is missing and the criterion says "worst". */
  worst?: string;
}

export interface SpellingCells {
  text: string;
  no: string;
}

export interface RulesLayout {
  grid: Grid;
  columns: ColumnFormat[];
  cells: RulesCells;
  /** Defined names of the lookup ranges the formulas read. */
  names: DefinedName[];
}

// Columns of the criterion tables: label, operator, value, operator, value, outcome.
const COL = { label: 0, op1: 1, v1: 2, op2: 3, v2: 4, out: 5, gap: 6, spell: 7, spellNo: 8, spell3: 9, spell4: 10, spell5: 11 } as const;

/** A category's outcome as written on the rules sheet: points, or level with sub-level (`A-`). */
export function categoryOutcome(c: Category): number | string {
  return c.points ?? `${c.level ?? ""}${c.sub ?? ""}`;
}

export function buildRulesLayout(model: Model, lang: Lang, sheetName: string, options: RulesOptions = {}): RulesLayout {
  const { intro = WORDS.rulesIntro[lang], nameSuffix = "" } = options;
  const g = new Grid();
  const ref = (row: number, col: number) => sheetRef(sheetName, { row, col });
  const colRef = (first: number, last: number, col: number) => sheetRef(sheetName, range(first, col, last - first + 1));
  const t = (s: string) => textCell(s);
  // Every range the formulas read gets a defined name, so a formula reads as words.
  const names: DefinedName[] = [];
  const taken = new Set<string>((options.reservedNames ?? []).map((n) => n.toLowerCase()));
  const named = (wanted: string, ref: string, comment: string): string => {
    const name = definedName(`${wanted}${nameSuffix}`, taken);
    names.push({ name, ref, comment });
    return name;
  };
  // `月均销售额分界` in Chinese, `Sales_bounds` in English.
  const part = (word: Text) => (lang === "zh-CN" ? word[lang] : `_${word[lang].replace(/^_/, "")}`);
  const isSum = model.combine === "sum";
  const weighted = model.criteria.some((c) => c.weight !== undefined);

  g.style(range(g.add([t(model.name[lang])]), 0), { bold: true, fontSize: STYLE.titleSize });
  for (const sentence of sentences(model.description[lang])) g.add([t(sentence)]);
  if (model.source) g.style(range(g.add([t(`${WORDS.source[lang]}: ${model.source[lang]}`)]), 0), { italic: true, fontColor: STYLE.noteFont });
  const combineWords = isSum
    ? weighted
      ? WORDS.combineWeighted[lang]
      : WORDS.combineSum[lang]
    : model.combine === "grid"
      ? fill(WORDS.combineGrid[lang], { col: model.grid!.colLabel[lang] })
      : (model.combine === "best" ? WORDS.combineBest : WORDS.combineWorst)[lang];
  g.style(range(g.add([t(combineWords)]), 0), { bold: true });
  g.style(range(g.add([t(intro)]), 0), { italic: true, fontColor: STYLE.noteFont });
  g.add();

  // Tiers first: their descriptions (column F) can run to the right without meeting the spelling lists.
  const hasCadence = model.tiers.some((x) => x.cadenceDays !== undefined);
  const hasDescription = model.tiers.some((x) => x.description);
  const tierHeader: Cell[] = [t(WORDS.tierName[lang]), t(WORDS.tier[lang]), isSum ? t(WORDS.minScore[lang]) : null, null, hasCadence ? t(WORDS.cadence[lang]) : null, hasDescription ? t(WORDS.description[lang]) : null];
  header(g, g.add(tierHeader), hasDescription ? COL.spellNo + 1 : COL.out + 1);
  const firstTier = g.next;
  for (const tier of model.tiers) {
    const row = g.add([t(tier.label[lang]), t(tier.id), tier.minScore ?? null, null, tier.cadenceDays ?? null, tier.description ? t(tier.description[lang]) : null]);
    const hasMin = isSum && tier.minScore !== undefined;
    g.style(range(row, COL.label), { fill: tier.color, fontColor: tier.textColor, bold: true });
    g.style(range(row, COL.op1), { align: "center" });
    if (hasMin) editable(g, row, row, COL.v1);
    if (tier.description) g.style(range(row, COL.out), { align: "left" });
  }
  const lastTier = g.next - 1;
  if (hasCadence) editable(g, firstTier, lastTier, COL.v2);
  g.add();

  let spellRow = g.next; // spelling lists run down columns I:J beside the criteria
  const spellingList = (title: string, categories: readonly Category[]): SpellingCells => {
    header(g, spellRow, 2, COL.spell);
    g.set(spellRow, COL.spell, t(`${title} — ${WORDS.spellings[lang]}`));
    g.set(spellRow, COL.spellNo, t(WORDS.no[lang]));
    const first = spellRow + 1;
    for (const [spelling, no] of spellings(categories)) {
      spellRow++;
      g.set(spellRow, COL.spell, t(spelling));
      g.set(spellRow, COL.spellNo, no);
    }
    const last = spellRow;
    spellRow += 2;
    return {
      text: named(`${title}${part(WORDS.nameSpellings)}`, colRef(first, last, COL.spell), WORDS.spellings[lang]),
      no: named(`${title}${part(WORDS.nameCategoryNo)}`, colRef(first, last, COL.spellNo), WORDS.no[lang]),
    };
  };

  // Sorted bounds that show a bound with decimals (a population cut of 8.6, an average of 148.802…).
  const decimalBounds: number[] = [];
  const local = (row: number, col: number) => cellAddress(row, col, true);
  // Beside a band table: its bounds sorted, with the outcome at and above each, named for the formulas.
  const lookupTable = (c: BandCriterion, first: number, outcomeWord: string, fallback: string | undefined): CriterionCells["lookup"] => {
    const table = bandLookup(c.bands);
    header(g, spellRow, 5, COL.spell);
    g.set(spellRow, COL.spell, t(WORDS.lookupBound[lang]));
    g.set(spellRow, COL.spellNo, t(WORDS.lookupAt[lang]));
    g.set(spellRow, COL.spell3, t(WORDS.lookupAbove[lang]));
    g.set(spellRow, COL.spell4, t(WORDS.lookupConditionAt[lang]));
    g.set(spellRow, COL.spell5, t(WORDS.lookupConditionAbove[lang]));
    const top = spellRow + 1;
    const outcome = (band: number): Cell => (band < 0 ? formulaCell(fallback ?? '""') : formulaCell(local(first + band, COL.out)));
    // No band: #N/A, so the explanation falls back to "invalid" as the engine says.
    const condition = (band: number): Cell => formulaCell(band < 0 ? "NA()" : bandConditionFormula(c.bands[band], first + band, lang));
    table.at.forEach((band, k) => {
      spellRow++;
      const bound = k === 0 ? null : table.bounds[k - 1];
      if (bound && !Number.isInteger(c.bands[bound.band][bound.side]?.value)) decimalBounds.push(spellRow);
      g.set(spellRow, COL.spell, bound ? formulaCell(local(first + bound.band, bound.side === "min" ? COL.v1 : COL.v2)) : formattedCell(LOOKUP_FLOOR, '"-∞"'));
      g.set(spellRow, COL.spellNo, outcome(band));
      g.set(spellRow, COL.spell3, outcome(table.above[k]));
      g.set(spellRow, COL.spell4, condition(band));
      g.set(spellRow, COL.spell5, condition(table.above[k]));
    });
    const last = spellRow;
    spellRow++;
    g.style(range(spellRow, COL.spell), { italic: true, fontColor: STYLE.noteFont });
    g.set(spellRow, COL.spell, t(WORDS.lookupNote[lang]));
    spellRow += 2;
    const base = c.label[lang];
    const word = lang === "zh-CN" ? outcomeWord : `_${outcomeWord.toLowerCase()}`;
    return {
      table,
      bounds: named(`${base}${WORDS.nameBounds[lang]}`, colRef(top, last, COL.spell), WORDS.lookupBound[lang]),
      at: named(`${base}${WORDS.nameAt[lang]}${word}`, colRef(top, last, COL.spellNo), WORDS.lookupAt[lang]),
      above: named(`${base}${word}`, colRef(top, last, COL.spell3), WORDS.lookupAbove[lang]),
      conditionAt: named(`${base}${WORDS.nameConditionAt[lang]}`, colRef(top, last, COL.spell4), WORDS.lookupConditionAt[lang]),
      conditionAbove: named(`${base}${WORDS.nameCondition[lang]}`, colRef(top, last, COL.spell5), WORDS.lookupConditionAbove[lang]),
    };
  };

  const cm = compileModel(model);
  const extraFormats: ColumnFormat[] = [];
  const criteria = model.criteria.map((c, i): CriterionCells => {
    const outcomeWord = c.role === "multiplier" ? WORDS.factor : isSum ? WORDS.points : WORDS.level;
    const title = `${c.label[lang]}${c.role === "multiplier" ? ` ${WORDS.multiplier[lang]}` : ""}`;
    const cells: CriterionCells = {};
    const base = c.label[lang];
    const outcomeName = `${base}${lang === "zh-CN" ? outcomeWord[lang] : `_${outcomeWord[lang].toLowerCase()}`}`;
    switch (c.kind) {
      case "bands": {
        header(g, g.add([t(title), null, t(WORDS.from[lang]), null, t(WORDS.to[lang]), t(outcomeWord[lang])]), COL.out + 1);
        const live = c.population && options.liveCuts?.(c);
        if (live && c.population) {
          cells.cuts = liveBands(g, c, live, lang, colRef, named, { outcomeName, title, formats: extraFormats });
          break;
        }
        const first = g.next;
        for (const band of c.bands) {
          g.add([
            t(band.label?.[lang] ?? describeBand(band, lang)),
            band.min ? (band.min.inclusive ? "≥" : ">") : null,
            band.min?.value ?? null,
            band.max ? (band.max.inclusive ? "≤" : "<") : null,
            band.max?.value ?? null,
            band.points ?? t(band.level ?? ""),
          ]);
        }
        editableBands(g, c, first);
        const worstRow = first + cm.criteria[i].worst;
        const worst = c.missing === "worst" ? local(worstRow, COL.out) : undefined;
        cells.lookup = lookupTable(c, first, outcomeWord[lang], worst);
        if (c.missing === "worst") cells.worst = named(`${base}${part(WORDS.nameMissing)}`, ref(worstRow, COL.out), WORDS.missingWorst[lang]);
        break;
      }
      case "categories": {
        header(g, g.add([t(title), t(WORDS.no[lang]), null, null, null, t(outcomeWord[lang])]), COL.out + 1);
        const first = g.next;
        c.categories.forEach((k, no) => {
          const outcome = categoryOutcome(k);
          g.add([t(k.label[lang]), no + 1, null, null, null, typeof outcome === "number" ? outcome : t(outcome)]);
        });
        editable(g, first, g.next - 1, COL.out);
        cells.outcomeRange = named(outcomeName, colRef(first, g.next - 1, COL.out), `${title}: ${outcomeWord[lang]}`);
        cells.labels = named(`${base}${WORDS.nameLabels[lang]}`, colRef(first, g.next - 1, COL.label), title);
        if (c.missing === "worst") cells.worst = named(`${base}${part(WORDS.nameMissing)}`, ref(first + cm.criteria[i].worst, COL.out), WORDS.missingWorst[lang]);
        cells.spellings = spellingList(c.label[lang], c.categories);
        break;
      }
      case "value": {
        header(g, g.add([t(title), null, t(WORDS.from[lang]), null, t(WORDS.to[lang])]), COL.out + 1);
        const row = g.add([t(WORDS.valueRange[lang]), "≥", c.min, "≤", c.max]);
        cells.valueMin = named(`${base}${part(WORDS.nameMin)}`, ref(row, COL.v1), WORDS.from[lang]);
        cells.valueMax = named(`${base}${part(WORDS.nameMax)}`, ref(row, COL.v2), WORDS.to[lang]);
        editable(g, row, row, COL.v1);
        editable(g, row, row, COL.v2);
        break;
      }
      case "table": {
        // The matrix starts in column C, whose empty neighbour D lets a long column label show in full.
        const at = COL.v1;
        header(g, g.add([t(title), null, ...c.cols.map((k) => t(k.label[lang]))]), at + c.cols.length);
        const first = g.next;
        c.rows.forEach((k, r) => g.add([t(k.label[lang]), null, ...c.points[r]]));
        g.style(range(first, at, c.rows.length, c.cols.length), { fill: STYLE.editableFill, border: { color: STYLE.border, edges: "all" } });
        cells.matrix = named(outcomeName, sheetRef(sheetName, range(first, at, c.rows.length, c.cols.length)), title);
        cells.rowLabels = named(`${base}${WORDS.nameRowLabels[lang]}`, colRef(first, g.next - 1, COL.label), title);
        cells.colLabels = named(`${base}${WORDS.nameColLabels[lang]}`, sheetRef(sheetName, range(first - 1, at, 1, c.cols.length)), title);
        const fieldLabel = (id: string) => model.fields.find((f) => f.id === id)?.label[lang] ?? id;
        cells.rowSpellings = spellingList(fieldLabel(c.rowField), c.rows);
        cells.colSpellings = spellingList(fieldLabel(c.colField), c.cols);
        break;
      }
    }
    if (c.weight !== undefined) {
      const row = g.add([t(WORDS.weight[lang]), null, null, null, null, c.weight]);
      cells.weight = named(`${base}${part(WORDS.nameWeight)}`, ref(row, COL.out), WORDS.weight[lang]);
      editable(g, row, row, COL.out);
    }
    if (c.missing === "worst") {
      g.style(range(g.add([t(WORDS.missingWorst[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
      if (c.kind === "value") cells.worst = cells.valueMin; // the engine scores a missing value as the minimum
    }
    g.add();
    return cells;
  });

  const gridCells = model.grid ? tierGridBlock(g, model, lang, (first, rows, col, cols) => sheetRef(sheetName, range(first, col, rows, cols)), named) : undefined;
  const orders = options.orderLog ? orderLogBlock(g, lang, options.orderLog, (row) => ref(row, COL.v1), named, extraFormats) : undefined;
  const status = orders ?? (options.status ? statusBlock(g, lang, (row) => ref(row, COL.v1), named) : undefined);
  const cadence = hasCadence ? named(WORDS.nameCadence[lang], colRef(firstTier, lastTier, COL.v2), WORDS.cadence[lang]) : undefined;
  const visits = model.visits ? visitsBlock(g, model, lang, options.visitsAsOf, { cell: (row, col) => ref(row, col), column: colRef }, named, extraFormats) : undefined;
  const nextReview = options.review ? reviewBlock(g, lang, model, options.review.asOf, cadence, (row) => ref(row, COL.v1), named, extraFormats) : undefined;

  return {
    grid: g,
    columns: [
      { col: COL.label, width: 30 },
      { col: COL.op1, width: 8, align: "center" },
      { col: COL.v1, width: 12, numberFormat: WHOLE },
      { col: COL.op2, width: 8, align: "center" },
      { col: COL.v2, width: 12, numberFormat: WHOLE },
      { col: COL.out, width: 12, align: "center" },
      { col: COL.gap, width: 3 },
      { col: COL.spell, width: 34 },
      { col: COL.spellNo, width: 12, align: "center" },
      { col: COL.spell3, width: 12, align: "center" },
      { col: COL.spell4, width: 16 },
      { col: COL.spell5, width: 16 },
      ...decimalFormats(g, [COL.v1, COL.v2]),
      ...decimalBounds.map((row) => ({ col: COL.spell, rows: { first: row, last: row }, numberFormat: DECIMALS })),
      ...extraFormats,
    ],
    names,
    cells: {
      criteria,
      tierIds: named(WORDS.nameTiers[lang], colRef(firstTier, lastTier, COL.op1), WORDS.tier[lang]),
      tierLabels: named(WORDS.nameTierLabels[lang], colRef(firstTier, lastTier, COL.label), WORDS.tierName[lang]),
      minScores: isSum && lastTier > firstTier ? named(WORDS.nameMinScores[lang], colRef(firstTier, lastTier - 1, COL.v1), WORDS.minScore[lang]) : undefined,
      cadence,
      grid: gridCells,
      orders,
      status,
      nextReview,
      visits,
    },
  };
}

type Named = (wanted: string, ref: string, comment: string) => string;

/**
 * A band's condition as the engine's explanation writes it (`> 30 且 ≤ 45`,
 * see `describeBand`), read live from the band's bound cells on row `row`:
 * the comparison signs are the model's (the scoring formulas follow them too).
 */
function bandConditionFormula(band: Band, row: number, lang: Lang): string {
  const side = (b: Band["min"], sign: string, col: number) => (b ? `${quote(`${sign} `)}&${numberText(cellAddress(row, col, false))}` : "");
  const lo = side(band.min, band.min?.inclusive ? "≥" : ">", COL.v1);
  const hi = side(band.max, band.max?.inclusive ? "≤" : "<", COL.v2);
  return lo && hi ? `${lo}&${quote(EXPLAIN_WORDS.and[lang])}&${hi}` : lo || hi || quote("*");
}

/**
 * A population criterion whose cuts follow the customers (templates): band k
 * runs from cut k−1 to cut k; each cut is ONE cell, the band's upper bound
 * (editable: a formula over the customers, or a fixed number typed over it),
 * and the next band's lower bound only shows it. No sorted lookup: cuts that
 * tie (most customers buying once) would make MATCH's row ambiguous, so the
 * formulas count the cuts below the value instead (see `criterionFormula`).
 */
function liveBands(
  g: Grid,
  c: BandCriterion,
  live: { cuts: Cell[]; note: string },
  lang: Lang,
  colRef: (first: number, last: number, col: number) => string,
  named: Named,
  names: { outcomeName: string; title: string; formats: ColumnFormat[] },
): NonNullable<CriterionCells["cuts"]> {
  const tie = c.population!.tie;
  const first = g.next;
  const code = c.code ?? c.label[lang];
  c.bands.forEach((band, k) => {
    const outcome = band.points ?? textCell(band.level ?? "");
    g.add([
      textCell(band.label?.[lang] ?? `${code} ${band.points ?? band.level ?? ""}`),
      k > 0 ? (tie === "above" ? "≥" : ">") : null,
      k > 0 ? formulaCell(cellAddress(first + k - 1, COL.v2, false)) : null,
      k < live.cuts.length ? (tie === "below" ? "≤" : "<") : null,
      k < live.cuts.length ? live.cuts[k] : null,
      outcome,
    ]);
  });
  const last = g.next - 1;
  editable(g, first, first + live.cuts.length - 1, COL.v2);
  editable(g, first, last, COL.out);
  // A live cut is often not whole (a percentile of amounts, an average): two decimals at most, as the explanations write bounds.
  for (const col of [COL.v1, COL.v2]) names.formats.push({ col, rows: { first, last }, numberFormat: DECIMALS });
  g.style(range(g.add([textCell(live.note)]), 0), { italic: true, fontColor: STYLE.noteFont });
  const base = c.label[lang];
  return {
    cuts: named(`${base}${WORDS.nameBounds[lang]}`, colRef(first, first + live.cuts.length - 1, COL.v2), WORDS.lookupBound[lang]),
    outcomes: named(names.outcomeName, colRef(first, last, COL.out), names.title),
    tie,
  };
}

/**
 * The editable tier grid of a `grid` model (RFM: R × FM): row points down
 * column B, column points along the header row, tier ids in the cells. The tier
 * formula looks a row up by MATCH on both (no per-row scan of the table).
 */
function tierGridBlock(g: Grid, model: Model, lang: Lang, area: (first: number, rows: number, col: number, cols: number) => string, named: Named): RulesCells["grid"] {
  const grid = model.grid!;
  const rowLabel = model.criteria.find((c) => c.id === grid.row);
  const rowCode = (rowLabel?.kind === "bands" && rowLabel.code) || rowLabel?.label[lang] || grid.row;
  const title = fill(WORDS.gridTitle[lang], { row: rowCode, col: grid.colLabel[lang] });
  const head = g.add([textCell(title), textCell(`${rowCode} \\ ${grid.colLabel[lang]}`), ...grid.colPoints]);
  header(g, head, COL.v1 + grid.colPoints.length);
  const first = g.next;
  grid.rowPoints.forEach((p, r) => g.add([textCell(`${rowCode} ${p}`), p, ...grid.tiers[r].map((id) => textCell(id))]));
  g.style(range(first, COL.op1, grid.rowPoints.length), { align: "center", bold: true });
  editable(g, first, first + grid.rowPoints.length - 1, COL.v1);
  g.style(range(first, COL.v1, grid.rowPoints.length, grid.colPoints.length), { fill: STYLE.editableFill, border: { color: STYLE.border, edges: "all" }, align: "center" });
  g.style(range(g.add([textCell(WORDS.gridNote[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
  g.add();
  const n = grid.rowPoints.length;
  const m = grid.colPoints.length;
  return {
    matrix: named(WORDS.nameGrid[lang], area(first, n, COL.v1, m), title),
    rows: named(`${WORDS.nameGrid[lang]}${WORDS.nameGridRows[lang]}`, area(first, n, COL.op1, 1), rowCode),
    cols: named(`${WORDS.nameGrid[lang]}${WORDS.nameGridCols[lang]}`, area(head, 1, COL.v1, m), grid.colLabel[lang]),
  };
}

/** Days within which a first order makes a new customer / a last order an active one; beyond the lapsed limit a customer has churned (seed 003). */
export const STATUS_DAYS = { new: 90, active: 90, lapsed: 365 } as const;

/** The order-log block: the as-of day recency counts from, and the customer-status day limits, each named. */
function orderLogBlock(g: Grid, lang: Lang, options: { asOf?: Date; title?: string }, cell: (row: number) => string, named: Named, formats: ColumnFormat[]): OrderLogCells {
  const { asOf } = options;
  header(g, g.add([textCell(options.title ?? WORDS.orderLog[lang]), null, textCell(WORDS.value[lang])]), COL.out + 1);
  const asOfRow = g.add([textCell(WORDS.orderAsOf[lang]), null, asOf ? dateSerial(asOf) : formulaCell("TODAY()"), null, textCell(asOf ? "" : WORDS.asOfToday[lang])]);
  formats.push({ col: COL.v1, rows: { first: asOfRow, last: asOfRow }, numberFormat: "yyyy-mm-dd" });
  editable(g, asOfRow, asOfRow, COL.v1);
  return { asOf: named(WORDS.nameAsOf[lang], cell(asOfRow), WORDS.orderAsOf[lang]), ...statusRows(g, lang, cell, named, WORDS.statusNote[lang]) };
}

/** A customer sheet's recency in days: the status day limits under their own heading. */
function statusBlock(g: Grid, lang: Lang, cell: (row: number) => string, named: Named): StatusCells {
  header(g, g.add([textCell(WORDS.status[lang]), null, textCell(WORDS.value[lang])]), COL.out + 1);
  return statusRows(g, lang, cell, named, WORDS.statusDaysNote[lang]);
}

/** The customer-status day limits, editable and named, and a note on how they are read. */
function statusRows(g: Grid, lang: Lang, cell: (row: number) => string, named: Named, note: string): StatusCells {
  const newRow = g.add([textCell(WORDS.statusNewDays[lang]), "≤", STATUS_DAYS.new]);
  const activeRow = g.add([textCell(WORDS.statusActiveDays[lang]), "≤", STATUS_DAYS.active]);
  const lapsedRow = g.add([textCell(WORDS.statusLapsedDays[lang]), "≤", STATUS_DAYS.lapsed]);
  editable(g, newRow, lapsedRow, COL.v1);
  g.style(range(g.add([textCell(note)]), 0), { italic: true, fontColor: STYLE.noteFont });
  g.add();
  return {
    newDays: named(WORDS.nameNewDays[lang], cell(newRow), WORDS.statusNewDays[lang]),
    activeDays: named(WORDS.nameActiveDays[lang], cell(activeRow), WORDS.statusActiveDays[lang]),
    lapsedDays: named(WORDS.nameLapsedDays[lang], cell(lapsedRow), WORDS.statusLapsedDays[lang]),
  };
}

/**
 * Visits by zone (issue 12, tiering-models.md §6): one row per zone (visits a
 * month editable, the source's range beside it, days between visits live:
 * ROUND(30 / visits, 0)), then each zone's conditions as editable bounds on a
 * criterion's points, then the day a next visit counts from without a last visit.
 */
function visitsBlock(
  g: Grid,
  model: Model,
  lang: Lang,
  asOf: string | undefined,
  at: { cell: (row: number, col: number) => string; column: (first: number, last: number, col: number) => string },
  named: Named,
  formats: ColumnFormat[],
): VisitCells {
  const zones = model.visits!.zones;
  header(g, g.add([textCell(WORDS.visitZone[lang]), null, textCell(WORDS.visitsPerMonth[lang]), textCell(WORDS.visitsRange[lang]), textCell(WORDS.visitDays[lang])]), COL.out + 1);
  const first = g.next;
  for (const z of zones) {
    const row = g.add([textCell(z.label[lang]), null, z.perMonth, z.range ? textCell(visitsText(z)) : null, formulaCell(`IF(N(${cellAddress(g.next, COL.v1, false)})<=0,"",ROUND(${DAYS_PER_MONTH}/${cellAddress(g.next, COL.v1, false)},0))`)]);
    g.style(range(row, COL.label), { fill: z.color, fontColor: z.textColor, bold: true });
  }
  const last = g.next - 1;
  editable(g, first, last, COL.v1);
  g.style(range(first, COL.op2, zones.length), { align: "center" });
  for (const z of zones) if (z.description) g.style(range(g.add([textCell(`${z.label[lang]}${lang === "zh-CN" ? "：" : ": "}${z.description[lang]}`)]), 0), { italic: true, fontColor: STYLE.noteFont });
  g.add();

  // Each zone's conditions: a criterion's points from … to …; an open side has no cell (nothing to compare).
  const criteria = new Map(model.criteria.map((c, i) => [c.id, i]));
  header(g, g.add([textCell(WORDS.visitConditions[lang]), null, textCell(WORDS.from[lang]), null, textCell(WORDS.to[lang])]), COL.out + 1);
  const conditions = zones.map((z) =>
    (z.when ?? []).map((c) => {
      const i = criteria.get(c.criterion)!;
      const label = model.criteria[i].label[lang];
      const row = g.add([textCell(`${z.label[lang]} · ${label}`), c.min === undefined ? null : "≥", c.min ?? null, c.max === undefined ? null : "≤", c.max ?? null]);
      g.style(range(row, COL.label), { fill: z.color, fontColor: z.textColor });
      const base = `${z.label[lang]}${lang === "zh-CN" ? label : `_${label}`}`;
      const side = (v: number | undefined, col: number, word: Text, heading: Text) => {
        if (v === undefined) return undefined;
        editable(g, row, row, col);
        return named(`${base}${word[lang]}`, at.cell(row, col), heading[lang]);
      };
      return { criterion: i, min: side(c.min, COL.v1, WORDS.nameMin, WORDS.from), max: side(c.max, COL.v2, WORDS.nameMax, WORDS.to) };
    }),
  );
  const fallback = zones[zones.length - 1];
  g.style(range(g.add([textCell(fill(WORDS.visitOthers[lang], { zone: fallback.label[lang] }))]), 0), { italic: true, fontColor: STYLE.noteFont });
  const asOfRow = g.add([textCell(WORDS.visitAsOf[lang]), null, asOf ? dateSerial(new Date(`${asOf}T00:00:00Z`)) : formulaCell("TODAY()"), null, textCell(WORDS.visitAsOfNote[lang])]);
  editable(g, asOfRow, asOfRow, COL.v1);
  formats.push({ col: COL.v1, rows: { first: asOfRow, last: asOfRow }, numberFormat: "yyyy-mm-dd" });
  g.style(range(g.add([textCell(WORDS.visitNote[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
  g.add();
  return {
    labels: named(WORDS.nameVisitZones[lang], at.column(first, last, COL.label), WORDS.visitZone[lang]),
    perMonth: named(WORDS.nameVisitsPerMonth[lang], at.column(first, last, COL.v1), WORDS.visitsPerMonth[lang]),
    days: named(WORDS.nameVisitDays[lang], at.column(first, last, COL.v2), WORDS.visitDays[lang]),
    asOf: named(WORDS.nameVisitAsOf[lang], at.cell(asOfRow, COL.v1), WORDS.visitAsOf[lang]),
    conditions,
  };
}

/**
 * Review (issue 12): the day this run graded, the model's review cadence
 * (editable months; after-each-follow-up models: the shortest follow-up
 * interval, live from the tier table above) and the next review date, live:
 * EDATE(last graded, months) or last graded + days.
 */
function reviewBlock(g: Grid, lang: Lang, model: Model, asOf: string, cadence: string | undefined, cell: (row: number) => string, named: Named, formats: ColumnFormat[]): string {
  header(g, g.add([textCell(WORDS.review[lang]), null, textCell(WORDS.value[lang])]), COL.out + 1);
  const interval = reviewInterval(model);
  const lastRow = g.add([textCell(WORDS.lastGraded[lang]), null, dateSerial(new Date(`${asOf}T00:00:00Z`))]);
  const last = named(WORDS.nameLastGraded[lang], cell(lastRow), WORDS.lastGraded[lang]);
  let next: string;
  if ("days" in interval && cadence) {
    const everyRow = g.add([textCell(WORDS.reviewEveryDays[lang]), null, formulaCell(`MIN(${cadence})`), null, textCell(WORDS.reviewAfterFollowUp[lang])]);
    next = `${last}+${named(WORDS.nameReviewDays[lang], cell(everyRow), WORDS.reviewEveryDays[lang])}`;
  } else {
    const months = "months" in interval ? interval.months : DEFAULT_REVIEW_MONTHS;
    const everyRow = g.add([textCell(WORDS.reviewEveryMonths[lang]), null, months, null, textCell(model.review?.months ? "" : WORDS.reviewDefault[lang])]);
    editable(g, everyRow, everyRow, COL.v1);
    next = `EDATE(${last},${named(WORDS.nameReviewMonths[lang], cell(everyRow), WORDS.reviewEveryMonths[lang])})`;
  }
  const nextRow = g.add([textCell(WORDS.nextReview[lang]), null, formulaCell(next)]);
  formats.push({ col: COL.v1, rows: { first: lastRow, last: lastRow }, numberFormat: "yyyy-mm-dd" }, { col: COL.v1, rows: { first: nextRow, last: nextRow }, numberFormat: "yyyy-mm-dd" });
  g.add();
  return named(WORDS.nameNextReview[lang], cell(nextRow), WORDS.nextReview[lang]);
}

const WHOLE = "#,##0";
/** Bounds with decimals, as the explanations' text shows them (at most two decimals; `#,##0.##` would show `3.` in Excel). */
const DECIMALS = "#,##0.0#";

/**
 * Thousands separators for whole numbers, and a format with decimals on the
 * cells whose number has some — never General, which shows a computed cut's
 * every digit (148.802017654477).
 */
function decimalFormats(g: Grid, cols: readonly number[]): ColumnFormat[] {
  const out: ColumnFormat[] = [];
  for (const col of cols) {
    g.rows.forEach((r, row) => {
      const v = r[col];
      if (typeof v === "number" && !Number.isInteger(v)) out.push({ col, rows: { first: row, last: row }, numberFormat: DECIMALS });
    });
  }
  return out;
}

/**
 * Every spelling MATCH must find (it ignores case only), with the 1-based
 * category number the engine gives it (it also folds width and spaces, and a
 * later category wins a clash, as in the engine's lookup).
 */
export function spellings(categories: readonly Category[]): [string, number][] {
  const engine = new Map<string, number>();
  categories.forEach((k, i) => categorySpellings(k).forEach((s) => engine.set(fold(s), i + 1)));
  const listed = new Map<string, [string, number]>();
  for (const k of categories) {
    for (const s of categorySpellings(k)) {
      const key = s.toLowerCase();
      if (!listed.has(key)) listed.set(key, [s, engine.get(fold(s))!]);
    }
  }
  return [...listed.values()];
}

function sentences(s: string): string[] {
  return s.split(/(?<=[。；])|(?<=[.;:]) (?=[A-Z])/).map((x) => x.trim()).filter(Boolean);
}

function header(g: Grid, row: number, cols: number, col = 0): void {
  g.style(range(row, col, 1, cols), { bold: true, fill: STYLE.subHeaderFill, fontColor: STYLE.subHeaderFont, border: { color: STYLE.border, edges: "bottom" } });
}

function editable(g: Grid, first: number, last: number, col: number): void {
  g.style(range(first, col, last - first + 1), { fill: STYLE.editableFill, border: { color: STYLE.border, edges: "all" } });
}

/** Only the bounds that exist are editable (an open band has no cell to change). */
function editableBands(g: Grid, c: Extract<Criterion, { kind: "bands" }>, first: number): void {
  c.bands.forEach((b, i) => {
    if (b.min) editable(g, first + i, first + i, COL.v1);
    if (b.max) editable(g, first + i, first + i, COL.v2);
  });
  editable(g, first, first + c.bands.length - 1, COL.out);
}
