import type { Band, Bound, Criterion, Model, PopulationCuts, Text } from "./model";
import { text } from "./model";
import { formatNumber } from "./text/format";
import { fold } from "./text/normalize";

/** One thing wrong with a model, located by a path such as `criteria[0].bands[2]`. */
export interface ModelProblem {
  path: string;
  message: Text;
}

export class ModelError extends Error {
  constructor(readonly problems: ModelProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message["en-US"]}`).join("\n"));
    this.name = "ModelError";
  }
}

const COMBINES = new Set(["sum", "worst", "best", "grid"]);
const NUMERIC_KINDS = new Set(["money", "days", "count", "number", "date"]);
const HEX = /^#[0-9a-f]{6}$/i;

/** Every problem of a model; an empty list means the engine can compile it. */
export function validateModel(model: Model): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (path: string, zh: string, en: string) => problems.push({ path, message: text(zh, en) });

  const fieldIds = new Set<string>();
  model.fields.forEach((f, i) => {
    if (fieldIds.has(f.id)) add(`fields[${i}]`, `字段“${f.id}”重复`, `field "${f.id}" is defined twice`);
    fieldIds.add(f.id);
  });
  const fieldKind = (id: string) => model.fields.find((f) => f.id === id)?.kind;

  if (model.tiers.length < 2) add("tiers", "至少需要两个等级", "a model needs at least two tiers");
  const tierIds = new Set(model.tiers.map((t) => t.id));
  model.tiers.forEach((t, i) => {
    if (!HEX.test(t.color) || !HEX.test(t.textColor)) {
      add(`tiers[${i}]`, `等级 ${t.id} 的颜色应为 #RRGGBB`, `tier ${t.id}: colours must be #RRGGBB`);
    }
  });

  if (!COMBINES.has(model.combine)) {
    add("combine", `未知的组合方式“${String(model.combine)}”（可用：sum、worst、best、grid）`, `unknown combine "${String(model.combine)}" (use sum, worst, best or grid)`);
  }
  if (model.combine === "grid") checkGrid(model, add);
  else if (model.grid) add("grid", "只有 grid 组合方式使用分级表", "only a grid model has a tier grid");
  if (model.combine === "sum") checkThresholds(model, add);
  else if (model.tiers.some((t) => t.minScore !== undefined)) {
    add("tiers", "按等级组合的模型不使用分数线", "a worst/best-level model has no score thresholds");
  }

  if (model.criteria.length === 0) add("criteria", "至少需要一个评分项", "a model needs at least one criterion");
  model.criteria.forEach((c, i) => {
    const path = `criteria[${i}]`;
    for (const field of criterionFields(c)) {
      const kind = fieldKind(field);
      if (!kind) add(path, `评分项“${c.label["zh-CN"]}”引用了未知字段“${field}”`, `criterion "${c.label["en-US"]}" reads unknown field "${field}"`);
      else if ((c.kind === "bands" || c.kind === "value") && !NUMERIC_KINDS.has(kind)) {
        add(path, `字段“${field}”不是数值，不能分段`, `field "${field}" is not numeric and cannot be banded`);
      } else if ((c.kind === "categories" || c.kind === "table") && kind !== "category") {
        add(path, `字段“${field}”不是类别`, `field "${field}" is not a category field`);
      }
    }
    const outcomes = outcomesOf(c);
    for (const [j, o] of outcomes.entries()) {
      if ((model.combine === "sum" || model.combine === "grid") && typeof o.points !== "number") {
        add(`${path}.${o.where}`, `第 ${j + 1} 档缺少分值`, `option ${j + 1} has no points`);
      }
      if ((model.combine === "worst" || model.combine === "best") && (o.level === undefined || !tierIds.has(o.level))) {
        add(`${path}.${o.where}`, `第 ${j + 1} 档的等级“${o.level ?? ""}”不是模型的等级`, `option ${j + 1}: level "${o.level ?? ""}" is not one of the model's tiers`);
      }
    }
    if (c.kind === "bands" && c.population) checkPopulation(c.population, c.bands.length, path, add);
    else if (c.kind === "bands") checkBands(c.bands, path, add);
    if (c.kind === "categories") checkSynonyms(c.categories, path, add);
    if (c.kind === "table") {
      checkSynonyms(c.rows, `${path}.rows`, add);
      checkSynonyms(c.cols, `${path}.cols`, add);
      if (c.points.length !== c.rows.length || c.points.some((r) => r.length !== c.cols.length)) {
        add(path, "分值表的行列数与类别数不一致", "the points table does not match the row and column categories");
      }
    }
    if (c.kind === "value" && !(c.min < c.max)) add(path, "取值范围的最小值应小于最大值", "value range: min must be below max");
    if ((c.kind === "value" || c.kind === "table") && model.combine !== "sum") {
      add(path, "此类评分项只能用于加总模型", "this kind of criterion only works in a sum model");
    }
  });

  const weighted = model.criteria.filter((c) => c.role !== "multiplier");
  if (model.combine === "sum" && weighted.some((c) => c.weight !== undefined)) {
    if (weighted.some((c) => c.weight === undefined)) {
      add("criteria", "部分评分项有权重、部分没有：请都设置权重", "some criteria have a weight and some do not: give every criterion a weight");
    } else {
      const total = weighted.reduce((s, c) => s + (c.weight ?? 0), 0);
      if (Math.abs(total - 100) > 1e-9) {
        add("criteria", `权重合计 ${formatNumber(total)}%，应为 100%`, `weights add up to ${formatNumber(total)}%, not 100%`);
      }
    }
  }
  if (model.valueField && !["money", "number", "count"].includes(fieldKind(model.valueField) ?? "")) {
    add("valueField", `汇总金额字段“${model.valueField}”应为数值字段`, `the summary value field "${model.valueField}" must be a numeric field`);
  }
  const after = model.history?.downgradeAfter;
  if (after !== undefined && !(Number.isInteger(after) && after >= 1)) {
    add("history.downgradeAfter", "降级前需连续的期数应为正整数", "the snapshots a downgrade must hold for must be a whole number, 1 or more");
  }
  const recall = model.history?.recall;
  if (recall && !tierIds.has(recall.tier)) {
    add("history.recall", `“${recall.tier}”不是模型的等级`, `"${recall.tier}" is not one of the model's tiers`);
  }
  const months = model.review?.months;
  if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 120)) {
    add("review.months", "复核周期应为 1 到 120 之间的整数（月）", "the review cadence must be a whole number of months from 1 to 120");
  }
  if (model.followUpField && fieldKind(model.followUpField) !== "date") {
    add("followUpField", "跟进日期字段应为日期", "the follow-up field must be a date field");
  }
  if (model.visits) checkVisits(model, add, fieldKind);
  return problems;
}

