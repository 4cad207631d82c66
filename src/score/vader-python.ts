// Python string primitives that canonical VADER relies on, reproduced exactly (spec vader.md §2).
// JS built-ins differ from Python in small ways (`\s`, `trim`, `Math.round`), and each
// difference changes VADER outputs on some real text, so these are written by hand.

/**
 * True when the UTF-16 code unit `c` is one of the 29 code points that Python's `str.split()`
 * treats as whitespace (all of them are in the BMP). Unlike JS `\s`, this includes
 * U+001C–U+001F and U+0085 and excludes U+FEFF.
 *
 * @param c - A code unit from `charCodeAt`.
 * @returns Whether Python's `str.split()` splits on it.
 * @example
 * ```ts
 * isPythonWhitespace(0x20); // true
 * isPythonWhitespace(0xfeff); // false
 * ```
 */
export function isPythonWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c >= 0x1c;
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Split like Python's `str.split()` with no argument: on runs of Python whitespace, dropping
 * empty pieces. Linear in the length of `text`.
 *
 * @param text - Any string.
 * @param out - An array to append the pieces to (reused by hot loops to avoid allocation).
 * @returns `out`, with the pieces appended.
 * @example
 * ```ts
 * splitPythonWhitespace('a\u0085b  c\ufeff'); // ['a', 'b', 'c\ufeff']
 * ```
 */
export function splitPythonWhitespace(text: string, out: string[] = []): string[] {
  let start = -1;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII is never whitespace: skip the full test for the common case.
    const ws = c > 0x20 && c < 0x7f ? false : isPythonWhitespace(c);
    if (ws) {
      if (start >= 0) {
        out.push(text.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(start === 0 ? text : text.slice(start));
  return out;
}

/** Trim Python whitespace at both ends (Python `str.strip()` with no argument). */
export function stripPythonWhitespace(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isPythonWhitespace(text.charCodeAt(a))) a++;
  while (b > a && isPythonWhitespace(text.charCodeAt(b - 1))) b--;
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
