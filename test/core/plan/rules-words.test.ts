/**
 * The rules sheet speaks the user's words: the names made for code (field ids,
 * camelCase or numbered category ids such as `level3`, `associateChief`) never
 * appear on it, in the tier workbook or in a template, in either language.
 */
import { LANGS } from "../../../src/core/model";
import { plan as tierPlan } from "../../../src/core/pipeline";
import { findPreset } from "../../../src/core/presets";
import { buildTemplatePlan } from "../../../src/core/template/build";
import { cellBlocks } from "../../../src/core/plan/columns";
import type { SheetPlan } from "../../../src/core/plan/types";
import { presetSheet, scorePreset } from "./helpers";

/** Written out from the presets' definitions (tiering-models.md §6, §8): ids no user types. */
const INTERNAL: Record<string, string[]> = {
  "nine-grid": ["hospitalLevel", "doctorTitle", "level3", "level2", "belowLevel2", "associateChief"],
  "real-estate": ["agreementWavering", "visitedTwice", "strongIntent", "fairIntent", "gaveUp"],
};

function texts(sheet: SheetPlan): string[] {
  return cellBlocks(sheet).flatMap((b) =>
    b.cells.flat().flatMap((c) => (typeof c === "string" ? [c] : c !== null && typeof c === "object" && c.kind === "text" ? [c.text] : [])),
  );
}

describe.each(Object.keys(INTERNAL))("%s rules sheet", (id) => {
  const model = findPreset(id)!;
  const word = (t: string) => INTERNAL[id].filter((name) => new RegExp(`(^|[^A-Za-z])${name}($|[^A-Za-z0-9])`).test(t));

  it.each(LANGS)("tier workbook (%s): no internal id", (lang) => {
    const { scored } = scorePreset(presetSheet(id), lang);
    const rules = tierPlan(scored, { lang }).sheets.find((s) => s.role === "rules")!;
    const shown = texts(rules);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.flatMap(word)).toEqual([]);
  });

  it.each(LANGS)("template (%s): no internal id, and each category's label in the sheet's language is listed", (lang) => {
    const rules = buildTemplatePlan(model, { lang }).sheets.find((s) => s.role === "rules")!;
    const shown = texts(rules);
    expect(shown.flatMap(word)).toEqual([]);
    for (const c of model.criteria) {
      const categories = c.kind === "categories" ? c.categories : c.kind === "table" ? [...c.rows, ...c.cols] : [];
      for (const k of categories) expect(shown).toContain(k.label[lang]);
    }
  });
});
