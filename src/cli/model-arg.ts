import { readFileSync } from "node:fs";
import { findPreset, PRESETS, readModelFile, VALUE_PRESETS, type Lang, type Model } from "../core";
import { UsageError } from "./args";
import { M } from "./messages";

/** Thrown for a model file that cannot be used: exit 1, like an unreadable input. */
export class ModelFileError extends Error {}

/** `--model`: a preset id, or a path to a model .json file (read and validated like the task pane's import). */
export function loadModel(arg: string, lang: Lang): Model {
  const preset = findPreset(arg);
  if (preset) return preset;
  if (!/\.json$/i.test(arg)) throw new UsageError(M.unknownModel(arg, [...PRESETS, ...VALUE_PRESETS].map((m) => m.id).join(", ")));
  let json: string;
  try {
    json = readFileSync(arg, "utf8");
  } catch (e) {
    throw new ModelFileError(M.badModelFile(arg, (e as Error).message)[lang]);
  }
  const read = readModelFile(json);
  if (!read.model) {
    throw new ModelFileError(M.badModelFile(arg, read.problems.map((p) => (p.path ? `${p.path}: ` : "") + p.message[lang]).join("\n  "))[lang]);
  }
  return read.model;
}
