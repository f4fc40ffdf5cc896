import type { Model } from "../model";
import { text } from "../model";
import { customerField, customerIdField } from "./fields";
import { colourTiers } from "./palette";

/** tiering-models.md §6: pharma nine-grid, potential (hospital × title) + prescribing behaviour. */
export const nineGrid: Model = {
  id: "nine-grid",
  name: text("九宫格（医药）", "Nine-grid (pharma)"),
  description: text(
    "潜力分（医院级别 × 医生职称，1–9 分）加处方行为分（首选 1、次选 2、竞品 3）：8–12 为 A，4–7 为 B，1–3 为 C。",
    "Potential (hospital level × doctor title, 1–9 points) plus prescribing behaviour (first choice 1, second choice 2, competitor 3): 8–12 is A, 4–7 B, 1–3 C.",
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
};
