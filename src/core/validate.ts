import type { Band, Bound, Criterion, Model, Text } from "./model";
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

  if (model.combine === "rankShare") {
    add("combine", "按排名占比分级尚未支持", "tiers cut by rank share are not supported yet");
  }
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
      if (model.combine === "sum" && typeof o.points !== "number") {
        add(`${path}.${o.where}`, `第 ${j + 1} 档缺少分值`, `option ${j + 1} has no points`);
      }
      if ((model.combine === "worst" || model.combine === "best") && (o.level === undefined || !tierIds.has(o.level))) {
        add(`${path}.${o.where}`, `第 ${j + 1} 档的等级“${o.level ?? ""}”不是模型的等级`, `option ${j + 1}: level "${o.level ?? ""}" is not one of the model's tiers`);
      }
    }
    if (c.kind === "bands") checkBands(c.bands, path, add);
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
  if (model.followUpField && fieldKind(model.followUpField) !== "date") {
    add("followUpField", "跟进日期字段应为日期", "the follow-up field must be a date field");
  }
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
