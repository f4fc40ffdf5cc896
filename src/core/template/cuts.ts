/**
 * Cut points of a template that follow the customers typed (issue 11): each
 * population cut is one cell on the rules sheet — a formula over a customer
 * sheet column (by defined name), or the model's fixed number — which the user
 * may overwrite with a number of their own. Quintiles: PERCENTILE (Excel's
 * PERCENTILE.INC under its older name, which needs no `_xlfn.` prefix in a
 * file and reads the same in Excel 2016, WPS and LibreOffice); averages:
 * AVERAGE; both ignore the empty rows ("" is text to them).
 *
 * Pareto (abc, value-abcd): a customer's share ahead needs the sum of every
 * greater value, a per-row SUMIF over the column (n² on every recalculation:
 * 10¹⁰ comparisons at 100,000 rows). Instead the rules sheet finds each cut by
 * bisection over the rank: with k customers in the class, the cut is the k-th
 * largest value; k is the largest rank whose value's share ahead is below the
 * limit (that share only grows with the rank), found bit by bit in
 * ⌈log₂(rows + 1)⌉ cells, each one LARGE and one SUMIF over the column. So
 * the cost is O(n log n) at any number of rows, exact, and live. Ties share
 * a value, so they share a class; values ≤ 0 are never counted (below every cut).
 */
import type { BandCriterion, FieldDef, Lang, Model, PopulationCuts } from "../model";
import { cellAddress, sheetRef } from "../plan/a1";
import { formulaCell, formattedCell, textCell } from "../plan/cells";
import { range, type Grid } from "../plan/grid";
import { definedName } from "../plan/naming";
import { STYLE } from "../plan/style";
import type { Cell, DefinedName } from "../plan/types";
import { fill } from "../plan/words";
import { TEMPLATE_WORDS } from "./words";

export interface LiveCuts {
  /** The rules layout's `liveCuts` option. */
  cells: (c: BandCriterion) => { cuts: Cell[]; note: string } | undefined;
  /** Names this module defines (data ranges, Pareto ranks): the rules layout must not take them. */
  reserved: string[];
  /**
   * Once the customer sheet is laid out: the data-range names (`column(fieldId)`: its data rows,
   * sheet-qualified), and the Pareto working block appended to the rules grid.
   */
  finish: (g: Grid, rulesSheet: string, column: (fieldId: string) => string) => DefinedName[];
}

interface Pareto {
  criterion: BandCriterion;
  population: PopulationCuts;
  /** Name of the final rank cell, one per share limit (in `population.at` order). */
  ranks: string[];
}

