import { readDependencyFile } from '../resources/index.js';
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

let cmu: Map<string, number> | undefined;

/**
 * CMUdict 0.7a (npm `cmudict@1.0.2`, `lib/cmu/cmudict.0.7a`): word → syllables of its FIRST
 * pronunciation (the number of phones carrying a stress digit), as NLTK's `cmudict.dict()` and so
 * textstat use it. Built once, on first use.
 */
function cmuTable(): Map<string, number> {
  if (cmu !== undefined) return cmu;
  const source = readDependencyFile('cmudict', 'lib/cmu/cmudict.0.7a');
  const map = new Map<string, number>();
  let pos = 0;
  const n = source.length;
  while (pos < n) {
    let eol = source.indexOf('\n', pos);
    if (eol === -1) eol = n;
    if (!(source.charCodeAt(pos) === 0x3b && source.startsWith(';;;', pos))) {
      const sep = source.indexOf('  ', pos);
      if (sep !== -1 && sep < eol) {
        let keyEnd = sep;
        // `WORD(1)`: a variant marker; the unmarked entry comes first in the file.
        if (source.charCodeAt(keyEnd - 1) === 0x29) {
          const open = source.lastIndexOf('(', keyEnd);
          if (open > pos) keyEnd = open;
        }
        const key = source.slice(pos, keyEnd).toLowerCase();
        if (!map.has(key)) {
          let count = 0;
          for (let p = sep + 2; p < eol; p++) {
            const c = source.charCodeAt(p);
            if (c >= 0x30 && c <= 0x39) {
              const next = p + 1 < eol ? source.charCodeAt(p + 1) : 0x20;
              if (next === 0x20 || next === 0x0d) count++;
            }
          }
          map.set(key, count);
        }
      }
    }
    pos = eol + 1;
  }
  cmu = map;
  return map;
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
 * import { syllableInfo } from 'fin-tabtext';
 * syllableInfo('Revenue'); // { syllables: 3, source: 'cmudict' }
 * syllableInfo('SOFR'); // { syllables: 1, source: 'hyphenation' }
 * ```
 */
export function syllableInfo(word: string): SyllableInfo {
  if (word === '') return { syllables: 0, source: 'hyphenation' };
  const lower = word.toLowerCase();
  const known = cmuTable().get(lower);
  if (known !== undefined) return { syllables: known, source: 'cmudict' };
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
 * import { countSyllables } from 'fin-tabtext';
 * countSyllables('liquidity'); // 4
 * ```
 */
export function countSyllables(word: string): number {
  if (word === '') return 0;
  const lower = word.toLowerCase();
  return cmuTable().get(lower) ?? fallbackSyllables(lower);
}

/**
 * Is the (lowercase) word in CMUdict 0.7a?
 *
 * @param word - One word; it is lowercased first.
 * @returns `true` when CMUdict has a pronunciation for it.
 * @example
 * ```ts
 * import { isInCmudict } from 'fin-tabtext';
 * isInCmudict('revenue'); // true
 * ```
 */
export function isInCmudict(word: string): boolean {
  return cmuTable().has(word.toLowerCase());
}