export function criterionFields(c: Criterion): string[] {
  return c.kind === "table" ? [c.rowField, c.colField] : [c.field];
}

interface Outcome {
  points?: number;
  level?: string;
  where: string;
}

function outcomesOf(c: Criterion): Outcome[] {
  switch (c.kind) {
    case "bands":
      return c.bands.map((b, i) => ({ points: b.points, level: b.level, where: `bands[${i}]` }));
    case "categories":
      return c.categories.map((k, i) => ({ points: k.points, level: k.level, where: `categories[${i}]` }));
    case "table":
      return c.points.flatMap((row, r) => row.map((p, k) => ({ points: p, where: `points[${r}][${k}]` })));
    case "value":
      return [{ points: 0, where: "value" }];
  }
}

type Add = (path: string, zh: string, en: string) => void;

function checkThresholds(model: Model, add: Add) {
  const tiers = model.tiers;
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1;
    if (!last && typeof t.minScore !== "number") {
      add(`tiers[${i}]`, `等级 ${t.id} 缺少分数线`, `tier ${t.id} has no score threshold`);
    }
    if (last && t.minScore !== undefined) {
      add(`tiers[${i}]`, `最低等级 ${t.id} 不应有分数线（其余都归入它）`, `the lowest tier ${t.id} takes everything below: it has no threshold`);
    }
    const prev = tiers[i - 1]?.minScore;
    if (i > 0 && typeof prev === "number" && typeof t.minScore === "number" && !(t.minScore < prev)) {
      add(`tiers[${i}]`, `分数线顺序错误：${t.id} 的 ${formatNumber(t.minScore)} 应低于上一级的 ${formatNumber(prev)}`, `thresholds out of order: ${t.id} at ${formatNumber(t.minScore)} must be below ${formatNumber(prev)}`);
    }
  });
}

