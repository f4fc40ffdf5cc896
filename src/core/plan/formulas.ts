/**
 * Portable formulas of the tier sheet (Excel, WPS, LibreOffice): only IF,
 * AND, OR, ISNUMBER, IFERROR, INDEX, MATCH, MAX, MIN, COUNT, COUNTIF, ROUND,
 * RANK, RIGHT, LEFT, LEN, TODAY. No custom functions, LAMBDA, LET, XLOOKUP, IFS or
 * dynamic arrays. Each column's formula is built once as a template and
 * stamped per row, so 100,000 rows cost one string join each.
 *
 * They mirror `score.ts`: a missing or unreadable input gives an empty result
 * (no tier), unless the criterion scores it as its worst option.
 */
import type { BandCriterion, Criterion, Model } from "../model";
import type { CompiledModel } from "../score";
import { columnLetter, quoteSheetName } from "./a1";
import type { CriterionCells, RulesCells, StatusCells, VisitCells } from "./rules-sheet";

/** A formula for one sheet row (1-based row number as in A1). */
export type RowFormula = (row: number) => string;

const ROW = "\u0001";

/** Builds the formula once with a placeholder for the row number, then stamps rows by joining. */
export function rowTemplate(build: (row: string) => string): RowFormula {
  const parts = build(ROW).split(ROW);
  if (parts.length === 1) return () => parts[0];
  return (row) => parts.join(String(row));
}

/**
 * A reference to a source column, by source row: `IF('客户表'!C5="","",'客户表'!C5)`,
 * empty while the source is empty (a bare reference would give 0).
 */
export function linkFormula(sourceSheet: string, sourceCol: number): RowFormula {
  const prefix = `${quoteSheetName(sourceSheet)}!${columnLetter(sourceCol)}`;
  return rowTemplate((r) => `IF(${prefix}${r}="","",${prefix}${r})`);
}

/**
 * A reference to a source column through the tier sheet's source-row column:
 * `IF(INDEX('客户表'!$C:$C,$B4)="","",INDEX('客户表'!$C:$C,$B4))`. One formula
 * for every row even when the source rows are not one after another (blank or
 * total rows in between), where a plain link would differ row by row.
 */
export function indexLinkFormula(sourceSheet: string, sourceCol: number, sourceRowColumn: string): RowFormula {
  const letter = columnLetter(sourceCol);
  const column = `${quoteSheetName(sourceSheet)}!$${letter}:$${letter}`;
  return rowTemplate((r) => {
    const ref = `INDEX(${column},$${sourceRowColumn}${r})`;
    return `IF(${ref}="","",${ref})`;
  });
}

/** A string literal in a formula. */
export function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const EMPTY = '""';

/**
 * A number as the engine's explanations write it (`formatNumber`: thousands
 * separators, at most two decimals, no trailing point):
 * `TEXT(D4,IF(ROUND(D4,2)=ROUND(D4,0),"#,##0","#,##0.##"))`.
 */
export function numberText(ref: string): string {
  return `TEXT(${ref},IF(ROUND(${ref},2)=ROUND(${ref},0),"#,##0","#,##0.##"))`;
}

export interface CriterionInputs {
  /** Column letter of each input field on the tier sheet. */
  column: (fieldId: string) => string;
  /** Column letter of a band criterion's lookup row (see `bandRowFormula`). */
  bandRow: (criterionId: string) => string;
}

/**
 * A band criterion's helper column: the row of its sorted lookup on the rules
 * sheet holding the value (`MATCH(D5,销售额分界,1)`: one binary search), or
 * empty when the value is not a number or below the field's floor.
 */
export function bandRowFormula(model: Model, c: BandCriterion, cells: CriterionCells, inputs: CriterionInputs): RowFormula {
  const x = inputs.column(c.field);
  const below = model.fields.find((f) => f.id === c.field)?.errorBelow;
  return rowTemplate((r) => numeric(`${x}${r}`, below, `MATCH(${x}${r},${cells.lookup!.bounds},1)`, EMPTY));
}

/**
 * Points (sum models) or level (level models) of one criterion.
 * `errorBelow`: the input field's floor under which a value is an error (negative days).
 */
