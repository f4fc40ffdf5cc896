import type { Band, Lang, Text } from "./model";
import type { CompiledModel, RowResult } from "./score";
import { formatNumber } from "./text/format";

const WORDS = {
  and: { "zh-CN": " 且 ", "en-US": " and " },
  sep: { "zh-CN": "；", "en-US": "; " },
  missing: { "zh-CN": "缺失", "en-US": "missing" },
  assumedWorst: { "zh-CN": "缺失，按最低档", "en-US": "missing, worst band" },
  total: { "zh-CN": "合计", "en-US": "total" },
  worst: { "zh-CN": "取最低", "en-US": "worst level" },
  best: { "zh-CN": "取最高", "en-US": "best level" },
  notTiered: { "zh-CN": "无法分级", "en-US": "not tiered" },
} satisfies Record<string, Text>;

/** `> 30 且 ≤ 45`: the band's bounds as a condition on the value. */
export function describeBand(band: Band, lang: Lang): string {
  const lo = band.min ? `${band.min.inclusive ? "≥" : ">"} ${formatNumber(band.min.value)}` : "";
  const hi = band.max ? `${band.max.inclusive ? "≤" : "<"} ${formatNumber(band.max.value)}` : "";
  return lo && hi ? lo + WORDS.and[lang] + hi : lo || hi || "*";
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
    const gives = r.level ?? (r.points === null ? "" : formatNumber(r.points));
    const weight = c.weight === undefined ? "" : ` × ${formatNumber(c.weight)}%`;
    const prefix = c.role === "multiplier" ? "× " : "";
    if (r.assumedWorst) return `${label} ${WORDS.assumedWorst[lang]} → ${prefix}${gives}${weight}`;
    if (r.match < 0) return `${label} ${WORDS.missing[lang]}`;
    switch (c.kind) {
      case "bands": {
        const field = cm.fields.get(c.field)!;
        const unit = field.unit ? ` ${field.unit[lang]}` : "";
        return `${label} ${formatNumber(r.value as number)}${unit} ${describeBand(c.bands[r.match], lang)} → ${prefix}${gives}${weight}`;
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
  const outcome = result.grade ?? WORDS.notTiered[lang];
  const total =
    model.combine === "sum"
      ? `${WORDS.total[lang]} ${result.score === null ? "?" : formatNumber(result.score)} → ${outcome}`
      : `${WORDS[model.combine === "best" ? "best" : "worst"][lang]} → ${outcome}`;
  // A single-criterion level model needs no "worst level" step.
  if (model.combine !== "sum" && model.criteria.length === 1) return `${parts[0]}`.replace(/→ .*$/, `→ ${outcome}`);
  return [...parts, total].join(WORDS.sep[lang]);
}
