/**
 * @jest-environment jsdom
 *
 * The pane's visits box (issue 12, nine-grid): customers per zone with the
 * zone's visits a month (the yellow zone's 2–4 range), then the soonest next
 * visits, worked out by hand: as of 2026-05-31, red every 4 days, yellow 10, other 30.
 */
import { render, screen, within } from "@testing-library/react";
import { findPreset, runJob } from "../../src/core";
import { Shell } from "../../src/taskpane/Shell";
import { VisitPlan } from "../../src/taskpane/components/VisitPlan";

const values = [
  ["姓名", "医院级别", "医生职称", "处方行为", "上次拜访"],
  ["张医生", "三级", "副主任以上", "首选", "2026-05-20"], // red: 05-24
  ["李医生", "二级", "主治医师", "次选", null], // red from the as-of day: 06-04
  ["王医生", "三级", "住院医师", "竞品", "2026-05-01"], // yellow: 05-11
  ["陈医生", "二级", "住院医师", "首选", "2026-04-15"], // other: 05-15
  ["刘医生", "二级以下", "副主任以上", "竞品", null], // other: 06-30
  ["周医生", "三级", "主治医师", "不详", null], // no tier: not counted
];

function scored() {
  return runJob({ name: "医生", values }, { model: findPreset("nine-grid")!, lang: "zh-CN", today: new Date("2026-05-31T00:00:00Z") }).scored;
}

// Without a snapshot the box counts from today (the local calendar day): only the clock is faked.
beforeAll(() => jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval"], now: new Date("2026-05-31T12:00:00") }));
afterAll(() => jest.useRealTimers());

describe("the pane's visits box", () => {
  it.each([
    ["en-US", ["Red zone", "8 a month · 2 customers"], ["Yellow zone", "2–4 a month · 1 customer"], ["Other zones", "1 a month · 2 customers"]],
    ["zh-CN", ["红区", "每月 8 次 · 2 位"], ["黄区", "每月 2–4 次 · 1 位"], ["其他区域", "每月 1 次 · 2 位"]],
  ] as const)("%s: customers per zone with visits a month, then the five soonest next visits", (lang, ...zones) => {
    render(
      <Shell lang={lang}>
        <VisitPlan scored={scored()} testId="visits" />
      </Shell>,
    );
    const [perZone, soonest] = within(screen.getByTestId("visits")).getAllByRole("list");
    expect(within(perZone).getAllByRole("listitem").map((li) => li.textContent)).toEqual(zones.map(([zone, words]) => `${zone}${words}`));
    const [red, yellow, other] = zones.map(([zone]) => zone);
    expect(within(soonest).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      `${yellow}王医生 · 2026-05-11`,
      `${other}陈医生 · 2026-05-15`,
      `${red}张医生 · 2026-05-24`,
      `${red}李医生 · 2026-06-04`,
      `${other}刘医生 · 2026-06-30`,
    ]);
  });

  it("shows nothing for a model without visit zones", () => {
    const job = runJob({ name: "客户", values: [["客户名称", "月均销售额", "回款天数"], ["甲", 25000, 20]] }, { model: findPreset("sales-payment")!, lang: "zh-CN" });
    const { container } = render(
      <Shell lang="zh-CN">
        <VisitPlan scored={job.scored} testId="visits" />
      </Shell>,
    );
    expect(container.querySelector("[data-testid=visits]")).toBeNull();
  });
});
