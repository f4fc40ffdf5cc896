import type { Band, Lang, Text } from "./model";
import type { CompiledModel, RowResult } from "./score";
import { formatNumber } from "./text/format";

/** The explanation's words, shared with its live formula on the tier sheet (plan/why-formula.ts). */
export const EXPLAIN_WORDS = {
  and: { "zh-CN": " 且 ", "en-US": " and " },
  sep: { "zh-CN": "；", "en-US": "; " },
  missing: { "zh-CN": "缺失", "en-US": "missing" },
  invalid: { "zh-CN": "无效", "en-US": "invalid" },
  missingWorst: { "zh-CN": "缺失，按最低档", "en-US": "missing, worst band" },
  invalidWorst: { "zh-CN": "无效，按最低档", "en-US": "invalid, worst band" },
  total: { "zh-CN": "合计", "en-US": "total" },
  worst: { "zh-CN": "取最低", "en-US": "worst level" },
  best: { "zh-CN": "取最高", "en-US": "best level" },
  notTiered: { "zh-CN": "无法分级", "en-US": "not tiered" },
} satisfies Record<string, Text>;

const described = new WeakMap<Band, Record<Lang, string>>();

/** `> 30 且 ≤ 45`, cached per band: explanations are built for every row of large sheets. */
function bandCondition(band: Band, lang: Lang): string {
  let texts = described.get(band);
  if (!texts) {
    texts = { "zh-CN": describeBand(band, "zh-CN"), "en-US": describeBand(band, "en-US") };
    described.set(band, texts);
  }
  return texts[lang];
}

/** `> 30 且 ≤ 45`: the band's bounds as a condition on the value. */
export function describeBand(band: Band, lang: Lang): string {
  const lo = band.min ? `${band.min.inclusive ? "≥" : ">"} ${formatNumber(band.min.value)}` : "";
  const hi = band.max ? `${band.max.inclusive ? "≤" : "<"} ${formatNumber(band.max.value)}` : "";
  return lo && hi ? lo + EXPLAIN_WORDS.and[lang] + hi : lo || hi || "*";
}

/**
 * One line saying how a row got its tier, e.g.
 * `月均销售额 25,000 ≥ 20,000 → 70；回款 20 天 ≤ 30 → 30；合计 100 → A`.
 */
export function explainRow(cm: CompiledModel, result: RowResult, lang: Lang): string {
  const { model } = cm;
  const parts = model.criteria.map((c, i) => {
    const r = result.criteria[i];
    const label = c.label[lang];
    const gives = r.level ?? (r.points === null ? "" : (c.code ?? "") + formatNumber(r.points));
    const weight = c.weight === undefined ? "" : ` × ${formatNumber(c.weight)}%`;
    const prefix = c.role === "multiplier" ? "× " : "";
    if (r.assumedWorst) return `${label} ${EXPLAIN_WORDS[r.input === "invalid" ? "invalidWorst" : "missingWorst"][lang]} → ${prefix}${gives}${weight}`;
    if (r.match < 0) return `${label} ${EXPLAIN_WORDS[r.input === "invalid" ? "invalid" : "missing"][lang]}`;
    switch (c.kind) {
      case "bands": {
        const field = cm.fields.get(c.field)!;
        const unit = field.unit ? ` ${field.unit[lang]}` : "";
        return `${label} ${formatNumber(r.value as number)}${unit} ${bandCondition(c.bands[r.match], lang)} → ${prefix}${gives}${weight}`;
      }
      case "value":
        return `${label} ${formatNumber(r.value as number)}${weight}`;
      case "categories":
        return `${label} ${c.categories[r.match].label[lang]} → ${prefix}${gives}${weight}`;
      case "table": {
        const n = c.cols.length;
        const row = c.rows[Math.floor(r.match / n)].label[lang];
        const col = c.cols[r.match % n].label[lang];
        return `${label} ${row} × ${col} → ${gives}${weight}`;
      }
    }
  });
  const outcome = result.grade ?? EXPLAIN_WORDS.notTiered[lang];
  if (cm.grid && model.grid) {
    // RFM: the column value (FM) and the segment by name: `FM 5 → 冠军客户`.
    const tier = result.tier === null ? EXPLAIN_WORDS.notTiered[lang] : model.tiers[cm.tierIndex.get(result.tier)!].label[lang];
    const fm = result.tier === null ? "?" : formatNumber(cm.grid.colValue(result.criteria.map((c) => c.points ?? 0)));
    return [...parts, `${model.grid.colLabel[lang]} ${fm} → ${tier}`].join(EXPLAIN_WORDS.sep[lang]);
  }
  const total =
    model.combine === "sum"
      ? `${EXPLAIN_WORDS.total[lang]} ${result.score === null ? "?" : formatNumber(result.score)} → ${outcome}`
      : `${EXPLAIN_WORDS[model.combine === "best" ? "best" : "worst"][lang]} → ${outcome}`;
  // A single-criterion level model needs no "worst level" step.
  if (model.combine !== "sum" && model.criteria.length === 1) return `${parts[0]}`.replace(/→ .*$/, `→ ${outcome}`);
  return [...parts, total].join(EXPLAIN_WORDS.sep[lang]);
}
