/** Lowercase, apostrophes dropped, other punctuation as spaces, spaces collapsed. */
export function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`\u00b4]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A line of clean text with its offset. */
export interface Line {
  readonly text: string;
  readonly start: number;
}

/** Split clean text into lines with offsets. */
export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** What a line starts with, when it starts like an item or part heading. */
export interface Label {
  /** Roman numeral of a `PART` prefix, uppercase. */
  readonly part?: string;
  /** Item number with letter, uppercase (`'7A'`), or an 8-K item (`'2.02'`); absent for a bare part heading. */
  readonly item?: string;
  /** Last item of `Items 7 and 7A`. */
  readonly through?: string;
  /** Text after the label and its separator. */
  readonly rest: string;
}

const ROMAN = ['IV', 'III', 'II', 'I'];

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

// Separator characters between a label and its title: spaces, period, colon, dashes, closing paren.
function isSeparator(c: number): boolean {
  return (
    c === 32 || c === 46 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 41
  );
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i;
}

function startsWithWord(s: string, i: number, word: string): boolean {
  return s.slice(i, i + word.length).toLowerCase() === word;
}

// Item number at i: 1-2 digits and an optional letter A-D not followed by another letter, or an
// 8-K item number: one digit, a period and two digits.
function readItemNumber(s: string, i: number): { value: string; end: number } | null {
  let j = i;
  while (j < s.length && j - i < 2 && isDigit(s.charCodeAt(j))) j++;
  if (j === i || (j < s.length && isDigit(s.charCodeAt(j)))) return null;
  let value = s.slice(i, j);
  if (value.startsWith('0')) return null;
  // Form 8-K numbers its items by section since 2004: "Item 2.02" is item 2.02, not item 2.
  if (j - i === 1 && s.charCodeAt(j) === 46 && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2))) {
    if (!isDigit(s.charCodeAt(j + 3))) return { value: s.slice(i, j + 3), end: j + 3 };
  }
  const c = j < s.length ? s.charCodeAt(j) : 0;
  const next = j + 1 < s.length ? s.charCodeAt(j + 1) : 0;
  if ((c | 32) >= 97 && (c | 32) <= 100 && !isLetter(next)) {
    value += String.fromCharCode(c).toUpperCase();
    j++;
  }
  return { value, end: j };
}

/**
 * Parse a heading label at the start of a line: `Item 7.`, `ITEM 7A —`, `Items 7 and 7A:`,
 * `ITEM7.`, `PART II`, `PART I — ITEM 2.`. Returns `null` when the line does not start with one,
 * or when what follows the number cannot start a title (`Item 14(a)`, `Item 10 regarding`).
 */
export function parseLabel(line: string): Label | null {
  let i = 0;
  const s = line;
  let part: string | undefined;
  if (startsWithWord(s, i, 'part')) {
    let j = skipSpaces(s, i + 4);
    const roman = ROMAN.find((r) => s.slice(j, j + r.length).toUpperCase() === r);
    if (roman === undefined) return null;
    j += roman.length;
    if (j < s.length && isLetter(s.charCodeAt(j))) return null;
    part = roman;
    // "PART I — ITEM 2." / "Part I, Item 2"
    let k = j;
    while (k < s.length && k - j < 6 && (isSeparator(s.charCodeAt(k)) || s.charCodeAt(k) === 44)) k++;
    if (!startsWithWord(s, k, 'item')) {
      while (j < s.length && isSeparator(s.charCodeAt(j))) j++;
      return { part, rest: s.slice(j) };
    }
    i = k;
  }
  if (!startsWithWord(s, i, 'item')) return null;
  let j = i + 4;
  if (j < s.length && (s.charCodeAt(j) | 32) === 115 /* s */) j++;
  j = skipSpaces(s, j);
  const number = readItemNumber(s, j);
  if (number === null) return null;
  j = number.end;
  let through: string | undefined;
  // "Items 7 and 7A", "Items 7 & 7A", "Items 7, 7A"
  const k = skipSpaces(s, j);
  for (const joiner of ['and', '&', ',']) {
    if (startsWithWord(s, k, joiner)) {
      const m = skipSpaces(s, k + joiner.length);
      const more = readItemNumber(s, m);
      if (more !== null) {
        through = more.value;
        j = more.end;
      }
      break;
    }
  }
  // "Item 9A(T)" (the temporary 2007-2009 variant of Item 9A)
  if (s.slice(j, j + 3).toUpperCase() === '(T)') j += 3;
  const sepStart = j;
  while (j < s.length && j - sepStart < 8 && isSeparator(s.charCodeAt(j))) j++;
  const c = j < s.length ? s.charCodeAt(j) : 0;
  if (j === sepStart && j < s.length && !isUpper(c)) return null; // "Item 14(a)", "Item 7s"
  const rest = s.slice(j);
  // "Item 14 (a)(3):", "ITEM 15 (b)": a paragraph of the item, not its heading.
  if (c === 40 && /^\([a-z0-9]{1,4}\)/i.test(rest)) return null;
  const label: Label = { item: number.value, rest };
  return { ...(part === undefined ? {} : { part }), ...label, ...(through === undefined ? {} : { through }) };
}

// Words that make a would-be title a sentence that refers to an item rather than a heading.
const REFERENCE_PHRASES =
  /\b(?:on pages?|at pages?|of this|in this|herein|incorporated|included|see|refer|set forth|contained in|appears?|is|are|was|were|has|have|will|should|regarding|pursuant)\b/;

// What follows a known title when the line cites the item instead of heading it.
const CITATION_TAIL =
  /^(?:on pages?|at pages?|of this|in this|of our|herein|incorporated|included|contained|is|are|which|appears?|set forth|beginning|below|above)\b/;

/**
 * Whether the text after a label is a title (or nothing), rather than a sentence citing the item.
 * @param rest - The text after the label and its separator.
 * @param knownTitles - Normalized usual titles of the form's items: a line that starts with one
 *   is a heading even when body text follows on the same line, unless the title is followed by
 *   a citation ("on page 45", "of this report").
 */
export function isTitleLike(rest: string, knownTitles: readonly string[] = []): boolean {
  if (rest === '') return true;
  const c = rest.charCodeAt(0);
  if (c >= 97 && c <= 122) return false; // "Item 10 regarding our officers"
  if (c === 34 || c === 0x201c || c === 0x2018 || c === 39) return false; // a quoted reference
  const title = titlePortion(rest);
  const lower = title.toLowerCase();
  if (lower.endsWith('(continued)') || lower.endsWith('continued')) return false;
  const normalized = normalizeTitle(rest.slice(0, 300));
  for (const known of knownTitles) {
    if (
      normalized.startsWith(known) &&
      (normalized.length === known.length || normalized[known.length] === ' ')
    ) {
      return !CITATION_TAIL.test(normalized.slice(known.length + 1));
    }
  }
  if (title.length > 220) return false;
  return !REFERENCE_PHRASES.test(lower);
}

/** The title part of the text after a label: up to the first sentence end, when one follows. */
export function titlePortion(rest: string): string {
  const limit = Math.min(rest.length, 400);
  for (let i = 0; i < limit; i++) {
    const c = rest.charCodeAt(i);
    // " — See Note 9": a spaced dash ends the title as a sentence end does
    if (
      (c === 0x2014 || c === 0x2013 || c === 45) &&
      i > 3 &&
      rest.charCodeAt(i - 1) === 32 &&
      rest.charCodeAt(i + 1) === 32
    ) {
      return rest.slice(0, i - 1);
    }
    if (
      (c === 46 || c === 58) &&
      i + 2 < rest.length &&
      rest.charCodeAt(i + 1) === 32 &&
      isUpper(rest.charCodeAt(i + 2)) &&
      i > 3
    ) {
      return rest.slice(0, i);
    }
  }
  return rest.slice(0, limit);
}

/**
 * Whether a heading's text ends with a page reference, as table-of-contents rows and
 * cross-reference index rows do: `... 25`, `... Page 8`, `... 14-21`, `... F-1`, `... Page 36, (a)`.
 */
export function endsWithPageNumber(text: string): boolean {
  let s = text.trim();
  // Footnote markers and "Not applicable" style trailers after the page.
  for (;;) {
    const t = s.replace(/\s*(?:,\s*)?\([a-z0-9*]\)$/i, '').replace(/[\s.,;]+$/, '');
    if (t === s) break;
    s = t;
  }
  const space = s.lastIndexOf(' ');
  const last = space < 0 ? s : s.slice(space + 1);
  if (space < 0) return false;
  return (
    /^(?:\d{1,3}(?:\s*[-–—]\s*\d{1,3})?|[ivx]{1,6}|[A-Z]-\d{1,3}(?:[-–—][A-Z]?-?\d{1,3})?|\d{1,3}[-–—]\d{1,3})$/i.test(
      last,
    ) &&
    !/^\d{4}$/.test(last) &&
    isPageContext(s, space)
  );
}

// A trailing number is a page when the title before it is not itself ending in a number word like
// "Item 4" or a year, i.e. the token before it is a word, dots, or "page(s)".
function isPageContext(s: string, space: number): boolean {
  const before = s.slice(0, space).trimEnd();
  if (before === '') return false;
  const c = before.charCodeAt(before.length - 1);
  // "PART II" is a part heading, not a page numbered in roman numerals.
  if (/(?:^|\s)part$/i.test(before)) return false;
  return !isDigit(c) || /(?:page|pages)$/i.test(before);
}

/** Connector words that leave a heading title unfinished when it ends a line. */
const CONNECTORS = new Set([
  'of',
  'and',
  'the',
  'to',
  'for',
  'in',
  'on',
  'about',
  'with',
  'or',
  '&',
  'financial',
  'results',
]);

/** Whether a title broken at the end of a line continues on the next one. */
export function isUnfinishedTitle(title: string): boolean {
  const t = title.trimEnd();
  if (t === '') return true;
  const last = t.charCodeAt(t.length - 1);
  if (last === 44 || last === 45 || last === 0x2013 || last === 0x2014) return true;
  const space = t.lastIndexOf(' ');
  const word = t.slice(space + 1).toLowerCase();
  return CONNECTORS.has(word);
}

/** Whether a line can carry on a heading title: short, not a sentence, not a label. */
export function isTitleContinuation(line: string): boolean {
  if (line === '' || line.length > 160) return false;
  if (parseLabel(line) !== null) return false;
  const c = line.charCodeAt(0);
  // "of Operations" carries on "...Condition and Results"; a longer lowercase line is prose.
  if (!isUpper(c) && c !== 40 && c !== 91 && line.length > 40) return false;
  return !/[.!?]["”]?$/.test(line) || line.length < 60;
}