/** Lower-bound order: an open lower bound first, then by value, inclusive before exclusive. */
function lowerKey(b: Band): [number, number] {
  if (!b.min) return [-Infinity, 0];
  return [b.min.value, b.min.inclusive ? 0 : 1];
}

/** Bands must not overlap and must leave no gap between the lowest and the highest. */
function checkBands(bands: Band[], path: string, add: Add) {
  if (bands.length === 0) return add(path, "没有分段", "no bands");
  bands.forEach((b, i) => {
    if (b.min && b.max && (b.min.value > b.max.value || (b.min.value === b.max.value && !(b.min.inclusive && b.max.inclusive)))) {
      add(`${path}.bands[${i}]`, `第 ${i + 1} 段是空区间`, `band ${i + 1} is empty`);
    }
  });
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => {
    const [a, ai] = lowerKey(x.b);
    const [b, bi] = lowerKey(y.b);
    return a - b || ai - bi;
  });
  for (let k = 1; k < order.length; k++) {
    const lo = order[k - 1];
    const hi = order[k];
    const end: Bound | undefined = lo.b.max;
    const start: Bound | undefined = hi.b.min;
    const where = `${path}.bands[${hi.i}]`;
    if (!end || !start || end.value > start.value || (end.value === start.value && end.inclusive && start.inclusive)) {
      add(where, `第 ${lo.i + 1} 段与第 ${hi.i + 1} 段重叠`, `bands ${lo.i + 1} and ${hi.i + 1} overlap`);
    } else if (end.value < start.value || (!end.inclusive && !start.inclusive)) {
      add(where, `第 ${lo.i + 1} 段与第 ${hi.i + 1} 段之间有空档`, `there is a gap between bands ${lo.i + 1} and ${hi.i + 1}`);
    }
  }
}

function checkSynonyms(categories: { id: string; label: Text; synonyms: string[] }[], path: string, add: Add) {
  const seen = new Map<string, string>();
  for (const c of categories) {
    for (const s of [c.id, c.label["zh-CN"], c.label["en-US"], ...c.synonyms]) {
      const key = fold(s);
      const owner = seen.get(key);
      if (owner !== undefined && owner !== c.id) {
        add(path, `“${s}”同时指向 ${owner} 和 ${c.id}`, `"${s}" means both ${owner} and ${c.id}`);
      }
      seen.set(key, c.id);
    }
  }
}

