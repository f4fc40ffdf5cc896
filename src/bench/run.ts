/**
 * `npm run bench`: prints the figures the issues ask for. Each section measures
 * its own baseline in the same run where there is one. Nothing here asserts.
 */
import { benchEngine } from "./engine";
import { benchExcelHost } from "./excel-host";
import { benchFilePath } from "./file-path";
import { benchTierRange } from "./functions";
import { fmtMs } from "./timing";
import { benchUi } from "./ui";

interface Section {
  title: string;
  run: () => string[] | Promise<string[]>;
}

const sections: Section[] = [
  { title: "Engine", run: () => benchEngine() },
  { title: "Custom functions", run: () => [`TIER over a 100,000-row range: ${fmtMs(benchTierRange(100_000))}`] },
  { title: "File path (CLI / playground)", run: async () => (await benchFilePath()).lines },
  { title: "Excel host (recording fake of Office.js)", run: () => benchExcelHost() },
  { title: "Task pane and playground (production build, Chromium)", run: () => benchUi() },
];

async function main() {
  console.log(`CustTier benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const s of sections) {
    console.log(`\n## ${s.title}`);
    for (const line of await s.run()) console.log(line);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
