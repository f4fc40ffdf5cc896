/**
 * The model described from its numbers, for models the user edited: the
 * preset's own words ("合计 ≥80 为 A") stop being true the moment a threshold
 * moves, so the pane, the rules sheet and the summary use this instead.
 */
import type { Criterion, Lang, Model, Text } from "./model";
import { formatNumber } from "./text/format";

function topPoints(c: Criterion): number | undefined {
  const all =
    c.kind === "bands" ? c.bands.map((b) => b.points) : c.kind === "categories" ? c.categories.map((k) => k.points) : c.kind === "table" ? c.points.flat() : [c.max];
  const nums = all.filter((p): p is number => typeof p === "number");
  return nums.length ? Math.max(...nums) : undefined;
}

function sumSentence(model: Model, lang: Lang): string {
  const zh = lang === "zh-CN";
  const parts = model.criteria.map((c) => {
    const top = topPoints(c);
    const label = c.label[lang];
    if (c.role === "multiplier") return zh ? `${label}为乘数` : `${label} multiplies the score`;
    const weight = c.weight === undefined ? "" : zh ? `（权重 ${formatNumber(c.weight)}%）` : ` (weight ${formatNumber(c.weight)}%)`;
    if (top === undefined) return `${label}${weight}`;
    return zh ? `${label}最高 ${formatNumber(top)} 分${weight}` : `${label} gives up to ${formatNumber(top)} points${weight}`;
  });
  const last = model.tiers.length - 1;
  const cuts = model.tiers.map((t, i) => {
    if (i === last) return zh ? `其余为 ${t.id}` : `the rest ${t.id}`;
    const min = formatNumber(t.minScore ?? 0);
    return zh ? `≥${min} 为 ${t.id}` : `${min} or more ${i === 0 ? "is " : ""}${t.id}`;
  });
  return zh ? `${parts.join("、")}；合计 ${cuts.join("，")}。` : `${parts.join("; ")}. A total of ${cuts.join(", ")}.`;
}

function levelSentence(model: Model, lang: Lang): string {
  const labels = model.criteria.map((c) => c.label[lang]);
  const worst = model.combine === "worst";
  if (lang === "zh-CN") return `${labels.join("、")}各给出一个等级，取其中${worst ? "最低" : "最高"}者（${model.tiers.map((t) => t.id).join(" > ")}）。`;
  return `${labels.join(", ")} each give a tier; the ${worst ? "lowest" : "highest"} of them counts (${model.tiers.map((t) => t.id).join(" > ")}).`;
}

/** One sentence per language saying how the model tiers, from its current numbers. */
export function describeModel(model: Model): Text {
  const say = (lang: Lang) => (model.combine === "sum" ? sumSentence(model, lang) : levelSentence(model, lang));
  return { "zh-CN": say("zh-CN"), "en-US": say("en-US") };
}
