import { describeType, InvalidArgumentError } from '../errors/index.js';
import { countFor, defaultJaccardOptions, type JaccardOptions, resolveJaccardOptions } from './options.js';
import { analyze, distinctSorted } from './terms.js';

/** One sentence kept by {@link summarizeJaccard}. */
export interface JaccardSentence {
  /** Position of the sentence in the document (0-based sentence index). */
  readonly index: number;
  /** Offset of the sentence's first character in the input text. */
  readonly start: number;
  /** Offset just past the sentence's last character: `text.slice(start, end)` is the sentence. */
  readonly end: number;
  /** The sentence, verbatim. */
  readonly text: string;
  /** Sum of the Jaccard similarities of this sentence to every other sentence. */
  readonly score: number;
  /** Number of word tokens in the sentence (what `maxTokens` counts). */
  readonly tokenCount: number;
}

/** Result of {@link summarizeJaccard}. */
export interface JaccardSummary {
  /** The kept sentences, in document order. */
  readonly sentences: readonly JaccardSentence[];
  /** The kept sentences joined by one space. Empty when nothing was kept. */
  readonly summary: string;
  /** Number of sentences in the whole document. */
  readonly sentenceCount: number;
  /**
   * `true` when every score is exact; `false` when the text was too large for `maxExactPairs` and
   * scores were estimated against a fixed sample of `sampleSize` sentences.
   */
  readonly exact: boolean;
}

/** Limits of {@link jaccardScoring}. */
export interface JaccardLimits {
  /** Most pairs of distinct sets scored exactly before sampling. @default 20000000 */
  readonly maxExactPairs?: number;
  /** Distinct sets each set is compared with when sampling. @default 1000 */
  readonly sampleSize?: number;
}

/** Scores and whether they are exact, from {@link jaccardScoring}. */
export interface JaccardScoring {
  readonly scores: Float64Array;
  /** `false` when the work bound was exceeded and scores are estimated from a fixed sample. */
  readonly exact: boolean;
}

/** Postings of `units` (term id to the ascending unit ids holding it) in CSR form. */
function postingsOf(
  sets: readonly Int32Array[],
  units: ArrayLike<number>,
  termCount: number,
): { offsets: Int32Array; postings: Int32Array } {
  const offsets = new Int32Array(termCount + 1);
  for (let k = 0; k < units.length; k++) for (const t of sets[units[k]!]!) offsets[t + 1]!++;
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
  const postings = new Int32Array(offsets[termCount]!);
  const cursor = offsets.slice(0, termCount);
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    for (const t of sets[u]!) postings[cursor[t]!++] = u;
  }
  return { offsets, postings };
}

/**
 * Jaccard score of every set: `score[i] = Σ_{j≠i} |S_i ∩ S_j| / |S_i ∪ S_j|` (0 when both sets are
 * empty), without comparing every pair. Identical sets are merged first and weighted by their count
 * (13,800 copies of one sentence cost one set, not 95 million pairs). An inverted index over the
 * distinct sets then yields the intersection size of every pair that shares a term (`|A ∪ B| =
 * |A| + |B| - |A ∩ B|`; pairs sharing no term add 0), visiting each pair once: `Σ_t df(t)² / 2`
 * steps. When that count exceeds `maxExactPairs`, each set is compared with an evenly spread,
 * fixed sample of `sampleSize` distinct sets instead, and its mean similarity to them stands for
 * its mean similarity to all: linear in the number of sets, deterministic, `exact: false`.
 *
 * @param sets - Per sentence, its distinct term ids (ascending), each in `0 .. termCount - 1`.
 * @param termCount - Number of distinct term ids.
 * @param limits - {@link JaccardLimits}.
 * @returns The score of every set, and whether it is exact.
 * @example
 * ```ts
 * jaccardScoring([Int32Array.of(0, 1), Int32Array.of(1)], 2).scores; // Float64Array [0.5, 0.5]
 * ```
 */
