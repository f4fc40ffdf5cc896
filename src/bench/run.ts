/**
 * `npm run bench`: the five figures of issue 10, each with its baseline from
 * the same run, then the custom functions and the UI. Nothing here asserts.
 * `npm run bench -- 100000` measures one size only (quicker; no scale figure).
 */
import { engineLines, excelLines, filePathLines, measureSizes, recalcLines, scaleLines, type Figures } from "./figures";
import { benchTierRange } from "./functions";
import { fmtMs } from "./timing";
import { benchUi } from "./ui";

const DEFAULT_SIZES = [100_000, 1_000_000];

interface Section {
  title: string;
  run: (f: Figures) => string[] | Promise<string[]>;
}

const sections: Section[] = [
  { title: "1. File path: xlsx in → tier workbook out, against pandas + openpyxl", run: filePathLines },
  { title: "2. Scale: Node's default heap, peak memory, time against 100,000 rows", run: scaleLines },
  { title: "3. LibreOffice recalculation against a hand-written nested-IF workbook", run: recalcLines },
  { title: "4. Excel host (recording fake of Office.js): request bytes and syncs", run: excelLines },
  { title: "5. Engine: compiled scorer against hand-coded if/else", run: () => engineLines() },
  { title: "Custom functions", run: () => [`TIER over a 100,000-row range: ${fmtMs(benchTierRange(100_000))}`] },
  { title: "Task pane and playground (production build, Chromium)", run: () => benchUi() },
];

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(`CustTier benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  console.log("measuring (one size at a time)…");
  const figures = await measureSizes(sizes.length ? sizes : DEFAULT_SIZES, (line) => console.log(line));
  for (const s of sections) {
    console.log(`\n## ${s.title}`);
    for (const line of await s.run(figures)) console.log(line);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
