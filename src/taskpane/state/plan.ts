import type { Lang, Model } from "../../core/model";
import { buildTierPlan } from "../../core/plan/build";
import type { WorkbookPlan } from "../../core/plan/types";
import type { ScoredTable } from "../../core/sheet/types";
import type { SheetInfo } from "../../hosts/host";

/** The plan for a scored table: core decides names (replacing only sheets with our marker) and layout. */
export function buildPlan(scored: ScoredTable, model: Model, lang: Lang, sheets: SheetInfo[]): WorkbookPlan {
  return buildTierPlan(scored, model, { lang, existing: sheets });
}
