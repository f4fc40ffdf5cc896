import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

/**
 * "High potential": the seed's red and yellow zones are 高潜力或较大潜力客户
 * (high or fairly high potential). Reading: the top two thirds of the 1–9
 * potential scale, potential ≥ 4 — every title at a 三级 hospital (9, 8, 5)
 * and associate chief or attending at a 二级 hospital (7, 5); 二级 residents (3)
 * and every doctor below 二级 (3, 2, 1) are low potential.
 */
const HIGH_POTENTIAL = { criterion: "potential", min: 4 };

/** The seed's zone colours: red and yellow fills with dark text of the same hue; the rest grey. */
const ZONE_COLOURS = {
  red: { color: "#FFC7CE", textColor: "#9C0006" },
  yellow: { color: "#FFEB9C", textColor: "#7F6000" },
  other: { color: "#E7E6E6", textColor: "#3A3838" },
};

/** tiering-models.md §6: pharma nine-grid, potential (hospital × title) + prescribing behaviour. */
export const nineGrid: Model = {
  id: "nine-grid",
  name: text("九宫格（医药）", "Nine-grid (pharma)"),
  description: text(
    "潜力分（医院级别 × 医生职称，1–9 分）加处方行为分（首选 1、次选 2、竞品 3）：8–12 为 A，4–7 为 B，1–3 为 C。拜访频率按九宫格区域：高潜力（潜力分 ≥ 4）且首选或次选为红区，每月约 8 次；高潜力且用竞品为黄区，每月 2–4 次；其他区域每月 1 次（默认）。下次拜访 = 上次拜访 + 30 ÷ 每月次数（天，四舍五入）；没有上次拜访时从分级当天起算。",
    "Potential (hospital level × doctor title, 1–9 points) plus prescribing behaviour (first choice 1, second choice 2, competitor 3): 8–12 is A, 4–7 B, 1–3 C. Visits follow the grid's zones: high potential (potential ≥ 4) already first or second choice is the red zone, about 8 visits a month; high potential on a competitor is the yellow zone, 2–4 a month; other zones 1 a month (default). Next visit = last visit + 30 / visits a month days (rounded); with no last visit, from the day of grading.",
  ),
  source: text("九宫格客户分级；客户级别分值表", "Nine-grid customer grading; customer level score table"),
  fields: [
    customerField,
    customerIdField,
    {
      id: "hospitalLevel",
      kind: "category",
      label: text("医院级别", "Hospital level"),
      synonyms: ["医院级别", "医院等级", "医院类别", "级别", "hospital level", "hospital grade", "hospital tier"],
      required: true,
    },
    {
      id: "doctorTitle",
      kind: "category",
      label: text("医生职称", "Doctor title"),
      synonyms: ["医生职称", "职称", "医生级别", "doctor title", "title", "doctor rank"],
      required: true,
    },
    {
      id: "prescribing",
      kind: "category",
      label: text("处方行为", "Prescribing"),
      synonyms: ["处方行为", "处方情况", "用药情况", "处方", "prescribing", "prescribing behaviour", "prescribing behavior", "prescription"],
      required: true,
    },
    {
      id: "lastVisit",
      kind: "date",
      label: text("上次拜访", "Last visit"),
      synonyms: ["上次拜访", "上次拜访日期", "最近拜访", "最近拜访日期", "最后拜访日期", "拜访日期", "last visit", "last visit date", "last visited", "latest visit"],
      required: false,
    },
  ],
  criteria: [
    {
      id: "potential",
      kind: "table",
      rowField: "hospitalLevel",
      colField: "doctorTitle",
      label: text("潜力", "Potential"),
      rows: [
        { id: "level3", label: text("三级", "tertiary"), synonyms: ["三级医院", "三甲", "三乙", "三级甲等", "三级乙等", "三级和年收入超2亿", "年收入超2亿", "level 3", "grade 3", "tertiary hospital", "revenue over 200m"] },
        { id: "level2", label: text("二级", "secondary"), synonyms: ["二级医院", "二甲", "二乙", "二级甲等", "二级乙等", "二级和年收入超0.8亿", "年收入超0.8亿", "level 2", "grade 2", "secondary hospital", "revenue over 80m"] },
        { id: "belowLevel2", label: text("二级以下", "below secondary"), synonyms: ["二级以下目标医院", "一级", "一级医院", "社区医院", "卫生院", "目标医院", "level 1", "grade 1", "below level 2", "primary", "target hospital"] },
      ],
      cols: [
        { id: "associateChief", label: text("副主任以上", "associate chief+"), synonyms: ["副主任医师以上", "主任医师", "副主任医师", "主任", "副主任", "chief", "chief physician", "associate chief", "associate chief physician"] },
        { id: "attending", label: text("主治医师", "attending"), synonyms: ["主治", "attending physician", "attending doctor"] },
        { id: "resident", label: text("住院医师", "resident"), synonyms: ["住院", "住院医生", "resident physician", "resident doctor"] },
      ],
      points: [
        [9, 8, 5],
        [7, 5, 3],
        [3, 2, 1],
      ],
    },
    {
      id: "prescribing",
      kind: "categories",
      field: "prescribing",
      label: text("处方行为", "Prescribing"),
      categories: [
        { id: "first", label: text("首选", "first choice"), synonyms: ["首选用药", "first", "1st choice"], points: 1 },
        { id: "second", label: text("次选", "second choice"), synonyms: ["次选用药", "second", "2nd choice"], points: 2 },
        { id: "competitor", label: text("竞品", "competitor"), synonyms: ["使用竞品", "竞品用户", "competitor product", "competing"], points: 3 },
      ],
    },
  ],
  combine: "sum",
  tiers: colourTiers([
    { id: "A", label: text("A 重点医生", "A key"), minScore: 8, description: text("8–12 分", "8–12 points") },
    { id: "B", label: text("B 潜力医生", "B growth"), minScore: 4, description: text("4–7 分", "4–7 points") },
    { id: "C", label: text("C 一般医生", "C basic"), description: text("1–3 分", "1–3 points") },
  ]),
  visits: {
    lastVisitField: "lastVisit",
    zones: [
      {
        id: "red",
        label: text("红区", "Red zone"),
        perMonth: 8,
        when: [HIGH_POTENTIAL, { criterion: "prescribing", max: 2 }],
        ...ZONE_COLOURS.red,
        description: text("高潜力，已首选或次选：高频率拜访（如 8 次/月）", "High potential, already first or second choice: frequent visits (about 8 a month)"),
      },
      {
        id: "yellow",
        label: text("黄区", "Yellow zone"),
        perMonth: 3,
        range: [2, 4],
        when: [HIGH_POTENTIAL, { criterion: "prescribing", min: 3 }],
        ...ZONE_COLOURS.yellow,
        description: text("高潜力，尚未使用（用竞品）：中、高等频率拜访（如 2–4 次/月），日期按 3 次计", "High potential, not prescribing yet (competitor): medium to high frequency (2–4 a month); dates use 3"),
      },
      {
        id: "other",
        label: text("其他区域", "Other zones"),
        perMonth: 1,
        ...ZONE_COLOURS.other,
        description: text("潜力分 1–3：来源未规定频率，默认每月 1 次，可改", "Potential 1–3: the source states no frequency; 1 a month by default, change it here"),
      },
    ],
  },
};
