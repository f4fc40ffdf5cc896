/**
 * `custtier`: the main job on files. Read → the core pipeline (locate →
 * resolve → score → plan, core/pipeline) → write → report. Every step is core
 * or the xlsx host; this file only wires them to the terminal and decides exit codes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { localToday, MappingError, pickSheet, plan as tierPlan, runJob, type Lang } from "../core";
import { historyStage, isoDay, readWorkbookHistory } from "../core/history";
import { HostError } from "../hosts/errors";
import { openWorkbook } from "../hosts/xlsx/read";
import { existingSheets, outputSource, writeOutput } from "../hosts/xlsx/write";
import { cliLang, parseCli, UsageError, usageTopic, type ScoreArgs } from "./args";
import type { Io } from "./io";
import { M } from "./messages";
import { loadModel, ModelFileError } from "./model-arg";
import { Progress } from "./progress";
import { jsonNumbers, jsonReport, summaryLines } from "./report";
import { isSameFile } from "./same-file";
import { runTemplate } from "./template";
import { usage } from "./usage";
import { zlibDeflater, zlibInflater } from "./deflate";

/** A failure the user can act on: exit 1 with this message. */
class JobError extends Error {}

/** A request refused before any work, to protect the user's file: exit 2 with this message. */
class RefusedError extends Error {}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  try {
    const args = parseCli(argv, io.env);
    switch (args.command) {
      case "help":
        io.stdout.write(usage(args.topic, args.lang) + "\n");
        return 0;
      case "version":
        io.stdout.write(`${version()}\n`);
        return 0;
      case "score":
        await score(args, io);
        return 0;
      case "template": {
        return await runTemplate(args, io, loadModel(args.model, args.lang));
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const lang = cliLang(argv, io.env);
      io.stderr.write(`custtier: ${e.text[lang]}\n\n${usage(usageTopic(argv, e), lang)}\n`);
      return 2;
    }
    if (e instanceof RefusedError) {
      io.stderr.write(`custtier: ${e.message}\n`);
      return 2;
    }
    if (e instanceof JobError || e instanceof ModelFileError) {
      io.stderr.write(`custtier: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

async function score(args: ScoreArgs, io: Io): Promise<void> {
  const { lang } = args;
  if (args.output && !args.force && isSameFile(args.input, args.output)) throw new RefusedError(M.sameFile(args.input, args.output)[lang]);
  const model = loadModel(args.model, lang);
  const bytes = readInput(args.input, lang);
  const progress = Progress.for(io.stderr, args.output ? 4 : 2, bytes.byteLength);

  progress.next(M.phase.read[lang]);
  const { grids, pkg } = await open(bytes, args.input, lang);
  // Tiers over time: this run is read against the workbook's history and overrides, and recorded as of --as-of (default today).
  const asOf = isoDay(args.asOf ?? localToday());
  const earlier = readWorkbookHistory(pkg ? existingSheets(pkg) : [], (name) => grids.find((g) => g.name === name));
  const options = { model, lang, choices: args.map, today: args.asOf, orders: args.orders ? true : undefined, stages: [historyStage(earlier, asOf)] };
  const grid = pickSheet(grids, options, args.sheet);
  if (!grid) throw new JobError(M.noSheet(args.sheet!, grids.map((g) => g.name).join(", "))[lang]);

  progress.next(M.phase.score[lang]);
  const job = catchMapping(() => runJob(grid, options), lang);
  // Headers alone: nothing to tier, and an empty summary would look like a result.
  const read = job.resolved.orders?.source ?? job.resolved.table;
  if (read.rows.length === 0) throw new JobError(M.noRows(read.sheetName, read.headerRow)[lang]);

  let wrote: string | undefined;
  if (args.output) {
    progress.next(M.phase.plan[lang]);
    // Our sheets are added to the input's own package (a CSV gets a fresh one holding its text).
    const source = outputSource(pkg, grids);
    // --values writes overdue flags as of --as-of too, so a static run is reproducible.
    const plan = tierPlan(job.scored, { lang, staticValues: args.values, existing: existingSheets(source.pkg), today: args.asOf });
    progress.next(M.phase.write[lang]);
    const { bytes: out, nonFinite } = await writeOutput(source, plan, { deflater: zlibDeflater });
    for (const n of nonFinite) io.stderr.write(`custtier: ${M.nonFinite(n.sheet, n.address, String(n.value))[lang]}\n`);
    try {
      writeFileSync(args.output, out);
    } catch (e) {
      throw new JobError(M.cannotWrite(args.output, (e as Error).message)[lang]);
    }
    wrote = M.wrote(args.output, plan.sheets.map((s) => s.name).join(lang === "zh-CN" ? "、" : ", "))[lang];
  }
  progress.done();

  if (args.json) io.stdout.write(JSON.stringify(jsonReport(job, model, lang), jsonNumbers, 2) + "\n");
  else io.stdout.write(summaryLines(job, model, basename(args.input), lang).join("\n") + "\n");
  if (wrote) (args.json ? io.stderr : io.stdout).write(`\n${wrote}\n`);
}

function readInput(file: string, lang: Lang): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new JobError(M.cannotRead(file, (e as NodeJS.ErrnoException).code === "ENOENT" ? (lang === "zh-CN" ? "文件不存在" : "no such file") : (e as Error).message)[lang]);
  }
}

async function open(bytes: Uint8Array, file: string, lang: Lang) {
  try {
    return await openWorkbook(bytes, basename(file), zlibInflater);
  } catch (e) {
    if (e instanceof HostError) throw new JobError(M.cannotRead(file, e.userMessage[lang])[lang]);
    throw e;
  }
}

function catchMapping<T>(fn: () => T, lang: Lang): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof MappingError) throw new JobError(e.text[lang]);
    throw e;
  }
}

function version(): string {
  // package.json sits two levels above lib/cli/ and src/cli/ alike.
  return (JSON.parse(readFileSync(`${__dirname}/../../package.json`, "utf8")) as { version: string }).version;
}


