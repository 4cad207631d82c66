import {
  codePointAt,
  isDigitCodePoint,
  isLetterCodePoint,
  isLineBreakCode,
  isUpperCodePoint,
  isWhitespaceCode,
} from './chars.js';

/** One sentence: its verbatim text and UTF-16 offsets (`text === source.slice(start, end)`). */
export interface Sentence {
  /** The sentence, verbatim, without surrounding whitespace. */
  readonly text: string;
  /** UTF-16 index of its first character in the source text. */
  readonly start: number;
  /** UTF-16 index just past its last character. */
  readonly end: number;
}

// Abbreviations after which a single `.` never ends a sentence, matched case-sensitively on the
// token before the dot (so `SEC.` still ends one while `Sec.` would not be listed at all). Company
// suffixes are included on purpose: in filings `Ford Motor Co. and` is far more common than a
// sentence ending in `Co.`, and a missed boundary costs less than a false one (a fragment).
const ABBREVIATION_BASE = [
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Cos',
  'Bros',
  'Mfg',
  'Assn',
  'Intl',
  'Dept',
  'Govt',
  'No',
  'Nos',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Jr',
  'Sr',
  'St',
  'Mt',
  'Ft',
  'Gen',
  'Sen',
  'Rep',
  'Gov',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'vs',
  'viz',
  'cf',
  'al',
  'approx',
  'est',
  'fig',
  'Fig',
  'Ref',
  'Vol',
  'vol',
  'pp',
  'ch',
  'Ch',
];
/** The longest abbreviation or list marker (at most 5 chars); initials are 1 or 2. */
const MAX_ABBREVIATION = Math.max(5, ...ABBREVIATION_BASE.map((a) => a.length));
let abbreviations: Set<string> | undefined;
function abbreviationSet(): Set<string> {
  if (abbreviations === undefined) {
    abbreviations = new Set<string>();
    // Capitalized entries also match in capitals (`INC.`); lowercase ones also capitalized (`Vs.`).
    // A capitalized entry never matches in lowercase: `said "no." Then` must still end a sentence.
    for (const a of ABBREVIATION_BASE) {
      abbreviations.add(a);
      if (a[0] === a[0]!.toUpperCase()) abbreviations.add(a.toUpperCase());
      else abbreviations.add(a[0]!.toUpperCase() + a.slice(1));
    }
  }
  return abbreviations;
}

const DOTTED = /^[A-Za-z](\.[A-Za-z])+$/;
const LIST_MARKER = /^(\d{1,3}|[ivxlcIVXLC]{1,5}|[A-Za-z])$/;
const PAREN_MARKER = /^\((\d{1,3}|[ivxlcIVXLC]{1,5}|[A-Za-z])\)$/;

/** `.`, `!` or `?`. @internal */
export function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/** Closing quotes and brackets that stay with the sentence they follow: " ' ” ’ ) ]. @internal */
export function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x5b;
}

function isBulletCode(c: number): boolean {
  return (
    c === 0x2022 ||
    c === 0x25e6 ||
    c === 0x25aa ||
    c === 0x25cf ||
    c === 0x25a0 ||
    c === 0x25a1 ||
    c === 0x25cb ||
    c === 0xb7 ||
    c === 0x2023 ||
    c === 0x2043 ||
    c === 0x27a2 ||
    c === 0x2713 ||
    c === 0xf0b7
  );
}

/** A bullet or dash list marker at `k` followed by whitespace (`• `, `- `, `* `, `– `). */
function startsBullet(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  const next = text.charCodeAt(k + 1);
  if (isBulletCode(c)) return true;
  return (c === 0x2d || c === 0x2a || c === 0x2013 || c === 0x2014) && isWhitespaceCode(next);
}

