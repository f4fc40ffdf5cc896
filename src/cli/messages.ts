import type { Lang, Text } from "../core";
import { text } from "../core";

type Line = Text | ((...a: never[]) => Text);

/** Every line the CLI prints for people, in both languages. */
export const M = {
  title: (model: string) => text(`客户分级 — ${model}`, `Customer tiers — ${model}`),
  read: (file: string, sheet: string, headerRow: number, customers: number) =>
    text(`读取 ${file} › ${sheet}：表头在第 ${headerRow} 行，${customers} 位客户`, `Read ${file} › ${sheet}: header in row ${headerRow}, ${customers} customers`),
  encoded: (file: string, encoding: string) => text(`${file}（${encoding} 编码）`, `${file} (${encoding})`),
  columns: text("列对应：", "Columns: "),
  tier: text("等级", "Tier"),
  customers: text("客户数", "Customers"),
  share: text("占比", "Share"),
  valueShare: text("金额占比", "Value share"),
  /** A value column that is not money: what it counts. */
  withUnit: (label: string, unit: string) => text(`${label}（${unit}）`, `${label} (${unit})`),
  units: text("件", "units"),
  unscored: text("未分级", "Not tiered"),
  total: text("合计", "Total"),
  issues: (n: number) => text(`问题（${n}）：`, `Issues (${n}):`),
  moreIssues: (n: number) => text(`…另有 ${n} 条，用 --json 查看全部`, `…and ${n} more; --json lists them all`),
  wrote: (file: string, sheets: string) => text(`已写入 ${file}（${sheets}）`, `Wrote ${file} (${sheets})`),
  noRows: (sheet: string, headerRow: number) =>
    text(
      `「${sheet}」第 ${headerRow} 行是表头，但下面没有客户行：请先填入客户再分级`,
      `'${sheet}' has headers in row ${headerRow} but no customer rows below them: add customers, then tier them`,
    ),
  noSheet: (name: string, sheets: string) => text(`找不到工作表“${name}”。工作簿中有：${sheets}`, `No sheet "${name}". The workbook has: ${sheets}`),
  unknownModel: (id: string, ids: string) => text(`未知模型“${id}”。可用：${ids}，或一个模型 .json 文件`, `Unknown model "${id}". Use one of: ${ids}, or a model .json file`),
  orders: (orders: number, used: number, customers: number, asOf: string) =>
    text(
      `订单记录：${orders} 行订单（计入 ${used} 行）→ ${customers} 位客户，截至 ${asOf}`,
      `Order log: ${orders} order lines (${used} counted) → ${customers} customers, as of ${asOf}`,
    ),
  badModelFile: (file: string, why: string) => text(`模型文件 ${file} 无法使用：${why}`, `Model file ${file} cannot be used: ${why}`),
  cannotRead: (file: string, why: string) => text(`无法读取 ${file}：${why}`, `Cannot read ${file}: ${why}`),
  sameFile: (input: string, output: string) =>
    text(
      `-o ${output} 就是输入文件 ${input}：写入会覆盖原文件。请换一个输出文件名，或加 --force 确认覆盖`,
      `-o ${output} is the input file ${input}: writing would overwrite it. Choose another output name, or add --force to overwrite it`,
    ),
  changes: (asOf: string, previous: string, up: number, down: number, fresh: number, gone: number, overrides: number) =>
    text(
      `本期 ${asOf} 对比上期 ${previous}：升级 ${up}，降级 ${down}，新客户 ${fresh}，已不在表中 ${gone}；人工调整 ${overrides}`,
      `${asOf} against ${previous}: ${up} up, ${down} down, ${fresh} new, ${gone} gone; ${overrides} overrides`,
    ),
  firstSnapshot: (asOf: string) => text(`本期 ${asOf}：尚无上期分级，下次分级时显示变化`, `${asOf}: no earlier snapshot yet; the next run shows the changes`),
  recorded: (asOf: string, sheet: string) => text(`已将 ${asOf} 的分级记入「${sheet}」`, `Recorded the ${asOf} tiers in '${sheet}'`),
  cannotWrite: (file: string, why: string) => text(`无法写入 ${file}：${why}`, `Cannot write ${file}: ${why}`),
  usage: {
    unknownCommand: (c: string) => text(`未知命令“${c}”`, `unknown command "${c}"`),
    unknownOption: (o: string) => text(`未知选项 ${o}`, `unknown option ${o}`),
    missingValue: (o: string) => text(`选项 ${o} 需要一个值`, `option ${o} needs a value`),
    badArgument: (why: string) => text(`参数无法识别：${why}`, `cannot read the arguments: ${why}`),
    badLang: (v: string) => text(`--lang 取 zh-CN 或 en-US，而不是“${v}”`, `--lang takes zh-CN or en-US, not "${v}"`),
    badMap: (pair: string) => text(`--map 的写法是 字段=表头 或 字段=列字母，而不是“${pair}”`, `--map takes field=Header or field=ColumnLetter, not "${pair}"`),
    oneInput: text("score 需要一个输入文件：custtier score <输入.xlsx|输入.csv>", "score takes one input file: custtier score <in.xlsx|in.csv>"),
    templateNoFile: (f: string) => text(`template 不接受文件参数；请用 -o ${f}`, `template takes no file argument; use -o ${f}`),
    badAsOf: (v: string) => text(`--as-of 的写法是 YYYY-MM-DD（如 2024-03-31），而不是“${v}”`, `--as-of takes a day as YYYY-MM-DD (e.g. 2024-03-31), not "${v}"`),
    templateNeedsOutput: text("template 需要 -o 文件.xlsx", "template needs -o file.xlsx"),
    outputNotWorkbook: (f: string) =>
      text(`-o 写出的是 Excel 工作簿：文件名请以 .xlsx 结尾，而不是“${f}”`, `-o writes an Excel workbook: name it .xlsx, not "${f}"`),
  },
  nonFinite: (sheet: string, cell: string, value: string) =>
    text(`「${sheet}」${cell} 的值 ${value} 不是有限数字，已写为 #NUM!`, `'${sheet}'!${cell}: ${value} is not a finite number; written as #NUM!`),
  phase: {
    read: text("读取", "reading"),
    score: text("评分", "scoring"),
    plan: text("排版", "laying out"),
    write: text("写入", "writing"),
  },
} satisfies Record<string, Line | Record<string, Line>>;

export function say(t: Text, lang: Lang): string {
  return t[lang];
}
