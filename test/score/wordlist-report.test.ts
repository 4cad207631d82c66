import { describe, expect, it } from 'vitest';
import { type Chunk, report, spearman } from '../../scripts/wordlist-report.js';
import { loadLoughranMcDonald } from '../../src/score/loughran-mcdonald.js';
import { defaultWordLists, type WordLists } from '../../src/score/wordlists.js';
import { readFixture } from '../support/fixtures.js';

describe('spearman', () => {
  it('is 1 for the same order, -1 for the reverse, and averages tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // Ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 -> Pearson of the ranks = 0.9486832980505138.
    expect(spearman([0, 5, 5, 9], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe('report on chunks of the Ford 10-K', () => {
  // Ten chunks of 400 whitespace tokens from the real filing.
  const tokens = readFixture('filings/ford_10-K_2002-03.txt').split(/\s+/).slice(20_000, 24_000);
  const chunks: Chunk[] = Array.from({ length: 10 }, (_, k) => ({
    source: `${k < 5 ? 'a' : 'b'}/ford`,
    text: tokens.slice(k * 400, (k + 1) * 400).join(' '),
  }));
  const lm = loadLoughranMcDonald(readFixture('wordlists/lm-sample.csv')) as WordLists;

  it('gives ρ = 1 when the LM side is the same list, per group too', () => {
    const lists = { negative: defaultWordLists().negative };
    const [negative] = report(chunks, lists, lists);
    expect(negative!.rho.all).toBeCloseTo(1, 12);
    expect(negative!.rho.a).toBeCloseTo(1, 12);
    expect(negative!.rho.b).toBeCloseTo(1, 12);
  });

  it('counts matches per 10,000 words, the top entry share and the zero chunks', () => {
    const [negative] = report(chunks, { negative: ['losses', 'loss'] }, lm);
    const total = chunks.reduce((n, c) => n + c.text.split(/\s+/).length, 0);
    expect(negative!.matches).toBeGreaterThan(0);
    expect(negative!.per10k).toBeGreaterThan(0);
    expect(negative!.per10k).toBeLessThan((negative!.matches / total) * 10_000 * 1.5);
    expect(negative!.top.reduce((n, [, c]) => n + c, 0)).toBe(negative!.matches);
    expect(negative!.topShare).toBeCloseTo(negative!.top[0]![1] / negative!.matches, 12);
    expect(negative!.zeroChunks).toBe(negative!.zeroShare * 10);
    expect(negative!.lmCategory).toBe('negative');
    expect(negative!.rho.all).not.toBeNull();
  });
});
