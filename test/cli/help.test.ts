/**
 * `custtier --help`, `custtier score --help`, `custtier template --help`: usage
 * on stdout, exit 0, in the language of `--lang` or else of `LANG`; usage
 * errors in that language too, with the command's usage, exit 2.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PRESETS } from "../../src/core";
import { runIn } from "./run";

const EN = { LANG: "en_US.UTF-8" };
const ZH = { LANG: "zh_CN.UTF-8" };

describe("custtier --help", () => {
  it.each([[["--help"]], [["-h"]], [[]], [["help"]]])("%j prints the commands in English and exits 0", async (argv) => {
    const { code, out, err } = await runIn(EN, ...argv);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^custtier — grade customers/);
    expect(out).toContain("custtier score <in.xlsx|in.csv>");
    expect(out).toContain("custtier template -o file.xlsx");
    expect(out).toContain("Exit codes:");
  });

  it("speaks Chinese in a Chinese terminal, and --lang overrides the terminal", async () => {
    const zh = await runIn(ZH, "--help");
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("用法：");
    expect(zh.out).toContain("退出码：");
    expect(zh.out).not.toContain("Usage:");
    const en = await runIn(ZH, "--help", "--lang", "en-US");
    expect(en.out).toContain("Usage:");
    expect(en.out).not.toContain("用法：");
  });
});

describe("custtier score --help / template --help", () => {
  it("score --help lists every score option and every preset, and exits 0", async () => {
    const { code, out, err } = await runIn(EN, "score", "--help");
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(/^Usage: custtier score/);
    for (const option of ["--output", "--sheet", "--model", "--map", "--values", "--json", "--lang", "--help"]) expect(out).toContain(option);
    for (const preset of PRESETS) expect(out).toContain(preset.id);
  });

  it("score -h in Chinese, even after other arguments", async () => {
    const { code, out } = await runIn(EN, "score", "in.xlsx", "--lang=zh-CN", "-h");
    expect(code).toBe(0);
    expect(out).toMatch(/^用法：custtier score/);
    expect(out).toContain("--map 字段=列");
  });

  it("template --help lists the template options and exits 0, in both languages", async () => {
    const en = await runIn(EN, "template", "--help");
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Usage: custtier template -o file.xlsx/);
    for (const option of ["--output", "--model", "--examples", "--lang"]) expect(en.out).toContain(option);
    expect(en.out).not.toContain("--json");

    const zh = await runIn(ZH, "template", "--help");
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^用法：custtier template -o 文件\.xlsx/);
    expect(zh.out).toContain("--examples");
  });
});

describe("usage errors", () => {
  it("name the problem and show the command's usage, in English", async () => {
    const { code, out, err } = await runIn(EN, "score", "in.xlsx", "--bogus");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^custtier: unknown option --bogus\n/);
    expect(err).toContain("Usage: custtier score");
  });

  it("are in Chinese in a Chinese terminal or with --lang zh-CN", async () => {
    const bogus = await runIn(ZH, "score", "in.xlsx", "--bogus");
    expect(bogus.code).toBe(2);
    expect(bogus.err).toMatch(/^custtier: 未知选项 --bogus\n/);
    expect(bogus.err).toContain("用法：custtier score");

    const noOutput = await runIn(EN, "template", "--lang", "zh-CN");
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toMatch(/^custtier: template 需要 -o 文件\.xlsx\n/);
    expect(noOutput.err).toContain("用法：custtier template");

    const missing = await runIn(ZH, "score", "in.xlsx", "-o");
    expect(missing.err).toMatch(/^custtier: 选项 -o, --output <value> 需要一个值\n/);

    const command = await runIn(ZH, "frobnicate");
    expect(command.code).toBe(2);
    expect(command.err).toMatch(/^custtier: 未知命令“frobnicate”\n/);
    expect(command.err).toContain("custtier score <输入.xlsx|输入.csv>");
  });

  it("an unknown --lang is refused in the terminal's language", async () => {
    const { code, err } = await runIn(ZH, "score", "in.xlsx", "--lang", "fr-FR");
    expect(code).toBe(2);
    expect(err).toMatch(/^custtier: --lang 取 zh-CN 或 en-US，而不是“fr-FR”\n/);
  });
});

describe("-o names an Excel workbook", () => {
  it("refuses a CSV (or any other) name for the workbook it would write, in the user's language, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "custtier-out-"));
    const csv = join(dir, "x.csv");
    const template = await runIn(EN, "template", "-o", csv);
    expect(template.code).toBe(2);
    expect(template.err).toMatch(/^custtier: -o writes an Excel workbook: name it \.xlsx, not ".*x\.csv"\n/);
    expect(template.err).toContain("Usage: custtier template");
    const score = await runIn(ZH, "score", "in.csv", "-o", join(dir, "out.txt"));
    expect(score.code).toBe(2);
    expect(score.err).toMatch(/^custtier: -o 写出的是 Excel 工作簿：文件名请以 \.xlsx 结尾/);
    expect(existsSync(csv)).toBe(false);
    // Upper case and macro workbooks are workbooks.
    const upper = await runIn(EN, "template", "-o", join(dir, "T.XLSX"));
    expect(upper.code).toBe(0);
  });
});
