/**
 * Figure 3's baseline: our own tier workbook with the tier sheet's points,
 * score and tier formulas replaced by what a careful user types by hand —
 * nested IFs with the thresholds as literals (`=IF(D4>=20000,70,IF(D4>10000,50,…))`).
 * Same sheets, same rows, same data and styles, written by the same writer:
 * only those formulas differ. Sum models of band criteria only (the bench's sales-payment).
 */
import { formatNumber } from "../core";
import type { Band, Lang, Model } from "../core/model";
import { columnLetter } from "../core/plan/a1";
import { TIER_FIRST_DATA_ROW, TIER_HEADER_ROW } from "../core/plan/tier-sheet";
import type { WorkbookPlan } from "../core/plan/types";
import { WORDS } from "../core/plan/words";
import { columnOf, headerTexts, withFormulas } from "./plan-edit";

const num = (v: number) => formatNumber(v).replace(/,/g, "");

/** `IF(D4>=20000,70,IF(D4>10000,50,IF(D4>5000,40,30)))`: bands from the top down, the lowest as the else. */
function bandsIf(bands: readonly Band[], ref: string): string {
  const down = [...bands].sort((a, b) => (b.min?.value ?? -Infinity) - (a.min?.value ?? -Infinity));
  const last = down.pop()!;
  return down.reduceRight((inner, b) => `IF(${ref}${b.min!.inclusive ? ">=" : ">"}${num(b.min!.value)},${b.points},${inner})`, String(last.points));
}

function tierIf(model: Model, ref: string): string {
  const tiers = model.tiers;
  return tiers
    .slice(0, -1)
    .reduceRight((inner, t) => `IF(${ref}>=${num(t.minScore!)},"${t.id}",${inner})`, `"${tiers[tiers.length - 1].id}"`);
}

/** The plan with hand-written nested-IF formulas in the tier sheet's points, score and tier columns. */
export function nestedIfPlan(plan: WorkbookPlan, model: Model, lang: Lang): WorkbookPlan {
  if (model.combine !== "sum" || model.criteria.some((c) => c.kind !== "bands")) throw new Error("nested-IF baseline: sum models of bands only");
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.role !== "tiers") return sheet;
    const head = headerTexts(sheet, TIER_HEADER_ROW);
    const col = (header: string) => columnOf(head, header, "nested-IF baseline");
    const points = model.criteria.map((c) => col(`${c.label[lang]} ${WORDS.pointsSuffix[lang]}`));
    const score = col(WORDS.score[lang]);
    const tier = col(WORDS.tier[lang]);
    const formulas = new Map<number, (row: number) => string>();
    model.criteria.forEach((c, i) => {
      if (c.kind !== "bands") return;
      const input = columnLetter(col(model.fields.find((f) => f.id === c.field)!.label[lang]));
      formulas.set(points[i], (r) => bandsIf(c.bands, `${input}${r}`));
    });
    formulas.set(score, (r) => points.map((p) => `${columnLetter(p)}${r}`).join("+"));
    formulas.set(tier, (r) => tierIf(model, `${columnLetter(score)}${r}`));
    return withFormulas(sheet, TIER_FIRST_DATA_ROW, formulas);
  });
  return { ...plan, sheets };
}
