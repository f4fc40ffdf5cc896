import fc from "fast-check";
import type { FieldKind } from "../../../src/core/model";
import { parseDate, parseNumber, type CellValue, type ParseResult } from "../../../src/core/parse/values";

/** `-1234567.5` → `-1,234,567.5`; exponent forms keep their exponent. Written here, independently of the parser. */
function grouped(s: string): string {
  const [mantissa, exponent] = s.split("e");
  const [int, frac] = mantissa.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/\B(?=(\d{3})+$)/g, ",");
  return sign + digits + (frac === undefined ? "" : "." + frac) + (exponent === undefined ? "" : "e" + exponent);
}

/** ASCII digits, signs and punctuation → their full-width forms (０–９, －, ．, ，, ＋, ｅ). */
function fullWidth(s: string): string {
  return s.replace(/[0-9\-.,+e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Every number Excel can hold (its largest is 9.99999999999999E+307; beyond it, see the next block). */
const EXCEL_MAX = 9.99999999999999e307;
const finite = fc.double({ noNaN: true, min: -EXCEL_MAX, max: EXCEL_MAX });
const sameNumber = (a: number, b: number) => a === b; // -0 reads as 0: String(-0) is "0"

function readsAs(raw: string, kind: FieldKind, n: number): boolean {
  const r = parseNumber(raw, kind);
  return r.ok && r.converted && sameNumber(r.value, n);
}

describe("parseNumber refuses numbers beyond what Excel holds, saying so", () => {
  test("text and number cells alike", () => {
    // Written as text, Infinity is the word "Infinity", refused as not a number at all: finite ones here.
    const beyond = fc.double({ noNaN: true, min: 1e308, noDefaultInfinity: true });
    for (const n of [Infinity, -Infinity]) expect(parseNumber(n, "money")).toMatchObject({ ok: false, message: { "en-US": expect.stringContaining("largest number Excel can hold") } });
    fc.assert(
      fc.property(beyond, fc.boolean(), fc.boolean(), (n, negative, asText) => {
        const v = negative ? -n : n;
        const r = parseNumber(asText ? String(v) : v, "money");
        return !r.ok && r.message["en-US"].includes("largest number Excel can hold");
      }),
    );
  });
});

describe("parseNumber gives any number Excel holds back from its written forms", () => {
  test("String(n)", () => {
    fc.assert(fc.property(finite, (n) => readsAs(String(n), "number", n)));
  });

  test("with , grouping, ¥ prefix, 元 suffix, full-width digits, spaces around", () => {
    fc.assert(
      fc.property(finite, (n) => {
        const s = String(n);
        const g = grouped(s);
        const forms = [g, `¥${g}`, `￥${g}`, `${g}元`, `${g} 元`, `¥${g}元`, fullWidth(s), fullWidth(g), `  ${s}\u3000`];
        return forms.every((form) => readsAs(form, "money", n));
      }),
    );
  });

  test("negative numbers in accounting parentheses", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, min: Number.MIN_VALUE, max: EXCEL_MAX }), (n) => readsAs(`(${grouped(String(n))})`, "money", -n)));
  });

  test("days and counts with their units", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e9 }), (n) =>
        [`${n}天`, `${n} days`, `${n}d`, fullWidth(`${n}`) + "天"].every((f) => readsAs(f, "days", n)) &&
        [`${n}单`, `${n} orders`, `${n}次`].every((f) => readsAs(f, "count", n)),
      ),
    );
  });

  test("万 moves the decimal point by four places exactly", () => {
    // n万 must equal the number written with the point moved, not n × 10000 with binary noise.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 9999 }), (int, frac) => {
        const fracText = String(frac).padStart(4, "0");
        return readsAs(`${int}.${fracText}万`, "money", Number(`${int}${fracText}`));
      }),
    );
  });
});

/** Any cell value at all, including what a broken host might pass. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.stringMatching(/^[\s¥￥$(（+\-－]{0,3}[0-9０-９,，. ]{0,12}[万萬千亿kKmMwW%％元天dD单次)）]{0,3}\s*$/),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined, { error: "#N/A" }, { error: 42 }, "#DIV/0!", Object.create(null), [], [1, 2], Symbol("s"), 10n),
  fc.anything(),
);

const KINDS: FieldKind[] = ["money", "days", "count", "number", "category", "date", "text"];

function wellFormed(r: ParseResult<number | Date>, raw: unknown): boolean {
  if (r.ok) return r.value instanceof Date ? !Number.isNaN(r.value.getTime()) : Number.isFinite(r.value);
  const { "zh-CN": zh, "en-US": en } = r.message;
  if (typeof zh !== "string" || typeof en !== "string" || zh === en || zh === "" || en === "") return false;
  // The message names the value: text by its first characters (long text is cut).
  if (typeof raw === "string") {
    const shown = raw.trim().slice(0, 30);
    return zh.includes(shown) && en.includes(shown);
  }
  if (typeof raw === "number") return zh.includes(String(raw)) && en.includes(String(raw));
  return true;
}

describe("no cell value makes the readers throw or answer badly", () => {
  test("parseNumber", () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(...KINDS), fc.boolean(), (raw, kind, fromDate) => {
        const r = parseNumber(raw as CellValue, kind, fromDate ? { fromDate: "monthsFromToday", today: new Date(Date.UTC(2024, 2, 1)) } : undefined);
        return wellFormed(r, raw);
      }),
      { numRuns: 5000 },
    );
  });

  test("parseDate", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const r = parseDate(raw as CellValue);
        return wellFormed(r, raw) && (!r.ok || r.value.getTime() % 86_400_000 === 0);
      }),
      { numRuns: 5000 },
    );
  });
});