export function jaccardScoring(
  sets: readonly Int32Array[],
  termCount: number,
  limits: JaccardLimits = {},
): JaccardScoring {
  const n = sets.length;
  const maxExactPairs = limits.maxExactPairs ?? defaultJaccardOptions.maxExactPairs;
  const sampleSize = limits.sampleSize ?? defaultJaccardOptions.sampleSize;
  // Merge identical sets: unitOf[i] is sentence i's distinct set, weight[u] its count.
  const ids = new Map<string, number>();
  const unitOf = new Int32Array(n);
  const unique: Int32Array[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = sets[i]!.join(',');
    let u = ids.get(key);
    if (u === undefined) {
      u = unique.length;
      ids.set(key, u);
      unique.push(sets[i]!);
      weights.push(0);
    }
    weights[u]!++;
    unitOf[i] = u;
  }
  const m = unique.length;
  const df = new Float64Array(termCount);
  for (const set of unique) for (const t of set) df[t]!++;
  let pairs = 0;
  for (let t = 0; t < termCount; t++) pairs += (df[t]! * (df[t]! - 1)) / 2;
  const exact = pairs <= maxExactPairs || m <= sampleSize;
  const unitScores = new Float64Array(m);
  const intersections = new Int32Array(m);
  const touched = new Int32Array(m);
  if (exact) {
    const all = Int32Array.from({ length: m }, (_, u) => u);
    const { offsets, postings } = postingsOf(unique, all, termCount);
    // Units are processed in ascending order, so cursor[t] points at unit u's own entry in the
    // postings of t: everything after it belongs to later units, and each pair is seen once.
    const cursor = offsets.slice(0, termCount);
    for (let u = 0; u < m; u++) {
      const set = unique[u]!;
      let touchedCount = 0;
      for (const t of set) {
        const from = cursor[t]! + 1;
        cursor[t] = from;
        const to = offsets[t + 1]!;
        for (let q = from; q < to; q++) {
          const v = postings[q]!;
          if (intersections[v] === 0) touched[touchedCount++] = v;
          intersections[v]!++;
        }
      }
      const a = set.length;
      for (let r = 0; r < touchedCount; r++) {
        const v = touched[r]!;
        const c = intersections[v]!;
        intersections[v] = 0;
        const similarity = c / (a + unique[v]!.length - c);
        unitScores[u]! += weights[v]! * similarity;
        unitScores[v]! += weights[u]! * similarity;
      }
    }
  } else {
    const sample = Int32Array.from({ length: sampleSize }, (_, k) =>
      Math.floor(((k + 0.5) * m) / sampleSize),
    );
    const { offsets, postings } = postingsOf(unique, sample, termCount);
    let sampleWeight = 0;
    for (const v of sample) sampleWeight += weights[v]!;
    const inSample = new Uint8Array(m);
    for (const v of sample) inSample[v] = 1;
    for (let u = 0; u < m; u++) {
      const set = unique[u]!;
      let touchedCount = 0;
      for (const t of set) {
        for (let q = offsets[t]!; q < offsets[t + 1]!; q++) {
          const v = postings[q]!;
          if (v === u) continue;
          if (intersections[v] === 0) touched[touchedCount++] = v;
          intersections[v]!++;
        }
      }
      let sum = 0;
      for (let r = 0; r < touchedCount; r++) {
        const v = touched[r]!;
        const c = intersections[v]!;
        intersections[v] = 0;
        sum += (weights[v]! * c) / (set.length + unique[v]!.length - c);
      }
      const others = sampleWeight - (inSample[u] === 1 ? weights[u]! : 0);
      unitScores[u] = others > 0 ? (sum / others) * (n - weights[u]!) : 0;
    }
  }
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = unitOf[i]!;
    // The other copies of an identical, non-empty set each add a similarity of 1.
    scores[i] = unitScores[u]! + (unique[u]!.length > 0 ? weights[u]! - 1 : 0);
  }
  return { scores, exact };
}

/**
 * Exact Jaccard score of every set (see {@link jaccardScoring}, without a work limit).
 *
 * @param sets - Per sentence, its distinct term ids, each in `0 .. termCount - 1`.
 * @param termCount - Number of distinct term ids.
 * @returns The score of every set.
 * @example
 * ```ts
 * jaccardScores([Int32Array.of(0, 1), Int32Array.of(1)], 2); // Float64Array [0.5, 0.5]
 * ```
 */
export function jaccardScores(sets: readonly Int32Array[], termCount: number): Float64Array {
  return jaccardScoring(sets, termCount, { maxExactPairs: Number.POSITIVE_INFINITY }).scores;
}

/** Sentence indices by descending score; ties go to the earlier sentence. */
function ranking(scores: Float64Array): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * Extractive summary by Jaccard similarity: each sentence is scored by the sum of its Jaccard
 * similarities to all other sentences, on sets of Porter-stemmed non-stop words, and the best
 * sentences are kept. Sentences come from the shared splitter, verbatim and with their offsets.
 * Deterministic (ties go to the earlier sentence) and synchronous; a 3,000-sentence document
 * takes well under a second.
 *
 * @param text - The document, for example an MD&A section. Empty text gives an empty summary.
 * @param options - Exactly one of `summarySize`, `summaryPercentage`, `maxTokens`, `cutoff`;
 *   optionally `stopWords` and `vocabulary`.
 * @returns The kept sentences in document order with scores and positions, and the summary text.
 * @throws {InvalidArgumentError} When `text` is not a string, when not exactly one size field is
 *   given, or when an option has a bad value or an unknown name.
 * @example
 * ```ts
 * import { summarizeJaccard } from 'fin-tabtext';
 * const { summary, sentences } = summarizeJaccard(mdnaText, { summarySize: 5 });
 * sentences[0]; // { index, start, end, text, score, tokenCount }: text === mdnaText.slice(start, end)
 * summarizeJaccard(mdnaText, { summaryPercentage: 10, vocabulary: ['revenue', 'margin', 'cash'] });
 * ```
 */
export function summarizeJaccard(text: string, options: JaccardOptions): JaccardSummary {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `summarizeJaccard(text, options) needs text as a string, got ${describeType(text)}. ` +
        'Call it as summarizeJaccard(text, { summarySize: 5 }).',
    );
  }
  const resolved = resolveJaccardOptions(options);
  const doc = analyze(text, resolved);
  const n = doc.sentences.length;
  const { scores, exact } = jaccardScoring(doc.terms.map(distinctSorted), doc.termCount, resolved);
  const rule = resolved.size;
  let chosen: number[];
  if (rule.kind === 'cutoff') {
    chosen = [];
    for (let i = 0; i < n; i++) if (scores[i]! >= rule.value) chosen.push(i);
  } else if (rule.kind === 'maxTokens') {
    chosen = [];
    let budget = rule.value;
    for (const i of ranking(scores)) {
      const cost = doc.wordCounts[i]!;
      if (cost > 0 && cost <= budget) {
        chosen.push(i);
        budget -= cost;
      }
    }
  } else {
    chosen = ranking(scores).slice(0, countFor(rule, n));
  }
  chosen.sort((a, b) => a - b);
  const sentences = chosen.map((i): JaccardSentence => {
    const s = doc.sentences[i]!;
    return {
      index: i,
      start: s.start,
      end: s.end,
      text: s.text,
      score: scores[i]!,
      tokenCount: doc.wordCounts[i]!,
    };
  });
  return { sentences, summary: sentences.map((s) => s.text).join(' '), sentenceCount: n, exact };
}
