/**
 * Folds the spelling differences that do not change meaning in a header or a
 * category: full-width forms (ＡＢＣ，１２３), case, and all white space.
 * NFKC turns full-width ASCII and ideographic punctuation into their plain forms.
 */
export function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\u200b\ufeff]+/g, "");
}
