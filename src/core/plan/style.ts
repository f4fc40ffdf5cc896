/** The look of the generated sheets, in one place. */
export const STYLE = {
  headerFill: "#1F4E78",
  headerFont: "#FFFFFF",
  subHeaderFill: "#DDEBF7",
  subHeaderFont: "#1F3864",
  border: "#BFBFBF",
  editableFill: "#FFF2CC",
  noteFont: "#595959",
  /** Converted values: number-format colour, portable to Excel, WPS and LibreOffice. */
  convertedColor: "[Blue]",
  overdueFill: "#FFC7CE",
  overdueFont: "#9C0006",
  dataBar: "#5B9BD5",
  titleSize: 14,
  tabColor: { tiers: "#2E75B6", customers: "#2E75B6", rules: "#7F7F7F", summary: "#548235", history: "#7F6000" },
} as const;

/** Fonts that have the glyphs of the language (LibreOffice falls back too, but picks these first). */
export const FONT = {
  "zh-CN": { name: "Microsoft YaHei", size: 10 },
  "en-US": { name: "Calibri", size: 11 },
} as const;
