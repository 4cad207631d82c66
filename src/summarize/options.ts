import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkNumber, checkOptions } from '../options/index.js';

/** Which words are dropped before sentences are compared. */
export type StopWords = 'english' | readonly string[] | false;

/** Options shared by both summarizers: how sentences are turned into comparable terms. */
export interface TermOptions {
  /**
   * Words dropped before comparing sentences (matched on the lowercase word, before stemming).
   * `'english'` is the Snowball English list shipped in `data/stopwords/english.txt`; pass your
   * own list, or `false` to keep every word.
   * @default 'english'
   */
  readonly stopWords?: StopWords;
  /**
   * Only these words count toward similarity. Entries are lowercased and Porter-stemmed, so
   * `'revenue'` also matches "revenues". Stop words are removed first. `undefined` means every word.
   * @default undefined
   */
  readonly vocabulary?: Iterable<string>;
}

/** Options of {@link summarizeJaccard}. Give exactly one of the four size fields. */
export interface JaccardOptions extends TermOptions {
  /** Keep this many top-scoring sentences (a positive integer). */
  readonly summarySize?: number;
  /**
   * Keep this percentage of the document's sentences, `0 < p <= 100`, rounded up so a
   * non-empty document always yields at least one sentence.
   */
  readonly summaryPercentage?: number;
  /**
   * Keep top-scoring sentences while their total word count stays within this budget; a
   * sentence that would overflow it is skipped and shorter lower-ranked ones are still tried.
   * Words are counted as `words()` does (numbers excluded); sentences without words are never kept.
   */
  readonly maxTokens?: number;
  /** Keep every sentence whose Jaccard score (a sum over the other sentences) is at least this. */
  readonly cutoff?: number;
  /**
   * The most sentence pairs scored exactly. Scores come from an inverted index over the distinct
   * sentences (identical sentences are scored once, with their count), which costs one step per
   * pair of distinct sentences sharing a term. When that count exceeds this limit (a very long
   * text, thousands of sentences all sharing common words), each sentence is instead compared
   * with an evenly spread, fixed sample of `sampleSize` distinct sentences and its score scaled
   * up: linear time, deterministic, and exact again whenever the text is small enough.
   * `result.exact` says which was used.
   * @default 20000000
   */
  readonly maxExactPairs?: number;
  /**
   * Distinct sentences each sentence is compared with when the exact count exceeds `maxExactPairs`.
   * @default 1000
   */
  readonly sampleSize?: number;
}

/** Distance between sentence vectors in {@link summarizeKMedoids}. */
export type KMedoidsMetric = 'euclidean' | 'cosine' | 'dot';

/** How {@link summarizeKMedoids} picks its first medoids. */
export type KMedoidsInit = 'random' | 'k-medoids++' | 'build';

/** Word vectors for {@link summarizeKMedoids}: lowercase word to a vector, all of one length. */
export type WordVectors =
  | Readonly<Record<string, readonly number[] | Float32Array | Float64Array>>
  | ReadonlyMap<string, readonly number[] | Float32Array | Float64Array>;

/** Options of {@link summarizeKMedoids}. Give exactly one of `summarySize` and `summaryPercentage`. */
export interface KMedoidsOptions extends TermOptions {
  /** Number of clusters, hence of summary sentences (a positive integer). */
  readonly summarySize?: number;
  /** Clusters as a percentage of the sentences, `0 < p <= 100`, rounded up. */
  readonly summaryPercentage?: number;
  /**
   * Distance between sentence vectors. `'dot'` uses `M - a·b` with `M` the largest squared
   * vector norm, which is never negative (Cauchy-Schwarz).
   * @default 'cosine'
   */
  readonly metric?: KMedoidsMetric;
  /**
   * First medoids: `'random'` (seeded), `'k-medoids++'` (seeded, D² sampling, Arthur & Vassilvitskii
   * 2007) or `'build'` (greedy PAM BUILD, Kaufman & Rousseeuw 1990; ignores the seed).
   * @default 'k-medoids++'
   */
  readonly init?: KMedoidsInit;
  /**
   * Seed of the pseudo-random generator (mulberry32): the same text, options and seed always give
   * the same summary.
   * @default 42
   */
  readonly seed?: number;
  /**
   * Most assignment/update rounds of the alternating k-medoids loop.
   * @default 100
   */
  readonly maxIterations?: number;
  /**
   * Guard against quadratic work: k-medoids compares every pair of sentences, so at most this many
   * sentences (those with a counted word) take part in the clustering. A longer text is clustered
   * on an evenly spaced selection of this many sentences (always including the first and the
   * last), so the cost stays bounded (`maxSentences²` distances) on any length of text. The
   * summary then comes from that selection; `result.sampled` says so.
   * @default 2000
   */
  readonly maxSentences?: number;
  /**
   * Word vectors to embed sentences (the mean of the vectors of a sentence's non-stop words found
   * in the map) instead of TF-IDF over Porter stems. Lookups use the lowercase word, unstemmed.
   * @default undefined (TF-IDF)
   */
  readonly wordVectors?: WordVectors;
}

