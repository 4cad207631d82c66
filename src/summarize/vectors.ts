import { InvalidArgumentError } from '../errors/index.js';
import type { KMedoidsMetric, WordVectors } from './options.js';

/**
 * Distances between `n` items, handed out one row at a time. A returned row is only valid until
 * the next call of `row` (on-demand sources reuse one buffer).
 */
export interface DistanceSource {
  readonly n: number;
  row(i: number): Float32Array | Float64Array;
}

/** Sentence vectors that can produce rows of their Gram (dot-product) matrix. */
export interface GramSource {
  readonly n: number;
  /** Squared norm of every vector. */
  readonly normsSquared: Float64Array;
  /** Fill `out[j] = v_i · v_j` for every `j >= from` (entries before `from` are unspecified). */
  gramRow(i: number, out: Float64Array, from: number): void;
}

/**
 * TF-IDF vectors over term ids, L2-normalized, kept sparse. Weight of term `t` in sentence `s`:
 * `tf(t, s) · (ln((1 + n) / (1 + df(t))) + 1)` (the smoothed idf of scikit-learn's
 * TfidfVectorizer), then the vector is divided by its Euclidean norm.
 *
 * @param terms - Per sentence, its term ids with repeats (repeats are the term frequency).
 * @param termCount - Number of distinct term ids.
 */
export function tfidfVectors(terms: readonly Int32Array[], termCount: number): GramSource {
  const n = terms.length;
  const df = new Int32Array(termCount);
  const counts = new Int32Array(termCount);
  const ids: Int32Array[] = [];
  const tfs: Float64Array[] = [];
  for (const sentence of terms) {
    const distinct: number[] = [];
    for (const t of sentence) if (counts[t]!++ === 0) distinct.push(t);
    distinct.sort((a, b) => a - b);
    const tf = new Float64Array(distinct.length);
    distinct.forEach((t, k) => {
      tf[k] = counts[t]!;
      counts[t] = 0;
      df[t]!++;
    });
    ids.push(Int32Array.from(distinct));
    tfs.push(tf);
  }
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = Math.log((1 + n) / (1 + df[t]!)) + 1;
  const normsSquared = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = tfs[i]!;
    const id = ids[i]!;
    let sq = 0;
    for (let k = 0; k < w.length; k++) {
      w[k] = w[k]! * idf[id[k]!]!;
      sq += w[k]! * w[k]!;
    }
    const norm = Math.sqrt(sq);
    if (norm > 0) for (let k = 0; k < w.length; k++) w[k] = w[k]! / norm;
    normsSquared[i] = norm > 0 ? 1 : 0;
  }
  // Postings (sentence, weight) per term turn a Gram row into Σ_t df(t) multiply-adds.
  const offsets = new Int32Array(termCount + 1);
  for (const id of ids) for (const t of id) offsets[t + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const postingIds = new Int32Array(offsets[termCount]!);
  const postingWeights = new Float64Array(offsets[termCount]!);
  const cursor = offsets.slice(0, termCount);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const w = tfs[i]!;
    for (let k = 0; k < id.length; k++) {
      const p = cursor[id[k]!]!++;
      postingIds[p] = i;
      postingWeights[p] = w[k]!;
    }
  }
  return {
    n,
    normsSquared,
    gramRow(i: number, out: Float64Array, from: number): void {
      out.fill(0, from);
      const id = ids[i]!;
      const w = tfs[i]!;
      for (let k = 0; k < id.length; k++) {
        const t = id[k]!;
        const wi = w[k]!;
        for (let p = offsets[t]!, end = offsets[t + 1]!; p < end; p++) {
          const j = postingIds[p]!;
          if (j >= from) out[j]! += wi * postingWeights[p]!;
        }
      }
    },
  };
}

/**
 * Sentence vectors as the mean of the word vectors of their words (words missing from the map are
 * skipped; a sentence with none of its words in the map gets `undefined`).
 *
 * @param sentences - Per sentence, its lowercase words.
 * @param wordVectors - Word to vector; every vector must have the same length.
 * @throws {InvalidArgumentError} When vectors differ in length or hold non-finite numbers.
 */