export function criterionFormula(model: Model, c: Criterion, cells: CriterionCells, inputs: CriterionInputs): RowFormula {
  const fallback = c.missing === "worst" && cells.worst ? cells.worst : EMPTY;
  const floor = (field: string) => model.fields.find((f) => f.id === field)?.errorBelow;
  switch (c.kind) {
    case "bands": {
      if (cells.cuts) {
        // Live cuts (templates): the band is the number of cuts below the value (a tie stays below
        // a `≤` cut, goes above a `≥` one), counted over a handful of cells, so tied cuts need no order.
        const x = inputs.column(c.field);
        const { cuts, outcomes, tie } = cells.cuts;
        const op = quote(tie === "below" ? "<" : "<=");
        return rowTemplate((r) => numeric(`${x}${r}`, floor(c.field), `INDEX(${outcomes},1+COUNTIF(${cuts},${op}&${x}${r}))`, fallback));
      }
      // INDEX into the lookup row; a bound written `>`/`≤` gives another outcome AT it than above it.
      const x = inputs.column(c.field);
      const { bounds, at, above, table } = cells.lookup!;
      const h = inputs.bandRow(c.id);
      return rowTemplate((r) => {
        const pick = table.needsAt ? `IF(${x}${r}=INDEX(${bounds},${h}${r}),INDEX(${at},${h}${r}),INDEX(${above},${h}${r}))` : `INDEX(${above},${h}${r})`;
        return `IF(${h}${r}="",${fallback},${pick})`;
      });
    }
    case "value": {
      const x = inputs.column(c.field);
      const below = floor(c.field);
      return rowTemplate((r) => {
        const v = `${x}${r}`;
        return numeric(v, below, `IF(AND(${v}>=${cells.valueMin},${v}<=${cells.valueMax}),${v},${fallback})`, fallback);
      });
    }
    case "categories": {
      const x = inputs.column(c.field);
      const s = cells.spellings!;
      return rowTemplate((r) => `IFERROR(INDEX(${cells.outcomeRange},${categoryNo(`${x}${r}`, s)}),${fallback})`);
    }
    case "table": {
      const xr = inputs.column(c.rowField);
      const xc = inputs.column(c.colField);
      return rowTemplate(
        (r) => `IFERROR(INDEX(${cells.matrix},${categoryNo(`${xr}${r}`, cells.rowSpellings!)},${categoryNo(`${xc}${r}`, cells.colSpellings!)}),${fallback})`,
      );
    }
  }
}

/** Category number (1-based) of the text in `cell`, via the spellings list; #N/A when unknown. */
function categoryNo(cell: string, s: { text: string; no: string }): string {
  return `INDEX(${s.no},MATCH(${cell},${s.text},0))`;
}

/** Guards a numeric input: not a number (blank, text) or below the field's floor → fallback. */
function numeric(v: string, below: number | undefined, then: string, fallback: string): string {
  const inRange = below === undefined ? then : `IF(${v}<${below},${fallback},${then})`;
  return `IF(ISNUMBER(${v}),${inRange},${fallback})`;
}

/** Sum models: score from the points columns (weighted, times multipliers), rounded like the engine. */
export function scoreFormula(model: Model, pointColumns: string[], cells: RulesCells): RowFormula {
  return rowTemplate((r) => {
    const p = pointColumns.map((col) => `${col}${r}`);
    const addends: string[] = [];
    const factors: string[] = [];
    model.criteria.forEach((c, i) => {
      if (c.role === "multiplier") factors.push(p[i]);
      else addends.push(cells.criteria[i].weight ? `${p[i]}*${cells.criteria[i].weight}/100` : p[i]);
    });
    const sum = factors.length ? `(${addends.join("+")})*${factors.join("*")}` : addends.join("+");
    return `IF(COUNT(${p.join(",")})<${p.length},"",ROUND(${sum},6))`;
  });
}

/**
 * Sum models: the tier cut by the minimum scores on the rules sheet (best
 * first, descending): the first tier whose minimum the score reaches is the
 * one after every minimum above the score, `INDEX(等级名称,COUNTIF(等级分界,">"&I4)+1)`;
 * the last tier takes the rest, as in the engine.
 */
