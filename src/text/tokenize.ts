import {
  codePointAt,
  cpLength,
  isDigitCodePoint,
  isLetterCodePoint,
  isMarkCodePoint,
  isWhitespaceCode,
} from './chars.js';

/** What a {@link Token} is: a word, a number (not counted as a word), or one punctuation mark. */
export type TokenKind = 'word' | 'number' | 'punct';

/** One token of a text: its kind, its verbatim text and its UTF-16 offsets (`text === source.slice(start, end)`). */
export interface Token {
  /** `'word'`, `'number'` or `'punct'`. */
  readonly kind: TokenKind;
  /** The verbatim slice of the source text. */
  readonly text: string;
  /** UTF-16 index of the first character. */
  readonly start: number;
  /** UTF-16 index just past the last character. */
  readonly end: number;
}

const KIND_WORD = 0;
const KIND_NUMBER = 1;
const KIND_PUNCT = 2;
const KINDS: readonly TokenKind[] = ['word', 'number', 'punct'];

// Scanner result registers: one module-level scratch pair instead of an allocation per token.
let scanKind = KIND_PUNCT;
let scanNeedsNormalizing = false;

function isCurrency(cp: number): boolean {
  return cp === 0x24 || cp === 0x20ac || cp === 0xa3 || cp === 0xa5;
}

/** Apostrophes and hyphens that join two word parts: ' ’ - ‐ ‑. */
function isConnector(cp: number): boolean {
  return cp === 0x27 || cp === 0x2d || cp === 0x2019 || cp === 0x2010 || cp === 0x2011;
}

function isWordPart(cp: number): boolean {
  return isLetterCodePoint(cp) || isDigitCodePoint(cp) || (cp >= 0x300 && isMarkCodePoint(cp));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Continue a word from `i` (letters, digits, marks, and connectors followed by a word part). */
function scanWordRest(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiLetter(c) || (c >= 0x30 && c <= 0x39)) {
        i++;
        continue;
      }
      if ((c === 0x27 || c === 0x2d) && i + 1 < end && isWordPart(codePointAt(text, i + 1))) {
        i++;
        continue;
      }
      return i;
    }
    const cp = codePointAt(text, i);
    if (isWordPart(cp)) {
      i += cpLength(cp);
      continue;
    }
    if (isConnector(cp) && i + 1 < end && isWordPart(codePointAt(text, i + 1))) {
      scanNeedsNormalizing = true;
      i++;
      continue;
    }
    return i;
  }
  return i;
}

/** Digits, then `,`/`.` + digits groups. Returns the index after the body. */
function scanNumberBody(text: string, i: number, end: number): number {
  while (i < end && isDigitCodePoint(codePointAt(text, i))) i += cpLength(codePointAt(text, i));
  while (i + 1 < end) {
    const c = text.charCodeAt(i);
    if ((c === 0x2c || c === 0x2e) && isDigitCodePoint(codePointAt(text, i + 1))) {
      i++;
      while (i < end && isDigitCodePoint(codePointAt(text, i))) i += cpLength(codePointAt(text, i));
    } else break;
  }
  return i;
}

/**
 * Scan one token starting at non-whitespace index `i`; returns its end and sets `scanKind`.
 * Every branch advances by at least one code point, and no branch looks back, so a whole text is
 * scanned in linear time.
 */
