// The property test here runs from the fixed seed set in test/support/property-seed.ts (a vitest
// setup file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSyllables, hyphenationPoints, isInCmudict, syllableInfo } from '../../src/text/index.js';
import { filingFixtureNames, readFixture, readJsonl } from '../support/fixtures.js';

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

describe('CMUdict searched in place', () => {
  // The reference: the whole dictionary parsed into a map the way NLTK's cmudict.dict() keys it
  // (lowercase key, first pronunciation wins, syllables = phones with a stress digit). The
  // library binary-searches the file instead; both must agree on every entry and on non-entries.
  const source = readFileSync(
    fileURLToPath(new URL('../../data/cmudict/cmudict.0.7a', import.meta.url)),
    'latin1',
  );
  const reference = new Map<string, number>();
  for (const line of source.split('\n')) {
    if (line.startsWith(';;;')) continue;
    const sep = line.indexOf('  ');
    if (sep === -1) continue;
    const key = line
      .slice(0, sep)
      .replace(/\(\d+\)$/, '')
      .toLowerCase();
    if (reference.has(key)) continue;
    reference.set(key, (line.slice(sep + 2).match(/\d(?= |$)/g) ?? []).length);
  }

  it('finds every one of the 123,000+ keys with its first pronunciation', () => {
    expect(reference.size).toBeGreaterThan(120_000);
    const wrong: string[] = [];
    for (const [word, n] of reference) {
      const info = syllableInfo(word);
      if (info.source !== 'cmudict' || info.syllables !== n)
        wrong.push(`${word}: ${info.syllables}/${info.source}, want ${n}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('finds nothing for words that are not keys (prefixes, extensions, non-ASCII look-alikes)', () => {
    const probes = ['revenu', 'revenuex', 'aaaaa', 'zzzzzz', "'", 'ſale', 'ınc', '10-k', 'yearoveryear', '~'];
    for (const word of probes) expect(isInCmudict(word)).toBe(reference.has(word));
    expect(isInCmudict('ſale')).toBe(false); // 'ſ'.toUpperCase() is 'S', yet 'SALE' is not its key
    expect(isInCmudict('sale')).toBe(true);
  });
});

describe('hyphenationPoints: the pruned search of the pattern table is plain Liang', () => {
  // The reference: every pattern of the table in a map, and Liang's algorithm looking up every
  // substring of the padded word (pyphen's margins: left 2, right 2). The library searches the
  // sorted table instead, each substring's search starting where the shorter one's ended and
  // stopping once no pattern starts with it; both must give the same points.
  const table = readFileSync(
    fileURLToPath(new URL('../../data/hyphen/hyph_en_US.patterns', import.meta.url)),
    'utf8',
  );
  // Line 1 is the bucket index, line 2 `max <n>`.
  const lines = table.split('\n');
  const maxLength = Number(lines[1]!.slice(4));
  const patterns = new Map<string, readonly [number, string]>();
  for (const line of lines.slice(2)) {
    if (line === '') continue;
    const [key, offset, digits] = line.split(' ');
    patterns.set(key!, [Number(offset), digits!]);
  }
  const liang = (word: string): number[] => {
    const points = Array.from(`.${word}.`);
    const refs = new Array<number>(points.length + 1).fill(0);
    for (let i = 0; i < points.length - 1; i++) {
      for (let j = i + 1; j <= Math.min(i + maxLength, points.length); j++) {
        const found = patterns.get(points.slice(i, j).join(''));
        if (found === undefined) continue;
        [...found[1]].forEach((d, k) => {
          refs[i + found[0] + k] = Math.max(refs[i + found[0] + k]!, Number(d));
        });
      }
    }
    const length = points.length - 2;
    return refs.flatMap((v, r) => (v % 2 === 1 && r - 1 >= 2 && r - 1 <= length - 2 ? [r - 1] : []));
  };

  it('agrees on every distinct word of four fixture filings', () => {
    const words = new Set<string>();
    for (const name of filingFixtureNames().slice(0, 4)) {
      for (const w of readFixture(`filings/${name}`)
        .toLowerCase()
        .match(/[a-z\u00c0-\u024f'-]{2,}/g) ?? []) {
        words.add(w);
      }
    }
    expect(words.size).toBeGreaterThan(5_000);
    const differing = [...words].filter((w) => hyphenationPoints(w).join() !== liang(w).join());
    expect(differing).toEqual([]);
  });

  it('agrees on generated words, ligatures and accents included', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz', 'é', 'ﬀ', 'ﬁ', "'", '1', '-');
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 24 }), (chars) => {
        const word = chars.join('');
        expect(hyphenationPoints(word)).toEqual(liang(word));
      }),
      { numRuns: 3000 },
    );
  });
});
