/** The customer sheet the history suites grade month after month: four customers with IDs, sales-payment inputs. */
export const FOUR_CUSTOMERS: (string | number)[][] = [
  ["客户编号", "客户名称", "月均销售额", "回款天数"],
  ["C1", "甲公司", 25000, 20],
  ["C2", "乙公司", 10000, 30],
  ["C3", "丙公司", 5000, 31],
  ["C4", "丁公司", 20000, 61],
];