function scanToken(text: string, i: number, end: number): number {
  scanNeedsNormalizing = false;
  const cp = codePointAt(text, i);
  // Dotted abbreviations: U.S. / e.g. / i.e. / N.A. — one word token including the final dot.
  if (
    isAsciiLetter(cp) &&
    i + 3 < end &&
    text.charCodeAt(i + 1) === 0x2e &&
    isAsciiLetter(text.charCodeAt(i + 2))
  ) {
    let j = i;
    while (j + 1 < end && isAsciiLetter(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 0x2e) j += 2;
    if (j - i >= 4 && (j >= end || !isWordPart(codePointAt(text, j)))) {
      scanKind = KIND_WORD;
      return j;
    }
  }
  if (isDigitCodePoint(cp)) {
    let runEnd = i;
    while (runEnd < end && isDigitCodePoint(codePointAt(text, runEnd)))
      runEnd += cpLength(codePointAt(text, runEnd));
    const bodyEnd = scanNumberBody(text, i, end);
    const plain = bodyEnd === runEnd;
    if (bodyEnd < end) {
      const next = codePointAt(text, bodyEnd);
      if (next === 0x25) {
        scanKind = KIND_NUMBER;
        return bodyEnd + 1;
      }
      // 2nd, 1990s, 10-K, 12-month: a plain digit run glued to letters is a word.
      if (
        plain &&
        (isLetterCodePoint(next) ||
          (isConnector(next) && bodyEnd + 1 < end && isLetterCodePoint(codePointAt(text, bodyEnd + 1))))
      ) {
        scanKind = KIND_WORD;
        return scanWordRest(text, bodyEnd, end);
      }
    }
    scanKind = KIND_NUMBER;
    return bodyEnd;
  }
  if (isCurrency(cp)) {
    let j = i + 1;
    const paren = j < end && text.charCodeAt(j) === 0x28;
    if (paren) j++;
    if (j < end && isDigitCodePoint(codePointAt(text, j))) {
      j = scanNumberBody(text, j, end);
      if (j < end && text.charCodeAt(j) === 0x25) j++;
      if (paren && j < end && text.charCodeAt(j) === 0x29) j++;
      scanKind = KIND_NUMBER;
      return j;
    }
    scanKind = KIND_PUNCT;
    return i + 1;
  }
  if (isLetterCodePoint(cp)) {
    scanKind = KIND_WORD;
    return scanWordRest(text, i + cpLength(cp), end);
  }
  scanKind = KIND_PUNCT;
  return i + cpLength(cp);
}

function normalizeWord(word: string): string {
  return word.replace(/[\u2019\u2010\u2011]/g, (c) => (c === '\u2019' ? "'" : '-'));
}

/**
 * Tokenize text into words, numbers and punctuation in one linear scan over char codes (no
 * backtracking regex). Words keep internal apostrophes (`'` and `’`) and hyphens (`company's`,
 * `year-over-year`); dotted abbreviations (`U.S.`, `e.g.`) are one word; a digit run glued to
 * letters is a word (`2nd`, `1990s`, `10-K`). Numbers keep decimals, thousands separators,
 * currency and percent together (`$4.2`, `12,500`, `19.8%`, `$(12.5)`) and are not words. Any
 * other non-whitespace character is a one-character `punct` token. Tokens never span whitespace.
 *
 * @param text - The text to tokenize.
 * @param start - UTF-16 index to start at.
 * @default start 0
 * @param end - UTF-16 index to stop before.
 * @default end text.length
 * @returns The tokens in text order, with verbatim text and offsets.
 * @example
 * ```ts
 * import { tokenize } from 'fin-tabtext/score';
 * tokenize("Sales rose 19.8% to $4.2 billion.").map((t) => `${t.kind}:${t.text}`);
 * // ['word:Sales', 'word:rose', 'number:19.8%', 'word:to', 'number:$4.2', 'word:billion', 'punct:.']
 * ```
 */
export function tokenize(text: string, start = 0, end: number = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    if (isWhitespaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const j = scanToken(text, i, end);
    out.push({ kind: KINDS[scanKind]!, text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

/**
 * The lowercased word tokens of a text (numbers and punctuation left out), with `’` normalized to
 * `'` and Unicode hyphens to `-`: the form word-list matching and summaries consume.
 *
 * @param text - The text.
 * @param start - UTF-16 index to start at.
 * @default start 0
 * @param end - UTF-16 index to stop before.
 * @default end text.length
 * @returns Lowercased words in text order.
 * @example
 * ```ts
 * import { words } from 'fin-tabtext/score';
 * words('The Company’s net loss was $5,068 million.'); // ['the', "company's", 'net', 'loss', 'was', 'million']
 * ```
 */
export function words(text: string, start = 0, end: number = text.length): string[] {
  const out: string[] = [];
  appendWords(out, text, start, end);
  return out;
}

/**
 * Append the lowercased word tokens of `text[start, end)` to `out` (as {@link words} returns
 * them), for callers that collect the words of many sentences into one array.
 *
 * @param out - The array to push to.
 * @param text - The text.
 * @param start - UTF-16 index to start at.
 * @default start 0
 * @param end - UTF-16 index to stop before.
 * @default end text.length
 * @returns The number of words appended.
 * @example
 * ```ts
 * import { appendWords } from 'fin-tabtext/score';
 * const all: string[] = [];
 * appendWords(all, 'Sales rose.');
 * appendWords(all, 'Costs fell 2%.'); // all: ['sales', 'rose', 'costs', 'fell']
 * ```
 */
export function appendWords(out: string[], text: string, start = 0, end: number = text.length): number {
  const before = out.length;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isWhitespaceCode(c)) {
      i++;
      continue;
    }
    if (isAsciiLetter(c)) {
      // Fast path: a run of ASCII letters ended by whitespace, the end, or punctuation that cannot
      // continue a word (anything but a connector, a dot, a digit or a non-ASCII character).
      let j = i + 1;
      let lower = c >= 0x61;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d >= 0x61 && d <= 0x7a) j++;
        else if (d >= 0x41 && d <= 0x5a) {
          lower = false;
          j++;
        } else break;
      }
      const stop = j < end ? text.charCodeAt(j) : 0x20;
      if (stop < 0x80 && stop !== 0x27 && stop !== 0x2d && stop !== 0x2e && !(stop >= 0x30 && stop <= 0x39)) {
        const w = text.slice(i, j);
        out.push(lower ? w : w.toLowerCase());
        i = j;
        continue;
      }
    }
    const j = scanToken(text, i, end);
    if (scanKind === KIND_WORD) {
      const w = text.slice(i, j).toLowerCase();
      out.push(scanNeedsNormalizing ? normalizeWord(w) : w);
    }
    i = j;
  }
  return out.length - before;
}

/**
 * Count the word tokens of a text (as {@link words} would return them) without allocating them.
 *
 * @param text - The text.
 * @param start - UTF-16 index to start at.
 * @default start 0
 * @param end - UTF-16 index to stop before.
 * @default end text.length
 * @returns The number of word tokens.
 * @example
 * ```ts
 * import { countWords } from 'fin-tabtext/score';
 * countWords('Revenue rose 12% in 2023.'); // 3
 * ```
 */
export function countWords(text: string, start = 0, end: number = text.length): number {
  let n = 0;
  let i = start;
  while (i < end) {
    if (isWhitespaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    i = scanToken(text, i, end);
    if (scanKind === KIND_WORD) n++;
  }
  return n;
}
