import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkOptions } from '../options/index.js';
import { bodyToText, selectBody } from './document-to-text.js';
import { EIGHT_K_ITEMS, EIGHT_K_ITEMS_BEFORE_2004, type EightKItemDefinition } from './eight-k-titles.js';
import type { ExtractedItem } from './extract.js';
import {
  isTitleContinuation,
  isTitleLike,
  isUnfinishedTitle,
  type Line,
  normalizeTitle,
  parseLabel,
  toLines,
} from './headings.js';
import { checkInput, resolveFormat } from './options.js';

const FN = 'extractItems';
const EXAMPLE = "extractItems(html, { formType: '8-K' })";

/**
 * Whether an EDGAR form type is a Form 8-K: `'8-K'`, `'8-K/A'`, or one of the 8-K variants
 * `'8-K12B'`, `'8-K12G3'`, `'8-K15D5'` (and their amendments).
 *
 * @param formType - The form type, any case.
 * @returns `true` for a Form 8-K.
 * @example
 * ```ts
 * import { isEightKForm } from 'fin-tabtext/extract';
 * isEightKForm('8-K/A'); // true
 * isEightKForm('10-K'); // false
 * ```
 */
export function isEightKForm(formType: unknown): boolean {
  if (typeof formType !== 'string') return false;
  const f = formType.trim().toUpperCase().replace(/\/A$/, '');
  return f === '8-K' || f === '8K' || /^8-K\d{2}[A-Z0-9]*$/.test(f);
}

const BY_NUMBER = new Map<string, EightKItemDefinition>(
  [...EIGHT_K_ITEMS, ...EIGHT_K_ITEMS_BEFORE_2004].map((d) => [d.item, d]),
);
// Each item's place in its numbering (the two numberings never share a filing).
const ORDINAL = new Map<string, number>([
  ...EIGHT_K_ITEMS.map((d, k) => [d.item, k] as const),
  ...EIGHT_K_ITEMS_BEFORE_2004.map((d, k) => [d.item, k] as const),
]);
const ORDINAL_COUNT = Math.max(EIGHT_K_ITEMS.length, EIGHT_K_ITEMS_BEFORE_2004.length);

/**
 * The official title of a Form 8-K item, from SEC's Form 8-K General Instructions: items
 * `'1.01'`–`'9.01'` since August 2004, items `'1'`–`'12'` before.
 *
 * @param item - The item number as printed: `'2.02'`, `'5'`.
 * @returns The title, or `undefined` for a number the form does not have.
 * @example
 * ```ts
 * import { eightKItemTitle } from 'fin-tabtext/extract';
 * eightKItemTitle('2.02'); // 'Results of Operations and Financial Condition'
 * eightKItemTitle('5'); // 'Other Events' (the numbering before August 2004)
 * ```
 */
export function eightKItemTitle(item: string): string | undefined {
  return BY_NUMBER.get(item)?.title;
}

/**
 * The item numbers of a Form 8-K, in the form's order and without repeats, from the items
 * `extractItems(doc, { formType: '8-K' })` returned: the value of a data set's `items` column once
 * joined with `';'`.
 *
 * @param items - The items `extractItems` returned for an 8-K.
 * @returns The numbers, for example `['2.02', '9.01']`.
 * @example
 * ```ts
 * import { eightKItemNumbers } from 'fin-tabtext/extract';
 * import { extractItems } from 'fin-tabtext';
 * eightKItemNumbers(extractItems(html, { formType: '8-K' })).join(';'); // '2.02;9.01'
 * ```
 */
export function eightKItemNumbers(items: readonly Pick<ExtractedItem, 'item'>[]): string[] {
  const seen = new Set(items.map((i) => i.item));
  return [...seen].sort((a, b) => order(a) - order(b));
}

// Sort key: 2.02 -> 202, 5 -> 500 (the two numberings never share a filing).
function order(item: string): number {
  const [major, minor] = item.split('.');
  return Number(major) * 100 + Number(minor ?? 0);
}

interface Heading {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly heading: string;
  readonly title: string;
  readonly definition: EightKItemDefinition;
  /** Whether the title printed matches the item's official (or a former) title. */
  readonly known: boolean;
}

const MAX_TITLE_LINES = 3;

function knownTitlesOf(definition: EightKItemDefinition): string[] {
  return [definition.title, ...(definition.formerTitles ?? [])].map(normalizeTitle);
}

// Whether the printed title starts like the official one: its first three words (or all, when shorter).
function matchesKnownTitle(title: string, definition: EightKItemDefinition): boolean {
  const printed = normalizeTitle(title);
  if (printed === '') return false;
  return knownTitlesOf(definition).some((known) => {
    const head = known.split(' ').slice(0, 3).join(' ');
    return printed.startsWith(head) || known.startsWith(printed);
  });
}

