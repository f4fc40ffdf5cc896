import type { SheetGrid } from "../../src/core/sheet/types";

/**
 * A customer sheet for the sales-payment model: the worked examples of
 * tiering-models.md §1, written the way users write them, under a title row.
 * With the model's thresholds (A ≥ 80, B ≥ 60): A = 3, B = 3, C = 1, and the
 * last row ("abc" sales) gets no tier.
 */
export const SALES_EXAMPLES: { name: string; revenue: unknown; paydays: unknown; score: number | null }[] = [
  { name: "华信贸易", revenue: "¥25,000", paydays: 20, score: 100 },
  { name: "海联电子", revenue: "2万", paydays: 31, score: 90 },
  { name: "博远机电", revenue: 19999.99, paydays: "30天", score: 80 },
  { name: "恒达五金", revenue: 10000, paydays: 30, score: 70 },
  { name: "新锐科技", revenue: 10000.01, paydays: 46, score: 60 },
  { name: "长江物流", revenue: 5000, paydays: 31, score: 50 },
  { name: "东方建材", revenue: 20000, paydays: 61, score: 70 },
  { name: "未知客户", revenue: "abc", paydays: 15, score: null },
];

export function salesSheet(name = "客户表"): SheetGrid {
  return {
    name,
    values: [
      ["2026年 客户级别管理表"],
      [],
      ["客户名称", "区域", "月均销售额", "回款天数"],
      ...SALES_EXAMPLES.map((r) => [r.name, "华东", r.revenue, r.paydays] as SheetGrid["values"][number]),
      ["合计", null, 120000, null],
    ],
  };
}

/** A second sheet with nothing to tier. */
export function notesSheet(): SheetGrid {
  return { name: "说明", values: [["这个工作表只有说明文字。"]] };
}