/** Defaults of {@link JaccardOptions}; the size field has no default (exactly one is required). */
export const defaultJaccardOptions: Readonly<{
  stopWords: StopWords;
  maxExactPairs: number;
  sampleSize: number;
}> = Object.freeze({
  stopWords: 'english',
  maxExactPairs: 20_000_000,
  sampleSize: 1000,
});

/** Defaults of {@link KMedoidsOptions}; the size field has no default (exactly one is required). */
export const defaultKMedoidsOptions: Readonly<{
  stopWords: StopWords;
  metric: KMedoidsMetric;
  init: KMedoidsInit;
  seed: number;
  maxIterations: number;
  maxSentences: number;
}> = Object.freeze({
  stopWords: 'english',
  metric: 'cosine',
  init: 'k-medoids++',
  seed: 42,
  maxIterations: 100,
  maxSentences: 2000,
});

/** The size rule chosen by the caller, validated. */
export type SizeRule =
  | { readonly kind: 'summarySize'; readonly value: number }
  | { readonly kind: 'summaryPercentage'; readonly value: number }
  | { readonly kind: 'maxTokens'; readonly value: number }
  | { readonly kind: 'cutoff'; readonly value: number };

const JACCARD_SIZES = ['summarySize', 'summaryPercentage', 'maxTokens', 'cutoff'] as const;
const KMEDOIDS_SIZES = ['summarySize', 'summaryPercentage'] as const;
const TERM_KEYS = ['stopWords', 'vocabulary'] as const;
const KMEDOIDS_KEYS = ['metric', 'init', 'seed', 'maxIterations', 'maxSentences', 'wordVectors'] as const;
const JACCARD_KEYS = ['maxExactPairs', 'sampleSize'] as const;

/** Every option name of either summarizer (for {@link summarizeColumn}'s first check). @internal */
export const SUMMARIZER_OPTION_KEYS: readonly string[] = Object.freeze([
  ...new Set([...JACCARD_SIZES, ...TERM_KEYS, ...JACCARD_KEYS, ...KMEDOIDS_KEYS]),
]);

function pickSize(
  fn: string,
  options: Record<string, unknown>,
  sizes: readonly SizeRule['kind'][],
  example: string,
): SizeRule {
  const given = sizes.filter((key) => options[key] !== undefined);
  if (given.length !== 1) {
    const got = given.length === 0 ? 'none' : given.join(' and ');
    throw new InvalidArgumentError(
      given[1] === undefined ? 'options' : `options.${given[1]}`,
      `${fn}(text, options) needs exactly one of ${sizes.join(', ')}; got ${got}. Call it as ${example}.`,
    );
  }
  const kind = given[0]!;
  const value = options[kind];
  const bad = (rule: string): never => {
    throw new InvalidArgumentError(
      `options.${kind}`,
      `${fn}: options.${kind} must be ${rule}, got ${typeof value === 'number' ? value : describeType(value)}. ` +
        `Call it as ${example}.`,
    );
  };
  if (typeof value !== 'number' || !Number.isFinite(value)) return bad('a finite number');
  if ((kind === 'summarySize' || kind === 'maxTokens') && (!Number.isInteger(value) || value < 1)) {
    return bad('a positive integer');
  }
  if (kind === 'summaryPercentage' && !(value > 0 && value <= 100)) return bad('a number in (0, 100]');
  if (kind === 'cutoff' && value < 0) return bad('a number >= 0');
  return { kind, value };
}

/** Resolved term options: stop-word source and vocabulary words. */
export interface ResolvedTermOptions {
  readonly stopWords: StopWords;
  readonly vocabulary: readonly string[] | undefined;
}

