import { readPackageFile } from '../resources/index.js';
import { findIndexedLine } from '../resources/indexed-lines.js';
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
 * CMUdict 0.7a's syllable counts (`data/cmudict/cmudict-syllables.txt`, generated from
 * `data/cmudict/cmudict.0.7a` by scripts/build-score-data.ts; see its PROVENANCE.md): one
 * `WORD <syllables>` line per key, the count of its first pronunciation, in the dictionary's
 * sorted order, after a line indexing where each bucket of keys sharing their first three chars
 * starts
 * (src/resources/indexed-lines.ts). Read on first use and searched in place, without building a
 * 123,000-entry map: loading costs one read of a 1.4 MB file.
 */
let cmu: string | undefined;

function cmuText(): string {
  cmu ??= readPackageFile('data/cmudict/cmudict-syllables.txt', 'latin1');
  return cmu;
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
    const source = cmuText();
    const target = word.toUpperCase();
    const line = findIndexedLine(source, ' ', target);
    if (line >= 0) {
      result = 0;
      for (
        let p = line + target.length + 1, c = source.charCodeAt(p);
        c >= 0x30 && c <= 0x39;
        c = source.charCodeAt(++p)
      )
        result = result * 10 + (c - 0x30);
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
