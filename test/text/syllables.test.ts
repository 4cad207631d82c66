import { describe, expect, it } from 'vitest';
import { countSyllables, hyphenationPoints, isInCmudict, syllableInfo } from '../../src/text/index.js';
import { readJsonl } from '../support/fixtures.js';

interface GoldenRow {
  readonly id: number;
  readonly word_syllables: readonly (readonly [string, number, 'cmudict' | 'pyphen'])[];
}

const golden = readJsonl<GoldenRow>('golden/readability.jsonl');

describe('countSyllables / syllableInfo (textstat 0.7.11: CMUdict 0.7a, else Liang over hyph_en_US.dic)', () => {
  it('matches every word of the readability golden, count and source', () => {
    const seen = new Map<string, readonly [number, string]>();
    for (const row of golden) for (const [word, n, source] of row.word_syllables) seen.set(word, [n, source]);
    expect(seen.size).toBeGreaterThan(500);
    const mismatches: string[] = [];
    for (const [word, [n, source]] of seen) {
      const info = syllableInfo(word);
      const expectedSource = source === 'pyphen' ? 'hyphenation' : 'cmudict';
      if (info.syllables !== n || info.source !== expectedSource) {
        mismatches.push(`${word}: ${info.syllables}/${info.source}, golden ${n}/${source}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('uses the first CMUdict pronunciation', () => {
    expect(countSyllables('a')).toBe(1);
    expect(countSyllables("company's")).toBe(3);
    expect(countSyllables("isn't")).toBe(2);
    expect(countSyllables('Revenue')).toBe(3);
    expect(countSyllables("don't")).toBe(1);
    expect(isInCmudict('LIQUIDITY')).toBe(true);
    expect(isInCmudict('cybersecurity')).toBe(false);
  });

  it('falls back to hyphenation points + 1, which is not a syllable counter', () => {
    expect(syllableInfo('2023')).toEqual({ syllables: 1, source: 'hyphenation' });
    expect(countSyllables('12500')).toBe(1);
    expect(countSyllables('yearoveryear')).toBe(1);
    expect(countSyllables('café')).toBe(1);
    expect(countSyllables('résumé')).toBe(2);
    expect(countSyllables('selfinsured')).toBe(3);
    expect(countSyllables('cybersecurity')).toBe(6);
    expect(countSyllables('workinprocess')).toBe(4);
    expect(hyphenationPoints('cybersecurity')).toEqual([2, 5, 7, 9, 11]); // cy-ber-se-cu-ri-ty;
  });

  it('gives 0 for the empty word', () => {
    expect(countSyllables('')).toBe(0);
    expect(syllableInfo('')).toEqual({ syllables: 0, source: 'hyphenation' });
  });
});
