import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { type KMedoidsOptions, summarizeKMedoids } from '../../src/summarize/index.js';
import { kMedoids } from '../../src/summarize/kmedoids.js';
import { mulberry32 } from '../../src/summarize/random.js';
import { analyze } from '../../src/summarize/terms.js';
import { type DistanceSource, distanceSource, tfidfVectors } from '../../src/summarize/vectors.js';
import { words } from '../../src/text/index.js';
import { fordMdna } from './support.js';

/** Distances between points on a line, as a dense source. */
function lineSource(points: readonly number[]): DistanceSource {
  const n = points.length;
  return {
    n,
    row: (i) => Float64Array.from(points, (p) => Math.abs(p - points[i]!)),
  };
}

describe('kMedoids core', () => {
  // Three well-separated groups; each group's medoid is its middle point.
  const points = [0, 1, 2, 50, 51, 52, 53, 54, 100, 101, 102];
  const source = lineSource(points);

  it.each(['build', 'k-medoids++', 'random'] as const)('finds the three group middles (init %s)', (init) => {
    const result = kMedoids(source, 3, init, 42, 100);
    expect([...result.medoids].map((i) => points[i]).sort((a, b) => a! - b!)).toEqual([1, 52, 101]);
    expect(result.converged).toBe(true);
    expect(result.cost).toBe(2 + 6 + 2);
  });

  it('each final medoid minimizes the summed distance within its cluster', () => {
    const random = mulberry32(9);
    const cloud = Array.from({ length: 120 }, () => Math.round(random() * 1000));
    const cloudSource = lineSource(cloud);
    const result = kMedoids(cloudSource, 6, 'random', 3, 100);
    expect(result.converged).toBe(true);
    result.medoids.forEach((medoid, m) => {
      const members = cloud.map((_, j) => j).filter((j) => result.labels[j] === m);
      const costOf = (c: number) => members.reduce((sum, j) => sum + Math.abs(cloud[c]! - cloud[j]!), 0);
      for (const c of members) expect(costOf(medoid)).toBeLessThanOrEqual(costOf(c));
    });
  });

  it('maxIterations 0 keeps the initial medoids', () => {
    const result = kMedoids(source, 3, 'random', 5, 0);
    expect(result.iterations).toBe(0);
    expect(result.converged).toBe(false);
  });
});

describe('distance rows', () => {
  const doc = analyze(fordMdna().slice(0, 40_000), { stopWords: 'english', vocabulary: undefined });
  const terms = doc.terms.filter((t) => t.length > 0);

  it.each(['euclidean', 'cosine', 'dot'] as const)(
    'the stored matrix and on-demand rows agree (%s), symmetric with a zero diagonal',
    (metric) => {
      const gram = tfidfVectors(terms, doc.termCount);
      const dense = distanceSource(gram, metric);
      const lazy = distanceSource(gram, metric, 0);
      for (const i of [0, 7, 31, terms.length - 1]) {
        const a = Array.from(dense.row(i));
        const b = Array.from(lazy.row(i));
        a.forEach((d, j) => {
          expect(d).toBeCloseTo(b[j]!, 6);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeCloseTo(dense.row(j)[i]!, 6);
        });
        expect(a[i]).toBeCloseTo(0, 6);
      }
    },
  );

  it('summaries are the same whether distances are stored or computed on demand', () => {
    const gram = tfidfVectors(terms, doc.termCount);
    const a = kMedoids(distanceSource(gram, 'cosine'), 5, 'k-medoids++', 42, 100);
    const b = kMedoids(distanceSource(gram, 'cosine', 0), 5, 'k-medoids++', 42, 100);
    expect([...b.medoids]).toEqual([...a.medoids]);
  });
});

describe('mulberry32', () => {
  it('is repeatable and stays in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values).size).toBe(1000);
    expect(mulberry32(124)()).not.toBe(values[0]);
  });
});

