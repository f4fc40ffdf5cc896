/**
 * What may be typed into each input column of a template, with the messages
 * Excel, WPS and LibreOffice show: numbers where the formulas compare numbers
 * (they read typed text such as `2万` as nothing), dates for dates, the
 * dropdown's values for categories.
 */
import type { FieldDef, Lang, Model } from "../model";
import { dateSerial } from "../plan/cells";
import { fill } from "../plan/words";
import type { CellRange, DataValidation, ValidationRule } from "../plan/types";
import { formatNumber } from "../text/format";
import type { PlacedList } from "./lists";
import { TEMPLATE_WORDS } from "./words";

/** Months to close typed as a number; anything larger is a date typed by mistake. */
const MAX_MONTHS = 120;
/** Dates before this are typing mistakes (a number read as a day of 1900). */
const FIRST_DATE = new Date(Date.UTC(2000, 0, 1));
const EXAMPLE_DATE = new Date(Date.UTC(2026, 10, 23));

// Excel's limits on the texts of a validation.
const TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function validation(range: CellRange, rule: ValidationRule, title: string, prompt: string, errorTitle: string, error: string): DataValidation {
  return {
    range,
    rule,
    prompt: { title: clip(title, TITLE_MAX), message: clip(prompt, PROMPT_MAX) },
    error: { title: clip(errorTitle, TITLE_MAX), message: clip(error, ERROR_MAX) },
  };
}

/** A dropdown of a list placed on the rules sheet. */
export function listValidation(range: CellRange, title: string, list: PlacedList, rulesSheet: string, lang: Lang): DataValidation {
  const W = TEMPLATE_WORDS;
  const values = list.values.join(lang === "zh-CN" ? "、" : ", ");
  const prompt = fill(W.listPrompt[lang], { values });
  return validation(
    range,
    { kind: "list", source: list.source },
    title,
    prompt.length <= PROMPT_MAX ? prompt : W.listPromptLong[lang],
    W.listErrorTitle[lang],
    fill(W.listError[lang], { rules: rulesSheet }),
  );
}

/** Numbers and dates of a model field: ≥ 0 (or the field's floor), within a value criterion's range, months as months. */
export function fieldValidation(model: Model, field: FieldDef, range: CellRange, lang: Lang): DataValidation {
  const W = TEMPLATE_WORDS;
  const title = field.label[lang];
  if (field.kind === "date") {
    const example = EXAMPLE_DATE.toISOString().slice(0, 10);
    const first = FIRST_DATE.toISOString().slice(0, 10);
    const prompt = fill(W.datePrompt[lang], { example });
    return validation(range, { kind: "date", min: dateSerial(FIRST_DATE) }, title, prompt, W.dateErrorTitle[lang], fill(W.dateError[lang], { min: first, example }));
  }
  const floor = Math.max(0, field.errorBelow ?? 0);
  const valued = model.criteria.find((c) => c.kind === "value" && c.field === field.id);
  let rule: ValidationRule;
  let prompt: string;
  if (valued?.kind === "value") {
    rule = { kind: "number", whole: false, min: valued.min, max: valued.max };
    prompt = fill(W.rangePrompt[lang], { min: formatNumber(valued.min), max: formatNumber(valued.max) });
  } else if (field.fromDate) {
    rule = { kind: "number", whole: false, min: floor, max: MAX_MONTHS };
    prompt = fill(W.monthsPrompt[lang], { min: formatNumber(floor), max: formatNumber(MAX_MONTHS) });
  } else {
    const whole = field.kind === "count";
    rule = { kind: "number", whole, min: floor };
    prompt = fill((whole ? W.wholePrompt : W.numberPrompt)[lang], { min: formatNumber(floor) });
  }
  return validation(range, rule, title, prompt, W.numberErrorTitle[lang], prompt);
}
