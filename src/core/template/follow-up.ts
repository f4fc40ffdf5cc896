/**
 * Every template plans follow-ups (客户追踪志, tiering-models.md §3): the model
 * gets a last-contact date field and a cadence per tier. Close-time brings its
 * own; other models get a suggested default, said so on the rules sheet.
 */
import type { FieldDef, Model, Text } from "../model";
import { closeTime } from "../presets";
import { TEMPLATE_WORDS } from "./words";

/** Days between follow-ups, best tier first: weekly for the best, quarterly for the last. */
const DEFAULT_CADENCE = [7, 14, 30, 60, 90];

/** The cadence a tier gets by position when the model has none (n tiers, best first). */
export function defaultCadence(position: number, tiers: number): number {
  const step = tiers > 1 ? (position * (DEFAULT_CADENCE.length - 1)) / (tiers - 1) : 0;
  return DEFAULT_CADENCE[Math.round(step)];
}

/** The last-contact field close-time defines (label and synonyms in both languages). */
const LAST_CONTACT: FieldDef = closeTime.fields.find((f) => f.id === closeTime.followUpField)!;

export interface FollowUpModel {
  /** The model with `followUpField` and a `cadenceDays` on every tier. */
  model: Model;
  followUpField: string;
  /** Whether the cadences are our suggestion rather than the model's. */
  suggested: boolean;
}

export function withFollowUp(model: Model): FollowUpModel {
  let fields = model.fields;
  let followUpField = model.followUpField;
  if (!followUpField) {
    const ids = new Set(fields.map((f) => f.id));
    let id = LAST_CONTACT.id;
    for (let n = 2; ids.has(id); n++) id = `${LAST_CONTACT.id}${n}`;
    fields = [...fields, { ...LAST_CONTACT, id }];
    followUpField = id;
  }
  const suggested = model.tiers.some((t) => t.cadenceDays === undefined);
  const tiers = suggested ? model.tiers.map((t, i) => ({ ...t, cadenceDays: t.cadenceDays ?? defaultCadence(i, model.tiers.length) })) : model.tiers;
  const description: Text = suggested ? join(model.description, TEMPLATE_WORDS.defaultCadence) : model.description;
  return { model: { ...model, fields, followUpField, tiers, description }, followUpField, suggested };
}

function join(a: Text, b: Text): Text {
  return { "zh-CN": `${a["zh-CN"]}${b["zh-CN"]}`, "en-US": `${a["en-US"]} ${b["en-US"]}` };
}