describe('summarizeKMedoids on real MD&A text (Ford 10-K 2002, Item 7)', () => {
  const mdna = fordMdna();

  it('honors summarySize and summaryPercentage', () => {
    for (const k of [1, 4, 12]) expect(summarizeKMedoids(mdna, { summarySize: k }).sentences).toHaveLength(k);
    const result = summarizeKMedoids(mdna, { summaryPercentage: 1 });
    expect(result.sentences).toHaveLength(Math.ceil(result.sentenceCount / 100));
  });

  it('returns medoids verbatim, in order, with consistent labels and cluster sizes', () => {
    const result = summarizeKMedoids(mdna, { summarySize: 8 });
    let previous = -1;
    for (const s of result.sentences) {
      expect(s.text).toBe(mdna.slice(s.start, s.end));
      expect(s.index).toBeGreaterThan(previous);
      previous = s.index;
    }
    expect(result.labels).toHaveLength(result.sentenceCount);
    result.sentences.forEach((s, position) => {
      expect(result.labels[s.index]).toBe(position);
      expect(result.labels.filter((l) => l === position)).toHaveLength(s.clusterSize);
    });
    const clustered = result.labels.filter((l) => l !== null).length;
    expect(result.sentences.reduce((sum, s) => sum + s.clusterSize, 0)).toBe(clustered);
    expect(result.summary).toBe(result.sentences.map((s) => s.text).join(' '));
    expect(result.converged).toBe(true);
  });

  it('is deterministic for every init and metric, and the seed matters', () => {
    const inits = ['random', 'k-medoids++', 'build'] as const;
    const metrics = ['euclidean', 'cosine', 'dot'] as const;
    for (const init of inits) {
      for (const metric of metrics) {
        const options: KMedoidsOptions = { summarySize: 6, init, metric };
        expect(summarizeKMedoids(mdna, options)).toEqual(summarizeKMedoids(mdna, options));
      }
    }
    const seeds = [1, 2, 3, 4, 5].map(
      (seed) => summarizeKMedoids(mdna, { summarySize: 6, init: 'random', seed, maxIterations: 0 }).summary,
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
    // BUILD does not use the seed.
    expect(summarizeKMedoids(mdna, { summarySize: 6, init: 'build', seed: 1 })).toEqual(
      summarizeKMedoids(mdna, { summarySize: 6, init: 'build', seed: 2 }),
    );
  });

  it("on L2-normalized TF-IDF, 'dot' and 'cosine' distances agree", () => {
    const cosine = summarizeKMedoids(mdna, { summarySize: 5, metric: 'cosine', init: 'build' });
    const dot = summarizeKMedoids(mdna, { summarySize: 5, metric: 'dot', init: 'build' });
    expect(dot.sentences.map((s) => s.index)).toEqual(cosine.sentences.map((s) => s.index));
  });

  it('alternating updates never raise the cost of the initial medoids', () => {
    for (const init of ['random', 'k-medoids++'] as const) {
      const start = summarizeKMedoids(mdna, { summarySize: 6, init, maxIterations: 0 });
      const end = summarizeKMedoids(mdna, { summarySize: 6, init });
      expect(end.cost).toBeLessThanOrEqual(start.cost + 1e-6);
    }
  });

  it('uses word vectors when given: two topics give one medoid each', () => {
    // A two-dimensional embedding: automotive words on one axis, financing words on the other.
    const auto = ['vehicle', 'vehicles', 'cars', 'trucks', 'automotive', 'units'];
    const finance = ['credit', 'financing', 'receivables', 'debt', 'interest', 'loans'];
    const wordVectors = new Map<string, number[]>([
      ...auto.map((w): [string, number[]] => [w, [1, 0]]),
      ...finance.map((w): [string, number[]] => [w, [0, 1]]),
    ]);
    const result = summarizeKMedoids(mdna, {
      summarySize: 2,
      wordVectors,
      init: 'build',
      metric: 'euclidean',
    });
    expect(result.sentences).toHaveLength(2);
    const topics = result.sentences.map((s) => {
      const ws = words(s.text);
      return [ws.some((w) => auto.includes(w)), ws.some((w) => finance.includes(w))];
    });
    // One medoid talks only about vehicles, the other only about financing.
    expect(topics).toContainEqual([true, false]);
    expect(topics).toContainEqual([false, true]);
    // Sentences with none of these words are left out of the clustering.
    const clustered = result.labels.filter((l) => l !== null).length;
    expect(clustered).toBeLessThan(result.sentenceCount);
    expect(clustered).toBeGreaterThan(50);
  });

  it('also accepts word vectors as a plain object', () => {
    const wordVectors = { sales: [1, 0, 0], debt: [0, 1, 0], pension: [0, 0, 1] };
    const result = summarizeKMedoids(mdna, { summarySize: 3, wordVectors });
    expect(result.sentences).toHaveLength(3);
  });
});

describe('summarizeKMedoids: edge cases and errors', () => {
  it('empty text gives an empty summary', () => {
    const result = summarizeKMedoids('', { summarySize: 3 });
    expect(result.sentences).toEqual([]);
    expect(result.summary).toBe('');
  });

  it('asks for more clusters than sentences: every content sentence is kept', () => {
    const text = 'Revenue rose. Debt fell. The. Margins widened.';
    const result = summarizeKMedoids(text, { summarySize: 10 });
    expect(result.sentences.map((s) => s.text)).toEqual(['Revenue rose.', 'Debt fell.', 'Margins widened.']);
    expect(result.labels).toEqual([0, 1, null, 2]);
  });

  const bad: [unknown, string][] = [
    [{}, 'options'],
    [{ summarySize: 3, summaryPercentage: 5 }, 'options.summaryPercentage'],
    [{ summarySize: 3, metric: 'manhattan' }, 'options.metric'],
    [{ summarySize: 3, init: 'kmeans' }, 'options.init'],
    [{ summarySize: 3, seed: 1.5 }, 'options.seed'],
    [{ summarySize: 3, maxIterations: -1 }, 'options.maxIterations'],
    [{ summarySize: 3, cutoff: 2 }, 'options.cutoff'],
    [{ summarySize: 3, wordVectors: { sales: [1, 0], rose: [1] } }, 'options.wordVectors'],
  ];
  it.each(bad)('rejects %j naming %s', (options, field) => {
    let error: unknown;
    try {
      summarizeKMedoids('Sales rose.', options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe(field);
    expect((error as Error).message).toContain('summarizeKMedoids(text, {');
  });
});
