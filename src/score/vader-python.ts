// Python string primitives that canonical VADER relies on, reproduced exactly (spec vader.md §2).
// JS built-ins differ from Python in small ways (`\s`, `trim`, `Math.round`); Python's whitespace
// set itself lives in `src/text` (`isWhitespaceCode`, `splitWhitespace`), shared with textstat, and each
// difference changes VADER outputs on some real text, so these are written by hand.

import { isWhitespaceCode } from '../text/index.js';

/** Trim Python whitespace at both ends (Python `str.strip()` with no argument). */
export function stripPythonWhitespace(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isWhitespaceCode(text.charCodeAt(a))) a++;
  while (b > a && isWhitespaceCode(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

// Python `string.punctuation`: the 32 ASCII punctuation characters, nothing else.
const PUNCTUATION = new Uint8Array(128);
for (const ch of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') PUNCTUATION[ch.charCodeAt(0)] = 1;

/** True when the code unit `c` is in Python's `string.punctuation`. */
export function isAsciiPunctuation(c: number): boolean {
  return c < 128 && PUNCTUATION[c] === 1;
}

/** Number of code points in `text.slice(a, b)` (a lone surrogate counts as one, like `for…of`). */
function codePointLength(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < b) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * VADER's token clean-up (spec §3 step 4): strip leading and trailing ASCII punctuation, but keep
 * the token unchanged when the stripped form has 2 or fewer code points (emoticons such as `:)`,
 * and short words such as `no,` or `ok.`).
 *
 * @param raw - One whitespace token.
 * @returns The token VADER scores.
 * @example
 * ```ts
 * stripVaderPunctuation('(excellent)'); // 'excellent'
 * stripVaderPunctuation('ok.'); // 'ok.'
 * ```
 */
export function stripVaderPunctuation(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && isAsciiPunctuation(raw.charCodeAt(a))) a++;
  while (b > a && isAsciiPunctuation(raw.charCodeAt(b - 1))) b--;
  if (a === 0 && b === raw.length) return raw;
  // 5+ code units always hold 3+ code points; only short slices need counting.
  if (b - a <= 2) return raw;
  if (b - a < 5 && codePointLength(raw, a, b) <= 2) return raw;
  return raw.slice(a, b);
}

const LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u;
const UPPER = /\p{Uppercase}/u;

/**
 * Python `str.isupper()`: no code point is Lowercase or titlecase (Lt), and at least one is
 * Uppercase. ASCII strings take a loop without regular expressions.
 *
 * @param text - Any string.
 * @returns Whether Python would call it upper case.
 * @example
 * ```ts
 * isPythonUpper('SEC'); // true
 * isPythonUpper(':D'); // true
 * isPythonUpper('123'); // false
 * ```
 */
export function isPythonUpper(text: string): boolean {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return !LOWER_OR_TITLE.test(text) && UPPER.test(text);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/**
 * Python `round(x, digits)`: the exact binary value of `x` rounded to `digits` decimals, ties to
 * even, returned as the nearest double (spec §2.6). `Math.round(x * 10 ** d) / 10 ** d` is not
 * the same: it rounds the already-rounded product, and ties away from zero.
 *
 * @param x - A finite number.
 * @param digits - Decimal places, 0 to 20.
 * @returns The rounded number.
 * @example
 * ```ts
 * roundHalfEven(0.0625, 3); // 0.062 (an exact binary tie, to even)
 * roundHalfEven(0.4404, 4); // 0.4404
 * ```
 */
export function roundHalfEven(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  // A true decimal tie needs x·10^d + 0.5 to be an integer, i.e. x·2^(d+1) an odd integer
  // (5^d is odd). Multiplying by a power of two is exact, so this test is exact too.
  const y = x * 2 ** (digits + 1);
  if (Number.isInteger(y) && y % 2 !== 0) {
    const t = y * 5 ** digits; // an odd integer, twice the scaled value
    if (Math.abs(t) <= Number.MAX_SAFE_INTEGER) {
      const lower = (t - 1) / 2;
      const even = lower % 2 === 0 ? lower : lower + 1;
      const r = even / 10 ** digits; // both exact integers: one correctly rounded division
      return r === 0 && x < 0 ? -0 : r;
    }
  }
  // Not a tie: toFixed rounds the exact binary value correctly, and parsing is correct too.
  return Number(x.toFixed(digits));
}
