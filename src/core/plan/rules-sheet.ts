/**
 * The rules sheet: the model in words, and its numbers in cells the tier
 * sheet's formulas read (so changing a threshold here re-tiers the table).
 */
import { describeBand } from "../explain";
import type { BandCriterion, Category, Criterion, Lang, Model } from "../model";
import { categorySpellings, compileModel } from "../score";
import { fold } from "../text/normalize";
import { cellAddress, sheetRef } from "./a1";
import { bandLookup, LOOKUP_FLOOR, type BandLookup } from "./band-lookup";
import { definedName } from "./naming";
import { formattedCell, formulaCell, textCell } from "./cells";
import { Grid, range } from "./grid";
import { STYLE } from "./style";
import type { Cell, ColumnFormat, DefinedName } from "./types";
import { WORDS } from "./words";

/** Where each of the model's numbers sits on the rules sheet: absolute, sheet-qualified references. */
export interface RulesCells {
  criteria: CriterionCells[];
  /** Tier ids, best first (one column). */
  tierIds: string;
  /** Per tier: its minimum score cell (sum models), undefined for the catch-all tier. */
  minScore: (string | undefined)[];
  /** Follow-up days per tier (one column), when the model has cadences. */
  cadence?: string;
}

export interface CriterionCells {
  /** Per band / category: the cell with its points or level. */
  outcome: string[];
  /** Bands: lower and upper bound cells. */
  min: (string | undefined)[];
  max: (string | undefined)[];
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
  /** Bands: the sorted lookup the formulas read by name (see band-lookup.ts). */
  lookup?: { table: BandLookup; bounds: string; at: string; above: string };
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
const COL = { label: 0, op1: 1, v1: 2, op2: 3, v2: 4, out: 5, gap: 6, spell: 7, spellNo: 8, spell3: 9 } as const;

/** A category's outcome as written on the rules sheet: points, or level with sub-level (`A-`). */
export function categoryOutcome(c: Category): number | string {
  return c.points ?? `${c.level ?? ""}${c.sub ?? ""}`;
}

/**
 * `intro`: the line under the model's name that says what reads this sheet; the tier table's by default.
 * `nameSuffix`: added to every defined name, so that sheets which must keep reading THIS rules sheet
 * (a template's) never share a name with a tier run, which replaces its names on every run.
 */
export function buildRulesLayout(model: Model, lang: Lang, sheetName: string, intro: string = WORDS.rulesIntro[lang], nameSuffix = ""): RulesLayout {
  const g = new Grid();
  const ref = (row: number, col: number) => sheetRef(sheetName, { row, col });
  const colRef = (first: number, last: number, col: number) => sheetRef(sheetName, range(first, col, last - first + 1));
  const t = (s: string) => textCell(s);
  const isSum = model.combine === "sum";
  const weighted = model.criteria.some((c) => c.weight !== undefined);

  g.style(range(g.add([t(model.name[lang])]), 0), { bold: true, fontSize: STYLE.titleSize });
  for (const sentence of sentences(model.description[lang])) g.add([t(sentence)]);
  if (model.source) g.style(range(g.add([t(`${WORDS.source[lang]}: ${model.source[lang]}`)]), 0), { italic: true, fontColor: STYLE.noteFont });
  const combineWords = isSum ? (weighted ? WORDS.combineWeighted : WORDS.combineSum) : model.combine === "best" ? WORDS.combineBest : WORDS.combineWorst;
  g.style(range(g.add([t(combineWords[lang])]), 0), { bold: true });
  g.style(range(g.add([t(intro)]), 0), { italic: true, fontColor: STYLE.noteFont });
  g.add();

  // Tiers first: their descriptions (column F) can run to the right without meeting the spelling lists.
  const hasCadence = model.tiers.some((x) => x.cadenceDays !== undefined);
  const hasDescription = model.tiers.some((x) => x.description);
  const tierHeader: Cell[] = [t(WORDS.tierName[lang]), t(WORDS.tier[lang]), isSum ? t(WORDS.minScore[lang]) : null, null, hasCadence ? t(WORDS.cadence[lang]) : null, hasDescription ? t(WORDS.description[lang]) : null];
  header(g, g.add(tierHeader), hasDescription ? COL.spellNo + 1 : COL.out + 1);
  const firstTier = g.next;
  const minScore: (string | undefined)[] = [];
  for (const tier of model.tiers) {
    const row = g.add([t(tier.label[lang]), t(tier.id), tier.minScore ?? null, null, tier.cadenceDays ?? null, tier.description ? t(tier.description[lang]) : null]);
    const hasMin = isSum && tier.minScore !== undefined;
    minScore.push(hasMin ? ref(row, COL.v1) : undefined);
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
    return { text: colRef(first, last, COL.spell), no: colRef(first, last, COL.spellNo) };
  };

  const names: DefinedName[] = [];
  const taken = new Set<string>();
  const local = (row: number, col: number) => cellAddress(row, col, true);
  // Beside a band table: its bounds sorted, with the outcome at and above each, named for the formulas.
  const lookupTable = (c: BandCriterion, first: number, outcomeWord: string, fallback: string | undefined): CriterionCells["lookup"] => {
    const table = bandLookup(c.bands);
    header(g, spellRow, 3, COL.spell);
    g.set(spellRow, COL.spell, t(WORDS.lookupBound[lang]));
    g.set(spellRow, COL.spellNo, t(WORDS.lookupAt[lang]));
    g.set(spellRow, COL.spell3, t(WORDS.lookupAbove[lang]));
    const top = spellRow + 1;
    const outcome = (band: number): Cell => (band < 0 ? formulaCell(fallback ?? '""') : formulaCell(local(first + band, COL.out)));
    table.at.forEach((band, k) => {
      spellRow++;
      const bound = k === 0 ? null : table.bounds[k - 1];
      g.set(spellRow, COL.spell, bound ? formulaCell(local(first + bound.band, bound.side === "min" ? COL.v1 : COL.v2)) : formattedCell(LOOKUP_FLOOR, '"-∞"'));
      g.set(spellRow, COL.spellNo, outcome(band));
      g.set(spellRow, COL.spell3, outcome(table.above[k]));
    });
    const last = spellRow;
    spellRow++;
    g.style(range(spellRow, COL.spell), { italic: true, fontColor: STYLE.noteFont });
    g.set(spellRow, COL.spell, t(WORDS.lookupNote[lang]));
    spellRow += 2;
    const base = c.label[lang];
    const named = (suffix: string, col: number, comment: string) => {
      const name = definedName(`${base}${suffix}${nameSuffix}`, taken);
      names.push({ name, ref: colRef(top, last, col), comment });
      return name;
    };
    const word = lang === "zh-CN" ? outcomeWord : `_${outcomeWord.toLowerCase()}`;
    return {
      table,
      bounds: named(WORDS.nameBounds[lang], COL.spell, WORDS.lookupBound[lang]),
      at: named(`${WORDS.nameAt[lang]}${word}`, COL.spellNo, WORDS.lookupAt[lang]),
      above: named(word, COL.spell3, WORDS.lookupAbove[lang]),
    };
  };

  const cm = compileModel(model);
  const criteria = model.criteria.map((c, i): CriterionCells => {
    const outcomeWord = c.role === "multiplier" ? WORDS.factor : isSum ? WORDS.points : WORDS.level;
    const title = `${c.label[lang]}${c.role === "multiplier" ? ` ${WORDS.multiplier[lang]}` : ""}`;
    const cells: CriterionCells = { outcome: [], min: [], max: [] };
    switch (c.kind) {
      case "bands": {
        header(g, g.add([t(title), null, t(WORDS.from[lang]), null, t(WORDS.to[lang]), t(outcomeWord[lang])]), COL.out + 1);
        const first = g.next;
        for (const band of c.bands) {
          const row = g.add([
            t(band.label?.[lang] ?? describeBand(band, lang)),
            band.min ? (band.min.inclusive ? "≥" : ">") : null,
            band.min?.value ?? null,
            band.max ? (band.max.inclusive ? "≤" : "<") : null,
            band.max?.value ?? null,
            band.points ?? t(band.level ?? ""),
          ]);
          cells.min.push(band.min ? ref(row, COL.v1) : undefined);
          cells.max.push(band.max ? ref(row, COL.v2) : undefined);
          cells.outcome.push(ref(row, COL.out));
        }
        editableBands(g, c, first);
        const worst = c.missing === "worst" ? local(first + cm.criteria[i].worst, COL.out) : undefined;
        cells.lookup = lookupTable(c, first, outcomeWord[lang], worst);
        break;
      }
      case "categories": {
        header(g, g.add([t(title), t(WORDS.no[lang]), null, null, null, t(outcomeWord[lang])]), COL.out + 1);
        const first = g.next;
        c.categories.forEach((k, no) => {
          const outcome = categoryOutcome(k);
          const row = g.add([t(k.label[lang]), no + 1, null, null, null, typeof outcome === "number" ? outcome : t(outcome)]);
          cells.outcome.push(ref(row, COL.out));
        });
        editable(g, first, g.next - 1, COL.out);
        cells.outcomeRange = colRef(first, g.next - 1, COL.out);
        cells.spellings = spellingList(c.label[lang], c.categories);
        break;
      }
      case "value": {
        header(g, g.add([t(title), null, t(WORDS.from[lang]), null, t(WORDS.to[lang])]), COL.out + 1);
        const row = g.add([t(WORDS.valueRange[lang]), "≥", c.min, "≤", c.max]);
        cells.valueMin = ref(row, COL.v1);
        cells.valueMax = ref(row, COL.v2);
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
        cells.matrix = sheetRef(sheetName, range(first, at, c.rows.length, c.cols.length));
        const fieldLabel = (id: string) => model.fields.find((f) => f.id === id)?.label[lang] ?? id;
        cells.rowSpellings = spellingList(fieldLabel(c.rowField), c.rows);
        cells.colSpellings = spellingList(fieldLabel(c.colField), c.cols);
        break;
      }
    }
    if (c.weight !== undefined) {
      const row = g.add([t(WORDS.weight[lang]), null, null, null, null, c.weight]);
      cells.weight = ref(row, COL.out);
      editable(g, row, row, COL.out);
    }
    if (c.missing === "worst") {
      g.style(range(g.add([t(WORDS.missingWorst[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
      cells.worst = worstCell(c, cells, cm.criteria[i].worst);
    }
    g.add();
    return cells;
  });

  return {
    grid: g,
    columns: [
      { col: COL.label, width: 30 },
      { col: COL.op1, width: 8, align: "center" },
      { col: COL.v1, width: 12, numberFormat: boundsFormat(g, COL.v1) },
      { col: COL.op2, width: 8, align: "center" },
      { col: COL.v2, width: 12, numberFormat: boundsFormat(g, COL.v2) },
      { col: COL.out, width: 12, align: "center" },
      { col: COL.gap, width: 3 },
      { col: COL.spell, width: 34 },
      { col: COL.spellNo, width: 12, align: "center" },
      { col: COL.spell3, width: 12, align: "center" },
    ],
    names,
    cells: {
      criteria,
      tierIds: colRef(firstTier, lastTier, COL.op1),
      minScore,
      cadence: hasCadence ? colRef(firstTier, lastTier, COL.v2) : undefined,
    },
  };
}

/** Thousands separators for whole numbers; General when a bound has decimals (`#,##0.##` would show `3.` in Excel). */
function boundsFormat(g: Grid, col: number): string {
  return g.rows.some((r) => typeof r[col] === "number" && !Number.isInteger(r[col])) ? "General" : "#,##0";
}

function worstCell(c: Criterion, cells: CriterionCells, worst: number): string | undefined {
  if (c.kind === "value") return cells.valueMin; // the engine scores a missing value as the minimum
  return cells.outcome[worst];
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
