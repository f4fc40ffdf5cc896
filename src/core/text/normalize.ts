/** Printable ASCII without space, and the CJK ideographs: text NFKC and the space rule leave as it is. */
const ALREADY_FOLDED_BUT_CASE = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/**
 * Folds the spelling differences that do not change meaning in a header or a
 * category: full-width forms (ＡＢＣ，１２３), case, and all white space.
 * NFKC turns full-width ASCII and ideographic punctuation into their plain forms.
 */
export function fold(s: string): string {
  // Most names and categories need only the case folded; NFKC is the slow part (once per row per customer).
  if (ALREADY_FOLDED_BUT_CASE.test(s)) return s.toLowerCase();
  return s.normalize("NFKC").toLowerCase().replace(/[\s\u200b\ufeff]+/g, "");
}
