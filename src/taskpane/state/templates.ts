/**
 * "New template" outside the host: which models can make one, and the plan for
 * a request. The pane (useWorkflow) applies the plan to its workbook; the
 * playground's landing page makes a new workbook of it.
 */
import { hasPopulation, type Lang, type Model } from "../../core";
import type { ExistingSheet } from "../../core/plan/naming";
import type { WorkbookPlan } from "../../core/plan/types";
import { PRESETS, VALUE_PRESETS } from "../../core/presets";

/** What the user asked for in the dialog. */
export interface TemplateRequest {
  model: Model;
  lang: Lang;
  examples: boolean;
}

/** What a template added: the sheets the next step names. */
export interface TemplateMade {
  customers: string;
  rules: string;
}

/**
 * The models offered: `current` (the pane's, as edited) first, then the presets,
 * the value presets whose cut points follow the customers typed (rfm, rfm-8,
 * abc, value-abcd) and the user's saved models, each once.
 */
export function templateModels(current: Model | null, saved: readonly Model[] = []): Model[] {
  const seen = new Set<string>();
  const out: Model[] = [];
  for (const m of [...(current ? [current] : []), ...PRESETS, ...VALUE_PRESETS.filter(hasPopulation), ...saved]) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out;
}

/** The template's plan, new sheets named apart from `existing`; loaded when asked for (most sessions never make one). */
export async function planTemplateFor(request: TemplateRequest, existing: readonly ExistingSheet[]): Promise<WorkbookPlan> {
  const { planTemplate } = await import("../../core/pipeline/template");
  return planTemplate(request.model, { lang: request.lang, examples: request.examples, existing });
}

/** The sheets the next step names. */
export function templateMade(plan: WorkbookPlan): TemplateMade {
  const name = (role: string) => plan.sheets.find((s) => s.role === role)?.name ?? plan.activate;
  return { customers: name("customers"), rules: name("rules") };
}
