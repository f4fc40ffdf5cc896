import fc from "fast-check";
import { FirstSeen } from "../../../src/core/sheet/first-seen";

describe("FirstSeen (duplicate customers without a Map entry per row)", () => {
  it("gives the first row of every repeated key, as a Map would, through many growths", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3000 }), (keys) => {
        const seen = new FirstSeen((row) => keys[row]);
        const reference = new Map<string, number>();
        keys.forEach((key, row) => {
          const want = reference.get(key);
          if (want === undefined) reference.set(key, row);
          expect(seen.check(key, row)).toBe(want);
        });
      }),
      { numRuns: 50 },
    );
  });

  it("tells keys apart when their hashes collide", () => {
    // Every key hashes alike: only the comparison of keys can tell them apart.
    const keys = ["甲公司", "乙公司", "甲公司", "丙公司", "乙公司"];
    const seen = new FirstSeen((row) => keys[row]);
    const hash = jest.spyOn(Math, "imul").mockReturnValue(7);
    try {
      expect(keys.map((k, row) => seen.check(k, row))).toEqual([undefined, undefined, 0, undefined, 1]);
    } finally {
      hash.mockRestore();
    }
  });
});
