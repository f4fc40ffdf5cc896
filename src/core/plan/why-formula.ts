/**
 * The tier sheet's "why" as a live formula: the engine's explanation
 * (`explainRow` in explain.ts, the reference) rebuilt with `&`, TEXT and
 * INDEX from the row's own cells and the rules sheet's named ranges (band
 * conditions, category and tier labels), so editing a threshold changes the
 * explanation together with the score. O(1) per row: it reads the band row
 * and points the score already computed; a category's label costs the same
 * MATCH over its short spellings list as its points.
 */
import { EXPLAIN_WORDS } from "../explain";
import type { Criterion, Lang, Model } from "../model";
import { levelId, numberText, quote, rowTemplate, type RowFormula } from "./formulas";
import type { CriterionCells, RulesCells } from "./rules-sheet";

export interface WhyColumns {
  /** Tier sheet column letters. */
  input: (fieldId: string) => string;
  bandRow: (criterionId: string) => string;
  criterion: (index: number) => string;
  score?: string;
  /** The computed grade. */
  tier: string;
  tierNo?: string;
  gridCol?: string;
  /** Override and reason (tiers over time): the override note follows live. */
  override?: { tier: string; reason: string };
}

const w = (key: keyof typeof EXPLAIN_WORDS, lang: Lang) => quote(EXPLAIN_WORDS[key][lang]);

/** One `&`-joined formula per row whose text equals `explainRow` (plus the override note, `overrideNote` in history). */
export function whyFormula(model: Model, cells: RulesCells, cols: WhyColumns, lang: Lang): RowFormula {
  const singleLevel = model.combine !== "sum" && model.combine !== "grid" && model.criteria.length === 1;
  return rowTemplate((r) => {
    const at = (col: string) => `${col}${r}`;
    const parts = model.criteria.map((c, i) => criterionPart(model, c, cells.criteria[i], cols, i, lang, at, singleLevel ? at(cols.tier) : undefined));
    const tier = at(cols.tier);
    const outcome = `IF(${tier}="",${w("notTiered", lang)},${tier})`;
    if (model.combine === "grid" && model.grid && cols.gridCol && cols.tierNo) {
      const label = `IF(${tier}="",${w("notTiered", lang)},INDEX(${cells.tierLabels},${at(cols.tierNo)}))`;
      parts.push(`${quote(`${model.grid.colLabel[lang]} `)}&IF(${tier}="","?",${at(cols.gridCol)})&" → "&${label}`);
    } else if (model.combine === "sum" && cols.score) {
      const s = at(cols.score);
      parts.push(`${quote(`${EXPLAIN_WORDS.total[lang]} `)}&IF(${s}="","?",${numberText(s)})&" → "&${outcome}`);
    } else if (!singleLevel) {
      parts.push(`${quote(`${EXPLAIN_WORDS[model.combine === "best" ? "best" : "worst"][lang]} → `)}&${outcome}`);
    }
    let formula = parts.reduce((a, b) => join(join(a, w("sep", lang)), b));
    if (cols.override) {
      const o = at(cols.override.tier);
      const reason = at(cols.override.reason);
      const [open, close] = lang === "zh-CN" ? ["（", "）"] : [" (", ")"];
      const note = lang === "zh-CN" ? ["计算为 ", "，人工调整为 "] : ["computed ", ", set by hand to "];
      formula = join(formula, `IF(${o}="","",${quote(`${EXPLAIN_WORDS.sep[lang]}${note[0]}`)}&IF(${tier}="","—",${tier})&${quote(note[1])}&${o}&IF(${reason}="","",${quote(open)}&${reason}&${quote(close)}))`);
    }
    return formula;
  });
}

/**
 * One criterion's part, `月均销售额 25,000 元 ≥ 20,000 → 70`, or when its input
 * gave nothing `月均销售额 缺失` (IFERROR: the band row, category MATCH or
 * condition is an error exactly when the engine found no match).
 */
