import type { FieldDef, FieldKind, Lang, Model, Text } from "../model";
import { text } from "../model";
import { columnIndex, columnLetter } from "./columns";
import { headerKey, matchConfidence, unitScale, type HeaderKey } from "./header-key";
import type { ColumnMapping } from "./types";

/** Below this a header is not taken for a field automatically (it may still be listed as an alternative). */
const MIN_AUTO = 0.5;
const MIN_ALTERNATIVE = 0.4;
/** Kinds whose plain numbers a header unit like `（万元）` scales. Days and dates have their own units. */
const SCALED_KINDS: ReadonlySet<FieldKind> = new Set(["money", "count", "number"]);

/** A mapping the user asked for that cannot be applied (unknown field, header or column). */
export class MappingError extends Error {
  constructor(readonly text: Text) {
    super(text["en-US"]);
    this.name = "MappingError";
  }
}

const fieldKeys = new WeakMap<FieldDef, HeaderKey[]>();

/** Every spelling of a field, folded: its id, both labels and its synonyms. */
function keysOf(field: FieldDef): HeaderKey[] {
  let keys = fieldKeys.get(field);
  if (!keys) {
    keys = [field.id, field.label["zh-CN"], field.label["en-US"], ...field.synonyms].map(headerKey);
    fieldKeys.set(field, keys);
  }
  return keys;
}

/** How well a header names a field: the best of its spellings. */
export function fieldConfidence(field: FieldDef, header: HeaderKey): number {
  return fieldMatch(field, header).confidence;
}

/**
 * The best spelling's confidence and its rank (label before synonyms, synonyms
 * in their order of preference): of `销售额` and `月均销售额`, both exact, the
 * field's own label wins.
 */
function fieldMatch(field: FieldDef, header: HeaderKey): { confidence: number; rank: number } {
  const keys = keysOf(field);
  let confidence = 0;
  let rank = keys.length;
  keys.forEach((k, i) => {
    const c = matchConfidence(header, k);
    if (c > confidence) {
      confidence = c;
      rank = i;
    }
  });
  return { confidence, rank };
}

/**
 * Matches the model's fields to the table's headers. Explicit choices
 * (`{ revenue: "销售额" }` or `{ revenue: "C" }`, C being the sheet column)
 * win; the rest go by synonym, best match first, each column used once.
 * Throws MappingError when an explicit choice names no field or no column.
 */
export function mapColumns(headers: string[], model: Pick<Model, "fields" | "name">, explicit: Record<string, string> = {}, firstCol = 0): ColumnMapping {
  const keys = headers.map(headerKey);
  const columns: Record<string, number> = {};
  const confidence: Record<string, number> = {};
  const alternatives: Record<string, number[]> = {};
  const taken = new Set<number>();

  for (const [fieldId, wanted] of Object.entries(explicit)) {
    const field = model.fields.find((f) => f.id === fieldId.trim());
    if (!field) throw new MappingError(unknownField(fieldId, model));
    const col = resolveColumn(wanted, headers, keys, firstCol);
    const owner = Object.keys(columns).find((f) => columns[f] === col);
    if (owner) throw new MappingError(columnTwice(wanted, owner, field.id));
    columns[field.id] = col;
    confidence[field.id] = 1;
    taken.add(col);
  }

  // Every (field, column) pair that could match, best first; ties go to the preferred spelling, then model and sheet order.
  const candidates: { field: string; col: number; conf: number; rank: number; order: number }[] = [];
  model.fields.forEach((field, order) => {
    keys.forEach((key, col) => {
      const { confidence: conf, rank } = fieldMatch(field, key);
      if (conf >= MIN_ALTERNATIVE) candidates.push({ field: field.id, col, conf, rank, order });
    });
  });
  candidates.sort((a, b) => b.conf - a.conf || a.rank - b.rank || a.order - b.order || a.col - b.col);

  for (const c of candidates) {
    if (c.conf < MIN_AUTO || c.field in columns || taken.has(c.col)) continue;
    columns[c.field] = c.col;
    confidence[c.field] = Math.round(c.conf * 100) / 100;
    taken.add(c.col);
  }
  for (const c of candidates) {
    if (columns[c.field] === c.col) continue;
    (alternatives[c.field] ??= []).push(c.col);
  }

  const scale: Record<string, number> = {};
  for (const field of model.fields) {
    const col = columns[field.id];
    if (col === undefined || !SCALED_KINDS.has(field.kind)) continue;
    const factor = unitScale(keys[col].unit);
    if (factor !== 1) scale[field.id] = factor;
  }

  const missing = model.fields.filter((f) => f.required && !(f.id in columns)).map((f) => f.id);
  return { columns, confidence, alternatives, missing, scale };
}