export function sumTierFormula(model: Model, scoreColumn: string, cells: RulesCells): RowFormula {
  return rowTemplate((r) => {
    const s = `${scoreColumn}${r}`;
    const tier = cells.minScores ? `INDEX(${cells.tierIds},COUNTIF(${cells.minScores},">"&${s})+1)` : quote(model.tiers[0].id);
    return `IF(${s}="","",${tier})`;
  });
}

/** Grid models: the column value, the mean of the criteria's points rounded half away from zero (Excel's ROUND, as the engine). */
export function gridColumnFormula(pointColumns: string[]): RowFormula {
  return rowTemplate((r) => {
    const p = pointColumns.map((col) => `${col}${r}`);
    return `IF(COUNT(${p.join(",")})<${p.length},"",ROUND((${p.join("+")})/${p.length},0))`;
  });
}

/** Grid models: 1-based tier position of the grid cell at the row's points and the column value (two MATCHes on the rules sheet). */
export function gridTierNoFormula(rowPoints: string, colValue: string, cells: RulesCells): RowFormula {
  const grid = cells.grid!;
  return rowTemplate((r) => {
    const row = `${rowPoints}${r}`;
    const col = `${colValue}${r}`;
    const id = `INDEX(${grid.matrix},MATCH(${row},${grid.rows},0),MATCH(${col},${grid.cols},0))`;
    return `IF(OR(${row}="",${col}=""),"",IFERROR(MATCH(${id},${cells.tierIds},0),""))`;
  });
}

/** Whether any level carries a sub-level (`A+`, `A-`): level cells then hold the grade. */
export function hasSubLevels(model: Model): boolean {
  return model.criteria.some((c) => c.kind === "categories" && c.categories.some((k) => k.sub));
}

/** Tier id inside a level cell that may end with a sub-level sign. */
export function levelId(cell: string, subs: boolean): string {
  return subs ? `IF(OR(RIGHT(${cell})="+",RIGHT(${cell})="-"),LEFT(${cell},LEN(${cell})-1),${cell})` : cell;
}

/** Level models: the level number (1 = best tier) of a criterion's level cell, or empty when it has none. */
export function levelNoFormula(model: Model, levelColumn: string, cells: RulesCells): RowFormula {
  const subs = hasSubLevels(model);
  return rowTemplate((r) => `IFERROR(MATCH(${levelId(`${levelColumn}${r}`, subs)},${cells.tierIds},0),"")`);
}

/**
 * Level models: 1-based position of the tier (1 = best), the MAX (worst-of)
 * or MIN (best-of) of the criteria's level numbers (`levelNoColumns`, side by
 * side; one criterion: its level cell). A criterion with no level only leaves
 * the row untiered when it could still change the outcome (the engine's rule:
 * close-time "no need" is E whatever the months): the pick must stay the same
 * with each missing level counted as the worst (worst-of) or best (best-of)
 * level it could have, `IF(MAX(J4:K4)<MAX(IF(J4="",3,J4),IF(K4="",3,K4)),"",MAX(J4:K4))`.
 */
export function tierNoFormula(model: Model, cm: CompiledModel, levelColumns: string[], levelNoColumns: string[], cells: RulesCells): RowFormula {
  if (levelColumns.length === 1) return levelNoFormula(model, levelColumns[0], cells);
  const worst = model.combine === "worst";
  const fn = worst ? "MAX" : "MIN";
  const first = levelNoColumns[0];
  const last = levelNoColumns[levelNoColumns.length - 1];
  return rowTemplate((r) => {
    const pick = `${fn}(${first}${r}:${last}${r})`;
    const bounded = model.criteria.map((c, i) => {
      const n = `${levelNoColumns[i]}${r}`;
      if (c.missing === "worst") return n; // never without a level
      const [best, worstIdx] = cm.criteria[i].levelRange;
      return `IF(${n}="",${(worst ? worstIdx : best) + 1},${n})`;
    });
    const decided = bounded.some((b) => b.startsWith("IF(")) ? `IF(${pick}${worst ? "<" : ">"}${fn}(${bounded.join(",")}),"",${pick})` : pick;
    return `IF(COUNT(${first}${r}:${last}${r})=0,"",${decided})`;
  });
}

