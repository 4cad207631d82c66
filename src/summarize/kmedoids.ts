import { describeType, InvalidArgumentError } from '../errors/index.js';
import { countFor, type KMedoidsInit, type KMedoidsOptions, resolveKMedoidsOptions } from './options.js';
import { mulberry32 } from './random.js';
import { analyze } from './terms.js';
import {
  averageWordVectors,
  type DistanceSource,
  denseGram,
  distanceSource,
  tfidfVectors,
} from './vectors.js';

/** One medoid sentence kept by {@link summarizeKMedoids}. */
export interface KMedoidsSentence {
  /** Position of the sentence in the document (0-based sentence index). */
  readonly index: number;
  /** Offset of the sentence's first character in the input text. */
  readonly start: number;
  /** Offset just past the sentence's last character: `text.slice(start, end)` is the sentence. */
  readonly end: number;
  /** The sentence, verbatim. */
  readonly text: string;
  /** Number of sentences in this medoid's cluster (the medoid included). */
  readonly clusterSize: number;
}

/** Result of {@link summarizeKMedoids}. */
export interface KMedoidsSummary {
  /** The medoid sentences, in document order. */
  readonly sentences: readonly KMedoidsSentence[];
  /** The medoid sentences joined by one space. Empty when nothing was kept. */
  readonly summary: string;
  /** Number of sentences in the whole document. */
  readonly sentenceCount: number;
  /**
   * Per document sentence, the position in `sentences` of its cluster's medoid, or `null` for a
   * sentence without any counted word (it takes no part in clustering).
   */
  readonly labels: readonly (number | null)[];
  /** Sum of the distances of every clustered sentence to its medoid. */
  readonly cost: number;
  /** Assignment/update rounds run. */
  readonly iterations: number;
  /** `true` when the medoids stopped changing before `maxIterations` ran out. */
  readonly converged: boolean;
  /**
   * `true` when more than `maxSentences` sentences had a counted word, so the clustering ran on an
   * evenly spaced selection of `maxSentences` of them; the others have a `null` label.
   */
  readonly sampled: boolean;
}

/** At most `max` of `items`, evenly spaced, keeping the first and the last. */
function evenlySpaced(items: number[], max: number): number[] {
  if (items.length <= max) return items;
  const kept: number[] = [];
  for (let k = 0; k < max; k++) kept.push(items[Math.round((k * (items.length - 1)) / (max - 1))]!);
  return kept;
}

/** Result of the clustering core. */
export interface Clustering {
  /** Medoid item indices, in the order they were chosen/updated. */
  readonly medoids: Int32Array;
  /** Per item, the position in `medoids` of its nearest medoid. */
  readonly labels: Int32Array;
  readonly cost: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function initRandom(n: number, k: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, k);
}

// k-means++ seeding (Arthur & Vassilvitskii 2007) on medoids: each next medoid is drawn with
// probability proportional to its squared distance to the nearest medoid so far.
function initPlusPlus(source: DistanceSource, k: number, random: () => number): number[] {
  const n = source.n;
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const isMedoid = new Uint8Array(n);
  const medoids: number[] = [];
  let next = Math.floor(random() * n);
  while (medoids.length < k) {
    medoids.push(next);
    isMedoid[next] = 1;
    const row = source.row(next);
    for (let j = 0; j < n; j++) if (row[j]! < nearest[j]!) nearest[j] = row[j]!;
    if (medoids.length === k) break;
    let total = 0;
    for (let j = 0; j < n; j++) if (isMedoid[j] === 0) total += nearest[j]! * nearest[j]!;
    next = -1;
    if (total > 0) {
      let target = random() * total;
      for (let j = 0; j < n; j++) {
        if (isMedoid[j] === 1) continue;
        const w = nearest[j]! * nearest[j]!;
        if (w > 0) next = j;
        target -= w;
        if (w > 0 && target < 0) break;
      }
    }
    if (next === -1) {
      // Every remaining item coincides with a medoid: pick one of them uniformly.
      const rest: number[] = [];
      for (let j = 0; j < n; j++) if (isMedoid[j] === 0) rest.push(j);
      next = rest[Math.floor(random() * rest.length)]!;
    }
  }
  return medoids;
}

