import type { Issue } from "../issues";
import type { Model } from "../model";
import { text } from "../model";
import { isBlank, type CellValue } from "../parse/values";
import { cellText, issueValue } from "../sheet/cell-text";
import { fold } from "../text/normalize";
import { gradesOf } from "./grades";
import type { Override, Place, Snapshot } from "./types";

/** One row of the tier sheet being replaced: its customer key and what was typed in 人工等级 / 调整理由. */
export interface OverrideEntry {
  key: string;
  /** 1-based sheet row, for issues. */
  row?: number;
  tier: CellValue;
  reason: CellValue;
}

export interface ReadOverrides {
  /** By folded key. Only overrides that name a tier of the model. */
  byKey: Map<string, Override>;
  issues: Issue[];
}

/**
 * The overrides typed in the tier sheet. A blank override cell means none
 * (clearing it removes the override). A value that is not a grade of the model
 * is an error and not applied; an override with no reason is applied, with a
 * warning asking for one. `sheet` names the sheet in the messages.
 */
export function readOverrides(model: Model, entries: readonly OverrideEntry[], places: { tier?: Place; reason?: Place; sheet?: string } = {}): ReadOverrides {
  const grades = gradesOf(model);
  const byKey = new Map<string, Override>();
  const issues: Issue[] = [];
  const at = (e: OverrideEntry, place: Place | undefined, value: CellValue) =>
    ({ row: e.row, column: place?.header, columnLetter: place?.letter, value: issueValue(value), ...(places.sheet ? { sheet: places.sheet } : {}) }) satisfies Partial<Issue>;
  for (const e of entries) {
    if (isBlank(e.tier)) continue;
    const typed = cellText(e.tier);
    const code = grades.parse(typed);
    if (code < 0) {
      issues.push({
        severity: "error",
        ...at(e, places.tier, e.tier),
        message: text(
          `人工等级“${typed}”不是“${model.name["zh-CN"]}”的等级（可填：${grades.allowed.join("、")}），未采用`,
          `Override "${typed}" is not a tier of "${model.name["en-US"]}" (use ${grades.allowed.join(", ")}): not applied`,
        ),
      });
      continue;
    }
    const reason = isBlank(e.reason) ? "" : cellText(e.reason);
    const tier = grades.text(Math.floor(code / 3), code % 3);
    if (!reason) {
      issues.push({
        severity: "warning",
        ...at(e, places.reason, e.reason),
        message: text(`人工等级 ${tier} 没有调整理由：请在“调整理由”中写明`, `Override ${tier} has no reason: please give one under Reason`),
      });
    }
    byKey.set(fold(e.key), { tier, reason });
  }
  return { byKey, issues };
}

/** The overrides a snapshot recorded, as entries (used when there is no tier sheet to read them from). */
export function snapshotOverrides(s: Snapshot): OverrideEntry[] {
  return [...s.override].map(([r, o]) => ({ key: s.key[r], tier: o.tier, reason: o.reason }));
}