/** Cut points from the customers: as many as the bands need, in the order their statistic needs. */
function checkPopulation(p: PopulationCuts, bands: number, path: string, add: Add) {
  const where = `${path}.population`;
  if (p.tie !== "below" && p.tie !== "above") add(where, "请说明等于分界点的值归入哪一段（below 或 above）", 'say which band a value equal to a cut point falls in ("below" or "above")');
  const wanted = p.stat === "mean" ? 1 : (p.at?.length ?? 0);
  if (!["percentile", "mean", "pareto"].includes(p.stat)) {
    add(where, `未知的分界点算法“${String(p.stat)}”（可用：percentile、mean、pareto）`, `unknown cut statistic "${String(p.stat)}" (use percentile, mean or pareto)`);
    return;
  }
  if (p.stat !== "mean") {
    const at = p.at ?? [];
    const inRange = at.every((k) => k >= 0 && k <= 1);
    const ordered = at.every((k, i) => i === 0 || (p.stat === "percentile" ? k > at[i - 1] : k < at[i - 1]));
    if (!at.length || !inRange || !ordered) {
      add(
        where,
        p.stat === "percentile" ? "百分位应在 0 到 1 之间并从小到大排列" : "帕累托占比应在 0 到 1 之间并从大到小排列（如 0.95、0.8）",
        p.stat === "percentile" ? "percentiles must be between 0 and 1, ascending" : "Pareto shares must be between 0 and 1, descending (e.g. 0.95, 0.8)",
      );
    }
  }
  if (bands !== wanted + 1) add(where, `${wanted} 个分界点应分出 ${wanted + 1} 段，现有 ${bands} 段`, `${wanted} cut points make ${wanted + 1} bands, not ${bands}`);
  if (p.fixed) {
    const ordered = p.fixed.every((x, i) => Number.isFinite(x) && (i === 0 || x >= p.fixed![i - 1]));
    if (p.fixed.length !== wanted || !ordered) {
      add(where, `固定分界点应为 ${wanted} 个从小到大的数`, `fixed cut points must be ${wanted} numbers, ascending`);
    }
  }
}

/** Every cell a tier, the table's size matching its points, every reachable row and column present. */
function checkGrid(model: Model, add: Add) {
  const g = model.grid;
  if (!g) return add("grid", "grid 组合方式需要分级表", "a grid model needs a tier grid");
  const byId = new Map(model.criteria.map((c) => [c.id, c]));
  const tierIds = new Set(model.tiers.map((t) => t.id));
  const pointsOf = (id: string): number[] | undefined => {
    const c = byId.get(id);
    if (!c) {
      add("grid", `分级表引用了未知评分项“${id}”`, `the tier grid reads unknown criterion "${id}"`);
      return undefined;
    }
    return outcomesOf(c).map((o) => o.points ?? NaN);
  };
  if (model.tiers.some((t) => t.minScore !== undefined)) add("tiers", "分级表模型不使用分数线", "a grid model has no score thresholds");
  if (g.tiers.length !== g.rowPoints.length || g.tiers.some((r) => r.length !== g.colPoints.length)) {
    add("grid", "分级表的行列数与行、列分值个数不一致", "the tier grid's size does not match its row and column points");
  }
  g.tiers.forEach((r, i) =>
    r.forEach((t, j) => {
      if (!tierIds.has(t)) add(`grid.tiers[${i}][${j}]`, `“${t}”不是模型的等级`, `"${t}" is not one of the model's tiers`);
    }),
  );
  const rows = pointsOf(g.row);
  if (rows) for (const p of new Set(rows)) if (!g.rowPoints.includes(p)) add("grid", `分级表缺少 ${formatNumber(p)} 分这一行`, `the tier grid has no row for ${formatNumber(p)} points`);
  const cols = g.cols.map(pointsOf);
  if (!g.cols.length) add("grid", "分级表至少需要一个列评分项", "the tier grid needs at least one column criterion");
  else if (cols.every((c) => c !== undefined)) {
    // Every combination of the column criteria's points, averaged and rounded as Excel's ROUND does.
    let sums = new Set([0]);
    for (const c of cols) sums = new Set([...sums].flatMap((s) => [...new Set(c)].map((p) => s + p)));
    for (const s of sums) {
      const v = roundHalfAway(s / g.cols.length);
      if (!g.colPoints.includes(v)) add("grid", `分级表缺少 ${g.colLabel["zh-CN"]} ${formatNumber(v)} 这一列`, `the tier grid has no column for ${g.colLabel["en-US"]} ${formatNumber(v)}`);
    }
  }
}