// PAM BUILD (Kaufman & Rousseeuw 1990, ch. 2): start from the most central item, then greedily
// add the item that lowers the total distance most. Deterministic; ties go to the lower index.
function initBuild(source: DistanceSource, k: number): number[] {
  const n = source.n;
  let first = 0;
  let firstSum = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const row = source.row(i);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += row[j]!;
    if (sum < firstSum) {
      firstSum = sum;
      first = i;
    }
  }
  const nearest = Float64Array.from(source.row(first));
  const isMedoid = new Uint8Array(n);
  isMedoid[first] = 1;
  const medoids = [first];
  while (medoids.length < k) {
    let best = -1;
    let bestGain = -1;
    for (let c = 0; c < n; c++) {
      if (isMedoid[c] === 1) continue;
      const row = source.row(c);
      let gain = 0;
      for (let j = 0; j < n; j++) {
        const delta = nearest[j]! - row[j]!;
        if (delta > 0) gain += delta;
      }
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    medoids.push(best);
    isMedoid[best] = 1;
    const row = source.row(best);
    for (let j = 0; j < n; j++) if (row[j]! < nearest[j]!) nearest[j] = row[j]!;
  }
  return medoids;
}

/**
 * k-medoids by alternating assignment and medoid update (Park & Jun 2009): each item joins its
 * nearest medoid, then each cluster's medoid moves to the member with the least summed distance to
 * the other members; repeat until no medoid moves. A medoid only moves for a strictly lower cost,
 * so the loop terminates. Cost per round: `k` distance rows plus `Σ |cluster|²` lookups.
 *
 * @param source - Distances between the `n` items.
 * @param k - Number of medoids, `1 <= k <= n`.
 * @param init - How to pick the first medoids.
 * @param seed - Seed for `'random'` and `'k-medoids++'`.
 * @param maxIterations - Most update rounds.
 */
export function kMedoids(
  source: DistanceSource,
  k: number,
  init: KMedoidsInit,
  seed: number,
  maxIterations: number,
): Clustering {
  const n = source.n;
  const random = mulberry32(seed);
  const medoids = Int32Array.from(
    init === 'build'
      ? initBuild(source, k)
      : init === 'random'
        ? initRandom(n, k, random)
        : initPlusPlus(source, k, random),
  );
  const labels = new Int32Array(n);
  const nearest = new Float64Array(n);
  const assign = (): number => {
    nearest.fill(Number.POSITIVE_INFINITY);
    for (let m = 0; m < k; m++) {
      const row = source.row(medoids[m]!);
      for (let j = 0; j < n; j++) {
        if (row[j]! < nearest[j]!) {
          nearest[j] = row[j]!;
          labels[j] = m;
        }
      }
    }
    // A medoid belongs to its own cluster even when (metric 'dot') another medoid is as close.
    for (let m = 0; m < k; m++) {
      const i = medoids[m]!;
      labels[i] = m;
      nearest[i] = source.row(i)[i]!;
    }
    let cost = 0;
    for (let j = 0; j < n; j++) cost += nearest[j]!;
    return cost;
  };
  let cost = assign();
  let iterations = 0;
  let converged = false;
  const members: number[][] = Array.from({ length: k }, () => []);
  while (iterations < maxIterations) {
    iterations++;
    for (const list of members) list.length = 0;
    for (let j = 0; j < n; j++) members[labels[j]!]!.push(j);
    let moved = false;
    for (let m = 0; m < k; m++) {
      const list = members[m]!;
      const clusterCost = (c: number): number => {
        const row = source.row(c);
        let sum = 0;
        for (const j of list) sum += row[j]!;
        return sum;
      };
      let best = medoids[m]!;
      let bestCost = clusterCost(best);
      for (const c of list) {
        if (c === medoids[m]) continue;
        const candidate = clusterCost(c);
        if (candidate < bestCost) {
          bestCost = candidate;
          best = c;
        }
      }
      if (best !== medoids[m]) {
        medoids[m] = best;
        moved = true;
      }
    }
    if (!moved) {
      converged = true;
      break;
    }
    cost = assign();
  }
  return { medoids, labels, cost, iterations, converged };
}