export function averageWordVectors(
  sentences: readonly (readonly string[])[],
  wordVectors: WordVectors,
): (Float64Array | undefined)[] {
  const lookup =
    wordVectors instanceof Map
      ? (w: string) => wordVectors.get(w)
      : (w: string) =>
          Object.hasOwn(wordVectors, w)
            ? (wordVectors as Readonly<Record<string, ArrayLike<number>>>)[w]
            : undefined;
  let dim = -1;
  const checked = new Set<string>();
  return sentences.map((words) => {
    let sum: Float64Array | undefined;
    let count = 0;
    for (const word of words) {
      const v = lookup(word);
      if (v === undefined || v === null) continue;
      if (!checked.has(word)) {
        if (dim === -1) dim = v.length;
        if (v.length !== dim || dim === 0 || !Array.prototype.every.call(v, Number.isFinite)) {
          throw new InvalidArgumentError(
            'options.wordVectors',
            `summarizeKMedoids: options.wordVectors['${word}'] must be a non-empty array of finite numbers ` +
              `of length ${Math.max(dim, 1)} like the others. Call it as ` +
              'summarizeKMedoids(text, { summarySize: 5, wordVectors: { profit: [0.1, 0.2], loss: [0.3, 0.1] } }).',
          );
        }
        checked.add(word);
      }
      sum ??= new Float64Array(dim);
      for (let d = 0; d < dim; d++) sum[d]! += v[d]!;
      count++;
    }
    if (sum !== undefined) for (let d = 0; d < dim; d++) sum[d] = sum[d]! / count;
    return sum;
  });
}

/** Gram rows of dense vectors, all of one length. */
export function denseGram(vectors: readonly Float64Array[]): GramSource {
  const n = vectors.length;
  const normsSquared = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = vectors[i]!;
    let sq = 0;
    for (let d = 0; d < v.length; d++) sq += v[d]! * v[d]!;
    normsSquared[i] = sq;
  }
  return {
    n,
    normsSquared,
    gramRow(i: number, out: Float64Array, from: number): void {
      const a = vectors[i]!;
      for (let j = from; j < n; j++) {
        const b = vectors[j]!;
        let dot = 0;
        for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
        out[j] = dot;
      }
    },
  };
}

/** Above this many items the distance matrix (4·n² bytes) is not stored; rows are computed on demand. */
export const DENSE_DISTANCE_LIMIT = 4096;

/**
 * Distances of a metric over Gram rows, as a full `Float32Array` matrix when `n` is at most
 * `denseLimit` (default {@link DENSE_DISTANCE_LIMIT}), otherwise row by row on demand.
 */
export function distanceSource(
  gram: GramSource,
  metric: KMedoidsMetric,
  denseLimit: number = DENSE_DISTANCE_LIMIT,
): DistanceSource {
  const { n, normsSquared } = gram;
  let maxNorm = 0;
  for (let i = 0; i < n; i++) maxNorm = Math.max(maxNorm, normsSquared[i]!);
  const scratch = new Float64Array(n);
  const toDistances = (i: number, row: Float64Array, out: Float32Array | Float64Array, from: number) => {
    const a = normsSquared[i]!;
    for (let j = from; j < n; j++) {
      const g = row[j]!;
      let d: number;
      if (metric === 'dot') d = Math.max(0, maxNorm - g);
      else if (j === i) d = 0;
      else if (metric === 'euclidean') d = Math.sqrt(Math.max(0, a + normsSquared[j]! - 2 * g));
      else {
        const denominator = Math.sqrt(a * normsSquared[j]!);
        d = denominator > 0 ? Math.max(0, 1 - g / denominator) : 1;
      }
      out[j] = d;
    }
  };
  if (n <= denseLimit) {
    const matrix = new Float32Array(n * n);
    const rowOut = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      gram.gramRow(i, scratch, i);
      toDistances(i, scratch, rowOut, i);
      for (let j = i; j < n; j++) {
        const d = rowOut[j]!;
        matrix[i * n + j] = d;
        matrix[j * n + i] = d;
      }
    }
    return { n, row: (i) => matrix.subarray(i * n, i * n + n) };
  }
  const out = new Float64Array(n);
  return {
    n,
    row(i: number): Float64Array {
      gram.gramRow(i, scratch, 0);
      toDistances(i, scratch, out, 0);
      return out;
    },
  };
}
