import type { Issue } from "./issues";
import type { Band, Category, Criterion, FieldDef, Model, Text } from "./model";
import { text } from "./model";
import { isBlank, parseNumber, shownValue, type CellValue } from "./parse/values";
import { formatNumber } from "./text/format";
import { fold } from "./text/normalize";
import { isResolved } from "./population";
import { ModelError, roundHalfAway, validateModel } from "./validate";

/** Raw cell values of one customer, by field id. */
export type RowValues = Readonly<Record<string, CellValue>>;

/** What one criterion made of its input. */
export interface CriterionResult {
  /** Points (or factor for a multiplier); null when the input could not be used. */
  points: number | null;
  /** Level (tier id) for worst/best models. */
  level: string | null;
  /** Index of the band / category matched (table: row * cols + col); -1 when none. */
  match: number;
  /** The number or category id read from the input. */
  value: number | string | null;
  /** The input was missing or unreadable and the worst option was used by policy. */
  assumedWorst: boolean;
  /** Whether the input was read, blank, or there but unreadable (`待定`, negative days). */
  input: "read" | "missing" | "invalid";
}

export interface RowResult {
  criteria: CriterionResult[];
  /** Total score for sum models; null for level models or when a criterion failed. */
  score: number | null;
  /** Tier id, or null when the row cannot be tiered. */
  tier: string | null;
  /** Sub-level inside the tier: `+`, `-` or empty. */
  sub: "" | "+" | "-";
  /** Tier with sub-level as shown to users (`A-`), or null. */
  grade: string | null;
  issues: Issue[];
}

/** A model turned into lookup structures, validated once. */
export interface CompiledModel {
  readonly model: Model;
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly tierIndex: ReadonlyMap<string, number>;
  readonly criteria: readonly CompiledCriterion[];
  /** `grid` models: the tier index from every criterion's points. */
  readonly grid?: CompiledGrid;
}

export interface CompiledGrid {
  /** Criterion indexes of the row and of the columns. */
  readonly row: number;
  readonly cols: readonly number[];
  /** The column value: the mean of the column criteria's points rounded as Excel's ROUND(x, 0). */
  colValue(points: ArrayLike<number>): number;
  /** Tier index for one row's criterion points (validated: every reachable cell exists). */
  tierOf(points: ArrayLike<number>): number;
}

interface CompiledCriterion {
  readonly def: Criterion;
  /** Matches a cell to an option; number = index, or a failure. */
  readonly read: (values: RowValues, today?: Date) => Read;
  /** Option used under the "worst" missing policy. */
  readonly worst: number;
  /** Points and level per option (band, category, table cell), precomputed so scoring allocates nothing for them. */
  readonly pointsOf: readonly (number | null)[];
  readonly levelOf: readonly (string | null)[];
  /** The input value itself is the points (value criteria). */
  readonly valueIsPoints: boolean;
  /** Best and worst tier index the criterion can give (level models), to tell whether a missing input matters. */
  readonly levelRange: readonly [best: number, worst: number];
}

type Read =
  | { kind: "ok"; match: number; value: number | string; field?: string; warning?: Text }
  | { kind: "missing"; field: string }
  | { kind: "bad"; field: string; raw: CellValue; message: Text };

const cache = new WeakMap<Model, CompiledModel>();

/** Validates and compiles a model; throws ModelError listing every problem. Cached per model object. */
export function compileModel(model: Model): CompiledModel {
  const hit = cache.get(model);
  if (hit) return hit;
  const problems = validateModel(model);
  if (!isResolved(model)) {
    problems.push({
      path: "criteria",
      message: text("分界点要由整张表的客户算出：请对整张表评分，而不是逐行评分", "The cut points come from all the customers: score the whole table, not one row at a time"),
    });
  }
  if (problems.length) throw new ModelError(problems);
  const fields = new Map(model.fields.map((f) => [f.id, f]));
  const tierIndex = new Map(model.tiers.map((t, i) => [t.id, i]));
  const rank = (o: { points?: number; level?: string }) =>
    model.combine === "sum" || model.combine === "grid" ? -(o.points ?? 0) : (tierIndex.get(o.level ?? "") ?? 0);
  const compiled: CompiledModel = {
    model,
    fields,
    tierIndex,
    grid: model.grid && compileGrid(model, tierIndex),
    criteria: model.criteria.map((c) => {
      const compiled = compileCriterion(c, fields, rank);
      return { ...compiled, levelRange: levelRange(c, tierIndex) };
    }),
  };
  cache.set(model, compiled);
  return compiled;
}