function criterionPart(model: Model, c: Criterion, cells: CriterionCells, cols: WhyColumns, i: number, lang: Lang, at: (col: string) => string, outcome?: string): string {
  const label = c.label[lang];
  const p = at(cols.criterion(i));
  const prefix = c.role === "multiplier" ? "× " : "";
  const weight = c.weight !== undefined && cells.weight ? `&" × "&${cells.weight}&"%"` : "";
  // What the criterion gave: its level (without a sub-level sign), or its points with the criterion's code (`R5`).
  const isLevel = model.combine !== "sum" && model.combine !== "grid";
  const subs = c.kind === "categories" && c.categories.some((k) => k.sub);
  const gives = outcome ?? (isLevel ? levelId(p, subs) : c.code ? `${quote(c.code)}&${p}` : p);
  const arrow = `${quote(` → ${prefix}`)}&${gives}${weight}`;
  const blank = (field: string) => `${at(cols.input(field))}=""`;
  const missingWord = (isBlank: string) => (c.missing === "worst" ? `IF(${isBlank},${w("missingWorst", lang)},${w("invalidWorst", lang)})&${arrow}` : `IF(${isBlank},${w("missing", lang)},${w("invalid", lang)})`);
  switch (c.kind) {
    case "bands": {
      const x = at(cols.input(c.field));
      const h = at(cols.bandRow(c.id));
      const lookup = cells.lookup!;
      const unit = model.fields.find((f) => f.id === c.field)?.unit?.[lang];
      const condition = lookup.table.needsAt
        ? `IF(${x}=INDEX(${lookup.bounds},${h}),INDEX(${lookup.conditionAt},${h}),INDEX(${lookup.conditionAbove},${h}))`
        : `INDEX(${lookup.conditionAbove},${h})`;
      const normal = `${quote(`${label} `)}&${numberText(x)}&${quote(unit ? ` ${unit} ` : " ")}&${condition}&${arrow}`;
      return `IFERROR(${normal},${quote(`${label} `)}&${missingWord(`${x}=""`)})`;
    }
    case "value": {
      const x = at(cols.input(c.field));
      const normal = `IF(AND(ISNUMBER(${x}),${p}=${x}),${quote(`${label} `)}&${numberText(x)}${weight},NA())`;
      return `IFERROR(${normal},${quote(`${label} `)}&${missingWord(blank(c.field))})`;
    }
    case "categories": {
      const x = at(cols.input(c.field));
      const s = cells.spellings!;
      const normal = `${quote(`${label} `)}&INDEX(${cells.labels},INDEX(${s.no},MATCH(${x},${s.text},0)))&${arrow}`;
      return `IFERROR(${normal},${quote(`${label} `)}&${missingWord(blank(c.field))})`;
    }
    case "table": {
      const xr = at(cols.input(c.rowField));
      const xc = at(cols.input(c.colField));
      const rs = cells.rowSpellings!;
      const cs = cells.colSpellings!;
      const rowNo = `MATCH(${xr},${rs.text},0)`;
      const normal = `${quote(`${label} `)}&INDEX(${cells.rowLabels},INDEX(${rs.no},${rowNo}))&" × "&INDEX(${cells.colLabels},INDEX(${cs.no},MATCH(${xc},${cs.text},0)))&${arrow}`;
      // The engine reads the row field first: blank → missing, unknown → invalid; then the column field.
      const isBlank = `IF(${xr}="",TRUE,IF(ISNA(${rowNo}),FALSE,${xc}=""))`;
      return `IFERROR(${normal},${quote(`${label} `)}&${missingWord(isBlank)})`;
    }
  }
}


/** `a&b`, with two string literals meeting at the `&` made one (`"；"&"合计 "` → `"；合计 "`). */
function join(a: string, b: string): string {
  const literalEnd = /(^|&)"(?:[^"]|"")*"$/.test(a);
  return literalEnd && b.startsWith('"') ? `${a.slice(0, -1)}${b.slice(1)}` : `${a}&${b}`;
}
