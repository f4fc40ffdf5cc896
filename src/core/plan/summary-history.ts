/**
 * The summary's history part (issue 12): the migration matrix (previous tier ×
 * current tier) as live COUNTIFS over the history sheet, so that it is plain
 * spreadsheet arithmetic a user can check; then the upgraded, downgraded and
 * gone customers and the overrides with their reasons, as of this run.
 */
import { CHANGE, type HistoryOutcome } from "../history";
import type { Lang, Model } from "../model";
import { rangeAddress } from "./a1";
import { dateSerial, formattedCell, formulaCell, textCell } from "./cells";
import { hasSubLevels, quote } from "./formulas";
import { Grid, range } from "./grid";
import { STYLE } from "./style";
import type { Cell } from "./types";
import { fill, WORDS } from "./words";

export interface SummaryHistory {
  outcome: HistoryOutcome;
  /** History sheet data ranges; absent when this run could not be recorded (the matrix is then the engine's). */
  refs?: Record<"asOf" | "model" | "key" | "tier" | "previous", string>;
  historySheet: string;
  /** Customer name per current row. */
  names: readonly string[];
}

/** Rows listed per list; the rest are counted (the history sheet has them all). */
const LIST_MAX = 200;

export function historyBlock(g: Grid, model: Model, lang: Lang, h: SummaryHistory): void {
  const { outcome } = h;
  const t = (s: string) => textCell(s);
  const day = (iso: string) => formattedCell(dateSerial(new Date(`${iso}T00:00:00Z`)), "yyyy-mm-dd");
  g.style(range(g.add([t(WORDS.migrationTitle[lang])]), 0), { bold: true, fontSize: 12 });
  const asOf = outcome.snapshot.asOf;
  const previous = outcome.previous;
  if (!previous) {
    g.style(range(g.add([t(fill(WORDS.migrationNoPrevious[lang], { now: asOf }))]), 0), { italic: true, fontColor: STYLE.noteFont });
    g.add();
    return;
  }
  const datesRow = g.add([t(WORDS.asOf[lang]), day(asOf), t(WORDS.previousTier[lang]), day(previous.asOf)]);
  const now = rangeAddress(range(datesRow, 1), true);
  const before = rangeAddress(range(datesRow, 3), true);
  const tiers = model.tiers.map((x) => x.id);
  const n = tiers.length;
  const header = g.add([t(WORDS.migrationCorner[lang]), ...tiers.map(t), t(WORDS.migrationGone[lang])]);
  g.style(range(header, 0, 1, n + 2), { bold: true, fill: STYLE.subHeaderFill, fontColor: STYLE.subHeaderFont, align: "center" });
  const variants = (id: string) => (hasSubLevels(model) ? [id, `${id}+`, `${id}-`] : [id]);
  const refs = h.refs;
  const modelCrit = quote(model.id);
  const count = (date: string, tier: string, prev?: string) =>
    variants(tier)
      .flatMap((c) =>
        (prev === undefined ? [undefined] : variants(prev)).map(
          // Rows without a key (a duplicate key, an empty name) are matched with nothing: the engine leaves them out of the matrix.
          (p) => `COUNTIFS(${refs!.asOf},${date},${refs!.model},${modelCrit},${refs!.key},"<>"${p === undefined ? "" : `,${refs!.previous},${quote(p)}`},${refs!.tier},${quote(c)})`,
        ),
      )
      .join("+");
  const first = g.next;
  tiers.forEach((p, i) => {
    const row = first + i;
    const cells: Cell[] = [t(p)];
    if (refs) {
      tiers.forEach((c) => cells.push(formulaCell(count(now, c, p))));
      const span = `${rangeAddress(range(row, 1))}:${rangeAddress(range(row, n))}`;
      cells.push(formulaCell(`${count(before, p)}-SUM(${span})`));
    } else cells.push(...outcome.matrix[i]);
    g.add(cells);
  });
  const newRow: Cell[] = [t(WORDS.migrationNew[lang])];
  tiers.forEach((c, j) => {
    if (!refs) return newRow.push(outcome.matrix[n][j]);
    const span = `${rangeAddress(range(first, 1 + j))}:${rangeAddress(range(first + n - 1, 1 + j))}`;
    newRow.push(formulaCell(`${count(now, c)}-SUM(${span})`));
  });
  g.add(newRow);
  g.style(range(first, 0, n + 1, 1), { bold: true, align: "center" });
  g.style(range(first - 1, 0, n + 2, n + 2), { border: { color: STYLE.border, edges: "all" } });
  g.add();

  const names = h.names;
  const list = (title: string, rows: number[], line: (i: number) => Cell[]) => {
    const counted = lang === "zh-CN" ? `${title}（${rows.length}）` : `${title} (${rows.length})`;
    g.style(range(g.add([t(counted)]), 0), { bold: true });
    if (!rows.length) g.style(range(g.add([t(WORDS.listNone[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
    for (const i of rows.slice(0, LIST_MAX)) g.add(line(i));
    if (rows.length > LIST_MAX) g.add([t(fill(WORDS.listMore[lang], { n: String(rows.length - LIST_MAX), sheet: h.historySheet }))]);
    g.add();
  };
  const byChange = (code: number) => {
    const out: number[] = [];
    for (let i = 0; i < outcome.change.length; i++) if (outcome.change[i] === code) out.push(i);
    return out;
  };
  const snap = outcome.snapshot;
  const move = (i: number): Cell[] => [names[i] ? t(names[i]) : null, t(`${snap.previousTier[i]} → ${snap.tier[i]}`)];
  list(WORDS.upgraded[lang], byChange(CHANGE.up), move);
  list(WORDS.downgraded[lang], byChange(CHANGE.down), move);
  list(WORDS.goneCustomers[lang], Array.from(outcome.gone), (r) => [previous.customer[r] ? t(previous.customer[r]) : t(previous.key[r]), previous.tier[r] ? t(previous.tier[r]) : null]);
  list(WORDS.overrides[lang], [...outcome.overrides.keys()].sort((a, b) => a - b), (i) => {
    const o = outcome.overrides.get(i)!;
    return [names[i] ? t(names[i]) : null, t(`${snap.computedTier[i] || "—"} → ${o.tier}`), o.reason ? t(o.reason) : null];
  });
}