/** Visit zones: the last one catches everyone else; visits a month positive, within its range; conditions on criteria with points. */
function checkVisits(model: Model, add: Add, fieldKind: (id: string) => string | undefined) {
  const v = model.visits!;
  if (v.lastVisitField !== undefined && fieldKind(v.lastVisitField) !== "date") {
    add("visits.lastVisitField", "上次拜访字段应为日期字段", "the last-visit field must be a date field");
  }
  if (!Array.isArray(v.zones) || v.zones.length === 0) return add("visits.zones", "至少需要一个拜访区域", "visits need at least one zone");
  const ids = new Set<string>();
  const byId = new Map(model.criteria.map((c) => [c.id, c]));
  v.zones.forEach((z, i) => {
    const path = `visits.zones[${i}]`;
    const last = i === v.zones.length - 1;
    if (!z.id || ids.has(z.id)) add(path, `拜访区域“${z.id ?? ""}”缺少编号或重复`, `visit zone "${z.id ?? ""}" has no id or is defined twice`);
    ids.add(z.id);
    if (typeof z.label?.["zh-CN"] !== "string" || typeof z.label?.["en-US"] !== "string") add(path, `拜访区域 ${z.id} 缺少中英文名称`, `visit zone ${z.id} needs a name in Chinese and English`);
    if (!Array.isArray(z.when ?? [])) add(path, `拜访区域 ${z.id} 的条件应为列表`, `visit zone ${z.id}: its conditions must be a list`);
    if (!HEX.test(z.color) || !HEX.test(z.textColor)) add(path, `拜访区域 ${z.id} 的颜色应为 #RRGGBB`, `visit zone ${z.id}: colours must be #RRGGBB`);
    if (!(typeof z.perMonth === "number" && z.perMonth > 0 && z.perMonth <= 31)) {
      add(path, `拜访区域 ${z.id} 的每月拜访次数应大于 0 且不超过 31`, `visit zone ${z.id}: visits a month must be above 0 and at most 31`);
    }
    if (z.range && !(z.range.length === 2 && z.range[0] > 0 && z.range[0] <= z.perMonth && z.perMonth <= z.range[1])) {
      add(path, `拜访区域 ${z.id} 的每月拜访次数 ${formatNumber(z.perMonth)} 应在范围内`, `visit zone ${z.id}: ${formatNumber(z.perMonth)} visits a month must lie within its range`);
    }
    const when = Array.isArray(z.when) ? z.when : [];
    if (last && when.length) add(path, "最后一个拜访区域不应有条件（其余客户都归入它）", "the last visit zone takes everyone else: it has no conditions");
    if (!last && !when.length) add(path, `拜访区域 ${z.id} 缺少条件（只有最后一个区域可以没有）`, `visit zone ${z.id} has no conditions (only the last zone may have none)`);
    when.forEach((c, k) => {
      const where = `${path}.when[${k}]`;
      const criterion = byId.get(c.criterion);
      if (!criterion) return add(where, `拜访区域条件引用了未知评分项“${c.criterion}”`, `a visit zone condition reads unknown criterion "${c.criterion}"`);
      if (model.combine !== "sum" && model.combine !== "grid") add(where, "拜访区域按评分项的分值划分，只能用于有分值的模型", "visit zones test criterion points: only models with points have them");
      const finite = (x: number | undefined) => x === undefined || Number.isFinite(x);
      if ((c.min === undefined && c.max === undefined) || !finite(c.min) || !finite(c.max) || (c.min !== undefined && c.max !== undefined && c.min > c.max)) {
        add(where, "拜访区域条件应给出下限或上限，且下限不高于上限", "a visit zone condition needs a minimum or a maximum, the minimum not above the maximum");
      }
    });
  });
}

/** Excel's ROUND(x, 0): halves away from zero (JavaScript's Math.round takes −2.5 to −2). */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
