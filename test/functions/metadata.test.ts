import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import zhCN from "../../src/functions/functions.zh-CN.json";

/** The metadata the webpack plugin writes as functions.json, generated the same way from the JSDoc. */
interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMetadata[];
}

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

let english: Metadata;
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson);
  associations = generated.associate;
});

const fn = (id: string) => english.functions.find((f) => f.id === id)!;
const param = (id: string, name: string) => fn(id).parameters.find((p) => p.name === name)!;
const RANGE = { dimensionality: "matrix", type: "any" };

describe("functions.json generated from the JSDoc", () => {
  it("declares exactly the seven CUSTTIER functions, named as their ids", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual(["ABC", "BAND", "GRADE", "RFM", "SCORE", "TIER", "WHY"]);
    for (const f of english.functions) expect(f.name).toBe(f.id);
  });

  it("gives TIER, SCORE and WHY two range arguments and an optional model id", () => {
    for (const id of ["TIER", "SCORE", "WHY"]) {
      expect(fn(id).parameters.map((p) => p.name)).toEqual(["revenue", "paydays", "model"]);
      expect(param(id, "revenue")).toMatchObject(RANGE);
      expect(param(id, "paydays")).toMatchObject(RANGE);
      expect(param(id, "model")).toMatchObject({ type: "string", optional: true });
      expect(param(id, "model").dimensionality).toBeUndefined();
      expect(param(id, "revenue").optional).toBeUndefined();
    }
  });

  it("makes GRADE's values a repeating range argument after a required model id", () => {
    expect(fn("GRADE").parameters.map((p) => p.name)).toEqual(["model", "value"]);
    expect(param("GRADE", "model")).toMatchObject({ type: "string" });
    expect(param("GRADE", "model").optional).toBeUndefined();
    expect(param("GRADE", "value")).toMatchObject({ ...RANGE, repeating: true });
  });

  it("takes BAND's value, thresholds and points as ranges", () => {
    expect(fn("BAND").parameters.map((p) => p.name)).toEqual(["value", "thresholds", "points"]);
    for (const p of fn("BAND").parameters) expect(p).toMatchObject(RANGE);
  });

  it("takes RFM's recency, frequency and monetary as three required ranges", () => {
    expect(fn("RFM").parameters.map((p) => p.name)).toEqual(["recency", "frequency", "monetary"]);
    for (const p of fn("RFM").parameters) {
      expect(p).toMatchObject(RANGE);
      expect(p.optional).toBeUndefined();
      expect(p.repeating).toBeUndefined();
    }
  });

  it("takes ABC's values as a range and the two share limits as optional numbers", () => {
    expect(fn("ABC").parameters.map((p) => p.name)).toEqual(["values", "cutA", "cutB"]);
    expect(param("ABC", "values")).toMatchObject(RANGE);
    expect(param("ABC", "values").optional).toBeUndefined();
    for (const name of ["cutA", "cutB"]) {
      expect(param("ABC", name)).toMatchObject({ type: "number", optional: true });
      expect(param("ABC", name).dimensionality).toBeUndefined();
    }
  });

  it("returns a range (spills) from every function", () => {
    for (const f of english.functions) expect(f.result).toEqual({ dimensionality: "matrix" });
  });

  it("describes every function and parameter", () => {
    for (const f of english.functions) {
      expect(f.description).toMatch(/\w{3}/);
      for (const p of f.parameters) expect(p.description).toMatch(/\w{3}/);
    }
  });

  it("associates each id with an exported function of functions.ts", () => {
    const exported = functions as Record<string, unknown>;
    expect(associations.map((a) => a.id).sort()).toEqual(english.functions.map((f) => f.id).sort());
    for (const a of associations) expect(typeof exported[a.functionName]).toBe("function");
  });
});

describe("functions.zh-CN.json (the zh-CN override of the metadata URL)", () => {
  const withoutDescriptions = (m: Metadata) =>
    m.functions.map(({ description: _d, parameters, ...rest }) => ({
      ...rest,
      parameters: parameters.map(({ description: _p, ...p }) => p),
    }));

  it("is the generated metadata with only the descriptions changed: same ids, names, parameters and types", () => {
    const { functions: _f, ...englishTop } = english as Metadata & Record<string, unknown>;
    const { functions: _z, ...zhTop } = zhCN as unknown as Metadata & Record<string, unknown>;
    expect(zhTop).toEqual(englishTop);
    expect(withoutDescriptions(zhCN as unknown as Metadata)).toEqual(withoutDescriptions(english));
  });

  it("describes every function and parameter in Chinese", () => {
    const zh = zhCN as unknown as Metadata;
    for (const f of zh.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]{2}/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]{2}/);
    }
  });
});
