/** The settings codec both hosts share: where each stores the JSON is the host's business. */
import type { Model } from "../core/model";
import { validateModel } from "../core/validate";
import type { SavedSettings } from "./host";

/** Saved settings from their JSON, or null when they are not usable. Both hosts read their stored JSON with it. */
export function parseSettings(json: string): SavedSettings | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const s = data as Partial<SavedSettings> | null;
  if (!s || s.version !== 1 || !s.model || typeof s.model !== "object" || !isStringRecord(s.mapping)) return null;
  if (s.sheet !== undefined && typeof s.sheet !== "string") return null;
  try {
    if (validateModel(s.model as Model).length > 0) return null;
  } catch {
    // Not even shaped like a model.
    return null;
  }
  return { version: 1, model: s.model as Model, mapping: s.mapping, ...(s.sheet !== undefined ? { sheet: s.sheet } : {}) };
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}
