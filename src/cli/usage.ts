/** `custtier --help`, `custtier score --help`, `custtier template --help`, in both languages. */
import { PRESETS, VALUE_PRESETS, text, type Lang, type Text } from "../core";

export type HelpTopic = "main" | "score" | "template";

const EXIT_CODES = text(
  `退出码：0 完成（即使有行问题），1 文件无法读取或缺少必需的列，2 用法错误。`,
  `Exit codes: 0 done (even with row issues), 1 file unreadable or required columns\nmissing, 2 usage error.`,
);

const MAIN = text(
  `custtier — 为表格中的客户分级（CustTier）

用法：
  custtier score <输入.xlsx|输入.csv> [选项]    为表格中的客户评分、分级
  custtier template -o 文件.xlsx [选项]         生成一个会自动分级的客户管理工作簿
  custtier <命令> --help                        该命令的说明
  custtier --help | --version

每个命令都接受 --lang zh-CN|en-US（默认按 LANG 环境变量）。`,
  `custtier — grade customers in a sheet (CustTier)

Usage:
  custtier score <in.xlsx|in.csv> [options]    grade the customers in a sheet
  custtier template -o file.xlsx [options]     write a customer workbook that grades itself
  custtier <command> --help                    a command's options
  custtier --help | --version

Every command takes --lang zh-CN|en-US (default: from LANG).`,
);

const SCORE = (presets: string) =>
  text(
    `用法：custtier score <输入.xlsx|输入.csv> [-o 输出.xlsx] [--sheet 工作表] [--model 模型]
                      [--map 字段=列 ...] [--lang zh-CN|en-US] [--values] [--json] [--force]
                      [--as-of YYYY-MM-DD] [--orders]

找到客户表，对应各列，为每位客户评分分级并打印各等级汇总；加 -o 时写出一个工作簿：
原有工作表原样保留，另加分级表、分级规则和分级汇总。

选项：
  -o, --output 文件      写出结果工作簿（.xlsx）
  --sheet 工作表         读取这张工作表（默认：第一张含有模型所需各列的工作表）
  -m, --model 模型       预设模型 id（${presets}）或模型 .json 文件；默认 sales-payment
  --map 字段=列          指定字段对应的列：表头文字或列字母（如 --map revenue=销售额 --map paydays=E）
  --values               写入数值而不是公式
  --json                 在标准输出上以 JSON 打印每一行，代替汇总
  --force                允许 -o 覆盖输入文件本身（否则拒绝，退出码 2）
  --as-of YYYY-MM-DD     最近购买天数、客户状态、成交月数按这一天计算（默认今天），结果可重现；也是记入「客户分级历史」的分级日期
                         客户表的“最近购买日期”列（--map lastOrder=列）按截至日期换算成天数
  --orders               把表当作订单记录（每行一笔订单）按客户汇总；rfm、abc 等模型遇到
                         客户重复且有日期列的表时会自动识别
                         （--map customer=客户 --map orderDate=日期 --map amount=金额）
  --lang zh-CN|en-US     输出语言（默认按 LANG）
  -h, --help             本说明`,
    `Usage: custtier score <in.xlsx|in.csv> [-o out.xlsx] [--sheet NAME] [--model ID|model.json]
                      [--map field=Header ...] [--lang zh-CN|en-US] [--values] [--json] [--force]
                      [--as-of YYYY-MM-DD] [--orders]

Finds the customer table, maps its columns, grades every customer and prints the
tier summary; with -o writes a workbook holding the source sheets unchanged plus
the tier table, the rules and the summary.

Options:
  -o, --output FILE      write the resulting workbook (.xlsx)
  --sheet NAME           read this sheet (default: the first with every column the model needs)
  -m, --model ID|FILE    a preset id (${presets}) or a model .json file; default sales-payment
  --map field=COLUMN     choose a field's column by header text or column letter
                         (e.g. --map revenue=销售额 --map paydays=E)
  --values               write values instead of live formulas
  --json                 print every row as JSON on stdout instead of the summary
  --force                let -o overwrite the input file itself (refused otherwise, exit 2)
  --as-of YYYY-MM-DD     count recency, customer status and months to close from this day; also the date this run is recorded under in the tier history
                         (default today), so that runs are reproducible; a customer sheet's last order
                         date (--map lastOrder=COLUMN) is counted in days to this day
  --orders               read the table as an order log (one row per order) summed per
                         customer; rfm, abc and the other value models recognise one by
                         itself when customers repeat and there is a date column
                         (--map customer=Client --map orderDate=Date --map amount=Total)
  --lang zh-CN|en-US     language of the output (default: from LANG)
  -h, --help             this help`,
  );

const TEMPLATE = (presets: string) =>
  text(
    `用法：custtier template -o 文件.xlsx [--model 模型] [--lang zh-CN|en-US] [--examples]

生成一个客户管理工作簿：填写客户后，其中的公式自动为其评分、分级。
价值模型（rfm、rfm-8、abc、value-abcd）填写最近购买日期、购买次数和消费金额；
分界点随填写的客户实时算出，也可在规则表中改成固定数字。

选项：
  -o, --output 文件      要写出的工作簿（.xlsx），必填
  -m, --model 模型       预设模型 id（${presets}）或模型 .json 文件；默认 sales-payment
  --examples             在开头加几行示例客户（蓝色斜体，可删除）
  --lang zh-CN|en-US     工作簿和输出的语言（默认按 LANG）
  -h, --help             本说明`,
    `Usage: custtier template -o file.xlsx [--model ID|model.json] [--lang zh-CN|en-US] [--examples]

Writes a customer-management workbook whose formulas grade each customer you
type in. Value models (rfm, rfm-8, abc, value-abcd) take the last order date,
orders and total; their cut points follow the customers typed, live, and can be
replaced by fixed numbers on the rules sheet.

Options:
  -o, --output FILE      the workbook to write (.xlsx); required
  -m, --model ID|FILE    a preset id (${presets}) or a model .json file; default sales-payment
  --examples             start with a few example customers (blue italics, delete them)
  --lang zh-CN|en-US     language of the workbook and the output (default: from LANG)
  -h, --help             this help`,
  );

function usageText(topic: HelpTopic): Text {
  const presets = [...PRESETS, ...VALUE_PRESETS].map((m) => m.id).join(", ");
  if (topic === "score") return SCORE(presets);
  if (topic === "template") return TEMPLATE(presets);
  return MAIN;
}

/** The help for `topic`, with the exit codes, in `lang`. */
export function usage(topic: HelpTopic, lang: Lang): string {
  return `${usageText(topic)[lang]}\n\n${EXIT_CODES[lang]}`;
}