/** Header text first (exact, then folded), then a sheet column letter inside the table. */
function resolveColumn(wanted: string, headers: string[], keys: HeaderKey[], firstCol: number): number {
  const trimmed = wanted.trim();
  let col = headers.findIndex((h) => h.trim() === trimmed);
  if (col < 0) {
    const key = headerKey(trimmed).key;
    if (key) col = keys.findIndex((k) => k.key === key);
  }
  if (col < 0) {
    const letter = columnIndex(trimmed);
    if (letter >= firstCol && letter < firstCol + headers.length) col = letter - firstCol;
  }
  if (col < 0) throw new MappingError(noSuchColumn(trimmed, headers, firstCol));
  return col;
}

/** `A 客户名称、B 联系人`: the headers as the user sees them, with their column letters. */
export function listHeaders(headers: string[], firstCol: number, lang: Lang): string {
  if (!headers.length) return lang === "zh-CN" ? "（无）" : "(none)";
  return headers.map((h, i) => `${columnLetter(firstCol + i)} ${h}`).join(lang === "zh-CN" ? "、" : ", ");
}

function noSuchColumn(wanted: string, headers: string[], firstCol: number): Text {
  return text(
    `找不到列“${wanted}”。表中的列：${listHeaders(headers, firstCol, "zh-CN")}`,
    `No column "${wanted}". Columns found: ${listHeaders(headers, firstCol, "en-US")}`,
  );
}

function unknownField(fieldId: string, model: Pick<Model, "fields" | "name">): Text {
  const ids = model.fields.map((f) => `${f.id}（${f.label["zh-CN"]}）`).join("、");
  const idsEn = model.fields.map((f) => `${f.id} (${f.label["en-US"]})`).join(", ");
  return text(
    `模型“${model.name["zh-CN"]}”没有字段“${fieldId}”。可用字段：${ids}`,
    `Model "${model.name["en-US"]}" has no field "${fieldId}". Fields: ${idsEn}`,
  );
}

function columnTwice(wanted: string, first: string, second: string): Text {
  return text(`列“${wanted}”不能同时用于 ${first} 和 ${second}`, `Column "${wanted}" cannot feed both ${first} and ${second}`);
}

/**
 * Why the table cannot be scored: the required fields with no column (labels and
 * ids, for `--map id=Header`) and the headers that were found.
 */
export function missingFieldsMessage(mapping: ColumnMapping, model: Pick<Model, "fields">, headers: string[], firstCol = 0): Text {
  const fields = mapping.missing.map((id) => model.fields.find((f) => f.id === id)).filter((f): f is FieldDef => !!f);
  const zh = fields.map((f) => `${f.label["zh-CN"]}（${f.id}）`).join("、");
  const en = fields.map((f) => `${f.label["en-US"]} (${f.id})`).join(", ");
  return text(
    `找不到这些必需的列：${zh}。表中的列：${listHeaders(headers, firstCol, "zh-CN")}。请选择对应的列，或用 字段=列标题 / 字段=列字母 指定。`,
    `Required columns not found: ${en}. Columns found: ${listHeaders(headers, firstCol, "en-US")}. Pick the matching columns, or set them as field=Header / field=column letter.`,
  );
}