/** Level models: the grade shown (tier id plus the sub-level of the criterion that decided it, found by its level number). */
export function gradeFormula(model: Model, levelColumns: string[], levelNoColumns: string[], tierNoColumn: string, cells: RulesCells): RowFormula {
  const subs = hasSubLevels(model);
  return rowTemplate((r) => {
    const n = `${tierNoColumn}${r}`;
    const id = `INDEX(${cells.tierIds},${n})`;
    if (!subs) return `IF(${n}="","",${id})`;
    let sub = EMPTY;
    for (let i = model.criteria.length - 1; i >= 0; i--) {
      const c = model.criteria[i];
      const l = `${levelColumns[i]}${r}`;
      const own = c.kind === "categories" && c.categories.some((k) => k.sub) ? `IF(OR(RIGHT(${l})="+",RIGHT(${l})="-"),RIGHT(${l}),"")` : EMPTY;
      sub = model.criteria.length === 1 ? own : `IF(${levelNoColumns[i]}${r}=${n},${own},${sub})`;
    }
    return `IF(${n}="","",${id}&${sub})`;
  });
}

/** Sum models: rank by score among the table's scores (ties share a rank). */
export function scoreRankFormula(scoreColumn: string, firstRow: number, lastRow: number): RowFormula {
  const all = `$${scoreColumn}$${firstRow}:$${scoreColumn}$${lastRow}`;
  return rowTemplate((r) => `IF(${scoreColumn}${r}="","",RANK(${scoreColumn}${r},${all}))`);
}

/**
 * Level models: 1 + customers in better tiers, read from the summary's
 * count and cumulative count per tier (a per-row COUNTIF would be quadratic).
 */
export function tierRankFormula(tierNoColumn: string, counts: string, cumulative: string): RowFormula {
  return rowTemplate((r) => {
    const n = `${tierNoColumn}${r}`;
    return `IF(${n}="","",INDEX(${cumulative},${n})-INDEX(${counts},${n})+1)`;
  });
}

/** Next follow-up = last contact + the tier's cadence on the rules sheet. */
export function nextFollowUpFormula(lastContactColumn: string, tierPosition: (r: string) => string, gradeColumn: string, cadence: string): RowFormula {
  return rowTemplate((r) => {
    const d = `${lastContactColumn}${r}`;
    return `IF(OR(${gradeColumn}${r}="",NOT(ISNUMBER(${d}))),"",${d}+INDEX(${cadence},${tierPosition(r)}))`;
  });
}

/**
 * Days from a date column to the rules sheet's as-of day, empty while the date
 * is not one. `fromSource`: the dates are the user's cells (a customer sheet's
 * last order date), which may carry a time of day and be after the as-of day:
 * whole days, as the engine counts them, and empty for a later day, as the engine refuses it.
 */
export function daysSinceFormula(dateColumn: string, asOf: string, fromSource = false): RowFormula {
  if (fromSource) {
    return rowTemplate((r) => {
      const day = `INT(${dateColumn}${r})`;
      return `IF(ISNUMBER(${dateColumn}${r}),IF(${day}>${asOf},"",${asOf}-${day}),"")`;
    });
  }
  return rowTemplate((r) => `IF(ISNUMBER(${dateColumn}${r}),${asOf}-${dateColumn}${r},"")`);
}

/** The customer status words as formula expressions (quoted text, or cells holding it). */
export type StatusLabels = Record<"new" | "active" | "dormant" | "churned", string>;

/**
 * Seed 003's customer status from the days since the last order and since the
 * first: new when the first order is within the new-customer limit, else
 * active / dormant / churned by the days since the last one (the rules sheet's
 * limits); a day after the as-of day is no status. No `first` (a customer sheet
 * without first orders): nobody is new. `first.known`: when the first
 * order may be left empty (a template), an unknown one only rules out "new".
 */
