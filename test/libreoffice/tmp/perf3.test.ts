import { scoreSheet } from "../../../src/core/job";
import { findPreset } from "../../../src/core/presets";
import { buildTierPlan } from "../../../src/core/plan/build";
import { workbookFromGrids, writeXlsx, applyPlan } from "../../../src/hosts/xlsx/write";
it("perf", async () => {
  const n = 100000;
  const values: any[][] = [["客户名称", "月均销售额", "回款天数"]];
  for (let i = 0; i < n; i++) values.push([`客户${i}`, i % 13 === 0 ? `${(i % 5) + 1}万` : (i * 7919) % 40000, (i * 31) % 120]);
  const model = findPreset("sales-payment")!;
  const { scored } = scoreSheet({ name: "客户表", values }, { model, lang: "zh-CN" });
  let t = Date.now(); const plan = buildTierPlan(scored, model, {}); console.log("plan", Date.now() - t);
  const wb = workbookFromGrids([{ name: "客户表", values }]);
  t = Date.now(); await applyPlan(wb, plan); console.log("apply", Date.now() - t);
  t = Date.now(); const b = await writeXlsx(wb); console.log("bytes", Date.now() - t, b.length); require("fs").writeFileSync("/tmp/smoke/big.xlsx", b);
});
