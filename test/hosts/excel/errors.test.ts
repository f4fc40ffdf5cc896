import { HostError } from "../../../src/hosts/errors";
import { toHostError } from "../../../src/hosts/excel/errors";
import { OfficeLikeError } from "../../../src/hosts/excel/testing/recording-context";

describe("Office errors as HostError", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "cell-edit-mode", /Esc/, /Esc/],
    ["AccessDenied", "protected", /取消保护/, /unprotect/i],
    ["InvalidOperation", "protected", /取消保护/, /unprotect/i],
    ["RequestPayloadSizeLimitExceeded", "too-large", /5 MB/, /5 MB/],
    ["ResponsePayloadSizeLimitExceeded", "too-large", /选中/, /select/i],
    ["ItemAlreadyExists", "already-exists", /同名/, /already has/],
    ["ItemNotFound", "not-found", /找不到/, /not found/],
  ])("%s → %s, saying what to do in both languages", (officeCode, code, zh, en) => {
    const error = toHostError(new OfficeLikeError(officeCode, "raw Office message"));
    expect(error).toBeInstanceOf(HostError);
    expect(error.code).toBe(code);
    expect(error.userMessage["zh-CN"]).toMatch(zh);
    expect(error.userMessage["en-US"]).toMatch(en);
    expect(error.message).toBe(error.userMessage["en-US"]);
    expect((error.cause as OfficeLikeError).code).toBe(officeCode);
  });

  it("any other failure keeps Office's own words inside a bilingual message", () => {
    const error = toHostError(new OfficeLikeError("GeneralException", "The server is busy"));
    expect(error.code).toBe("excel-error");
    expect(error.userMessage["zh-CN"]).toContain("The server is busy");
    expect(error.userMessage["en-US"]).toContain("The server is busy");
    expect(toHostError("plain string").userMessage["en-US"]).toContain("plain string");
  });

  it("a HostError passes through unchanged", () => {
    const original = new HostError({ "zh-CN": "已取消", "en-US": "Cancelled" }, "cancelled");
    expect(toHostError(original)).toBe(original);
  });
});