/** Can a sentence start at `k`? An uppercase letter, a digit, an opening quote/bracket or a bullet. */
function startsSentence(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0x80)
    return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || isOpener(c) || startsBullet(text, k);
  const cp = codePointAt(text, k);
  return isUpperCodePoint(cp) || isDigitCodePoint(cp) || isOpener(c) || startsBullet(text, k);
}

/** Only whitespace between the last line break (or the text start) and `pos`. */
function atLineStart(text: string, pos: number): boolean {
  for (let p = pos - 1, steps = 0; p >= 0 && steps < 200; p--, steps++) {
    const c = text.charCodeAt(p);
    if (isLineBreakCode(c)) return true;
    if (!isWhitespaceCode(c)) return false;
  }
  return pos - 200 < 0;
}

/** Is the single `.` at `dot` part of an abbreviation, an initial or a list marker? */
function isNonBreakingDot(text: string, dot: number, sentStart: number): boolean {
  let s = dot;
  const stop = Math.max(0, dot - 40);
  while (s > stop) {
    const c = text.charCodeAt(s - 1);
    if (isWhitespaceCode(c) || isOpener(c)) break;
    s--;
  }
  if (s === dot) return false;
  // Longer than every abbreviation and list marker, and no `.` after its first letter (as a
  // dotted abbreviation has): the common case, decided without slicing the token.
  if (dot - s > MAX_ABBREVIATION && text.charCodeAt(s + 1) !== 0x2e) return false;
  const token = text.slice(s, dot);
  const first = codePointAt(text, s);
  if (token.length === (first > 0xffff ? 2 : 1) && isLetterCodePoint(first)) return true;
  if (DOTTED.test(token) || abbreviationSet().has(token)) return true;
  return LIST_MARKER.test(token) && (s === sentStart || atLineStart(text, s));
}

/**
 * Does the text from `from` (a sentence start that opens its line) to the line break at `nl` read
 * like a heading? No terminal punctuation, at most 12 words, short, and every word of 4+ characters that
 * starts with a letter is capitalized (`Results of Operations`, `LIQUIDITY AND CAPITAL RESOURCES`).
 */
function isHeadingLine(text: string, from: number, nl: number): boolean {
  if (nl - from > 150 || !atLineStart(text, from)) return false;
  let e = nl;
  while (e > from && isWhitespaceCode(text.charCodeAt(e - 1))) e--;
  if (e === from) return false;
  for (let p = from; p < e; p++) if (isLineBreakCode(text.charCodeAt(p))) return false;
  const last = text.charCodeAt(e - 1);
  const lastCp = codePointAt(text, e - 1);
  if (
    !(
      last === 0x29 ||
      isLetterCodePoint(lastCp) ||
      isDigitCodePoint(lastCp) ||
      (last >= 0xdc00 && last <= 0xdfff)
    )
  ) {
    return false;
  }
  let words = 0;
  let letters = false;
  let p = from;
  while (p < e) {
    while (p < e && isWhitespaceCode(text.charCodeAt(p))) p++;
    const ws = p;
    while (p < e && !isWhitespaceCode(text.charCodeAt(p))) p++;
    if (p === ws) break;
    words++;
    if (words > 12) return false;
    const cp = codePointAt(text, ws);
    if (isLetterCodePoint(cp)) {
      letters = true;
      if (p - ws >= 4 && !isUpperCodePoint(cp)) return false;
    }
  }
  return letters;
}

/** Line breaks passed by the last {@link skipWhitespace} (CRLF = 1). */
let lineBreaksSeen = 0;
/** Skip whitespace from `i`; sets `lineBreaksSeen` to the number of line breaks (CRLF = 1). @internal */
export function skipWhitespace(text: string, i: number, n: number): number {
  lineBreaksSeen = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWhitespaceCode(c)) break;
    if (isLineBreakCode(c) && !(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) lineBreaksSeen++;
    i++;
  }
  return i;
}

function trimEnd(text: string, from: number, e: number): number {
  while (e > from && isWhitespaceCode(text.charCodeAt(e - 1))) e--;
  return e;
}

