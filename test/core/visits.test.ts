/**
 * Nine-grid visit zones (issue 12, tiering-models.md §6): red zone = high
 * potential and already first or second choice, about 8 visits a month;
 * yellow zone = high potential, not prescribing yet (competitor), 2–4 a month;
 * every other cell 1 a month (the stated default). "High potential" is read
 * as the seed's 高潜力或较大潜力 = the top two thirds of the 1–9 potential
 * scale (≥ 4). Expected values are written out from the spec's potential table
 * and hand-computed dates, not taken from the preset.
 */
import { findPreset, modelFileText, plan, readModelFile, runJob, validateModel, type Model } from "../../src/core";
import { columnCells } from "../../src/core/plan/columns";
import { WORDS } from "../../src/core/plan/words";
import { daysBetweenVisits, rowVisit, visitAsOf } from "../../src/core/visits";

const nineGrid = findPreset("nine-grid")!;

// The spec's potential table (§6), and whether each cell is high potential (≥ 4) under the stated reading.
const POTENTIAL: [hospital: string, title: string, potential: number, high: boolean][] = [
  ["三级", "副主任以上", 9, true],
  ["三级", "主治医师", 8, true],
  ["三级", "住院医师", 5, true],
  ["二级", "副主任以上", 7, true],
  ["二级", "主治医师", 5, true],
  ["二级", "住院医师", 3, false],
  ["二级以下", "副主任以上", 3, false],
  ["二级以下", "主治医师", 2, false],
  ["二级以下", "住院医师", 1, false],
];
// Red: already first or second choice; yellow: not using yet (on a competitor).
const PRESCRIBING: [string, "using" | "not yet"][] = [
  ["首选", "using"],
  ["次选", "using"],
  ["竞品", "not yet"],
];

function job(rows: unknown[][], model: Model = nineGrid, asOf = "2026-05-31") {
  const values = [["姓名", "医院级别", "职称", "处方行为", "上次拜访"], ...rows] as (string | number | null)[][];
  return runJob({ name: "医生", values }, { model, lang: "zh-CN", today: new Date(`${asOf}T00:00:00Z`) });
}

describe("nine-grid zones: each of the 27 (potential cell × prescribing) combinations", () => {
  const cases = POTENTIAL.flatMap(([hospital, title, potential, high]) =>
    PRESCRIBING.map(([prescribing, use]) => {
      const zone = !high ? "other" : use === "using" ? "red" : "yellow";
      return [hospital, title, prescribing, potential, zone, { red: 8, yellow: 3, other: 1 }[zone]] as const;
    }),
  );
  const { scored } = job(cases.map(([h, t, p], i) => [`医生${i + 1}`, h, t, p, null]));

  it.each(cases.map((c, i) => [i, ...c]))("row %p: %s × %s, %s (potential %p) → %s, %p a month", (i, _h, _t, _p, potential, zone, perMonth) => {
    const r = scored.rows.at(i);
    expect(r.result.criteria[0].points).toBe(potential);
    const v = rowVisit(nineGrid, r.result, r.values.lastVisit, "2026-05-31")!;
    expect(nineGrid.visits!.zones[v.zone].id).toBe(zone);
    expect(v.perMonth).toBe(perMonth);
  });

  it("red and yellow only where the spec puts them: 5 high-potential cells × 2 using = 10 red, 5 yellow, 12 other", () => {
    const ids = scored.rows.map((r) => nineGrid.visits!.zones[rowVisit(nineGrid, r.result, null, "2026-05-31")!.zone].id);
    expect(ids.filter((z) => z === "red")).toHaveLength(10);
    expect(ids.filter((z) => z === "yellow")).toHaveLength(5);
    expect(ids.filter((z) => z === "other")).toHaveLength(12);
  });
});

describe("next visit date", () => {
  it("days between visits = round(30 / visits a month): 8 → 4 (3.75), 3 → 10, 1 → 30, 4 → 8 (7.5 rounds up), 6 → 5", () => {
    expect([8, 3, 1, 4, 6].map(daysBetweenVisits)).toEqual([4, 10, 30, 8, 5]);
  });

  it("is the last visit + the zone's days; without a last visit, the as-of day + the zone's days", () => {
    const { scored } = job(
      [
        ["红区医生", "三级", "副主任以上", "首选", "2026-03-28"], // red, 4 days: 3-28 + 4 = 4-01
        ["黄区医生", "二级", "主治医师", "竞品", "2026-02-25"], // yellow, 10 days: 2-25 + 10 = 3-07 (2026 is not a leap year)
        ["其他医生", "二级以下", "住院医师", "首选", "2026-01-31"], // other, 30 days: 1-31 + 30 = 3-02
        ["新红区", "三级", "主治医师", "次选", null], // red from the as-of day: 5-31 + 4 = 6-04
        ["新其他", "二级", "住院医师", "竞品", ""], // other from the as-of day: 5-31 + 30 = 6-30
      ],
      nineGrid,
    );
    const got = scored.rows.map((r) => rowVisit(nineGrid, r.result, r.values.lastVisit, "2026-05-31"));
    expect(got.map((v) => [v!.next, v!.from])).toEqual([
      ["2026-04-01", "lastVisit"],
      ["2026-03-07", "lastVisit"],
      ["2026-03-02", "lastVisit"],
      ["2026-06-04", "asOf"],
      ["2026-06-30", "asOf"],
    ]);
  });

  it("a row with no tier (an unknown prescribing value) has no zone and no next visit", () => {
    const { scored } = job([["某医生", "三级", "主治医师", "不详", "2026-03-01"]]);
    expect(scored.rows.at(0).result.tier).toBeNull();
    expect(rowVisit(nineGrid, scored.rows.at(0).result, scored.rows.at(0).values.lastVisit, "2026-05-31")).toBeNull();
  });

  it("an unreadable last visit is a warning naming row, column and value; the next visit then counts from the as-of day", () => {
    const { scored } = job([["某医生", "三级", "副主任以上", "首选", "上周"]]);
    expect(scored.issues.map((i) => [i.severity, i.row, i.columnLetter, i.value, i.message["en-US"]])).toEqual([["warning", 2, "E", "上周", '"上周" is not a valid date']]);
    expect(rowVisit(nineGrid, scored.rows.at(0).result, scored.rows.at(0).values.lastVisit, "2026-05-31")).toMatchObject({ next: "2026-06-04", from: "asOf" });
  });

  it("counts from the run's as-of day when no snapshot was taken: the `today` given (a UTC day)", () => {
    expect(visitAsOf({}, new Date("2026-12-30T00:00:00Z"))).toBe("2026-12-30");
  });
});

