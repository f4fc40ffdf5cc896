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
import { formulaColumn } from "../core/plan/columns";
import { TIER_FIRST_DATA_ROW, TIER_HEADER_ROW } from "../core/plan/tier-sheet";
import type { Cell, SheetPlan, WorkbookPlan } from "../core/plan/types";
import { WORDS } from "../core/plan/words";

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

function cellText(cell: Cell): string {
  if (typeof cell === "string") return cell;
  if (cell !== null && typeof cell === "object" && cell.kind === "text") return cell.text;
  return "";
}

/** Header text per column of the tier sheet's header row. */
function headers(sheet: SheetPlan): string[] {
  const out: string[] = [];
  for (const block of sheet.blocks) {
    const row = block.cells[TIER_HEADER_ROW - block.at.row];
    if (!row) continue;
    row.forEach((cell, c) => (out[block.at.col + c] = cellText(cell)));
  }
  return out;
}

/** The plan with hand-written nested-IF formulas in the tier sheet's points, score and tier columns. */
export function nestedIfPlan(plan: WorkbookPlan, model: Model, lang: Lang): WorkbookPlan {
  if (model.combine !== "sum" || model.criteria.some((c) => c.kind !== "bands")) throw new Error("nested-IF baseline: sum models of bands only");
  const sheets = plan.sheets.map((sheet) => {
    if (sheet.role !== "tiers") return sheet;
    const head = headers(sheet);
    const col = (header: string) => {
      const i = head.indexOf(header);
      if (i < 0) throw new Error(`nested-IF baseline: no column "${header}" in ${head.join(", ")}`);
      return i;
    };
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
    const firstRow = TIER_FIRST_DATA_ROW + 1;
    const tables = sheet.tables?.map((t) =>
      t.at.row !== TIER_FIRST_DATA_ROW ? t : { ...t, columns: t.columns.map((c, i) => (formulas.has(t.at.col + i) ? formulaColumn(formulas.get(t.at.col + i)!(firstRow)) : c)) },
    );
    const blocks = sheet.blocks.map((b) => {
      if (b.at.row !== TIER_FIRST_DATA_ROW) return b;
      const cells = b.cells.map((row, r) => row.map((cell, c) => (formulas.has(b.at.col + c) ? ({ kind: "formula", formula: formulas.get(b.at.col + c)!(firstRow + r) } as Cell) : cell)));
      return { ...b, cells };
    });
    return { ...sheet, blocks, ...(tables ? { tables } : {}) };
  });
  return { ...plan, sheets };
}
