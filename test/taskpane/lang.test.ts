import { browserLang, officeLang } from "../../src/i18n/lang";
import { MESSAGES } from "../../src/i18n/messages";
import { stringsFor } from "../../src/i18n/strings";

describe("the UI language", () => {
  it("follows Office's display language inside Excel: Chinese → zh-CN, anything else en-US", () => {
    const office = globalThis as { Office?: unknown };
    try {
      office.Office = { context: { displayLanguage: "zh-TW" } };
      expect(officeLang()).toBe("zh-CN");
      office.Office = { context: { displayLanguage: "de-DE" } };
      expect(officeLang()).toBe("en-US");
    } finally {
      delete office.Office;
    }
  });

  it("in the playground: ?lang= wins, else the browser's language", () => {
    expect(browserLang("?lang=zh-CN", "en-US")).toBe("zh-CN");
    expect(browserLang("?lang=en-us", "zh-CN")).toBe("en-US");
    expect(browserLang("", "zh-HK")).toBe("zh-CN");
    expect(browserLang("", "fr-FR")).toBe("en-US");
    expect(browserLang("", undefined)).toBe("en-US");
  });

  it("has every message in both languages, different where the words differ", () => {
    const zh = stringsFor("zh-CN");
    const en = stringsFor("en-US");
    for (const key of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const z = zh[key];
      const e = en[key];
      const shown = (v: unknown) => (typeof v === "function" ? (v as (...a: unknown[]) => string)("x", 1, { "zh-CN": "x", "en-US": "x" }) : v);
      expect(typeof shown(z)).toBe("string");
      expect(String(shown(z)).length).toBeGreaterThan(0);
      expect(String(shown(e)).length).toBeGreaterThan(0);
      // A Chinese string that is not plain ASCII must not be the English one left untranslated.
      if (!/^[\x20-\x7e]*$/.test(String(shown(z)))) expect(shown(z)).not.toBe(shown(e));
    }
  });
});
