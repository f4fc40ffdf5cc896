import type { Issue } from "../issues";
import { text } from "../model";
import { FirstSeen } from "../sheet/first-seen";
import { fold } from "../text/normalize";
import type { Place } from "./types";

/** The columns that say who each customer is. */
export interface KeySource {
  length: number;
  /** Customer ID text per row (null: blank), when the sheet has an ID column. */
  ids?: ArrayLike<string | null>;
  /** Customer name per row (null: blank), when mapped. */
  names?: ArrayLike<string | null>;
  /** 1-based sheet row of each customer, for issues. */
  rows: ArrayLike<number>;
  idColumn?: Place;
  nameColumn?: Place;
}

/** Who each customer is across runs (issue 12: the ID when present, else the normalised name). */
export interface CustomerKeys {
  length: number;
  /** The key as written to the history: the ID as typed, else the name; "" when both are blank. */
  key: string[];
  /** The key folded (case, width, spaces), as matched. */
  folded: string[];
  /** 1 where the row is kept out of matching: no key, or a key another row has too. */
  excluded: Uint8Array;
  /** The first row of each folded key (lookups of earlier snapshots' keys). */
  index: FirstSeen;
  issues: Issue[];
}

/**
 * Keys of every row; rows sharing a key are warned about, naming both rows,
 * and kept out of matching: which of them was which last time cannot be told.
 */
export function customerKeys(src: KeySource): CustomerKeys {
  const n = src.length;
  const key = new Array<string>(n);
  const folded = new Array<string>(n);
  const fromId = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = src.ids?.[i];
    const k = id ? id.trim() : "";
    fromId[i] = k ? 1 : 0;
    key[i] = k || (src.names?.[i]?.trim() ?? "");
    folded[i] = fold(key[i]);
  }
  const excluded = new Uint8Array(n);
  const index = new FirstSeen((r) => folded[r]);
  const issues: Issue[] = [];
  if (!src.ids && !src.names && n > 0) {
    issues.push({
      severity: "warning",
      message: text(
        "表中没有客户名称或客户编号列：本次分级无法与以往的分级对比，也无法读取人工等级",
        "The sheet has no customer name or customer ID column: the tiers cannot be compared with earlier runs, and no override can be read",
      ),
    });
  }
  for (let i = 0; i < n; i++) {
    if (!folded[i]) {
      excluded[i] = 1;
      continue;
    }
    const first = index.check(folded[i], i);
    if (first === undefined) continue;
    excluded[i] = excluded[first] = 1;
    const place = fromId[i] ? src.idColumn : src.nameColumn;
    const what = fromId[i] ? text("客户编号", "Customer ID") : text("客户", "Customer");
    issues.push({
      severity: "warning",
      field: fromId[i] ? "customerId" : "customer",
      row: src.rows[i],
      column: place?.header,
      columnLetter: place?.letter,
      value: key[i],
      message: text(
        `${what["zh-CN"]}“${key[i]}”在第 ${src.rows[first]} 行和第 ${src.rows[i]} 行重复：这两行不与以往的分级对比`,
        `${what["en-US"]} "${key[i]}" is on rows ${src.rows[first]} and ${src.rows[i]}: neither row is compared with earlier runs`,
      ),
    });
  }
  return { length: n, key, folded, excluded, index, issues };
}
