/** Scored tables for the plan tests, through the real reading pipeline (detect → map → score). */
import { runJob } from "../../../src/core/pipeline";
import type { Lang, Model } from "../../../src/core/model";
import { findPreset } from "../../../src/core/presets";
import type { ScoredTable, SheetGrid } from "../../../src/core/sheet/types";
import { presetGrid, PRESET_SHEETS, type PresetSheet } from "./preset-rows";

/** A fixed "today" so months-from-date and overdue flags do not drift. */
export const TODAY = new Date("2026-11-23T00:00:00Z");

export interface ScoredPreset {
  sheet: PresetSheet;
  model: Model;
  grid: SheetGrid;
  scored: ScoredTable;
}

export function scorePreset(sheet: PresetSheet, lang: Lang = "zh-CN"): ScoredPreset {
  const model = findPreset(sheet.preset);
  if (!model) throw new Error(`no preset ${sheet.preset}`);
  const grid = presetGrid(sheet);
  const { scored } = runJob(grid, { model, lang, today: TODAY });
  return { sheet, model, grid, scored };
}

export function presetSheet(id: string): PresetSheet {
  const sheet = PRESET_SHEETS.find((s) => s.preset === id);
  if (!sheet) throw new Error(`no rows for ${id}`);
  return sheet;
}
