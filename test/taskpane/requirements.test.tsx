/**
 * @jest-environment jsdom
 *
 * The pane's start-up check of the requirement sets, over the recording fake of
 * Office.js: an Excel older than the manifest's minimum gets only a message; one
 * without ExcelApi 1.13 gets a warning and the host never asks for merged areas;
 * an up-to-date Excel gets neither.
 */
import { render, screen } from "@testing-library/react";
import type { Lang } from "../../src/core/model";
import type { RunBatch } from "../../src/hosts/excel/api";
import { createExcelHost, excelCapabilities } from "../../src/hosts/open";
import { RecordingContext } from "../../src/hosts/excel/testing/recording-context";
import { ExcelPane } from "../../src/taskpane/ExcelPane";
import { Shell } from "../../src/taskpane/Shell";
import "./render";
import { salesSheet } from "./sheets";

/** `Office.context.requirements` of an Excel that supports ExcelApi up to `highest` (1.1 … 1.N). */
function excelUpTo(highest: number) {
  const calls: string[] = [];
  return {
    calls,
    isSetSupported(name: string, version = "1.1") {
      calls.push(`${name} ${version}`);
      return name === "ExcelApi" && Number(version.split(".")[1]) <= highest;
    },
  };
}

function workbook() {
  const cells = salesSheet().values.map((row) => row.map((v) => (v === undefined || v instanceof Date || (typeof v === "object" && v !== null) ? null : v)));
  return new RecordingContext({ sheets: [{ name: "客户表", cells }], active: "客户表" });
}

function start(highest: number, lang: Lang = "en-US") {
  const ctx = workbook();
  const run: RunBatch = (batch) => batch(ctx);
  const capabilities = excelCapabilities(excelUpTo(highest));
  render(
    <Shell lang={lang}>
      <ExcelPane capabilities={capabilities} host={createExcelHost(run, { mergedAreas: capabilities.mergedAreas })} />
    </Shell>,
  );
  return ctx;
}

describe("requirement sets at start-up", () => {
  it("asks Office for the declared minimum and for 1.13", () => {
    const support = excelUpTo(20);
    expect(excelCapabilities(support)).toEqual({ minimum: true, mergedAreas: true, notices: [] });
    expect(support.calls).toEqual(["ExcelApi 1.9", "ExcelApi 1.13"]);
  });

  it("on Excel below ExcelApi 1.9 shows only the update message, and reads nothing", () => {
    const ctx = start(8);
    expect(screen.getByText(/This version of Excel is too old for CustTier \(it needs ExcelApi 1\.9\)/)).toBeTruthy();
    expect(screen.getByText(/Excel 2021/)).toBeTruthy();
    expect(screen.queryByRole("tab")).toBeNull();
    expect(ctx.calls).toEqual([]);
  });

  it("says it in Chinese in a Chinese Excel", () => {
    start(8, "zh-CN");
    expect(screen.getByText(/此版本的 Excel 太旧，无法运行 CustTier（需要 ExcelApi 1\.9）/)).toBeTruthy();
  });

  it("on Excel without ExcelApi 1.13 warns, runs the pane, and never asks for merged areas", async () => {
    const ctx = start(12);
    expect(screen.getByText(/cannot read merged cells \(ExcelApi 1\.13\)/)).toBeTruthy();
    await screen.findByText("Header in row 3");
    expect(ctx.calls.some((c) => c.api.endsWith(".getMergedAreasOrNullObject"))).toBe(false);
    expect(ctx.calls.some((c) => c.api === "workbook.getSelectedRange")).toBe(true);
  });

  it("on an up-to-date Excel shows no notice and reads the merged areas", async () => {
    const ctx = start(17);
    await screen.findByText("Header in row 3");
    expect(screen.queryByText(/ExcelApi/)).toBeNull();
    expect(ctx.calls.some((c) => c.api.endsWith(".getMergedAreasOrNullObject"))).toBe(true);
  });
});
