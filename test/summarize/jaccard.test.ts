// Property tests here run from the fixed seed set in test/support/property-seed.ts (a vitest setup
// file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { summarizeJaccard } from '../../src/summarize/index.js';
import { jaccardScores } from '../../src/summarize/jaccard.js';
import { words } from '../../src/text/index.js';
import { fordMdna, readStopWords, termOf } from './support.js';

/** Jaccard straight from the definition: every pair of sets, compared as JS Sets. */
function naiveScores(sets: readonly ReadonlySet<string>[]): number[] {
  return sets.map((a, i) => {
    let sum = 0;
    sets.forEach((b, j) => {
      if (i === j) return;
      const inter = [...a].filter((x) => b.has(x)).length;
      const union = new Set([...a, ...b]).size;
      if (union > 0) sum += inter / union;
    });
    return sum;
  });
}

describe('summarizeJaccard: a hand-checkable example', () => {
  const sentences = [
    'Revenue increased in North America.',
    'Revenue and profit increased in Europe.',
    'Profit decreased in Asia.',
    'Vehicle sales increased.',
    'The board met twice.',
    'Revenue, profit and sales increased.',
  ];
  const text = sentences.join(' ');

  it('keeps the sentence with the highest summed Jaccard similarity', () => {
    // The definition, computed here: stems of non-stop words, every pair compared.
    const stop = readStopWords();
    const sets = sentences.map(
      (s) =>
        new Set(
          words(s)
            .filter((w) => !stop.has(w))
            .map((w) => stemmer(w)),
        ),
    );
    const expected = naiveScores(sets);
    // By hand: S5 = {revenu, profit, sale, increas} meets S0 in 2 of 6 stems, S1 in 3 of 5, S2 in 1
    // of 6, S3 in 2 of 5, S4 in 0: 1/3 + 3/5 + 1/6 + 2/5 = 3/2. Runner-up S1: 1/3 + 1/6 + 1/6 + 3/5.
    expect(expected[5]).toBeCloseTo(3 / 2, 12);
    expect(expected[1]).toBeCloseTo(19 / 15, 12);
    expect(expected[4]).toBe(0);
    const best = expected.indexOf(Math.max(...expected));

    const result = summarizeJaccard(text, { summarySize: 1 });
    expect(result.sentenceCount).toBe(6);
    expect(result.sentences).toHaveLength(1);
    expect(result.sentences[0]!.index).toBe(best);
    expect(result.summary).toBe(sentences[best]);

    const all = summarizeJaccard(text, { cutoff: 0 });
    expect(all.sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    all.sentences.forEach((s, i) => {
      expect(s.score).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('keeps the top two in document order', () => {
    expect(summarizeJaccard(text, { summarySize: 2 }).summary).toBe(`${sentences[1]} ${sentences[5]}`);
  });
});

describe('jaccardScores (inverted index) equals all-pairs Jaccard', () => {
  it('on random term sets, exactly up to float rounding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 8 }), { maxLength: 25 }),
        (raw) => {
          const sets = raw.map((s) => Int32Array.from(s.sort((a, b) => a - b)));
          const fast = jaccardScores(sets, 15);
          const naive = naiveScores(raw.map((s) => new Set(s.map(String))));
          naive.forEach((value, i) => {
            expect(fast[i]).toBeCloseTo(value, 10);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('summarizeJaccard on real MD&A text (Ford 10-K 2002, Item 7)', () => {
  const mdna = fordMdna();
  const all = summarizeJaccard(mdna, { cutoff: 0 });
  const n = all.sentenceCount;

  it('scores every sentence as the definition says', () => {
    expect(n).toBeGreaterThan(1000);
    expect(all.sentences).toHaveLength(n);
    // Recompute a sample of scores from the definition over all sentences.
    const stop = readStopWords();
    const sets = all.sentences.map(
      (s) =>
        new Set(
          words(s.text)
            .filter((w) => !stop.has(w))
            .map(termOf),
        ),
    );
    for (const i of [0, 17, 250, 600, n - 1]) {
      const a = sets[i]!;
      let sum = 0;
      sets.forEach((b, j) => {
        if (j === i) return;
        const inter = [...a].filter((x) => b.has(x)).length;
        const union = a.size + b.size - inter;
        if (union > 0) sum += inter / union;
      });
      expect(all.sentences[i]!.score).toBeCloseTo(sum, 9);
    }
  });

  it('honors summarySize: the k best-scored sentences', () => {
    for (const k of [1, 5, 20]) {
      const result = summarizeJaccard(mdna, { summarySize: k });
      expect(result.sentences).toHaveLength(k);
      const threshold = Math.min(...result.sentences.map((s) => s.score));
      const chosen = new Set(result.sentences.map((s) => s.index));
      const better = all.sentences.filter((s) => !chosen.has(s.index) && s.score > threshold);
      expect(better).toEqual([]);
    }
    expect(summarizeJaccard(mdna, { summarySize: n + 50 }).sentences).toHaveLength(n);
  });

  it('honors summaryPercentage, rounding up', () => {
    for (const p of [1, 2.5, 10, 100]) {
      expect(summarizeJaccard(mdna, { summaryPercentage: p }).sentences).toHaveLength(
        Math.ceil((n * p) / 100),
      );
    }
  });

  it('honors maxTokens: within budget, greedy by score', () => {
    for (const budget of [40, 200, 1000]) {
      const result = summarizeJaccard(mdna, { maxTokens: budget });
      const used = result.sentences.reduce((sum, s) => sum + s.tokenCount, 0);
      expect(used).toBeLessThanOrEqual(budget);
      expect(result.sentences.length).toBeGreaterThan(0);
      // Any sentence left out either scores lower than every kept one it could replace, or did
      // not fit: no left-out sentence both fits the leftover budget and beats the weakest kept one.
      const chosen = new Set(result.sentences.map((s) => s.index));
      const weakest = Math.min(...result.sentences.map((s) => s.score));
      const leftover = budget - used;
      const missed = all.sentences.filter(
        (s) => !chosen.has(s.index) && s.tokenCount > 0 && s.tokenCount <= leftover && s.score > weakest,
      );
      expect(missed).toEqual([]);
    }
  });

  it('honors cutoff', () => {
    const scores = all.sentences.map((s) => s.score).sort((a, b) => b - a);
    const cutoff = scores[30]!;
    const result = summarizeJaccard(mdna, { cutoff });
    expect(result.sentences.length).toBe(scores.filter((s) => s >= cutoff).length);
    for (const s of result.sentences) expect(s.score).toBeGreaterThanOrEqual(cutoff);
  });

  it('returns sentences verbatim, in document order, and the summary as their join', () => {
    const result = summarizeJaccard(mdna, { summarySize: 25 });
    let previous = -1;
    for (const s of result.sentences) {
      expect(s.text).toBe(mdna.slice(s.start, s.end));
      expect(s.index).toBeGreaterThan(previous);
      expect(s.start).toBe(all.sentences[s.index]!.start);
      previous = s.index;
    }
    expect(result.summary).toBe(result.sentences.map((s) => s.text).join(' '));
  });

  it('gives identical output across runs', () => {
    const a = summarizeJaccard(mdna, { summaryPercentage: 5 });
    const b = summarizeJaccard(`${mdna}`, { summaryPercentage: 5 });
    expect(b).toEqual(a);
  });

  it('vocabulary restricts similarity to its words', () => {
    const vocabulary = ['truck', 'trucks', 'vehicle'];
    const stems = new Set(vocabulary.map((w) => stemmer(w)));
    const restricted = summarizeJaccard(mdna, { summarySize: 10, vocabulary });
    const plain = summarizeJaccard(mdna, { summarySize: 10 });
    expect(restricted.summary).not.toBe(plain.summary);
    for (const s of restricted.sentences) {
      expect(s.score).toBeGreaterThan(0);
      expect(words(s.text).some((w) => stems.has(termOf(w)))).toBe(true);
    }
    // A sentence without any vocabulary word has nothing to share: its score is 0.
    const scored = summarizeJaccard(mdna, { cutoff: 0, vocabulary });
    for (const s of scored.sentences) {
      if (!words(s.text).some((w) => stems.has(termOf(w)))) expect(s.score).toBe(0);
    }
  });

  it('stopWords: false counts stop words too and changes the scores', () => {
    const withStop = summarizeJaccard(mdna, { cutoff: 0, stopWords: false });
    expect(withStop.sentences[10]!.score).not.toBe(all.sentences[10]!.score);
  });
});

describe('summarizeJaccard: edge cases and errors', () => {
  it('empty text gives an empty summary', () => {
    expect(summarizeJaccard('', { summarySize: 3 })).toEqual({
      sentences: [],
      summary: '',
      sentenceCount: 0,
      exact: true,
    });
    expect(summarizeJaccard('   \n ', { summaryPercentage: 50 }).sentences).toEqual([]);
  });

  it('a single sentence scores 0 and is kept', () => {
    const result = summarizeJaccard('Net sales rose.', { summarySize: 2 });
    expect(result.sentences).toEqual([
      { index: 0, start: 0, end: 15, text: 'Net sales rose.', score: 0, tokenCount: 3 },
    ]);
  });

  const bad: [unknown, string][] = [
    [{}, 'options'],
    [{ summarySize: 3, cutoff: 1 }, 'options.cutoff'],
    [{ summarySize: 0 }, 'options.summarySize'],
    [{ summarySize: 2.5 }, 'options.summarySize'],
    [{ summaryPercentage: 0 }, 'options.summaryPercentage'],
    [{ summaryPercentage: 120 }, 'options.summaryPercentage'],
    [{ maxTokens: -1 }, 'options.maxTokens'],
    [{ cutoff: Number.NaN }, 'options.cutoff'],
    [{ summarySize: '5' }, 'options.summarySize'],
    [{ summarySzie: 5 }, 'options.summarySzie'],
    [{ summarySize: 5, vocabulary: [] }, 'options.vocabulary'],
    [{ summarySize: 5, stopWords: 'german' }, 'options.stopWords'],
    [null, 'options'],
  ];
  it.each(bad)('rejects %j naming %s and showing a correct call', (options, field) => {
    let error: unknown;
    try {
      summarizeJaccard('Sales rose.', options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe(field);
    expect((error as Error).message).toContain('summarizeJaccard(text, {');
  });

  it('names all four size fields when none or two are given', () => {
    expect(() => summarizeJaccard('x', {})).toThrow(
      /summarySize, summaryPercentage, maxTokens, cutoff; got none/,
    );
    expect(() => summarizeJaccard('x', { maxTokens: 5, cutoff: 1 })).toThrow(/got maxTokens and cutoff/);
  });

  it('rejects non-string text', () => {
    expect(() => summarizeJaccard(42 as never, { summarySize: 1 })).toThrow(InvalidArgumentError);
  });

  it('the shipped stop-word list is the 174-word Snowball list', () => {
    const list = readStopWords();
    expect(list.size).toBe(174);
    expect(list.has('the')).toBe(true);
    expect(list.has("don't")).toBe(true);
    expect(list.has('us')).toBe(false);
  });
});
