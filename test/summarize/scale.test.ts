import { describe, expect, it } from 'vitest';
import { documentToText } from '../../src/extract/index.js';
import { summarizeJaccard, summarizeKMedoids } from '../../src/summarize/index.js';
import { jaccardScores, jaccardScoring } from '../../src/summarize/jaccard.js';
import { readFixture, readManifest } from '../support/fixtures.js';
import { fordMdna } from './support.js';

/** About 4 MB of real filing text: every fixture filing of the manifests, as text, concatenated. */
function fourMegabytes(): string {
  const parts: string[] = [];
  let size = 0;
  for (const row of [...readManifest('dev'), ...readManifest('dev2')]) {
    if (!row.file.startsWith('filings/') || size >= 4_000_000) continue;
    const text = documentToText(readFixture(row.file));
    parts.push(text);
    size += text.length;
  }
  return parts.join('\n\n').slice(0, 4_000_000);
}

/** Spearman rank correlation of two score arrays (ties broken by index, as the ranking does). */
function spearman(a: Float64Array, b: Float64Array): number {
  const rank = (x: Float64Array): Float64Array => {
    const order = Array.from(x.keys()).sort((i, j) => x[j]! - x[i]! || i - j);
    const r = new Float64Array(x.length);
    order.forEach((i, k) => {
      r[i] = k;
    });
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  let d2 = 0;
  for (let i = 0; i < a.length; i++) d2 += (ra[i]! - rb[i]!) ** 2;
  const n = a.length;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('summaries at scale', () => {
  it('scores 13,800 identical sentences exactly, as one weighted set', () => {
    const sentence = 'Net sales increased in the quarter because of higher vehicle volumes.';
    const text = Array.from({ length: 13_800 }, () => sentence).join(' ');
    const result = summarizeJaccard(text, { summarySize: 2 });
    expect(result.exact).toBe(true);
    expect(result.sentenceCount).toBe(13_800);
    // Every sentence is identical to the 13,799 others, and ties go to the earliest.
    expect(result.sentences.map((s) => [s.index, s.score])).toEqual([
      [0, 13_799],
      [1, 13_799],
    ]);
  });

  it('gives the exact all-pairs scores when duplicates are merged', () => {
    const sets = [
      Int32Array.of(0, 1),
      Int32Array.of(0, 1),
      Int32Array.of(1, 2),
      Int32Array.of(),
      Int32Array.of(),
      Int32Array.of(0, 1),
    ];
    const brute = sets.map((a, i) =>
      sets.reduce((sum, b, j) => {
        if (i === j) return sum;
        const inter = [...a].filter((t) => b.includes(t)).length;
        const union = a.length + b.length - inter;
        return sum + (union === 0 ? 0 : inter / union);
      }, 0),
    );
    const fast = jaccardScores(sets, 3);
    brute.forEach((score, i) => {
      expect(fast[i]).toBeCloseTo(score, 12);
    });
  });

  it('estimates from a fixed sample past maxExactPairs, close to the exact ranking', () => {
    const mdna = fordMdna();
    const exact = summarizeJaccard(mdna, { summarySize: 10 });
    const estimated = summarizeJaccard(mdna, { summarySize: 10, maxExactPairs: 0, sampleSize: 300 });
    expect(exact.exact).toBe(true);
    expect(estimated.exact).toBe(false);
    expect(estimated).toEqual(summarizeJaccard(mdna, { summarySize: 10, maxExactPairs: 0, sampleSize: 300 }));
    const shared = estimated.sentences.filter((s) => exact.sentences.some((e) => e.index === s.index));
    expect(shared.length).toBeGreaterThanOrEqual(6);
    // The whole ranking, not only the top: Spearman correlation of all scores.
    const result = jaccardScoring(
      [Int32Array.of(0, 1, 2), Int32Array.of(1, 2), Int32Array.of(2, 3), Int32Array.of(4)],
      5,
      { maxExactPairs: 0, sampleSize: 4 },
    );
    expect(result.exact).toBe(true); // a sample as large as the text is the text
    expect(exact.sentenceCount).toBeGreaterThan(300);
  });

  it('ranks 4 MB of filing text with bounded work and a documented flag (Jaccard and k-medoids)', () => {
    const text = fourMegabytes();
    expect(text.length).toBe(4_000_000);
    const jaccard = summarizeJaccard(text, { summarySize: 5 });
    expect(jaccard.exact).toBe(false);
    expect(jaccard.sentences).toHaveLength(5);
    for (const s of jaccard.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    const kmedoids = summarizeKMedoids(text, { summarySize: 5 });
    expect(kmedoids.sampled).toBe(true);
    expect(kmedoids.sentences).toHaveLength(5);
    expect(kmedoids.labels.filter((l) => l !== null)).toHaveLength(2000);
    const small = summarizeKMedoids(fordMdna(), { summarySize: 3 });
    expect(small.sampled).toBe(false);
  }, 60_000);
});

describe('sample-based scores track the exact ones', () => {
  it('has a rank correlation above 0.9 on Ford MD&A', async () => {
    const { analyze, distinctSorted } = await import('../../src/summarize/terms.js');
    const { resolveJaccardOptions } = await import('../../src/summarize/options.js');
    const doc = analyze(fordMdna(), resolveJaccardOptions({ summarySize: 1 }));
    const sets = doc.terms.map(distinctSorted);
    const exact = jaccardScores(sets, doc.termCount);
    const sampled = jaccardScoring(sets, doc.termCount, { maxExactPairs: 0, sampleSize: 300 });
    expect(sampled.exact).toBe(false);
    expect(spearman(exact, sampled.scores)).toBeGreaterThan(0.9);
  });
});
