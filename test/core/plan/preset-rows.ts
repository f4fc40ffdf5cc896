/**
 * Customer sheets for every preset, written from tiering-models.md: the worked
 * examples, both sides of every boundary, synonyms, converted text (`2万`,
 * `３０天`) and missing or unreadable inputs. Shared by the plan, xlsx and
 * LibreOffice tests. Nothing here is computed by the code under test.
 */
import type { CellValue } from "../../../src/core/parse/values";
import type { SheetGrid } from "../../../src/core/sheet/types";

export interface PresetSheet {
  preset: string;
  headers: string[];
  rows: CellValue[][];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Text a spreadsheet would run as a formula or read as a number. */
export const DANGEROUS_NAMES = ['=HYPERLINK("http://x","y")', "+1", "-x", "@foo"];

export const PRESET_SHEETS: PresetSheet[] = [
  {
    preset: "sales-payment",
    headers: ["客户名称", "月均销售额", "回款天数"],
    rows: [
      // worked examples (§1)
      ["华东贸易", 25000, 20],
      ["鼎盛五金", 20000, 31],
      ["恒通商行", 19999.99, 30],
      ["青禾食品", 10000, 30],
      ["远航物流", 10000.01, 46],
      ["金达电器", 5000, 31],
      ["顺丰建材", 20000, 61],
      // both sides of each band
      ["边界1", 20000.01, 45],
      ["边界2", 9999.99, 45.5],
      ["边界3", 5000.01, 60],
      ["边界4", 4999.99, 60.01],
      ["边界5", 0, 0],
      // converted text
      ["文本1", "2万", "３０天"],
      ["文本2", "1.5万元", "45天"],
      ["文本3", "¥12,000", 44],
      // warnings and errors
      ["负数", -100, 10],
      ["缺回款", 30000, null],
      ["坏回款", 30000, "abc"],
      ["负回款", 30000, -1],
      ["缺销售", "", 20],
      // names that must stay text
      [DANGEROUS_NAMES[0], 25000, 20],
      [DANGEROUS_NAMES[1], 12000, 40],
      [DANGEROUS_NAMES[2], 3000, 70],
      [DANGEROUS_NAMES[3], 8000, 50],
    ],
  },
  {
    preset: "orders-volume",
    headers: ["客户名称", "订单数", "累计数量"],
    rows: [
      ["例1", 7, 50000], // B
      ["例2", 2, 200000], // C
      ["A", 6, 100001],
      ["边界A", 5, 100001],
      ["边界B1", 6, 100000],
      ["边界B2", 4, 10000],
      ["边界C1", 3, 10000],
      ["边界C2", 4, 9999],
      ["文本", "6单", "12万"],
      ["缺", 6, null],
      ["坏", "很多", 5000],
    ],
  },
  {
    preset: "close-time",
    headers: ["客户名称", "需求状态", "预计成交月数", "最近联系日期"],
    rows: [
      ["甲", "明确", 1, day("2020-01-10")],
      ["乙", "明确", 1.01, day("2020-01-10")],
      ["丙", "明确", 3, day("2099-01-10")],
      ["丁", "clear", 3.5, day("2099-01-10")],
      ["戊", "明确", 6, day("2021-06-01")],
      ["己", "明确", 6.01, day("2021-06-01")],
      ["庚", "潜在", 1, day("2021-06-01")],
      ["辛", "无", null, day("2021-06-01")], // E whatever the months
      ["壬", "明确", null, day("2021-06-01")], // clear need, no months: no tier
      ["癸", "有需求", 2, null],
      ["子", " 明确 ", 2, day("2021-06-01")], // spaces: the engine folds them, MATCH cannot
      ["丑", "不知道", 2, day("2021-06-01")],
      ["寅", "潜在需求", null, "2021-06-01"],
    ],
  },
  {
    preset: "potential-4",
    headers: ["客户名称", "预计成交月数", "预计月成交金额"],
    rows: [
      ["p1", 3, 0],
      ["p2", 3.01, 19999],
      ["p3", 6, 20000],
      ["p4", 6.01, 49999],
      ["p5", 12, 50000],
      ["p6", 12.01, 99999],
      ["p7", 24, 100000],
      ["p8", 13, "10万"],
      ["p9", null, 60000],
      ["p10", 5, null],
    ],
  },
  {
    preset: "weighted",
    headers: ["客户名称", "历史销售评分", "预测销售评分", "近两年累计达标"],
    rows: [
      ["政府1", 90, 70, "是"], // the seed's example: 84
      ["政府2", 90, 70, "否"],
      ["政府3", 100, 100, "yes"],
      ["政府4", 0, 0, "是"],
      ["政府5", 80, 79, null], // bonus missing: scored as no bonus
      ["政府6", 101, 50, "是"],
      ["政府7", -1, 50, "否"],
      ["政府8", 60, 60, 1],
      ["政府9", 76, 76, "maybe"],
    ],
  },
  {
    preset: "nine-grid",
    headers: ["医生", "医院级别", "医生职称", "处方行为"],
    rows: [
      ["王医生", "三级", "副主任以上", "首选"], // 10 A
      ["李医生", "二级", "住院医师", "首选"], // 4 B
      ["张医生", "二级以下", "住院医师", "次选"], // 3 C
      ["赵医生", "三级", "住院医师", "竞品"], // 8 A
      ["钱医生", "三甲", "主治", "次选"],
      ["孙医生", "二级", "主治医师", "竞品"],
      ["周医生", "四级", "主治医师", "首选"],
      ["吴医生", "二级", null, "首选"],
    ],
  },
  {
    preset: "sales-stage",
    headers: ["客户名称", "销售阶段"],
    rows: [
      ["s1", "A21"],
      ["s2", "A08"],
      ["s3", "A31"],
      ["s4", "A07 不拒绝"],
      ["s5", "积极回应"],
      ["s6", "A05"],
      ["s7", "Price agreed"],
      ["s8", "A03"],
      ["s9", "a02"],
      ["s10", "A01"],
      ["s11", "Ａ05"],
      ["s12", "A99"],
      ["s13", null],
    ],
  },
  {
    preset: "real-estate",
    headers: ["客户名称", "客户状态"],
    rows: [
      ["r1", "签定购房合同"],
      ["r2", "签定购房协议"],
      ["r3", "签协议但有退房意向"],
      ["r4", "交定金购买认购卡"],
      ["r5", "接受内部认购登记"],
      ["r6", "多次来访（2次以上）"],
      ["r7", "意向强烈"],
      ["r8", "意向较强"],
      ["r9", "观望"],
      ["r10", "放弃"],
      ["r11", "随便看看"],
    ],
  },
];

export const SOURCE_SHEET = "客户表";

/** The preset's sheet as a host reads it: a title row, the header in row 2, customers from row 3. */
export function presetGrid(sheet: PresetSheet, name = SOURCE_SHEET): SheetGrid {
  return { name, values: [["客户级别管理表"], sheet.headers, ...sheet.rows] };
}