function compileGrid(model: Model, tierIndex: Map<string, number>): CompiledGrid {
  const g = model.grid!;
  const index = (id: string) => model.criteria.findIndex((c) => c.id === id);
  const row = index(g.row);
  const cols = g.cols.map(index);
  const rowOf = new Map(g.rowPoints.map((p, i) => [p, i]));
  const colOf = new Map(g.colPoints.map((p, i) => [p, i]));
  const cells = g.tiers.map((r) => r.map((t) => tierIndex.get(t)!));
  const colValue = (points: ArrayLike<number>) => {
    let sum = 0;
    for (const c of cols) sum += points[c];
    return roundHalfAway(sum / cols.length);
  };
  return { row, cols, colValue, tierOf: (points) => cells[rowOf.get(points[row])!][colOf.get(colValue(points))!] };
}

function levelRange(c: Criterion, tierIndex: Map<string, number>): [number, number] {
  const levels = c.kind === "bands" ? c.bands.map((b) => b.level) : c.kind === "categories" ? c.categories.map((k) => k.level) : [];
  const idx = levels.map((l) => tierIndex.get(l ?? "") ?? -1).filter((i) => i >= 0);
  return idx.length ? [Math.min(...idx), Math.max(...idx)] : [0, tierIndex.size - 1];
}

function worstIndex<T>(options: readonly T[], rank: (o: T) => number): number {
  let worst = 0;
  options.forEach((o, i) => {
    if (rank(o) > rank(options[worst])) worst = i;
  });
  return worst;
}

function compileCriterion(
  c: Criterion,
  fields: Map<string, FieldDef>,
  rank: (o: { points?: number; level?: string }) => number,
): Omit<CompiledCriterion, "levelRange"> {
  switch (c.kind) {
    case "bands": {
      const field = fields.get(c.field)!;
      return {
        def: c,
        worst: worstIndex(c.bands, rank),
        read: (values, today) => readNumber(values, field, (v) => bandIndex(c.bands, v), today),
        pointsOf: c.bands.map((b) => b.points ?? null),
        levelOf: c.bands.map((b) => b.level ?? null),
        valueIsPoints: false,
      };
    }
    case "value": {
      const field = fields.get(c.field)!;
      return {
        def: c,
        worst: 0,
        read: (values, today) => readNumber(values, field, (v) => (v >= c.min && v <= c.max ? 0 : -1), today),
        pointsOf: [c.min],
        levelOf: [null],
        valueIsPoints: true,
      };
    }
    case "categories": {
      const lookup = categoryLookup(c.categories);
      return {
        def: c,
        worst: worstIndex(c.categories, rank),
        read: (values) => readCategory(values, c.field, lookup, c.categories),
        pointsOf: c.categories.map((k) => k.points ?? null),
        levelOf: c.categories.map((k) => k.level ?? null),
        valueIsPoints: false,
      };
    }
    case "table": {
      const rows = categoryLookup(c.rows);
      const cols = categoryLookup(c.cols);
      const n = c.cols.length;
      const flat = c.points.flat();
      return {
        def: c,
        worst: worstIndex(flat, (p) => -p),
        read: (values) => {
          const r = readCategory(values, c.rowField, rows, c.rows);
          if (r.kind !== "ok") return r;
          const k = readCategory(values, c.colField, cols, c.cols);
          if (k.kind !== "ok") return k;
          return { kind: "ok", match: r.match * n + k.match, value: `${r.value}/${k.value}` };
        },
        pointsOf: flat,
        levelOf: flat.map(() => null),
        valueIsPoints: false,
      };
    }
  }
}

/** Index of the band holding v, or -1 when v is outside every band. */
export function bandIndex(bands: readonly Band[], v: number): number {
  for (let i = 0; i < bands.length; i++) {
    const { min, max } = bands[i];
    if (min && (min.inclusive ? v < min.value : v <= min.value)) continue;
    if (max && (max.inclusive ? v > max.value : v >= max.value)) continue;
    return i;
  }
  return -1;
}