function resolveTerms(fn: string, options: Record<string, unknown>, example: string): ResolvedTermOptions {
  const stopWords = options.stopWords ?? defaultJaccardOptions.stopWords;
  if (
    stopWords !== 'english' &&
    stopWords !== false &&
    !(Array.isArray(stopWords) && stopWords.every((w) => typeof w === 'string'))
  ) {
    throw new InvalidArgumentError(
      'options.stopWords',
      `${fn}: options.stopWords must be 'english', false or an array of words, got ${describeType(stopWords)}. ` +
        `Call it as ${example.replace(/ }\)$/, ", stopWords: 'english' })")}.`,
    );
  }
  const vocab = options.vocabulary;
  let vocabulary: string[] | undefined;
  if (vocab !== undefined) {
    const isIterable =
      vocab !== null &&
      typeof vocab === 'object' &&
      typeof (vocab as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
    vocabulary = isIterable ? [...(vocab as Iterable<unknown>)].filter((w) => typeof w === 'string') : [];
    if (!isIterable || vocabulary.length === 0) {
      throw new InvalidArgumentError(
        'options.vocabulary',
        `${fn}: options.vocabulary must be a non-empty array or Set of words, got ${describeType(vocab)}. ` +
          `Call it as ${example.replace(/ }\)$/, ", vocabulary: ['revenue', 'margin'] })")}.`,
      );
    }
  }
  return { stopWords: stopWords as StopWords, vocabulary };
}

/** Fully resolved options of {@link summarizeJaccard}. */
export interface ResolvedJaccardOptions extends ResolvedTermOptions {
  readonly size: SizeRule;
  readonly maxExactPairs: number;
  readonly sampleSize: number;
}

/** Validate and resolve {@link JaccardOptions}; the one place where defaults are applied. */
export function resolveJaccardOptions(options: unknown): ResolvedJaccardOptions {
  const fn = 'summarizeJaccard';
  const example = 'summarizeJaccard(text, { summarySize: 5 })';
  const o = checkOptions(
    fn,
    options as Record<string, unknown> | undefined,
    [...JACCARD_SIZES, ...TERM_KEYS, ...JACCARD_KEYS],
    'options',
    example,
  );
  const d = defaultJaccardOptions;
  return {
    size: pickSize(fn, o, JACCARD_SIZES, example),
    ...resolveTerms(fn, o, example),
    maxExactPairs:
      checkNumber(fn, 'options.maxExactPairs', o.maxExactPairs, { min: 0 }, example) ?? d.maxExactPairs,
    sampleSize:
      checkNumber(fn, 'options.sampleSize', o.sampleSize, { min: 1, integer: true }, example) ?? d.sampleSize,
  };
}

/** Fully resolved options of {@link summarizeKMedoids}. */
export interface ResolvedKMedoidsOptions extends ResolvedTermOptions {
  readonly size: SizeRule;
  readonly metric: KMedoidsMetric;
  readonly init: KMedoidsInit;
  readonly seed: number;
  readonly maxIterations: number;
  readonly maxSentences: number;
  readonly wordVectors: WordVectors | undefined;
}

/** Validate and resolve {@link KMedoidsOptions}; the one place where defaults are applied. */
export function resolveKMedoidsOptions(options: unknown): ResolvedKMedoidsOptions {
  const fn = 'summarizeKMedoids';
  const example = "summarizeKMedoids(text, { summarySize: 5, metric: 'cosine' })";
  const o = checkOptions(
    fn,
    options as Record<string, unknown> | undefined,
    [...KMEDOIDS_SIZES, ...TERM_KEYS, ...KMEDOIDS_KEYS],
    'options',
    example,
  );
  const d = defaultKMedoidsOptions;
  const metric =
    checkEnum(fn, 'options.metric', o.metric, ['euclidean', 'cosine', 'dot'] as const, example) ?? d.metric;
  const init =
    checkEnum(fn, 'options.init', o.init, ['random', 'k-medoids++', 'build'] as const, example) ?? d.init;
  const seed = checkNumber(fn, 'options.seed', o.seed, { integer: true }, example) ?? d.seed;
  const maxIterations =
    checkNumber(fn, 'options.maxIterations', o.maxIterations, { min: 0, integer: true }, example) ??
    d.maxIterations;
  const maxSentences =
    checkNumber(fn, 'options.maxSentences', o.maxSentences, { min: 2, integer: true }, example) ??
    d.maxSentences;
  const wordVectors = o.wordVectors;
  if (wordVectors !== undefined && (wordVectors === null || typeof wordVectors !== 'object')) {
    throw new InvalidArgumentError(
      'options.wordVectors',
      `${fn}: options.wordVectors must be an object or Map of word to number[], got ${describeType(wordVectors)}. ` +
        'Call it as summarizeKMedoids(text, { summarySize: 5, wordVectors: { revenue: [0.1, 0.2] } }).',
    );
  }
  return {
    size: pickSize(fn, o, KMEDOIDS_SIZES, example),
    ...resolveTerms(fn, o, example),
    metric,
    init,
    seed,
    maxIterations,
    maxSentences,
    wordVectors: wordVectors as WordVectors | undefined,
  };
}

/** Number of sentences a `summarySize`/`summaryPercentage` rule keeps out of `n`. */
export function countFor(rule: SizeRule, n: number): number {
  if (rule.kind === 'summarySize') return Math.min(rule.value, n);
  if (rule.kind === 'summaryPercentage') return Math.min(n, Math.ceil((n * rule.value) / 100 - 1e-9));
  return n;
}
