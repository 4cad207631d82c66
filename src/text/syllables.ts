import { readPackageFile } from '../resources/index.js';
import { hyphenationPoints } from './hyphenation.js';

/** Where a syllable count came from: CMUdict 0.7a, or the hyphenation fallback. */
export type SyllableSource = 'cmudict' | 'hyphenation';

/** A syllable count and its source. */
export interface SyllableInfo {
  /** The number of syllables (at least 1 for a non-empty word). */
  readonly syllables: number;
  /** `'cmudict'` when the word is in CMUdict 0.7a, else `'hyphenation'`. */
  readonly source: SyllableSource;
}

/**
 * CMUdict 0.7a (`data/cmudict/cmudict.0.7a`, see its PROVENANCE.md), read on first use and searched in
 * place. The file's entries (between a comment header and a few commented-out entries at the end)
 * are sorted by key, a word's pronunciations are adjacent, and its unmarked entry comes before its
 * `WORD(1)` variants, so a binary search over the text finds a word's first pronunciation without
 * building a 133,000-entry map: loading costs one file read instead of about 70 ms of parsing.
 */
interface CmuText {
  readonly source: string;
  /** Index of the first entry line. */
  readonly start: number;
  /** Index just past the last entry line's newline. */
  readonly end: number;
}

let cmu: CmuText | undefined;

function cmuText(): CmuText {
  if (cmu !== undefined) return cmu;
  const source = readPackageFile('data/cmudict/cmudict.0.7a', 'latin1');
  let start = 0;
  while (source.startsWith(';;;', start)) {
    const eol = source.indexOf('\n', start);
    start = eol === -1 ? source.length : eol + 1;
  }
  let end = source.length;
  for (;;) {
    const last = source.lastIndexOf('\n', end - 2) + 1;
    if (last < start || !source.startsWith(';;;', last)) break;
    end = last;
  }
  cmu = { source, start, end };
  return cmu;
}

/**
 * Compare the key of the entry line at `pos` with `target`, in place: negative, 0 or positive as
 * the key sorts before, equal to or after it. A key ends at the two-space separator or at its
 * `(n)` variant marker (`WORD(1)`; the file has no other `(` in a key), so variants compare equal
 * to their word and the unmarked entry, first in the file, is found first.
 */
function compareKeyAt(source: string, pos: number, target: string): number {
  for (let k = 0; ; k++) {
    const c = source.charCodeAt(pos + k);
    const ended = c === 0x20 || c === 0x28;
    if (k === target.length) return ended ? 0 : 1;
    if (ended) return -1;
    const t = target.charCodeAt(k);
    if (c !== t) return c - t;
  }
}

function isAsciiOnly(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

// Lookups are memoized (bounded: cleared when large) for callers that ask about a word again.
const cmuCache = new Map<string, number>();
const CMU_CACHE_LIMIT = 50_000;

/**
 * Syllables of the lowercase `word`'s first CMUdict pronunciation (the number of phones carrying
 * a stress digit, as NLTK's `cmudict.dict()` and so textstat count them), or -1 when absent.
 */
function cmuSyllables(word: string): number {
  const cached = cmuCache.get(word);
  if (cached !== undefined) return cached;
  let result = -1;
  // Keys are ASCII, and the map textstat uses is keyed by their lowercase forms, so only an
  // ASCII word can match, and it matches the key that is its uppercase form.
  if (word !== '' && isAsciiOnly(word)) {
    const { source, start, end } = cmuText();
    const target = word.toUpperCase();
    // Lower bound over line starts: the first entry whose key is >= target.
    let lo = start;
    let hi = end;
    while (lo < hi) {
      let line = (lo + hi) >>> 1;
      while (line > lo && source.charCodeAt(line - 1) !== 0x0a) line--;
      if (compareKeyAt(source, line, target) < 0) lo = source.indexOf('\n', line) + 1;
      else hi = line;
    }
    if (lo < end && compareKeyAt(source, lo, target) === 0) {
      let eol = source.indexOf('\n', lo);
      if (eol === -1) eol = source.length;
      let count = 0;
      for (let p = source.indexOf('  ', lo) + 2; p < eol; p++) {
        const c = source.charCodeAt(p);
        if (c >= 0x30 && c <= 0x39) {
          const next = p + 1 < eol ? source.charCodeAt(p + 1) : 0x20;
          if (next === 0x20 || next === 0x0d) count++;
        }
      }
      result = count;
    }
  }
  if (cmuCache.size >= CMU_CACHE_LIMIT) cmuCache.clear();
  cmuCache.set(word, result);
  return result;
}

// Fallback results are cached per word; the cache is cleared when it grows large so a document
// full of unique numbers cannot grow it without bound.
const fallbackCache = new Map<string, number>();
const FALLBACK_CACHE_LIMIT = 100_000;

function isAsciiDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function fallbackSyllables(lower: string): number {
  // No hyphenation pattern key holds a digit or consists of dots alone, so a digits-only word
  // never gets a hyphenation point: 1 syllable, without running Liang's algorithm.
  if (isAsciiDigits(lower)) return 1;
  const cached = fallbackCache.get(lower);
  if (cached !== undefined) return cached;
  const count = hyphenationPoints(lower).length + 1;
  if (fallbackCache.size >= FALLBACK_CACHE_LIMIT) fallbackCache.clear();
  fallbackCache.set(lower, count);
  return count;
}

/**
 * The syllable count of a word and its source, as textstat 0.7.11 computes it: CMUdict 0.7a's first
 * pronunciation, else hyphenation points + 1 (Liang's algorithm over Debian's `hyph_en_US.dic`,
 * margins 2/2). The word is lowercased first. The fallback is not a syllable counter: digits-only
 * words give 1 (`2023`), `yearoveryear` gives 1, `cybersecurity` 6.
 *
 * @param word - One word, without surrounding whitespace.
 * @returns `{ syllables, source }`; `{ syllables: 0, source: 'hyphenation' }` for `''`.
 * @example
 * ```ts
 * import { syllableInfo } from 'fin-tabtext/score';
 * syllableInfo('Revenue'); // { syllables: 3, source: 'cmudict' }
 * syllableInfo('SOFR'); // { syllables: 1, source: 'hyphenation' }
 * ```
 */
export function syllableInfo(word: string): SyllableInfo {
  if (word === '') return { syllables: 0, source: 'hyphenation' };
  const lower = word.toLowerCase();
  const known = cmuSyllables(lower);
  if (known >= 0) return { syllables: known, source: 'cmudict' };
  return { syllables: fallbackSyllables(lower), source: 'hyphenation' };
}

/**
 * The number of syllables of a word: CMUdict 0.7a's first pronunciation, else hyphenation points
 * + 1 (see {@link syllableInfo}). Case-insensitive.
 *
 * @param word - One word.
 * @returns The syllable count; 0 for the empty string.
 * @example
 * ```ts
 * import { countSyllables } from 'fin-tabtext/score';
 * countSyllables('liquidity'); // 4
 * ```
 */
export function countSyllables(word: string): number {
  if (word === '') return 0;
  const lower = word.toLowerCase();
  const known = cmuSyllables(lower);
  return known >= 0 ? known : fallbackSyllables(lower);
}

/**
 * Is the (lowercase) word in CMUdict 0.7a?
 *
 * @param word - One word; it is lowercased first.
 * @returns `true` when CMUdict has a pronunciation for it.
 * @example
 * ```ts
 * import { isInCmudict } from 'fin-tabtext/score';
 * isInCmudict('revenue'); // true
 * ```
 */
export function isInCmudict(word: string): boolean {
  return cmuSyllables(word.toLowerCase()) >= 0;
}
