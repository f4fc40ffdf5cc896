import { compileModel, explainRow, findPreset, PRESETS, scoreRow, type RowValues } from "../../src/core";

function explain(id: string, values: RowValues, lang: "zh-CN" | "en-US") {
  const cm = compileModel(findPreset(id)!);
  return explainRow(cm, scoreRow(cm, values), lang);
}

describe("explanations", () => {
  it("matches the issue's example line for sales-payment in Chinese", () => {
    expect(explain("sales-payment", { revenue: 25000, paydays: 20 }, "zh-CN")).toBe(
      "月均销售额 25,000 ≥ 20,000 → 70；回款 20 天 ≤ 30 → 30；合计 100 → A",
    );
  });

  it("states two-sided bands with both bounds, in English", () => {
    expect(explain("sales-payment", { revenue: 10000.01, paydays: 46 }, "en-US")).toBe(
      "Monthly sales 10,000.01 > 10,000 and < 20,000 → 50; Payment 46 days > 45 and ≤ 60 → 10; total 60 → B",
    );
  });

  it("says which input is missing and that the row is not tiered", () => {
    expect(explain("sales-payment", { revenue: null, paydays: 10 }, "zh-CN")).toBe("月均销售额 缺失；回款 10 天 ≤ 30 → 30；合计 ? → 无法分级");
  });

  it("names the worse level for AND models", () => {
    expect(explain("orders-volume", { orders: 7, volume: 50000 }, "en-US")).toBe(
      "Orders 7 > 5 → A; Volume 50,000 ≥ 10,000 and ≤ 100,000 → B; worst level → B",
    );
  });

  it("shows the table lookup of the nine-grid and the grade with sub-level", () => {
    expect(explain("nine-grid", { hospitalLevel: "三甲", doctorTitle: "主治", prescribing: "竞品" }, "zh-CN")).toBe(
      "潜力 三级 × 主治医师 → 8；处方行为 竞品 → 3；合计 11 → A",
    );
    expect(explain("real-estate", { status: "观望" }, "zh-CN")).toBe("状态 首次来访，持观望态度 → C-");
  });

  it("shows weights and the multiplier of the weighted model", () => {
    expect(explain("weighted", { history: 90, forecast: 70, bonus: "yes" }, "en-US")).toBe(
      "History 90 × 50%; Forecast 70 × 50%; Bonus yes → × 1.05; total 84 → A",
    );
  });

  it("never throws on any preset with empty or junk input", () => {
    for (const model of PRESETS) {
      const cm = compileModel(model);
      for (const junk of [null, "", "???", -1, { error: "#N/A" }, true, new Date(0)]) {
        const values = Object.fromEntries(model.fields.map((f) => [f.id, junk]));
        const r = scoreRow(cm, values);
        expect(typeof explainRow(cm, r, "zh-CN")).toBe("string");
      }
    }
  });

  it("keeps models JSON-serialisable (saved in workbooks and passed as files)", () => {
    for (const model of PRESETS) {
      const copy = JSON.parse(JSON.stringify(model));
      expect(copy).toEqual(model);
      const cm = compileModel(copy);
      expect(cm.model.id).toBe(model.id);
    }
  });
});

describe("explanations of unreadable input", () => {
  it("says a present but unreadable value is invalid, not missing", () => {
    expect(explain("sales-payment", { revenue: 25000, paydays: -5 }, "zh-CN")).toBe("月均销售额 25,000 ≥ 20,000 → 70；回款 无效；合计 ? → 无法分级");
    expect(explain("sales-payment", { revenue: "待定", paydays: 10 }, "en-US")).toMatch(/^Monthly sales invalid; /);
  });
});