// Join the title with the next lines while it is unfinished or is still a beginning of the
// official title ("... OR A RELATED" over "AUDIT REPORT ..."). A label alone on its line ("Item 5.02")
// takes the next line when that starts like the official title or reads as a title.
function completeTitle(
  lines: readonly Line[],
  k: number,
  rest: string,
  definition: EightKItemDefinition,
): { title: string; last: number } {
  const known = knownTitlesOf(definition);
  let title = rest;
  let last = k;
  while (last - k < MAX_TITLE_LINES) {
    const next = lines[last + 1];
    if (next === undefined || next.text.length > 400 || parseLabel(next.text) !== null) break;
    const titleLike = isTitleContinuation(next.text) && isTitleLike(next.text);
    if (title === '') {
      if (!matchesKnownTitle(next.text, definition) && !titleLike) break;
    } else {
      const so = normalizeTitle(title);
      const joined = normalizeTitle(`${title} ${next.text}`);
      const carriesOn = known.some((t) => t.length > so.length && t.startsWith(joined));
      if (!carriesOn && !(titleLike && isUnfinishedTitle(title))) break;
    }
    title = title === '' ? next.text : `${title} ${next.text}`;
    last++;
  }
  return { title, last };
}

/**
 * When a heading line carries on past the item's full official (or former) title with body text,
 * the length of the title part of `rest`; otherwise -1.
 */
function runInTitleLength(rest: string, definition: EightKItemDefinition): number {
  const printed = normalizeTitle(rest.slice(0, 400));
  const known = knownTitlesOf(definition)
    .filter((t) => printed.startsWith(`${t} `))
    .sort((a, b) => b.length - a.length)[0];
  if (known === undefined) return -1;
  const p = afterWords(rest, known.split(' ').length);
  if (p < 0 || normalizeTitle(rest.slice(0, p)) !== known) return -1;
  // The body after the title opens like a sentence or a paragraph label, not "of the Company".
  const after = rest.slice(p).replace(/^[.:\s\u2013\u2014-]+/, '');
  return /^[a-z]/.test(after) ? -1 : p;
}

const APOSTROPHES = "'\u2018\u2019\u02bc`\u00b4";

// Offset just past the `count`-th word of `s`, with words as normalizeTitle sees them (letters and
// digits; apostrophes join), or -1 when `s` has fewer words. One pass.
function afterWords(s: string, count: number): number {
  let words = 0;
  let inWord = false;
  let lastEnd = -1;
  for (let i = 0; i <= s.length; i++) {
    const ch = i < s.length ? s[i]! : ' ';
    if (APOSTROPHES.includes(ch)) continue;
    if (/[A-Za-z0-9]/.test(ch)) {
      inWord = true;
      lastEnd = i + 1;
    } else if (inWord) {
      inWord = false;
      if (++words === count) return lastEnd;
    }
  }
  return -1;
}

/** Item headings of an 8-K: lines that start with `Item N.NN` (or `Item N`) and a title. */
function headingCandidates(lines: readonly Line[]): Heading[] {
  const out: Heading[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.text.length > 400) continue;
    const c = line.text.charCodeAt(0) | 32;
    if (c !== 105) continue; // i
    const label = parseLabel(line.text);
    if (label?.item === undefined || label.part !== undefined) continue;
    const definition = BY_NUMBER.get(label.item);
    if (definition === undefined) continue;
    const rest = label.rest.trim();
    const known = matchesKnownTitle(rest, definition);
    const titles = knownTitlesOf(definition);
    const printed = normalizeTitle(rest.slice(0, 400));
    const full = titles.some((t) => printed === t || printed.startsWith(`${t} `));
    // The full title followed by "of this report", "is incorporated ...": a citation, not a heading.
    if (full ? !isTitleLike(rest, titles) : !known && !isTitleLike(rest)) continue;
    const { title, last } = completeTitle(lines, k, rest, definition);
    const runIn = last === k ? runInTitleLength(rest, definition) : -1;
    if (runIn > 0) {
      // "Item 8.01 Other Events. On June 1, ...": the body starts on the heading's line.
      const restStart = line.start + line.text.length - label.rest.length + label.rest.indexOf(rest);
      let end = restStart + runIn;
      while (end < line.start + line.text.length && /[.:\s\u2013\u2014-]/.test(line.text[end - line.start]!))
        end++;
      out.push({
        line: k,
        start: line.start,
        end,
        heading: line.text.slice(0, end - line.start).trimEnd(),
        title: rest.slice(0, runIn),
        definition,
        known: true,
      });
      continue;
    }
    const end = lines[last]!.start + lines[last]!.text.length;
    out.push({
      line: k,
      start: line.start,
      end,
      heading: lines
        .slice(k, last + 1)
        .map((l) => l.text)
        .join(' '),
      title: title.trim(),
      definition,
      known: known || matchesKnownTitle(title, definition),
    });
    k = last;
  }
  return out;
}

