import { formatNumber, PRESETS, text, type FieldDef, type Text } from "../core";

/** Every message the custom functions show in a cell, in both languages. */

/** `revenue (Monthly sales): …`: the argument as typed in the formula, and what the model reads from it. */
export function argumentMessage(argument: string, field: FieldDef | undefined, message: Text): Text {
  const zhField = field ? `（${field.label["zh-CN"]}）` : "";
  const enField = field ? ` (${field.label["en-US"]})` : "";
  return text(`${argument}${zhField}：${message["zh-CN"]}`, `${argument}${enField}: ${message["en-US"]}`);
}

export function unknownModel(id: string): Text {
  const ids = PRESETS.map((m) => m.id);
  return text(`没有名为“${id}”的模型，可用：${ids.join("、")}`, `There is no model "${id}"; use one of: ${ids.join(", ")}`);
}

/** Value presets cut by all the customers: RFM and ABC have their own functions; the others are for the pane and the CLI. */
export function wholeColumnModel(id: string): Text {
  const own = id === "rfm" ? "RFM" : id === "abc" ? "ABC" : undefined;
  if (own) {
    return text(
      `模型“${id}”的分界点由全部客户算出：请用 CUSTTIER.${own}，把整列区域作为参数`,
      `Model "${id}" takes its cut points from all the customers: use CUSTTIER.${own} with whole-column ranges`,
    );
  }
  return text(
    `模型“${id}”的分界点由全部客户算出，暂不能在单元格函数中使用：请在任务窗格或 custtier score 中使用`,
    `Model "${id}" takes its cut points from all the customers and cannot be used in a cell function yet: use it in the task pane or custtier score`,
  );
}

/** ABC's [cutA] and [cutB]: shares of the total, 0 < cutA < cutB ≤ 1. */
export function paretoLimits(cutA: number, cutB: number): Text {
  return text(
    `cutA 与 cutB 是占总额的比例，须 0 < cutA < cutB ≤ 1（如 0.8 与 0.95，或 80% 与 95%），收到 ${formatNumber(cutA)} 与 ${formatNumber(cutB)}`,
    `cutA and cutB are shares of the total and must be 0 < cutA < cutB ≤ 1 (e.g. 0.8 and 0.95, or 80% and 95%); got ${formatNumber(cutA)} and ${formatNumber(cutB)}`,
  );
}

function fieldList(fields: readonly FieldDef[]): Text {
  return text(fields.map((f) => f.label["zh-CN"]).join("、"), fields.map((f) => f.label["en-US"]).join(", "));
}

/** TIER/SCORE/WHY take exactly two inputs; other presets go through GRADE. */
export function useGrade(modelId: string, fields: readonly FieldDef[]): Text {
  const list = fieldList(fields);
  return text(
    `模型 ${modelId} 需要 ${fields.length} 个值（${list["zh-CN"]}），本函数只接受 2 个：请用 CUSTTIER.GRADE("${modelId}", …)`,
    `Model ${modelId} takes ${fields.length} values (${list["en-US"]}) but this function takes 2: use CUSTTIER.GRADE("${modelId}", …)`,
  );
}

export function noScore(modelId: string): Text {
  return text(
    `模型 ${modelId} 按等级分级，没有分数：请用 CUSTTIER.TIER 或 CUSTTIER.GRADE`,
    `Model ${modelId} grades by level and has no score: use CUSTTIER.TIER or CUSTTIER.GRADE`,
  );
}

export function valueCount(modelId: string, fields: readonly FieldDef[], given: number): Text {
  const list = fieldList(fields);
  return text(
    `模型 ${modelId} 需要 ${fields.length} 个值（${list["zh-CN"]}），收到 ${given} 个`,
    `Model ${modelId} takes ${fields.length} values (${list["en-US"]}), got ${given}`,
  );
}

/** `3×1`: rows × columns, as Excel users read a range's size. */
export function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

export function shapeMismatch(argument: string, shape: string, other: string, otherShape: string): Text {
  return text(
    `${argument} 是 ${shape} 的区域，${other} 是 ${otherShape}：区域须同样大小，或为单个值`,
    `${argument} is ${shape} but ${other} is ${otherShape}: ranges must be the same size, or a single value`,
  );
}

export const notTiered: Text = text("无法分级", "cannot be tiered");

export const noThresholds: Text = text("没有分档线", "no thresholds given");

export const blankCell: Text = text("含空单元格", "has an empty cell");

export function thresholdsNotAscending(previous: number, next: number): Text {
  return text(
    `须从小到大排列，但 ${formatNumber(next)} 排在 ${formatNumber(previous)} 之后`,
    `must go up, but ${formatNumber(next)} comes after ${formatNumber(previous)}`,
  );
}

export function bandLengths(thresholds: number, points: number): Text {
  return text(
    `有 ${points} 个分数，分档线却有 ${thresholds} 个：须一一对应`,
    `${points} values for ${thresholds} thresholds: give one per threshold`,
  );
}

export function belowFirstThreshold(value: number, first: number): Text {
  return text(
    `${formatNumber(value)} 小于第一个分档线 ${formatNumber(first)}`,
    `${formatNumber(value)} is below the first threshold ${formatNumber(first)}`,
  );
}
