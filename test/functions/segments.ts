/** The RFM segment names of issue 11, typed in again for the tests (not read from the preset). */
export const SEGMENT_LABELS: Record<string, { en: string; zh: string }> = {
  champions: { en: "Champions", zh: "冠军客户" },
  loyal: { en: "Loyal", zh: "忠诚客户" },
  potential: { en: "Potential loyalist", zh: "潜力客户" },
  new: { en: "New", zh: "新客户" },
  promising: { en: "Promising", zh: "有望客户" },
  attention: { en: "Needs attention", zh: "需关注" },
  sleepy: { en: "About to sleep", zh: "即将沉睡" },
  "at-risk": { en: "At risk", zh: "流失风险" },
  "cant-lose": { en: "Can't lose them", zh: "不能失去" },
  hibernating: { en: "Hibernating", zh: "沉睡客户" },
  lost: { en: "Lost", zh: "已流失" },
};
