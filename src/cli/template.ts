/**
 * `custtier template`: a customer-management workbook that grades itself,
 * written with the xlsx host. Returns the exit code (1: the file cannot be written).
 */
import { writeFileSync } from "node:fs";
import { text, type Model } from "../core";
import { DEFAULT_TEMPLATE_ROWS, planTemplate } from "../core/pipeline/template";
import { writeXlsx } from "../hosts/xlsx/write";
import { zlibDeflater } from "./deflate";
import type { TemplateArgs } from "./args";
import type { Io } from "./io";
import { M } from "./messages";

const T = {
  what: (model: string, rows: number, examples: boolean) =>
    text(
      `模型：${model}；${rows} 行已备好公式${examples ? "，开头几行是示例（蓝色斜体，可删除）" : ""}。`,
      `Model: ${model}; ${rows} rows ready with formulas${examples ? ", the first few are examples (blue italics, delete them)" : ""}.`,
    ),
  next: (sheet: string, rules: string) =>
    text(`在「${sheet}」中填写客户，在「${rules}」中调整分级线和跟进间隔。`, `Type customers into '${sheet}'; adjust thresholds and follow-up intervals on '${rules}'.`),
};

export async function runTemplate(args: TemplateArgs, io: Io, model: Model): Promise<number> {
  const { lang } = args;
  const plan = planTemplate(model, { lang, examples: args.examples, rows: DEFAULT_TEMPLATE_ROWS });
  const bytes = await writeXlsx(plan, undefined, { deflater: zlibDeflater });
  try {
    writeFileSync(args.output, bytes);
  } catch (e) {
    io.stderr.write(`custtier: ${M.cannotWrite(args.output, (e as Error).message)[lang]}\n`);
    return 1;
  }
  const [customers, , rules] = plan.sheets;
  const sheets = plan.sheets.map((s) => s.name).join(lang === "zh-CN" ? "、" : ", ");
  io.stdout.write(
    [M.wrote(args.output, sheets)[lang], T.what(model.name[lang], DEFAULT_TEMPLATE_ROWS, args.examples)[lang], T.next(customers.name, rules.name)[lang]].join("\n") + "\n",
  );
  return 0;
}
