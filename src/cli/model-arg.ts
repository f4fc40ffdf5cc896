import { readFileSync } from "node:fs";
import { findPreset, PRESETS, VALUE_PRESETS, validateModel, type Lang, type Model } from "../core";
import { UsageError } from "./args";
import { M } from "./messages";

/** Thrown for a model file that cannot be used: exit 1, like an unreadable input. */
export class ModelFileError extends Error {}

/** `--model`: a preset id, or a path to a model .json file (validated like the task pane's editor). */
export function loadModel(arg: string, lang: Lang): Model {
  const preset = findPreset(arg);
  if (preset) return preset;
  if (!/\.json$/i.test(arg)) throw new UsageError(M.unknownModel(arg, [...PRESETS, ...VALUE_PRESETS].map((m) => m.id).join(", ")));
  let model: Model;
  try {
    model = JSON.parse(readFileSync(arg, "utf8")) as Model;
  } catch (e) {
    throw new ModelFileError(M.badModelFile(arg, (e as Error).message)[lang]);
  }
  let problems;
  try {
    problems = validateModel(model);
  } catch {
    throw new ModelFileError(M.badModelFile(arg, lang === "zh-CN" ? "不是 CustTier 模型" : "not a CustTier model")[lang]);
  }
  if (problems.length) {
    throw new ModelFileError(M.badModelFile(arg, problems.map((p) => `${p.path}: ${p.message[lang]}`).join("\n  "))[lang]);
  }
  return model;
}
