import type { Model } from "../model";
import { fold } from "../text/normalize";

/** Sub-levels as the scorer codes them (ScoreColumns.sub): 0 none, 1 `+`, 2 `-`. */
const SUBS = ["", "+", "-"] as const;

/**
 * A model's grades as text and back: `code = tier × 3 + sub`, -1 for none.
 * Grade texts are made once per model, so columns of them share strings.
 */
export interface Grades {
  readonly tiers: number;
  text(tier: number, sub: number): string;
  /** The grade typed or stored (`b`, `Ｂ`, `A-`, `B 已认购`): its code, or -1 when it is not one of the model's. */
  parse(s: string): number;
  /** The grades a user may type, for messages: `A、B、C`. */
  readonly allowed: readonly string[];
}

const cache = new WeakMap<Model, Grades>();

export function gradesOf(model: Model): Grades {
  const hit = cache.get(model);
  if (hit) return hit;
  const texts = model.tiers.flatMap((t) => SUBS.map((s) => t.id + s));
  // Sub-levels exist where a category gives one (real-estate A+ / A / A-).
  const subs = new Set<string>();
  for (const c of model.criteria) {
    if (c.kind !== "categories") continue;
    for (const k of c.categories) if (k.sub && k.level) subs.add(k.level + k.sub);
  }
  const codes = new Map<string, number>();
  const allowed: string[] = [];
  model.tiers.forEach((t, i) => {
    for (const s of [t.label["zh-CN"], t.label["en-US"]]) codes.set(fold(s), i * 3);
    codes.set(fold(t.id), i * 3);
    allowed.push(t.id);
    for (const k of [1, 2]) {
      if (!subs.has(t.id + SUBS[k])) continue;
      codes.set(fold(t.id + SUBS[k]), i * 3 + k);
      allowed.push(t.id + SUBS[k]);
    }
  });
  const grades: Grades = {
    tiers: model.tiers.length,
    text: (tier, sub) => (tier < 0 ? "" : texts[tier * 3 + sub]),
    parse: (s) => (s ? (codes.get(fold(s)) ?? -1) : -1),
    allowed,
  };
  cache.set(model, grades);
  return grades;
}
