/**
 * `npm run bench`: the five figures of issue 10, each with its baseline from
 * the same run, the two order-log figures of issue 11, then the custom
 * functions and the UI. Nothing here asserts.
 * `npm run bench -- 100000` measures one size only (quicker; no scale figure).
 * `npm run bench -- orders [lines]` runs only the order-log figures (6 and 7).
 */
import { engineLines, excelLines, filePathLines, measureSizes, orderLogLines, recalcLines, scaleLines, type Figures } from "./figures";
import { benchTierRange } from "./functions";
import { orderRecalcLines } from "./order-recalc";
import { fmtMs } from "./timing";
import { benchUi } from "./ui";

const DEFAULT_SIZES = [100_000, 1_000_000];
/** Figure 7's generated log: issue 11 asks for the recalculation at 100,000 orders. */
const RECALC_LINES = 100_000;

interface Section {
  title: string;
  run: (f: Figures) => string[] | Promise<string[]>;
}

/** Figures 6 and 7: the order-log figures at the largest size (lines). */
const orderSections = (lines: (f: Figures) => number): Section[] => [
  { title: "6. Order log: aggregate + score rfm, against scoring as many customer rows", run: (f) => orderLogLines(lines(f)) },
  { title: "7. LibreOffice recalculation of an order log's rfm workbook: summary aggregates live against values", run: () => orderRecalcLines(RECALC_LINES) },
];

const sections: Section[] = [
  { title: "1. File path: xlsx in → tier workbook out, against pandas + openpyxl", run: filePathLines },
  { title: "2. Scale: Node's default heap, peak memory, time against 100,000 rows", run: scaleLines },
  { title: "3. LibreOffice recalculation against a hand-written nested-IF workbook", run: recalcLines },
  { title: "4. Excel host (recording fake of Office.js): request bytes and syncs", run: excelLines },
  { title: "5. Engine: compiled scorer against hand-coded if/else", run: () => engineLines() },
  ...orderSections((f) => Math.max(...f.runs.map((r) => r.rows))),
  { title: "Custom functions", run: () => [`TIER over a 100,000-row range: ${fmtMs(benchTierRange(100_000))}`] },
  { title: "Task pane and playground (production build, Chromium)", run: () => benchUi() },
];

async function main() {
  const args = process.argv.slice(2);
  const sizes = args.map(Number).filter((n) => n > 0);
  console.log(`CustTier benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  const ordersOnly = args[0] === "orders";
  if (!ordersOnly) console.log("measuring (one size at a time)…");
  const figures: Figures = ordersOnly ? { runs: [], dir: "" } : await measureSizes(sizes.length ? sizes : DEFAULT_SIZES, (line) => console.log(line));
  const lines = sizes[0] ?? DEFAULT_SIZES[DEFAULT_SIZES.length - 1];
  for (const s of ordersOnly ? orderSections(() => lines) : sections) {
    console.log(`\n## ${s.title}`);
    for (const line of await s.run(figures)) console.log(line);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
