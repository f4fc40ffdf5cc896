/**
 * "New template" outside the host: which models can make one, and the plan for
 * a request. The pane (useWorkflow) applies the plan to its workbook; the
 * playground's landing page makes a new workbook of it.
 */
import { hasPopulation, type Lang, type Model } from "../../core";
import { text, type Text } from "../../core/model";
import type { ExistingSheet } from "../../core/plan/naming";
import type { WorkbookPlan } from "../../core/plan/types";
import { PRESETS, VALUE_PRESETS } from "../../core/presets";
import { MESSAGES } from "../../i18n/messages";

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

/** One model in the dialog's list: `key` is its option's value, `label` the name shown. */
export interface TemplateChoice {
  key: string;
  model: Model;
  label: Text;
}

/**
 * The models offered: `current` (the pane's) first — when the user `edited`
 * it, named as edited ("销售回款（已修改）") and the preset it came from still
 * offered as it is — then the presets, the value presets whose cut points
 * follow the customers typed (rfm, rfm-8, abc, value-abcd) and the user's
 * saved models, each once.
 */
export function templateChoices(current: Model | null, saved: readonly Model[] = [], edited = false): TemplateChoice[] {
  const seen = new Set<string>();
  const out: TemplateChoice[] = [];
  if (current && edited) out.push({ key: EDITED, model: current, label: editedName(current.name) });
  for (const m of [...(current && !edited ? [current] : []), ...PRESETS, ...VALUE_PRESETS.filter(hasPopulation), ...saved]) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push({ key: m.id, model: m, label: m.name });
  }
  return out;
}

/** The option value of the edited model (a model id never has a colon). */
const EDITED = ":edited";

function editedName(name: Text): Text {
  return text(MESSAGES.customModel(name["zh-CN"])["zh-CN"], MESSAGES.customModel(name["en-US"])["en-US"]);
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