/**
 * The headings that open the items: the chain, in document order, whose item numbers strictly
 * increase and whose weight is largest. A heading weighs the logarithm of the text before the next
 * candidate, doubled when its title is the item's official one; so a list of items at the top or
 * a cross-reference that starts a line loses to the real heading. Ties go to the later heading.
 * O(candidates × items): the best chain ending at each item number is kept.
 */
function chooseHeadings(candidates: readonly Heading[], textLength: number): Heading[] {
  const rank = (h: Heading): number => ORDINAL.get(h.definition.item)!;
  const bestAt = new Int32Array(ORDINAL_COUNT).fill(-1); // best chain ending at each ordinal
  const score: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const nextStart = candidates[i + 1]?.start ?? textLength;
    const weight = Math.log2(2 + Math.max(0, nextStart - candidate.end)) * (candidate.known ? 2 : 1);
    const ordinal = rank(candidate);
    let best = -1;
    for (let o = 0; o < ordinal; o++) {
      const j = bestAt[o]!;
      if (j >= 0 && (best < 0 || score[j]! > score[best]! || (score[j] === score[best] && j > best)))
        best = j;
    }
    score.push((best < 0 ? 0 : score[best]!) + weight);
    previous.push(best);
    const current = bestAt[ordinal]!;
    if (current < 0 || score[i]! >= score[current]!) bestAt[ordinal] = i;
  }
  let top = -1;
  for (let i = 0; i < candidates.length; i++) if (top < 0 || score[i]! >= score[top]!) top = i;
  const chain: Heading[] = [];
  for (let i = top; i >= 0; i = previous[i]!) chain.push(candidates[i]!);
  return chain.reverse();
}

// Where the signature block starts: the report's items end there.
const SIGNATURE_HEADING = /^signatures?\b[:.]?$/i;
const SIGNATURE_SENTENCE =
  /^pursuant to the requirements of the securities exchange act of 1934,? the registrant has duly caused/i;

function signatureStart(lines: readonly Line[], from: number): number {
  for (let k = from; k < lines.length; k++) {
    const text = lines[k]!.text;
    if (SIGNATURE_HEADING.test(text) || SIGNATURE_SENTENCE.test(text)) return lines[k]!.start;
  }
  return -1;
}

// "Section 2 - Financial Information": the form's section banner printed above an item heading.
const SECTION_BANNER = /^section\s+[1-9](?:\s*[-\u2013\u2014:.]\s*|\s+)[A-Z][^.]{0,80}$/i;

// Where the next item starts: its heading, or the section banner lines right above it.
function sectionStart(lines: readonly Line[], next: Heading): number {
  let start = next.start;
  for (let k = next.line - 1; k >= 0 && next.line - k <= 3; k--) {
    const text = lines[k]!.text;
    if (text === '') continue;
    if (!SECTION_BANNER.test(text)) break;
    start = lines[k]!.start;
  }
  return start;
}

function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

// Which numbering the filing uses: the one with more candidate headings (the 2004 one on a tie).
function oneNumbering(candidates: readonly Heading[]): Heading[] {
  const decimal = candidates.filter((c) => c.definition.item.includes('.'));
  const whole = candidates.filter((c) => !c.definition.item.includes('.'));
  return whole.length > decimal.length ? whole : decimal;
}

/**
 * The items of a Form 8-K. Called by `extractItems` for 8-K form types.
 * @internal
 */
export function extractEightKItems(document: unknown, options: unknown): ExtractedItem[] {
  checkInput(document, 'document', EXAMPLE);
  const opts = checkOptions(FN, options as Record<string, unknown> | undefined, ['formType', 'format']);
  if (!isEightKForm(opts.formType)) {
    throw new InvalidArgumentError(
      'options.formType',
      `options.formType must name the EDGAR form type, got ${describeType(opts.formType)}. Call it as ${EXAMPLE}.`,
    );
  }
  const format = resolveFormat(FN, opts.format);
  const text = bodyToText(selectBody(document, undefined), format);
  const lines = toLines(text);
  const chain = chooseHeadings(oneNumbering(headingCandidates(lines)), text.length);
  const last = chain[chain.length - 1];
  const signature = last === undefined ? -1 : signatureStart(lines, last.line + 1);
  return chain.map((heading, k) => {
    const next = chain[k + 1];
    const end = next === undefined ? (signature >= 0 ? signature : text.length) : sectionStart(lines, next);
    const range = trimRange(text, heading.end, Math.max(heading.end, end));
    return {
      item: heading.definition.item,
      title: heading.title || heading.definition.title,
      officialTitle: heading.definition.title,
      heading: heading.heading,
      text: text.slice(range.start, range.end),
      start: range.start,
      end: range.end,
    };
  });
}