describe("a workbook of values (--values)", () => {
  it("writes the engine's zone, visits a month and next visit (as a date serial) where the live sheet has formulas", () => {
    const { scored } = job([
      ["红区医生", "三级", "副主任以上", "首选", "2026-03-28"], // red, 3-28 + 4
      ["黄区医生", "二级", "主治医师", "竞品", null], // yellow, 5-31 + 10
      ["无等级", "三级", "主治医师", "不详", null],
    ]);
    const sheet = plan(scored, { staticValues: true, today: new Date("2026-05-31T00:00:00Z") }).sheets[0];
    const header = sheet.blocks[0].cells[sheet.blocks[0].cells.length - 1].map(String);
    const column = (word: string) => columnCells(sheet.tables![0].columns[header.indexOf(word)], 0, 3);
    const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(column(WORDS.visitZone["zh-CN"])).toEqual(["红区", "黄区", null]);
    expect(column(WORDS.visitsPerMonth["zh-CN"])).toEqual([8, 3, null]);
    expect(column(WORDS.nextVisit["zh-CN"])).toEqual([serial("2026-04-01"), serial("2026-06-10"), null]);
  });

  it("colours the zone cell red, yellow or grey by its zone (the seed's zone colours), before the tier colours of the row", () => {
    const { scored } = job([["红区医生", "三级", "副主任以上", "首选", null]]);
    const sheet = plan(scored).sheets[0];
    const header = sheet.blocks[0].cells[sheet.blocks[0].cells.length - 1].map(String);
    const zoneCol = header.indexOf(WORDS.visitZone["zh-CN"]);
    const letter = String.fromCharCode(65 + zoneCol);
    const zoneRules = sheet.rules.filter((r) => r.kind === "formula" && r.range.col === zoneCol && r.range.cols === 1 && r.formula.startsWith(`$${letter}4=`));
    expect(zoneRules.map((r) => r.kind === "formula" && [r.formula, r.fill])).toEqual([
      [`$${letter}4="红区"`, "#FFC7CE"],
      [`$${letter}4="黄区"`, "#FFEB9C"],
      [`$${letter}4="其他区域"`, "#E7E6E6"],
    ]);
    const firstTierRule = Math.min(...sheet.rules.flatMap((r) => (r.kind === "formula" && r.tier ? [r.priority] : [])));
    for (const r of zoneRules) expect(r.priority).toBeLessThan(firstTierRule);
  });
});

describe("visit zones in a model file are validated", () => {
  const withVisits = (visits: Model["visits"]): Model => ({ ...nineGrid, visits });
  const zones = nineGrid.visits!.zones;

  it("the preset is valid", () => expect(validateModel(nineGrid)).toEqual([]));

  it("a model file keeps the zones (export, import), and refuses broken ones with the path", () => {
    expect(readModelFile(modelFileText(nineGrid)).model?.visits).toEqual(nineGrid.visits);
    const broken = JSON.parse(modelFileText(nineGrid));
    broken.visits.zones[0].perMonth = -1;
    expect(readModelFile(JSON.stringify(broken)).problems.map((p) => p.path)).toEqual(["visits.zones[0]"]);
  });

  it.each([
    ["a conditioned last zone", withVisits({ zones: [zones[0], { ...zones[2], when: [{ criterion: "potential", max: 3 }] }] }), "visits.zones[1]"],
    ["a middle zone without conditions", withVisits({ zones: [{ ...zones[0], when: [] }, zones[2]] }), "visits.zones[0]"],
    ["no visits a month", withVisits({ zones: [{ ...zones[0], perMonth: 0 }, zones[2]] }), "visits.zones[0]"],
    ["a number outside its range", withVisits({ zones: [{ ...zones[1], perMonth: 5 }, zones[2]] }), "visits.zones[0]"],
    ["an unknown criterion", withVisits({ zones: [{ ...zones[0], when: [{ criterion: "nope", min: 1 }] }, zones[2]] }), "visits.zones[0].when[0]"],
    ["min above max", withVisits({ zones: [{ ...zones[0], when: [{ criterion: "potential", min: 5, max: 4 }] }, zones[2]] }), "visits.zones[0].when[0]"],
    ["a zone without its names", withVisits({ zones: [{ ...zones[0], label: { "zh-CN": "红区" } as Model["name"] }, zones[2]] }), "visits.zones[0]"],
    ["a last-visit field that is not a date", withVisits({ ...nineGrid.visits!, lastVisitField: "prescribing" }), "visits.lastVisitField"],
  ])("refuses %s, bilingual, at its path", (_what, model, path) => {
    const problems = validateModel(model);
    expect(problems.map((p) => p.path)).toContain(path);
    for (const p of problems) expect(p.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });
});