export function liveCuts(model: Model, lang: Lang, rows: number, nameSuffix: string, customerSheet: string): LiveCuts {
  const W = TEMPLATE_WORDS;
  const taken = new Set<string>();
  const reserved: string[] = [];
  const reserve = (wanted: string) => {
    const name = definedName(`${wanted}${nameSuffix}`, taken);
    reserved.push(name);
    return name;
  };
  const label = (id: string): FieldDef | undefined => model.fields.find((f) => f.id === id);
  const dataName = new Map<string, string>();
  const pareto: Pareto[] = [];
  const data = (fieldId: string) => {
    let name = dataName.get(fieldId);
    if (!name) {
      name = reserve(`${label(fieldId)?.label[lang] ?? fieldId}${W.nameData[lang]}`);
      dataName.set(fieldId, name);
    }
    return name;
  };

  const made = new Map<string, { cuts: Cell[]; note: string } | undefined>();
  const cells = (c: BandCriterion) => {
    if (!made.has(c.id)) made.set(c.id, make(c));
    return made.get(c.id);
  };
  const make = (c: BandCriterion): { cuts: Cell[]; note: string } | undefined => {
    const p = c.population;
    if (!p) return undefined;
    if (p.fixed) return { cuts: [...p.fixed], note: W.cutsFixed[lang] };
    const values = data(c.field);
    const sheet = { sheet: customerSheet };
    switch (p.stat) {
      case "percentile": {
        const at = p.at ?? [];
        const cuts = at.map((k) => formulaCell(`IFERROR(PERCENTILE(${values},${k}),"")`));
        return { cuts, note: fill(W.cutsPercentile[lang], { ...sheet, at: at.map((k) => Math.round(k * 100)).join("/") }) };
      }
      case "mean":
        return { cuts: [formulaCell(`IFERROR(AVERAGE(${values}),"")`)], note: fill(W.cutsMean[lang], sheet) };
      case "pareto": {
        const at = p.at ?? [];
        const ranks = at.map((limit) => reserve(`${c.label[lang]}${W.nameParetoRank[lang]}${Math.round(limit * 100)}`));
        pareto.push({ criterion: c, population: p, ranks });
        const cuts = ranks.map((k) => formulaCell(`IF(${k}=0,"",LARGE(${values},${k}))`));
        return { cuts, note: fill(W.cutsPareto[lang], { ...sheet, limits: at.map((l) => `${Math.round(l * 100)}%`).join("/") }) };
      }
    }
  };

  const finish = (g: Grid, rulesSheet: string, column: (fieldId: string) => string): DefinedName[] => {
    const names: DefinedName[] = [...dataName].map(([fieldId, name]) => ({ name, ref: column(fieldId), comment: label(fieldId)?.label[lang] ?? fieldId }));
    // Bits of the rank: 2^bits > rows, so every rank up to the last row can be reached.
    const bits = Math.max(1, Math.ceil(Math.log2(rows + 1)));
    for (const { criterion, population, ranks } of pareto) {
      const values = data(criterion.field);
      const byCount = population.basis === "customers";
      g.add();
      g.style(range(g.add([textCell(fill(W.paretoTitle[lang], { criterion: criterion.label[lang] }))]), 0), { bold: true, fontSize: 12 });
      g.style(range(g.add([textCell(W.paretoNote[lang])]), 0), { italic: true, fontColor: STYLE.noteFont });
      const totalRow = g.add([textCell((byCount ? W.paretoCustomers : W.paretoTotal)[lang]), null, formulaCell(byCount ? `COUNT(${values})` : `SUMIF(${values},">0")`)]);
      const positiveRow = g.add([textCell(W.paretoPositive[lang]), null, formulaCell(`COUNTIF(${values},">0")`)]);
      const total = cellAddress(totalRow, 2, true);
      const positive = cellAddress(positiveRow, 2, true);
      const head = g.add([textCell(W.paretoLimit[lang]), null, textCell(W.paretoShare[lang]), ...Array.from({ length: bits }, (_, b) => textCell(fill(W.paretoStep[lang], { n: String(b + 1) })))]);
      g.style(range(head, 0, 1, 3 + bits), { bold: true, fill: STYLE.subHeaderFill, fontColor: STYLE.subHeaderFont, border: { color: STYLE.border, edges: "bottom" } });
      (population.at ?? []).forEach((limit, i) => {
        const row = g.next;
        const share = cellAddress(row, 2, true);
        const ahead = (v: string) => (byCount ? `COUNTIF(${values},">"&${v})` : `SUMIF(${values},">"&${v})`);
        const steps: Cell[] = [];
        for (let b = 0; b < bits; b++) {
          const prev = b === 0 ? "0" : cellAddress(row, 2 + b, false);
          const next = `${prev}+${2 ** (bits - 1 - b)}`;
          // IF, not AND: LARGE beyond the positive values is an error, and IF evaluates only the branch taken.
          steps.push(formulaCell(`IF(${next}>${positive},${prev},IF(${ahead(`LARGE(${values},${next})`)}/${total}<${share},${next},${prev}))`));
        }
        g.add([textCell(fill(W.paretoClass[lang], { limit: `${Math.round(limit * 100)}%` })), null, formattedCell(limit, "0%"), ...steps]);
        g.style(range(row, 2), { fill: STYLE.editableFill, border: { color: STYLE.border, edges: "all" } });
        names.push({ name: ranks[i], ref: sheetRef(rulesSheet, { row, col: 2 + bits }), comment: W.paretoShare[lang] });
      });
    }
    return names;
  };

  // Reserve every name now: the rules layout is built before the customer sheet it reads.
  for (const c of model.criteria) if (c.kind === "bands") cells(c);
  return { cells, reserved, finish };
}
