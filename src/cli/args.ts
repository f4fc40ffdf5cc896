import { parseArgs } from "node:util";
import type { Lang } from "../core";

export class UsageError extends Error {}

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
}

export interface TemplateArgs {
  command: "template";
  output: string;
  model: string;
  lang: Lang;
  examples: boolean;
}

export type Args = ScoreArgs | TemplateArgs | { command: "help" } | { command: "version" };

/** zh-CN when the terminal's locale is Chinese, else en-US. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
}

function lang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) return defaultLang(env);
  if (value === "zh-CN" || value === "en-US") return value;
  throw new UsageError(`--lang takes zh-CN or en-US, not "${value}"`);
}

/** `--map revenue=销售额 --map paydays=E` → { revenue: "销售额", paydays: "E" }. */
function mappings(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--map takes field=Header or field=ColumnLetter, not "${pair}"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return { command: "help" };
  if (command === "--version" || command === "-v") return { command: "version" };
  try {
    if (command === "score") {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          output: { type: "string", short: "o" },
          sheet: { type: "string" },
          model: { type: "string", short: "m", default: "sales-payment" },
          map: { type: "string", multiple: true, default: [] },
          lang: { type: "string" },
          values: { type: "boolean", default: false },
          json: { type: "boolean", default: false },
        },
      });
      if (positionals.length !== 1) throw new UsageError("score takes one input file: custtier score <in.xlsx|in.csv>");
      return {
        command: "score",
        input: positionals[0],
        output: values.output,
        sheet: values.sheet,
        model: values.model!,
        map: mappings(values.map!),
        lang: lang(values.lang, env),
        values: values.values!,
        json: values.json!,
      };
    }
    if (command === "template") {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          output: { type: "string", short: "o" },
          model: { type: "string", short: "m", default: "sales-payment" },
          lang: { type: "string" },
          examples: { type: "boolean", default: false },
        },
      });
      if (positionals.length) throw new UsageError(`template takes no file argument; use -o ${positionals[0]}`);
      if (!values.output) throw new UsageError("template needs -o file.xlsx");
      return { command: "template", output: values.output, model: values.model!, lang: lang(values.lang, env), examples: values.examples! };
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // parseArgs: unknown option, missing value…
    throw new UsageError((e as Error).message);
  }
  throw new UsageError(`unknown command "${command}"`);
}

export const USAGE = `custtier — grade customers in a sheet (CustTier)

Usage:
  custtier score <in.xlsx|in.csv> [-o out.xlsx] [--sheet NAME] [--model ID|model.json]
                 [--map field=Header ...] [--lang zh-CN|en-US] [--values] [--json]
  custtier template [--model ID] [--lang zh-CN|en-US] [--examples] -o file.xlsx

score     finds the customer table, maps its columns, grades every customer and
          prints the tier summary; with -o writes a workbook holding the source
          sheets unchanged plus the tier table, the rules and the summary.
          --model     preset id (sales-payment, orders-volume, close-time, potential-4,
                      weighted, nine-grid, sales-stage, real-estate) or a model .json file
          --map       choose a column for a field: by header text or column letter
                      (e.g. --map revenue=销售额 --map paydays=E)
          --values    write values instead of live formulas
          --json      print every row as JSON on stdout instead of the summary
template  writes a ready customer-management workbook that grades itself.

Exit codes: 0 done (even with row issues), 1 file unreadable or required columns
missing, 2 usage error.`;