/** The last non-whitespace char code of `text[from, e)`, -1 when none. */
function lastNonSpace(text: string, from: number, e: number): number {
  const t = trimEnd(text, from, e);
  return t > from ? text.charCodeAt(t - 1) : -1;
}

/** `(a)`, `(1)`, `(iv)` at `k`, followed by whitespace. */
function startsParenMarker(text: string, k: number): boolean {
  if (text.charCodeAt(k) !== 0x28) return false;
  const close = text.indexOf(')', k);
  if (close === -1 || close - k > 7 || !isWhitespaceCode(text.charCodeAt(close + 1))) return false;
  return PAREN_MARKER.test(text.slice(k, close + 1));
}

/**
 * Does a sentence end after the run of `.`, `!` or `?` starting at `run` (its closers followed
 * by whitespace, which {@link skipWhitespace} has just passed, up to `next`)? A blank line ends
 * it; otherwise the next sentence must start like one, and a single `.` must not be an
 * abbreviation's, an initial's or a list marker's.
 *
 * @internal
 */
export function endsAfterTerminators(
  text: string,
  sentStart: number,
  run: number,
  singleDot: boolean,
  next: number,
): boolean {
  return (
    lineBreaksSeen >= 2 ||
    (startsSentence(text, next) && !(singleDot && isNonBreakingDot(text, run, sentStart)))
  );
}

/**
 * Does a sentence end at the line break at `lineBreak` (the whitespace from it has just been
 * passed by {@link skipWhitespace}, up to `next`)? A blank line, a bullet, a parenthesized marker
 * after `:` or `;`, or a heading line followed by a sentence start end it.
 *
 * @internal
 */
export function endsAtLineBreak(text: string, sentStart: number, lineBreak: number, next: number): boolean {
  if (lineBreaksSeen >= 2 || startsBullet(text, next)) return true;
  if (startsParenMarker(text, next)) {
    const last = lastNonSpace(text, sentStart, lineBreak);
    if (last === 0x3a || last === 0x3b) return true;
  }
  return startsSentence(text, next) && isHeadingLine(text, sentStart, lineBreak);
}

/**
 * Lazily split a text into sentences, one at a time, so a 20 MB document never needs all its
 * sentences in memory. Linear time: one forward scan, with look-behinds bounded by a few dozen
 * characters.
 *
 * A sentence ends:
 * - at `.`, `!` or `?` (a run such as `?!` or `...`, plus closing quotes/brackets) followed by
 *   whitespace and then an uppercase letter, a digit, an opening quote or bracket, or a bullet;
 *   but a single `.` does not end a sentence after an abbreviation (`Inc.`, `Corp.`, `Co.`,
 *   `Ltd.`, `No.`, `Mr.`, `vs.`, months such as `Jan.`/`Sept.`), a dotted abbreviation (`U.S.`,
 *   `e.g.`, `i.e.`), an initial (`J. Smith`), or a list marker opening a line or a sentence (`1.`, `a.`, `iv.`);
 *   decimals (`$4.2`) never end one because no whitespace follows the dot;
 * - at a blank line (two or more line breaks);
 * - at a single line break when the next line starts with a bullet (`•`, `- `), when it starts
 *   with a parenthesized marker (`(a)`) and the line before ends in `:` or `;`, or when the
 *   sentence so far is one short line that reads like a heading (no terminal punctuation, at most
 *   12 words, every word of 4+ letters capitalized) and the next line starts like a sentence.
 *   Other single line breaks are soft wraps (`.txt` filings wrap at 80 columns) and never end a
 *   sentence. Semicolons and colons never end one.
 *
 * @param text - The text to split.
 * @returns An iterator over the sentences, in order, trimmed of whitespace, never empty.
 * @example
 * ```ts
 * import { iterateSentences } from 'fin-tabtext/score';
 * for (const s of iterateSentences('Sales rose 4.2% in the U.S. market. Costs fell.')) {
 *   console.log(s.start, s.text); // 0 'Sales rose 4.2% in the U.S. market.' then 36 'Costs fell.'
 * }
 * ```
 */