export function statusFormula(
  lastDays: string,
  first: { days: (r: string) => string; known?: (r: string) => string } | undefined,
  limits: StatusCells,
  labels: StatusLabels,
): RowFormula {
  return rowTemplate((r) => {
    const last = `${lastDays}${r}`;
    const byLast = `IF(${last}<=${limits.activeDays},${labels.active},IF(${last}<=${limits.lapsedDays},${labels.dormant},${labels.churned}))`;
    // No first orders (a customer sheet's days): nobody is new; days the engine could not read (text) give no status.
    if (!first) return `IF(ISNUMBER(${last}),IF(${last}<0,"",${byLast}),"")`;
    const f = first.days(r);
    if (!first.known) return `IF(OR(${last}="",${f}=""),"",IF(OR(${last}<0,${f}<0),"",IF(${f}<=${limits.newDays},${labels.new},${byLast})))`;
    return `IF(OR(${last}="",${last}<0),"",IF(IF(${first.known(r)},AND(${f}>=0,${f}<=${limits.newDays}),FALSE),${labels.new},${byLast}))`;
  });
}

export function overdueFormula(nextColumn: string, flag: string): RowFormula {
  return rowTemplate((r) => `IF(${nextColumn}${r}="","",IF(${nextColumn}${r}<TODAY(),${quote(flag)},""))`);
}

/**
 * Tiers over time: the change from the previous tier to the final one by
 * their order on the rules sheet (sub-levels do not count, as in
 * history/compare.ts): new when the previous is none of the tiers, else up,
 * same or down by the sign of the difference of their positions.
 */
export function changeFormula(finalColumn: string, previousColumn: string, tierIds: string, subs: boolean, words: { new: string; up: string; same: string; down: string }): RowFormula {
  return rowTemplate((r) => {
    const no = (col: string) => `MATCH(${levelId(`${col}${r}`, subs)},${tierIds},0)`;
    const sign = `CHOOSE(SIGN(${no(finalColumn)}-${no(previousColumn)})+2,${quote(words.up)},${quote(words.same)},${quote(words.down)})`;
    return `IF(${finalColumn}${r}="","",IF(ISNA(${no(previousColumn)}),${quote(words.new)},IFERROR(${sign},"")))`;
  });
}

/**
 * Visit zone (issue 12): the first zone on the rules sheet whose conditions
 * all hold for the row's criterion points (`P4>=红区潜力下限`), the last zone
 * otherwise; empty without a tier. Nested IFs over the few zones: constant per row.
 */
export function visitZoneFormula(tierColumn: string, criterionLetters: readonly string[], visits: VisitCells): RowFormula {
  return rowTemplate((r) => {
    const n = visits.conditions.length;
    let f = `INDEX(${visits.labels},${n})`;
    for (let z = n - 2; z >= 0; z--) {
      const tests = visits.conditions[z].flatMap((c) => {
        const p = `${criterionLetters[c.criterion]}${r}`;
        return [c.min && `${p}>=${c.min}`, c.max && `${p}<=${c.max}`].filter(Boolean);
      });
      f = `IF(AND(${tests.join(",")}),INDEX(${visits.labels},${z + 1}),${f})`;
    }
    return `IF(${tierColumn}${r}="","",${f})`;
  });
}

/** The zone's visits a month, from the rules sheet. */
export function visitsPerMonthFormula(zoneColumn: string, visits: VisitCells): RowFormula {
  return rowTemplate((r) => `IF(${zoneColumn}${r}="","",INDEX(${visits.perMonth},MATCH(${zoneColumn}${r},${visits.labels},0)))`);
}

/** Next visit = last visit (else the rules sheet's count-from day) + the zone's days between visits. */
export function nextVisitFormula(zoneColumn: string, lastVisitColumn: string | undefined, visits: VisitCells): RowFormula {
  return rowTemplate((r) => {
    const from = lastVisitColumn ? `IF(ISNUMBER(${lastVisitColumn}${r}),${lastVisitColumn}${r},${visits.asOf})` : visits.asOf;
    return `IF(${zoneColumn}${r}="","",IFERROR(${from}+INDEX(${visits.days},MATCH(${zoneColumn}${r},${visits.labels},0)),""))`;
  });
}
