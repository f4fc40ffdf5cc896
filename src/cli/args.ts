import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Lang, Text } from "../core";
import { M } from "./messages";
import type { HelpTopic } from "./usage";

/** A command line that cannot run: exit 2 with this message (in both languages) and the usage (the command's by default). */
export class UsageError extends Error {
  constructor(
    readonly text: Text,
    readonly topic?: HelpTopic,
  ) {
    super(text["en-US"]);
  }
}

export interface ScoreArgs {
  command: "score";
  input: string;
  output?: string;
  sheet?: string;
  model: string;
  map: Record<string, string>;
  lang: Lang;
  values: boolean;
  json: boolean;
  /** Write -o even when it names the input file. */
  force: boolean;
  /** `--as-of YYYY-MM-DD`: the day recency, status, months to close and follow-ups count from (UTC midnight). */
  asOf?: Date;
  /** `--orders`: read the table as an order log, one row per order line. */
  orders: boolean;
}

export interface TemplateArgs {
  command: "template";
  output: string;
  model: string;
  lang: Lang;
  examples: boolean;
}

export interface HelpArgs {
  command: "help";
  topic: HelpTopic;
  lang: Lang;
}

export type Args = ScoreArgs | TemplateArgs | HelpArgs | { command: "version" };

/** zh-CN when the terminal's locale is Chinese, else en-US. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
}

/** The `--lang` written anywhere on the command line (`--lang x` or `--lang=x`), if any. */
function langArg(argv: string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((a, i) => {
    if (a === "--lang") found = argv[i + 1];
    else if (a.startsWith("--lang=")) found = a.slice("--lang=".length);
  });
  return found;
}

/** The help that goes with a usage error in `argv`: the command's, or the general one. */
export function usageTopic(argv: string[], error: UsageError): HelpTopic {
  return error.topic ?? (argv[0] === "score" || argv[0] === "template" ? argv[0] : "main");
}

/** The language to speak in, even about a command line that cannot be parsed. */
export function cliLang(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const value = langArg(argv);
  return value === "zh-CN" || value === "en-US" ? value : defaultLang(env);
}

function lang(value: string | undefined, env: NodeJS.ProcessEnv, topic: HelpTopic): Lang {
  if (value === undefined) return defaultLang(env);
  if (value === "zh-CN" || value === "en-US") return value;
  throw new UsageError(M.usage.badLang(value), topic);
}

/** `--map revenue=销售额 --map paydays=E` → { revenue: "销售额", paydays: "E" }. */
function mappings(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(M.usage.badMap(pair), "score");
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

const HELP = ["--help", "-h"];

/** node:util parseArgs's errors (English only) in both languages. */
function parseError(e: unknown, topic: HelpTopic): UsageError {
  const { code, message } = e as { code?: string; message: string };
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError(M.usage.unknownOption(quoted), topic);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return new UsageError(M.usage.missingValue(quoted), topic);
  return new UsageError(M.usage.badArgument(message), topic);
}

/** node:util parseArgs over a command's arguments, its errors as bilingual usage errors. */
function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O, topic: HelpTopic) {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (e) {
    throw parseError(e, topic);
  }
}

/** `--as-of 2024-03-31` as that calendar day (UTC midnight, as the engine's dates are). */
function asOfDay(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !day || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) throw new UsageError(M.usage.badAsOf(value), "score");
  return day;
}

/** `-o` writes an Excel workbook, whatever the input was: a name ending in .csv (or anything else) would hide xlsx bytes behind the wrong type. */
function workbookOutput(path: string, topic: "score" | "template"): string {
  if (!/\.(xlsx|xlsm)$/i.test(path)) throw new UsageError(M.usage.outputNotWorkbook(path), topic);
  return path;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || HELP.includes(command)) {
    const topic = rest.find((a) => a === "score" || a === "template") ?? "main";
    return { command: "help", topic: topic as HelpTopic, lang: lang(langArg(argv), env, "main") };
  }
  if (command === "--version" || command === "-v") return { command: "version" };
  if (command !== "score" && command !== "template") throw new UsageError(M.usage.unknownCommand(command), "main");
  if (rest.some((a) => HELP.includes(a))) return { command: "help", topic: command, lang: lang(langArg(rest), env, command) };

  if (command === "score") {
    const { values, positionals } = parseOptions(
      rest,
      {
        output: { type: "string", short: "o" },
        sheet: { type: "string" },
        model: { type: "string", short: "m", default: "sales-payment" },
        map: { type: "string", multiple: true, default: [] },
        lang: { type: "string" },
        values: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        "as-of": { type: "string" },
        orders: { type: "boolean", default: false },
      },
      "score",
    );
    if (positionals.length !== 1) throw new UsageError(M.usage.oneInput, "score");
    return {
      command: "score",
      input: positionals[0],
      output: values.output === undefined ? undefined : workbookOutput(values.output, "score"),
      sheet: values.sheet,
      model: values.model!,
      map: mappings(values.map!),
      lang: lang(values.lang, env, "score"),
      values: values.values!,
      json: values.json!,
      force: values.force!,
      asOf: values["as-of"] === undefined ? undefined : asOfDay(values["as-of"]),
      orders: values.orders!,
    };
  }

  const { values, positionals } = parseOptions(
    rest,
    {
      output: { type: "string", short: "o" },
      model: { type: "string", short: "m", default: "sales-payment" },
      lang: { type: "string" },
      examples: { type: "boolean", default: false },
    },
    "template",
  );
  if (positionals.length) throw new UsageError(M.usage.templateNoFile(positionals[0]), "template");
  if (!values.output) throw new UsageError(M.usage.templateNeedsOutput, "template");
  return { command: "template", output: workbookOutput(values.output, "template"), model: values.model!, lang: lang(values.lang, env, "template"), examples: values.examples! };
}