/**
 * Every spelling that means this category: both labels, synonyms, and the id
 * when it is a word people write (`clear`, `contract`). An internal name
 * (`level3`, `associateChief`) is no spelling: the rules sheet lists every
 * spelling, and shows the sheet's words only.
 */
export function categorySpellings(c: Category): string[] {
  return [...(INTERNAL_ID.test(c.id) ? [] : [c.id]), c.label["zh-CN"], c.label["en-US"], ...c.synonyms];
}

/** camelCase or a letter run into a digit: a name made for code, not a word. */
const INTERNAL_ID = /[a-z][A-Z]|[a-z]\d/;

function categoryLookup(categories: readonly Category[]): Map<string, number> {
  const map = new Map<string, number>();
  categories.forEach((c, i) => {
    for (const s of categorySpellings(c)) map.set(fold(s), i);
  });
  return map;
}

function readNumber(values: RowValues, field: FieldDef, index: (v: number) => number, today?: Date): Read {
  const raw = values[field.id];
  if (isBlank(raw)) return { kind: "missing", field: field.id };
  // The field carries `fromDate`: months to close may be typed as the expected close date.
  const parsed = parseNumber(raw, field.kind, today ? { fromDate: field.fromDate, today } : field);
  if (!parsed.ok) return { kind: "bad", field: field.id, raw, message: parsed.message };
  const v = parsed.value;
  if (field.errorBelow !== undefined && v < field.errorBelow) {
    return { kind: "bad", field: field.id, raw, message: belowMessage(field, v, field.errorBelow) };
  }
  const match = index(v);
  if (match < 0) {
    return { kind: "bad", field: field.id, raw, message: text(`${formatNumber(v)} 超出评分范围`, `${formatNumber(v)} is outside the scored range`) };
  }
  // Scored as it falls, but suspicious (seed Decision: negative sales).
  const warning = field.warnBelow !== undefined && v < field.warnBelow ? belowMessage(field, v, field.warnBelow) : undefined;
  return { kind: "ok", match, value: v, field: field.id, warning };
}

function belowMessage(field: FieldDef, v: number, limit: number): Text {
  return text(
    `${field.label["zh-CN"]} ${formatNumber(v)} 小于 ${formatNumber(limit)}`,
    `${field.label["en-US"]} ${formatNumber(v)} is below ${formatNumber(limit)}`,
  );
}

function readCategory(values: RowValues, fieldId: string, lookup: Map<string, number>, categories: readonly Category[]): Read {
  const raw = values[fieldId];
  if (isBlank(raw)) return { kind: "missing", field: fieldId };
  const match = lookup.get(fold(String(raw instanceof Date ? raw.toISOString() : typeof raw === "object" && raw ? raw.error : raw)));
  if (match === undefined) {
    const allowed = categories.map((c) => c.label["zh-CN"]).join("、");
    const allowedEn = categories.map((c) => c.label["en-US"]).join(", ");
    return {
      kind: "bad",
      field: fieldId,
      raw,
      message: text(`“${shownValue(raw)}”不是可选值（${allowed}）`, `"${shownValue(raw)}" is not one of: ${allowedEn}`),
    };
  }
  return { kind: "ok", match, value: categories[match].id };
}

const NO_ISSUES: Issue[] = [];

/**
 * Scores one customer. Never throws for bad input: problems become issues.
 * `today` (default: the local calendar day) turns close dates into months.
 */