/**
 * Extractive summary by k-medoids: sentences become vectors (TF-IDF over Porter-stemmed non-stop
 * words by default, or the mean of caller-supplied word vectors), are clustered into
 * `summarySize` clusters, and each cluster's medoid sentence is kept. Seeded, so the same text and
 * options always give the same summary. Sentences without any counted word are left out of the
 * clustering.
 *
 * @param text - The document, for example an MD&A section. Empty text gives an empty summary.
 * @param options - `summarySize` or `summaryPercentage` (exactly one), and optionally `metric`,
 *   `init`, `seed`, `maxIterations`, `wordVectors`, `stopWords`, `vocabulary`.
 * @returns The medoid sentences in document order, the summary text, and the clustering.
 * @throws {InvalidArgumentError} When `text` is not a string or an option is missing, unknown or bad.
 * @example
 * ```ts
 * import { summarizeKMedoids } from 'fin-tabtext';
 * const { summary } = summarizeKMedoids(mdnaText, { summarySize: 5 });
 * summarizeKMedoids(mdnaText, { summarySize: 5, metric: 'euclidean', init: 'build' });
 * summarizeKMedoids(mdnaText, { summarySize: 3, wordVectors: { revenue: [0.2, 0.1], cost: [0.4, 0.9] } });
 * ```
 */
export function summarizeKMedoids(text: string, options: KMedoidsOptions): KMedoidsSummary {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `summarizeKMedoids(text, options) needs text as a string, got ${describeType(text)}. ` +
        'Call it as summarizeKMedoids(text, { summarySize: 5 }).',
    );
  }
  const resolved = resolveKMedoidsOptions(options);
  const doc = analyze(text, resolved);
  const sentenceCount = doc.sentences.length;
  // Only sentences with a vector take part; `items[p]` is the sentence index of item `p`.
  let items: number[];
  let source: DistanceSource;
  let sampled = false;
  if (resolved.wordVectors === undefined) {
    items = [];
    doc.terms.forEach((t, i) => {
      if (t.length > 0) items.push(i);
    });
    sampled = items.length > resolved.maxSentences;
    items = evenlySpaced(items, resolved.maxSentences);
    source = distanceSource(
      tfidfVectors(
        items.map((i) => doc.terms[i]!),
        doc.termCount,
      ),
      resolved.metric,
    );
  } else {
    const vectors = averageWordVectors(doc.keptWords, resolved.wordVectors);
    const withVector: number[] = [];
    vectors.forEach((v, i) => {
      if (v !== undefined) withVector.push(i);
    });
    sampled = withVector.length > resolved.maxSentences;
    items = evenlySpaced(withVector, resolved.maxSentences);
    const present = items.map((i) => vectors[i]!);
    source = distanceSource(denseGram(present), resolved.metric);
  }
  const k = Math.min(items.length, countFor(resolved.size, sentenceCount));
  const labels: (number | null)[] = new Array(sentenceCount).fill(null);
  if (k === 0) {
    return {
      sentences: [],
      summary: '',
      sentenceCount,
      labels,
      cost: 0,
      iterations: 0,
      converged: true,
      sampled,
    };
  }
  const clustering = kMedoids(source, k, resolved.init, resolved.seed, resolved.maxIterations);
  // Report medoids in document order, and labels as positions in that order.
  const byPosition = Array.from(clustering.medoids.keys()).sort(
    (a, b) => clustering.medoids[a]! - clustering.medoids[b]!,
  );
  const positionOf = new Int32Array(k);
  byPosition.forEach((m, position) => {
    positionOf[m] = position;
  });
  const sizes = new Int32Array(k);
  clustering.labels.forEach((m, p) => {
    const position = positionOf[m]!;
    sizes[position]!++;
    labels[items[p]!] = position;
  });
  const sentences = byPosition.map((m, position): KMedoidsSentence => {
    const index = items[clustering.medoids[m]!]!;
    const s = doc.sentences[index]!;
    return { index, start: s.start, end: s.end, text: s.text, clusterSize: sizes[position]! };
  });
  return {
    sentences,
    summary: sentences.map((s) => s.text).join(' '),
    sentenceCount,
    labels,
    cost: clustering.cost,
    iterations: clustering.iterations,
    converged: clustering.converged,
    sampled,
  };
}
