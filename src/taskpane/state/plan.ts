import type { Lang, Model } from "../../core/model";
import type { WorkbookPlan } from "../../core/plan/types";
import type { ScoredTable } from "../../core/sheet/types";
import type { SheetInfo } from "../../hosts/host";

/** The plan for a scored table, built by core. (Placeholder until core's plan builder lands.) */
export function buildPlan(_scored: ScoredTable, _model: Model, _lang: Lang, _sheets: SheetInfo[]): WorkbookPlan {
  throw new Error("plan builder not available yet");
}
