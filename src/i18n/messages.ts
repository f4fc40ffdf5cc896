/**
 * Every string the task pane and the playground show, in both languages.
 * Each entry is built with `text(zh, en)`, so a missing translation does not compile.
 * Strings from the model (names, labels, tier names) and from core (issues,
 * validation problems) are already bilingual and are not repeated here.
 */
import type { Text } from "../core/model";
import { text } from "../core/model";

type Entry = Text | ((...args: never[]) => Text);

export const MESSAGES = {
  appName: text("客户分级", "CustTier"),
  appTagline: text("按清晰的规则为每个客户分级", "Grade every customer by a clear rule"),
  loading: text("正在读取工作簿…", "Reading the workbook…"),

  // Steps
  stepsLabel: text("步骤", "Steps"),
  stepSource: text("数据", "Source"),
  stepColumns: text("列", "Columns"),
  stepModel: text("模型", "Model"),
  stepGenerate: text("生成", "Generate"),
  nextStep: (step: string) => text(`下一步：${step}`, `Next: ${step}`),
  back: text("上一步", "Back"),

  // 1. Source
  sheet: text("工作表", "Sheet"),
  readAgain: text("重新读取", "Read again"),
  readAgainHint: text("修改数据或选中区域后重新读取", "Read the sheet again after editing it or selecting a range"),
  foundDetected: text("已自动识别客户表", "Customer table detected"),
  foundTable: text("使用 Excel 表格", "Using the Excel table"),
  foundSelection: text("使用选中的区域", "Using your selection"),
  headerRow: (row: number) => text(`表头在第 ${row} 行`, `Header in row ${row}`),
  customerRows: (n: number) => text(`${n} 个客户`, `${n} customers`),
  skippedRows: (n: number) => text(`跳过 ${n} 行（空行、合计、备注）`, `${n} rows skipped (blank, totals, notes)`),
  previewCaption: (n: number, of: number) => text(`前 ${n} 行（共 ${of} 行）`, `First ${n} of ${of} rows`),
  rowNumber: text("行", "Row"),
  noTable: text(
    "这个工作表上没有找到客户表。请选择其他工作表，或选中表格区域后点“重新读取”。",
    "No customer table on this sheet. Pick another sheet, or select the table and choose Read again.",
  ),

  // 2. Columns
  columnsIntro: text("核对模型的每个字段读取哪一列。", "Check which column feeds each field of the model."),
  notUsed: text("（不使用）", "(not used)"),
  columnOption: (letter: string, header: string) => text(`${letter} 列 · ${header}`, `${letter} · ${header}`),
  matchExact: text("精确匹配", "Exact match"),
  matchLikely: text("可能匹配", "Likely match"),
  matchGuess: text("猜测", "Guess"),
  matchMissing: text("未找到", "Not found"),
  matchOptional: text("可选", "Optional"),
  matchChosen: text("由你选择", "Chosen by you"),
  matchUnsure: (header: string, field: string) =>
    text(`列标题“${header}”与“${field}”不完全一致，请确认这一列就是${field}。`, `The header "${header}" is not quite "${field}": check that this column is the ${field} column.`),
  missingColumns: (fields: string) =>
    text(`还缺少必需的列：${fields}。请在下面为它们选择对应的列。`, `Required columns missing: ${fields}. Pick their columns below.`),
  readAs: text("读取为", "Read as"),
  blank: text("（空）", "(blank)"),
  columnFor: (field: string) => text(`${field} 对应的列`, `Column for ${field}`),

  // 3. Model
  model: text("模型", "Model"),
  modelSource: (source: string) => text(`依据：${source}`, `Source: ${source}`),
  thresholds: text("分级线", "Tier thresholds"),
  minScoreOf: (tier: string) => text(`${tier} 级最低分`, `Lowest score for ${tier}`),
  restBelow: text("其余客户", "everyone below"),
  editModel: text("编辑模型", "Edit the model"),
  resetModel: text("恢复预设", "Reset to the preset"),
  saveModel: text("保存到此工作簿", "Save in this workbook"),
  exportModel: text("导出模型（.json）", "Export the model (.json)"),
  importModel: text("导入模型（.json）", "Import a model (.json)"),
  modelFileRefused: (file: string) => text(`无法使用模型文件“${file}”：`, `The model file "${file}" cannot be used:`),
  customModel: (name: string) => text(`${name}（已修改）`, `${name} (edited)`),
  preview: text("预览", "Preview"),
  previewHint: text("按当前模型对已读取的行评分，尚未写入任何内容。", "Scored with the current model on the rows read; nothing is written yet."),
  customersShare: text("客户占比", "Share of customers"),
  customers: text("客户数", "Customers"),
  valueShare: (field: string) => text(`${field}占比`, `Share of ${field.toLowerCase()}`),
  valueShareShort: (field: string) => text(`${field} %`, `${field} %`),
  notTiered: (n: number) => text(`${n} 个客户无法分级`, `${n} customers could not be tiered`),
  previewBlocked: text("请先修正模型中的问题，再查看预览。", "Fix the model's problems to see the preview."),
  previewNeedsColumns: text("请先选择必需的列。", "Pick the required columns first."),
  distribution: text("分级分布", "Tier distribution"),

  // Fit thresholds to the data (core/calibrate)
  fitWarningsTitle: text("模型与数据不太匹配", "The model does not fit the data well"),
  fitOffer: text("按我的数据调整分级线", "Fit thresholds to my data"),
  fitMode: text("调整方式", "How to fit"),
  fitByShares: text("每级的目标客户占比", "Target share of customers per tier"),
  fitQuantiles: text("等分（分位数切分）", "Equal shares (quantile cuts)"),
  fitShares: text("目标占比（%）", "Target shares (%)"),
  fitShareOf: (tier: string) => text(`${tier} 级目标占比（%）`, `Target share of ${tier} (%)`),
  fitSharesHint: text("同分的客户总在同一级，所以实际人数只能尽量接近目标。", "Customers with the same score always share a tier, so the counts come as close to the targets as the scores allow."),
  fitSharesSum: (total: string) => text(`各级占比合计为 ${total}%，需要正好 100%。`, `The shares add up to ${total}%; they must add up to 100%.`),
  fitNoScores: text("没有可用的得分，无法调整分级线。", "No customer has a score yet, so there is nothing to fit."),
  fitPreview: text("调整后的分级", "Tiers with the fitted thresholds"),
  fitTarget: text("目标", "Target"),
  fitNow: text("当前人数", "Now"),
  fitFitted: text("调整后", "Fitted"),
  fitFrom: text("分级线", "Threshold"),
  fitAccept: text("使用这些分级线", "Use these thresholds"),

  // Model editor
  combine: text("组合方式", "How criteria combine"),
  combineSum: text("分数相加，按分数线分级", "Add up points, cut by score"),
  combineWorst: text("取最低等级（全部满足）", "Worst level (all must hold)"),
  combineBest: text("取最高等级（满足其一）", "Best level (any is enough)"),
  missingPolicy: text("缺少数值时", "When a value is missing"),
  missingIssue: text("不分级，列入问题清单", "No tier; list the row"),
  missingWorst: text("按最低档计分", "Score as the worst band"),
  criteria: text("评分项", "Criteria"),
  weight: text("权重（%）", "Weight (%)"),
  multiplier: text("乘数：分值乘以总分", "Multiplier: its points multiply the score"),
  from: text("下限", "From"),
  to: text("上限", "To"),
  inclusive: text("含", "incl."),
  noLimit: text("不限", "no limit"),
  points: text("分值", "Points"),
  level: text("等级", "Tier"),
  value: text("取值", "Value"),
  valueRange: text("分值范围", "Score range"),
  minimum: text("最小值", "Min"),
  maximum: text("最大值", "Max"),
  bandBound: (criterion: string, band: number, which: Text) => text(`${criterion} 第 ${band} 段${which["zh-CN"]}`, `${criterion} band ${band} ${which["en-US"].toLowerCase()}`),
  bandInclusive: (criterion: string, band: number, which: Text) => text(`${criterion} 第 ${band} 段${which["zh-CN"]}是否包含`, `${criterion} band ${band} ${which["en-US"].toLowerCase()} included`),
  optionOf: (criterion: string, option: string, what: Text) => text(`${criterion}「${option}」的${what["zh-CN"]}`, `${what["en-US"]} for ${criterion} "${option}"`),
  tableCell: (row: string, col: string) => text(`${row} × ${col} 的分值`, `Points for ${row} × ${col}`),
  tiers: text("等级", "Tiers"),
  bandN: (n: number) => text(`第 ${n} 段`, `Band ${n}`),
  bandName: (criterion: string, band: number) => text(`${criterion} 第 ${band} 段的名称`, `${criterion} band ${band} name`),
  bandNamePlaceholder: text("名称（可选）", "Name (optional)"),
  splitBand: (criterion: string, band: number) => text(`拆分${criterion}第 ${band} 段`, `Split ${criterion} band ${band}`),
  removeBand: (criterion: string, band: number) => text(`删除${criterion}第 ${band} 段`, `Remove ${criterion} band ${band}`),
  split: text("拆分", "Split"),
  remove: text("删除", "Remove"),
  criterionName: text("名称", "Name"),
  removeCriterion: (criterion: string) => text(`删除评分项“${criterion}”`, `Remove the criterion "${criterion}"`),
  addCriterion: text("添加评分项", "Add a criterion"),
  addTier: text("添加等级", "Add a tier"),
  removeTier: (tier: string) => text(`删除 ${tier} 级`, `Remove tier ${tier}`),
  tierName: (tier: string) => text(`${tier} 级名称`, `Name of tier ${tier}`),
  tierColour: (tier: string) => text(`${tier} 级颜色`, `Colour of tier ${tier}`),

  // 4. Generate
  generateIntro: text(
    "将新建分级表、规则表和汇总（实时公式，按等级着色）。原始数据不会被修改。",
    "Adds a tier table, a rules sheet and a summary (live formulas, colour-coded). Your data is not changed.",
  ),
  generate: text("生成分级表", "Generate the tier table"),
  writing: (done: number, total: number) => text(`正在写入… ${done} / ${total} 行`, `Writing… ${done} of ${total} rows`),
  preparing: text("正在准备…", "Preparing…"),
  cancel: text("取消", "Cancel"),
  cancelled: text("已取消，未写入任何内容。", "Cancelled: nothing was written."),
  needColumns: text("请先在“列”步骤中选择必需的列。", "Pick the required columns in the Columns step first."),
  needValidModel: text("请先在“模型”步骤中修正问题。", "Fix the problems in the Model step first."),
  needRows: text("没有可分级的客户行。", "There are no customer rows to tier."),
  resultTitle: text("分级表已生成", "Tier table ready"),
  resultSummary: (n: number, sheet: string) => text(`${n} 个客户已分级，写入工作表“${sheet}”。`, `${n} customers tiered in the sheet "${sheet}".`),
  goToTierSheet: text("转到分级表", "Go to the tier sheet"),
  issueAt: (row: number, column: string) => text(`第 ${row} 行 ${column}`, `Row ${row}, ${column}`),
  settingsSaved: text("模型和列的选择已保存在工作簿中。", "The model and column choices are saved in the workbook."),
  showCell: (address: string) => text(`在数据表中选中 ${address}`, `Select ${address} in the source sheet`),
  showCellIn: (address: string, sheet: string) => text(`在“${sheet}”中选中 ${address}`, `Select ${address} in "${sheet}"`),
  onSummaryLater: text("在生成后的“客户汇总”表中", "on the Customers sheet that Generate writes"),
  issuesTitle: (errors: number, warnings: number) =>
    text(`问题：${errors} 个错误，${warnings} 个提醒`, `Issues: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`),
  issueGroup: (severity: string, title: string, n: number) => text(`${severity} · ${title}（${n}）`, `${severity} · ${title} (${n})`),
  moreInGroup: (n: number) => text(`另有 ${n} 行，见汇总表的问题清单。`, `${n} more: see the list on the summary sheet.`),
  orderLogTitle: text("这像是订单明细，不是客户表", "This looks like an order log, not a customer sheet"),
  orderLog: (rows: number, customers: number, customerHeader: string, dateHeader: string) =>
    text(
      `“${customerHeader}”列中 ${rows} 行只有 ${customers} 个不同客户，并且有日期列“${dateHeader}”：每行是一笔订单，不是一个客户。这个模型会把同一客户分级多次，所以不会生成分级表。请改用价值模型（RFM、ABC 等），它们按客户汇总订单后分级；或选择客户表。`,
      `The "${customerHeader}" column names only ${customers} different customers on ${rows} rows, and "${dateHeader}" holds dates: each line is an order, not a customer. This model would grade a customer many times, so no tier table is made. Use a value model (RFM, ABC…), which sums the orders per customer first, or pick a customer sheet.`,
    ),
  orderLogSummed: (orders: string, customers: string) => text(`订单记录：${orders} 行订单 → ${customers} 位客户`, `Order log: ${orders} order lines → ${customers} customers`),
  orderLogHow: (customerHeader: string, dateHeader: string) =>
    text(
      `按“${customerHeader}”汇总每位客户的最近购买、购买次数和消费金额（日期取自“${dateHeader}”），生成的工作簿另有“客户汇总”表。`,
      `Each customer's recency, orders and total spent are summed by "${customerHeader}" (dates from "${dateHeader}"); the workbook gets a customer summary sheet too.`,
    ),
  orderLinesLeftOut: (n: string) => text(`${n} 行订单无法读取，未计入（见问题清单）`, `${n} order lines could not be read and are left out (see the issues)`),
  useValuePreset: text("改用 RFM 模型", "Use the RFM model"),
  asOf: text("截至日期", "As of"),
  asOfHint: text("最近购买天数和客户状态按这一天计算", "Recency and customer status count from this day"),
  orderRows: (n: number) => text(`${n} 行订单`, `${n} order lines`),
  ruleModels: text("按规则分级", "Tiers by rules"),
  valueModels: text("价值与活跃（可用订单记录）", "Value and activity (order logs too)"),
  paretoCut: text("ABC 分界", "ABC classes"),
  paretoValue: (a: number, b: number) => text(`按金额：前方累计 < ${a}% 为 A，< ${b}% 为 B`, `By value: A when the customers ahead hold < ${a}%, B < ${b}%`),
  paretoCustomers: text("按客户数：前 20% 为 A，其后 30% 为 B", "By customers: the top 20% are A, the next 30% B"),
  paretoOther: text("自定义（模型文件）", "Custom (model file)"),

  // Errors
  errorTitle: text("出错了", "Something went wrong"),
  unexpected: (message: string) =>
    text(`意外错误：${message}。请重试；如仍出现，请重新打开加载项。`, `Unexpected error: ${message}. Try again; if it happens again, reopen the add-in.`),
  dismiss: text("关闭", "Dismiss"),
  crashTitle: text("窗格遇到错误", "The pane hit an error"),
  reload: text("重新加载", "Reload"),

  // Tiers over time (issue 12)
  historyTitle: text("与上期对比", "Changes since the last run"),
  historyFirst: (asOf: string, sheet: string) =>
    text(`已将 ${asOf} 的分级记入“${sheet}”：下次分级时显示谁升级、谁降级。`, `The ${asOf} tiers are recorded in "${sheet}": the next run shows who moved up or down.`),
  historySince: (asOf: string, previous: string) => text(`本期 ${asOf}，对比上期 ${previous}`, `${asOf} since ${previous}`),
  moveCounts: (up: number, down: number, fresh: number, gone: number) =>
    text(`升级 ${up}，降级 ${down}，新客户 ${fresh}，已不在表中 ${gone}`, `${up} up, ${down} down, ${fresh} new, ${gone} gone`),
  movesUp: (n: number) => text(`升级 ${n}`, `${n} up`),
  movesDown: (n: number) => text(`降级 ${n}`, `${n} down`),
  movesNew: (n: number) => text(`新客户 ${n}`, `${n} new`),
  movesGone: (n: number) => text(`已不在表中 ${n}`, `${n} gone`),
  movesMore: (n: number) => text(`另有 ${n} 位，见汇总表。`, `${n} more: see the summary sheet.`),
  overridesTitle: (n: number) => text(`人工调整（${n}）`, `Overrides (${n})`),
  overrideNoReason: text("未写理由", "no reason given"),
  visitsTitle: text("拜访计划", "Visits"),
  visitsZone: (perMonth: string, n: number) => text(`每月 ${perMonth} 次 · ${n} 位`, `${perMonth} a month · ${n} ${n === 1 ? "customer" : "customers"}`),
  visitsNext: text("最近的下次拜访（每位客户的见分级表）：", "Next visits due (every customer's is on the tier sheet):"),
  visitsRow: (row: number) => text(`第 ${row} 行`, `row ${row}`),

  // New template
  newTemplate: text("新建模板", "New template"),
  templateTitle: text("新建客户分级模板", "New customer tiering template"),
  templateWhat: text(
    "在此工作簿中加入一套现成的客户级别管理表：模型所需的列、下拉选项、自动计算的分数与等级、跟进日期、规则表和汇总表。不会改动现有工作表。",
    "Adds a ready customer management workbook here: the model's columns, dropdowns, formulas that compute score and tier, follow-up dates, a rules sheet and a summary. Existing sheets are not touched.",
  ),
  templateExamples: text("加入示例行", "Add example rows"),
  templateCreate: text("创建模板", "Create the template"),
  templateModel: text("模型", "Model"),
  templateLang: text("模板语言", "Template language"),
  templateNext: (sheet: string, rules: string) =>
    text(
      `模板已创建：在「${sheet}」中填写客户，分数和等级会自动算出；在「${rules}」中调整分级线。`,
      `Template created: type customers into '${sheet}' and their score and tier follow; adjust the thresholds on '${rules}'.`,
    ),
  templateFile: text("客户分级模板", "Customer tiering template"),
  close: text("关闭", "Close"),

  // Playground
  playgroundTitle: text("客户分级 · 在线试用", "CustTier playground"),
  playgroundPrivacy: text("文件只在本浏览器中处理，不会上传。", "Your file stays in this browser: nothing is uploaded."),
  openFile: text("打开文件", "Open a file"),
  loadSample: text("加载示例", "Load the sample"),
  download: text("下载结果 (.xlsx)", "Download the result (.xlsx)"),
  language: text("语言", "Language"),
  dropHint: text("把 .xlsx 或 .csv 文件拖到这里，或点“打开文件”。", "Drop an .xlsx or .csv file here, or choose Open a file."),
  dropNow: text("松开以打开文件", "Drop to open the file"),
  gridCaption: (shown: number, total: number) => text(`显示前 ${shown} 行，共 ${total} 行`, `Showing ${shown} of ${total} rows`),
  sheetsLabel: text("工作表", "Sheets"),
  opening: (name: string) => text(`正在打开 ${name}…`, `Opening ${name}…`),
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;
