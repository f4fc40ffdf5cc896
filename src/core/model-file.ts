/**
 * A model as a file of its own (JSON): what the pane's export writes and its
 * import, the playground and `custtier --model x.json` read, checked by the
 * one validation the editor uses, with its bilingual messages.
 */
import type { Model } from "./model";
import { text } from "./model";
import { validateModel, type ModelProblem } from "./validate";

export type ModelFileRead = { model: Model; problems: [] } | { model: null; problems: ModelProblem[] };

/** The file's text: indented JSON a user can read and diff. */
export function modelFileText(model: Model): string {
  return JSON.stringify(model, null, 2) + "\n";
}

/** A file name for the model: its id, which is already safe (`sales-payment.json`). */
export function modelFileName(model: Model): string {
  const id = model.id.replace(/[^\w.-]+/g, "-") || "model";
  return `${id}.json`;
}

/** A model from a file's text, or every reason it cannot be used. */
export function readModelFile(json: string): ModelFileRead {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = (e as Error).message;
    return { model: null, problems: [{ path: "", message: text(`不是有效的 JSON（${why}）`, `not valid JSON (${why})`) }] };
  }
  const notModel = { model: null, problems: [{ path: "", message: text("不是 CustTier 模型", "not a CustTier model") }] };
  const m = data as Partial<Model> | null;
  if (!m || typeof m !== "object" || Array.isArray(m) || typeof m.id !== "string" || !Array.isArray(m.fields) || !Array.isArray(m.criteria) || !Array.isArray(m.tiers)) return notModel;
  let problems: ModelProblem[];
  try {
    problems = validateModel(m as Model);
  } catch {
    // Shaped like a model on the outside only.
    return notModel;
  }
  return problems.length ? { model: null, problems } : { model: m as Model, problems: [] };
}
