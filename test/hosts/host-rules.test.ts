/** The rules both hosts share: which defined names mark our sheets, the cancellation error, undo on failure. */
import { markerSheet } from "../../src/core/plan/naming";
import { cancelledError, HostError, throwIfCancelled } from "../../src/hosts/errors";
import { undoOnFailure } from "../../src/hosts/undo";

describe("markers: one rule for both hosts", () => {
  it.each([
    ["CustTier_Tiers", "=客户分级!$A$1", "客户分级"], // Excel's formula
    ["custtier_rules", "'Tier rules'!$A$1", "Tier rules"], // an xlsx defined name, any case
    ["CustTier_Tiers", "'It''s'!$A$1:$B$2", "It's"], // one area of any size
  ])("%s → %s marks %s", (name, ref, sheet) => {
    expect(markerSheet(name, ref)).toBe(sheet);
  });

  it.each([
    ["TaxRate", "Sheet1!$B$2"], // the user's own name
    ["CustTier_Tiers", "#REF!"], // its sheet was deleted
    ["CustTier_Tiers", "Sheet1!$A$1,Sheet2!$A$1"], // two areas: not a marker we wrote
  ])("%s → %s marks no sheet", (name, ref) => {
    expect(markerSheet(name, ref)).toBeNull();
  });
});

describe("cancellation: one error", () => {
  it("is a HostError with code cancelled and a message in both languages", () => {
    const e = cancelledError();
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe("cancelled");
    expect(e.userMessage["zh-CN"]).toMatch(/取消/);
    expect(e.userMessage["en-US"]).toMatch(/Cancelled/);
  });

  it("is thrown once the signal fires, not before", () => {
    const c = new AbortController();
    expect(() => throwIfCancelled(c.signal)).not.toThrow();
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    c.abort();
    expect(() => throwIfCancelled(c.signal)).toThrow(HostError);
  });
});

describe("undo on failure", () => {
  it("leaves a run that succeeds alone", async () => {
    const undo = jest.fn();
    await expect(undoOnFailure(async () => 7, undo)).resolves.toBe(7);
    expect(undo).not.toHaveBeenCalled();
  });

  it("undoes a run that fails and reports the error that stopped it, even when the undo fails too", async () => {
    const stop = new Error("stopped");
    const undo = jest.fn(async () => {
      throw new Error("undo failed");
    });
    await expect(
      undoOnFailure(async () => {
        throw stop;
      }, undo),
    ).rejects.toBe(stop);
    expect(undo).toHaveBeenCalledTimes(1);
  });
});