export function* iterateSentences(text: string): IterableIterator<Sentence> {
  const scanner = new SentenceScanner(text);
  while (scanner.next()) {
    yield { text: text.slice(scanner.start, scanner.end), start: scanner.start, end: scanner.end };
  }
}

/**
 * The sentence splitter of {@link iterateSentences} as a cursor: `next()` finds the next
 * sentence and sets `start` and `end`, with no object or string made per sentence (the
 * document scorer's path).
 *
 * @internal
 * @example
 * ```ts
 * const scanner = new SentenceScanner('Sales rose. Costs fell.');
 * while (scanner.next()) console.log(scanner.start, scanner.end); // 0 11, then 12 23
 * ```
 */
export class SentenceScanner {
  /** UTF-16 index of the current sentence's first character. */
  start = 0;
  /** UTF-16 index just past the current sentence's last character. */
  end = 0;
  private readonly text: string;
  private sentStart: number;
  private i: number;
  private finished = false;

  constructor(text: string) {
    this.text = text;
    this.sentStart = skipWhitespace(text, 0, text.length);
    this.i = this.sentStart;
  }

  private found(start: number, end: number, next: number): boolean {
    this.start = start;
    this.end = end;
    this.sentStart = next;
    this.i = next;
    return true;
  }

  /** Move to the next sentence; `false` when there is none left. */
  next(): boolean {
    if (this.finished) return false;
    const text = this.text;
    const n = text.length;
    let sentStart = this.sentStart;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Fast path: ASCII letters, digits and most punctuation can neither end a sentence nor a line.
      if ((c > 0x3f && c < 0x80) || (c > 0x21 && c < 0x2e) || (c > 0x2e && c < 0x3f)) {
        i++;
        continue;
      }
      if (isTerminator(c)) {
        let j = i + 1;
        while (j < n && isTerminator(text.charCodeAt(j))) j++;
        const singleDot = c === 0x2e && j === i + 1;
        while (j < n && isCloser(text.charCodeAt(j))) j++;
        if (j >= n) break;
        if (!isWhitespaceCode(text.charCodeAt(j))) {
          i = j;
          continue;
        }
        const k = skipWhitespace(text, j, n);
        if (k >= n) break;
        if (endsAfterTerminators(text, sentStart, i, singleDot, k)) return this.found(sentStart, j, k);
        i = k;
        continue;
      }
      if (isLineBreakCode(c)) {
        const k = skipWhitespace(text, i, n);
        if (k >= n) break;
        if (endsAtLineBreak(text, sentStart, i, k)) {
          const e = trimEnd(text, sentStart, i);
          if (e > sentStart) return this.found(sentStart, e, k);
          sentStart = k;
        }
        i = k;
        continue;
      }
      i++;
    }
    this.finished = true;
    const e = trimEnd(text, sentStart, n);
    if (e > sentStart) return this.found(sentStart, e, n);
    return false;
  }
}

/**
 * Split a text into sentences (all at once). See {@link iterateSentences} for the rules; use that
 * for very large texts.
 *
 * @param text - The text to split.
 * @returns The sentences in order, each `{ text, start, end }` with `text === source.slice(start, end)`.
 * @example
 * ```ts
 * import { splitSentences } from 'fin-tabtext/score';
 * splitSentences('Revenue was $4.2 billion, up 3% vs. 2022. Ford Motor Co. led.').map((s) => s.text);
 * // ['Revenue was $4.2 billion, up 3% vs. 2022.', 'Ford Motor Co. led.']
 * ```
 */
export function splitSentences(text: string): Sentence[] {
  return Array.from(iterateSentences(text));
}
