// Character classes shared by the tokenizer, the sentence splitter and the readability scorer.
// Everything works on UTF-16 char codes with an ASCII fast path; non-ASCII code points fall back to
// Unicode property regexes, which are only consulted for the (rare) non-ASCII characters.

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const UPPER = /^[\p{Lu}\p{Lt}]$/u;
const DIGIT_ND = /^\p{Nd}$/u;

/**
 * Python `str.split()` whitespace: U+0009–000D, U+001C–001F, U+0020, U+0085, U+00A0, U+1680,
 * U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000 (29 code points). This is not JS `\s`,
 * which adds U+FEFF and lacks U+001C–001F and U+0085.
 * @param code - A UTF-16 char code (all 29 are in the BMP).
 * @returns `true` for the 29 whitespace code points.
 */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Line-break characters (a subset of the whitespace set) used by the sentence splitter. */
export function isLineBreakCode(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** The code point starting at `i` (handles surrogate pairs). */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

/** UTF-16 length of a code point. */
export function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Python `\w` on `str`: a letter (L*), a number (N*) or `_`. */
export function isPythonWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (
      (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f
    );
  }
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

/** A letter (L*). */
export function isLetterCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return LETTER.test(String.fromCodePoint(cp));
}

/** A combining mark (M*), which continues a word in the tokenizer. */
export function isMarkCodePoint(cp: number): boolean {
  return cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
}

/** A decimal digit (Nd). */
export function isDigitCodePoint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT_ND.test(String.fromCodePoint(cp));
}

/** An uppercase or titlecase letter. */
export function isUpperCodePoint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  return UPPER.test(String.fromCodePoint(cp));
}