export function scoreRow(cm: CompiledModel, values: RowValues, today?: Date): RowResult {
  const criteria: CriterionResult[] = new Array(cm.criteria.length);
  let issues = NO_ISSUES;
  let missingIssues = NO_ISSUES;
  let failed = false;

  for (let i = 0; i < cm.criteria.length; i++) {
    const c = cm.criteria[i];
    const r = c.read(values, today);
    if (r.kind === "ok") {
      const points = c.valueIsPoints ? (r.value as number) : c.pointsOf[r.match];
      criteria[i] = { points, level: c.levelOf[r.match], match: r.match, value: r.value, assumedWorst: false, input: "read" };
      if (r.warning && r.field) issues = [...issues, { severity: "warning", field: r.field, value: values[r.field], message: r.warning }];
      continue;
    }
    const byPolicy = c.def.missing === "worst";
    const input = r.kind === "missing" ? "missing" : "invalid";
    if (byPolicy) {
      criteria[i] = { points: c.pointsOf[c.worst], level: c.levelOf[c.worst], match: c.worst, value: null, assumedWorst: true, input };
    } else {
      criteria[i] = { points: null, level: null, match: -1, value: null, assumedWorst: false, input };
      failed = true;
    }
    const issue = readIssue(cm.fields.get(r.field)!, r, values, byPolicy);
    if (r.kind === "missing" && !byPolicy) missingIssues = [...missingIssues, issue];
    else issues = [...issues, issue];
  }

  const { score, tier, sub, grade } = combine(cm, criteria, failed);
  if (tier === null) return { criteria, score, tier, sub, grade, issues: missingIssues === NO_ISSUES ? issues : [...missingIssues, ...issues] };
  // Tiered although an input failed: the outcome did not depend on it (close-time: need
  // "none" is E whatever the months). A blank there is normal; a bad value is still worth a look.
  if (failed) issues = issues.map((x) => (x.severity === "error" ? { ...x, severity: "warning" as const } : x));
  return { criteria, score, tier, sub, grade, issues };
}

function readIssue(field: FieldDef, r: Exclude<Read, { kind: "ok" }>, values: RowValues, byPolicy: boolean): Issue {
  const note = byPolicy ? text("，按最低档计", "; scored as the worst band") : text("", "");
  const message =
    r.kind === "missing"
      ? text(`缺少${field.label["zh-CN"]}`, `${field.label["en-US"]} is missing`)
      : r.message;
  return {
    severity: byPolicy ? "warning" : "error",
    field: field.id,
    value: values[field.id],
    message: text(message["zh-CN"] + note["zh-CN"], message["en-US"] + note["en-US"]),
  };
}

function combine(cm: CompiledModel, criteria: CriterionResult[], failed: boolean): Pick<RowResult, "score" | "tier" | "sub" | "grade"> {
  const { model } = cm;
  const none = { score: null, tier: null, sub: "" as const, grade: null };
  if (model.combine === "sum") {
    if (failed) return none;
    let sum = 0;
    let factor = 1;
    for (let i = 0; i < criteria.length; i++) {
      const c = model.criteria[i];
      const p = criteria[i].points ?? 0;
      if (c.role === "multiplier") factor *= p;
      else sum += c.weight === undefined ? p : (p * c.weight) / 100;
    }
    // Round away binary noise: (90×50% + 70×50%) × 1.05 must be 84, not 84.00000000000001.
    const score = Math.round(sum * factor * 1e6) / 1e6;
    const tiers = model.tiers;
    let t = 0;
    while (t < tiers.length - 1 && score < (tiers[t].minScore as number)) t++;
    return { score, tier: tiers[t].id, sub: "", grade: tiers[t].id };
  }
  if (model.combine === "grid") {
    if (failed) return none;
    const t = cm.grid!.tierOf(criteria.map((c) => c.points ?? 0));
    const tier = model.tiers[t].id;
    return { score: null, tier, sub: "", grade: tier };
  }
  // worst / best level: tiers are listed best first, so worst = highest index.
  const worst = model.combine === "worst";
  let pick = -1;
  let pickSub: "" | "+" | "-" = "";
  model.criteria.forEach((c, i) => {
    const level = criteria[i].level;
    if (level === null) return;
    const idx = cm.tierIndex.get(level)!;
    if (pick < 0 || (worst ? idx > pick : idx < pick)) {
      pick = idx;
      pickSub = c.kind === "categories" ? (c.categories[criteria[i].match].sub ?? "") : "";
    }
  });
  if (pick < 0) return none;
  // A missing input only matters if it could still change the outcome
  // (close-time: need "none" is E whatever the months).
  const decided = cm.criteria.every((c, i) => {
    if (criteria[i].level !== null) return true;
    const [best, worstIdx] = c.levelRange;
    return worst ? worstIdx <= pick : best >= pick;
  });
  if (failed && !decided) return none;
  const tier = model.tiers[pick].id;
  return { score: null, tier, sub: pickSub, grade: tier + pickSub };
}

/** Scores many customers; the result arrays line up with the input. */
export function scoreRows(cm: CompiledModel, rows: readonly RowValues[], today?: Date): RowResult[] {
  const out = new Array<RowResult>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = scoreRow(cm, rows[i], today);
  return out;
}
