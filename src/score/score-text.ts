import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkBoolean, checkEnum, checkOptions, didYouMean } from '../options/index.js';
import { appendWords, countWords } from '../text/index.js';
import { SentenceScanner } from '../text/sentences.js';
import { type FogMode, type ReadabilityResult, readabilityFromCounts } from './readability.js';
import { GunningCounter } from './readability-gunning.js';
import { TextstatCounter } from './readability-textstat.js';
import { columns, releaseScanBuffer, SentenceTokens } from './token-table.js';
import { vaderCompoundOfIds } from './vader.js';
import {
  addWordListMatches,
  appendWordListTokens,
  type CompiledWordLists,
  compiledDefaultWordLists,
  compileWordLists,
  DEFAULT_WORD_LIST_NAMES,
  defaultWordLists,
  validateCustomWordLists,
  type WordListMatchNode,
  type WordLists,
} from './wordlists.js';

/** The 11 text attributes of a TabText row, in column order. */
export const SCORE_ATTRIBUTES = Object.freeze([
  ...DEFAULT_WORD_LIST_NAMES,
  'polarity',
  'sentiment',
  'readability',
] as const);

/** One of the 11 {@link SCORE_ATTRIBUTES}. */
export type ScoreAttribute = (typeof SCORE_ATTRIBUTES)[number];

/** Options of {@link scoreText} and {@link scoreTexts}. */
export interface ScoreOptions {
  /**
   * Which attributes to compute, in any order; columns come out in {@link SCORE_ATTRIBUTES} order.
   * Work for attributes not asked for is skipped (no VADER without `sentiment`, no syllables
   * without `readability`).
   * @default SCORE_ATTRIBUTES (all 11)
   */
  readonly attributes?: readonly ScoreAttribute[];
  /**
   * Extra word lists, each adding a column after the built-in ones: `{ esg: ['emissions',
   * 'climate change'] }`. Names must match `[a-z][a-z0-9_]*` and not clash with a built-in column.
   * @default {}
   */
  readonly wordLists?: WordLists;
  /**
   * Rules of the `readability` column (Gunning fog): `'textstat'` (Python textstat 0.7.11) or
   * `'gunning'` (Gunning 1952).
   * @default 'textstat'
   */
  readonly fogMode?: FogMode;
  /**
   * Add a `<list>_count` column (matched words) after each word-list score, for explanation.
   * @default false
   */
  readonly matchCounts?: boolean;
}

/** Options of {@link scoreTexts}: {@link ScoreOptions} plus progress and cancellation. */
export interface ScoreTextsOptions extends ScoreOptions {
  /**
   * Called after each text with the number of texts scored so far.
   * @default undefined
   */
  readonly onProgress?: (scored: number) => void;
  /**
   * Stops the run between two texts, throwing the signal's reason.
   * @default undefined
   */
  readonly signal?: AbortSignal;
}

/** The defaults of {@link ScoreOptions}, frozen. */
export const defaultScoreOptions: Readonly<{
  attributes: readonly ScoreAttribute[];
  wordLists: WordLists;
  fogMode: FogMode;
  matchCounts: boolean;
}> = Object.freeze({
  attributes: SCORE_ATTRIBUTES,
  wordLists: Object.freeze({}),
  fogMode: 'textstat',
  matchCounts: false,
});

/**
 * One text's scores: a flat record with stable keys — `word_count`, `sentence_count`, then the
 * selected attributes in {@link SCORE_ATTRIBUTES} order, then custom lists (and `<list>_count`
 * columns with `matchCounts`). Ratios are `null` for a text without words.
 */
export interface ScoreRecord {
  /** Word tokens (numbers and punctuation excluded): the denominator of every word-list score. */
  readonly word_count: number;
  /** Sentences found by the sentence splitter. */
  readonly sentence_count: number;
  /** Fraction of words on the negative list. */
  readonly negative?: number | null;
  /** Fraction of words on the positive list. */
  readonly positive?: number | null;
  /** Fraction of words on the certainty list. */
  readonly certainty?: number | null;
  /** Fraction of words on the uncertainty list. */
  readonly uncertainty?: number | null;
  /** Fraction of words on the risk list. */
  readonly risk?: number | null;
  /** Fraction of words on the safe list. */
  readonly safe?: number | null;
  /** Fraction of words on the fraud list. */
  readonly fraud?: number | null;
  /** Fraction of words on the litigious list. */
  readonly litigious?: number | null;
  /** (positive − negative) / (positive + negative); 0 when both are 0. */
  readonly polarity?: number | null;
  /** Mean VADER compound over the sentences, −1..1. */
  readonly sentiment?: number | null;
  /** Gunning fog index (see `fogMode`). */
  readonly readability?: number | null;
  /** Custom list scores and `<list>_count` columns. */
  readonly [column: string]: number | null | undefined;
}

/** Everything {@link scoreText} computed for one text, for explaining a score. */
export interface TextScoreDetails {
  /** The flat record {@link scoreText} returns. */
  readonly record: ScoreRecord;
  /** Per word list (built-in and custom): each matched entry and how many times it matched. */
  readonly matches: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The readability counts behind the `readability` column, or `null` when not computed. */
  readonly readability: ReadabilityResult | null;
}

interface ResolvedOptions {
  readonly want: ReadonlySet<ScoreAttribute>;
  readonly lists: CompiledWordLists;
  readonly custom: readonly string[];
  readonly fogMode: FogMode;
  readonly matchCounts: boolean;
  readonly needWords: boolean;
}

const WORD_LIST_ATTRIBUTES: ReadonlySet<string> = new Set(DEFAULT_WORD_LIST_NAMES);
/** The lists of a run whose columns need none: the default names (for explanations), no entries. */
const NO_LISTS: CompiledWordLists = Object.freeze({
  names: DEFAULT_WORD_LIST_NAMES,
  sizes: Object.freeze({}),
  root: new Map(),
  marked: null,
});
const compiledCustom = new WeakMap<WordLists, CompiledWordLists>();

// Options are resolved in this one place, defaults merged under the caller's values.
const SCORE_OPTION_KEYS: readonly string[] = ['attributes', 'wordLists', 'fogMode', 'matchCounts'];
const SCORE_TEXTS_OPTION_KEYS: readonly string[] = [...SCORE_OPTION_KEYS, 'onProgress', 'signal'];
const FOG_MODES = ['textstat', 'gunning'] as const;

function resolveOptions(
  options: ScoreOptions | undefined,
  call: string,
  known: readonly string[] = SCORE_OPTION_KEYS,
): ResolvedOptions {
  checkOptions(call, options, known);
  const attributes = options?.attributes ?? defaultScoreOptions.attributes;
  if (!Array.isArray(attributes)) {
    throw new InvalidArgumentError(
      'options.attributes',
      `options.attributes must be an array of attribute names, got ${describeType(attributes)}; for example ${call}(text, { attributes: ['negative', 'readability'] })`,
    );
  }
  for (const a of attributes) {
    if (!(SCORE_ATTRIBUTES as readonly string[]).includes(a)) {
      const guess = typeof a === 'string' ? didYouMean(a, SCORE_ATTRIBUTES) : undefined;
      throw new InvalidArgumentError(
        'options.attributes',
        `options.attributes has the unknown attribute ${JSON.stringify(a) ?? describeType(a)}${guess === undefined ? '' : ` (did you mean '${guess}'?)`}; choose from ${SCORE_ATTRIBUTES.join(', ')}, for example ${call}(text, { attributes: ['negative', 'readability'] })`,
      );
    }
  }
  const fogMode =
    checkEnum(call, 'options.fogMode', options?.fogMode, FOG_MODES) ?? defaultScoreOptions.fogMode;
  const matchCounts =
    checkBoolean(call, 'options.matchCounts', options?.matchCounts) ?? defaultScoreOptions.matchCounts;
  const customLists = options?.wordLists ?? defaultScoreOptions.wordLists;
  const listColumns = attributes.some((a) => WORD_LIST_ATTRIBUTES.has(a) || a === 'polarity');
  // The default lists are read and compiled only when a column needs them (not for sentiment or
  // readability alone).
  let lists = listColumns ? compiledDefaultWordLists() : NO_LISTS;
  let custom: string[] = [];
  if (customLists !== defaultScoreOptions.wordLists) {
    let compiled = compiledCustom.get(customLists);
    if (compiled === undefined) {
      const checked = validateCustomWordLists(customLists, 'options.wordLists');
      compiled = compileWordLists({ ...defaultWordLists(), ...checked });
      if (typeof customLists === 'object' && customLists !== null) compiledCustom.set(customLists, compiled);
    }
    lists = compiled;
    custom = compiled.names.filter((name) => !WORD_LIST_ATTRIBUTES.has(name));
  }
  const want = new Set<ScoreAttribute>(attributes);
  const needWords = custom.length > 0 || listColumns;
  return { want, lists, custom, fogMode, matchCounts, needWords };
}

function checkText(text: unknown, call: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `${call}(text) needs text as a string, got ${describeType(text)}; for example ${call}('Net sales rose 4% on strong demand.')`,
    );
  }
}

// Words are matched in batches of whole sentences; a sentinel that no list holds separates the
// sentences, so a phrase never matches across a sentence boundary and memory stays bounded.
const SENTENCE_SEPARATOR = '\u0000';
const BATCH_WORDS = 8192;
const batchWords: string[] = [];
const batchNodes: Array<WordListMatchNode | null> = [];
const scratch: string[] = [];

/** The lowercase tokenizer words of a token id, resolved once per distinct token; returns the count. */
function resolveWords(id: number): number {
  const out: string[] = [];
  // Tokens never span whitespace, so tokenizing one whitespace token alone gives exactly the
  // words that tokenizing its sentence gives there.
  appendWords(out, columns.keys[id]!);
  if (out.length > 0) columns.firstWord[id] = out[0]!;
  if (out.length > 1) columns.moreWords[id] = out;
  // A token of more than 127 words (a long run of joined punctuation and words) is rare; its
  // count saturates the Int8 column, so such ids keep their words in moreWords and count those.
  columns.wordCount[id] = Math.min(out.length, 127);
  return out.length;
}

function scoreOne(text: string, o: ResolvedOptions, explain: boolean): TextScoreDetails {
  const wantSentiment = o.want.has('sentiment');
  const textstat = o.want.has('readability') && o.fogMode === 'textstat' ? new TextstatCounter() : undefined;
  const gunning = o.want.has('readability') && o.fogMode === 'gunning' ? new GunningCounter() : undefined;
  const needWords = o.needWords;
  const listCount = o.lists.names.length;
  const counts = new Float64Array(listCount);
  const found: Array<Map<string, number>> | undefined = explain
    ? o.lists.names.map(() => new Map())
    : undefined;
  // The batch of words and their root nodes is the module's pair of arrays, reused from call to
  // call: scoring is synchronous, and only [0, size) is read.
  const words = batchWords;
  const nodes = batchNodes;
  let size = 0;
  const root = o.lists.root;
  // With token ids, each word's root node comes along (resolved once per distinct token), so
  // the matcher does not hash the words again; without them (lists only) it looks them up.
  const useTable = wantSentiment || textstat !== undefined || gunning !== undefined;
  if (useTable && needWords && columns.listRoot !== root) {
    columns.listNode = [];
    columns.listMark.fill(-1);
    columns.listRoot = root;
  }
  let wordCount = 0;
  let sentenceCount = 0;
  let compoundSum = 0;

  // Word lists alone: the word-list module tokenizes each sentence into `plain`, and the matcher
  // looks the words up.
  let plain: string[] = [];
  const flush = (): void => {
    if (useTable && size > 0) addWordListMatches(words, nodes, size, o.lists, counts, found);
    else if (!useTable && plain.length > 0) {
      addWordListMatches(plain, null, plain.length, o.lists, counts, found);
      plain = [];
    }
    size = 0;
  };

  // Tokens are checked for spellings of rule words only when lists with such rules are in use.
  const markRules = needWords ? o.lists.marked : null;
  if (!useTable) {
    // Word lists alone: no whitespace tokens are needed, so the tokenizer runs on each sentence.
    const scanner = new SentenceScanner(text);
    while (scanner.next()) {
      sentenceCount++;
      if (needWords) {
        wordCount += appendWordListTokens(plain, text, scanner.start, scanner.end, o.lists);
        plain.push(SENTENCE_SEPARATOR);
        if (plain.length >= BATCH_WORDS) flush();
      } else wordCount += countWords(text, scanner.start, scanner.end);
    }
  } else {
    // Sentences and their whitespace tokens' ids in one pass over the text.
    const scanner = new SentenceTokens(text);
    while (scanner.next()) {
      sentenceCount++;
      const n = scanner.count;
      const ids = scanner.ids;
      const exclaims = scanner.exclaims;
      const questions = scanner.questions;
      // word_count is always reported, so every token's words are resolved; they are collected
      // only when a word-list column needs them. A sentence holding a word with a case or number
      // rule (`May 2024`) needs its words marked with their context, which a token alone cannot
      // give: the word-list module tokenizes that (rare) sentence itself, in place of the words
      // collected here. Whether a token holds such a spelling is the lists' pattern tested on the
      // token once per distinct token; the pattern's alternatives are single words, so a sentence
      // matches it exactly when one of its tokens does.
      const sentenceFrom = size;
      let inContext = false;
      const wc = columns.wordCount;
      const listNode = columns.listNode as Array<WordListMatchNode | null | undefined>;
      const listMark = columns.listMark;
      for (let k = 0; k < n; k++) {
        const id = ids[k]!;
        if (markRules !== null) {
          let mark = listMark[id]!;
          if (mark < 0) {
            mark = markRules.pattern.test(columns.keys[id]!) ? 1 : 0;
            listMark[id] = mark;
          }
          if (mark === 1) inContext = true;
        }
        let m = wc[id]!;
        if (m < 0) m = resolveWords(id);
        if (m === 0) continue;
        if (m === 1) {
          wordCount++;
          if (needWords) {
            const word = columns.firstWord[id]!;
            let node = listNode[id];
            if (node === undefined) {
              node = root.get(word) ?? null;
              listNode[id] = node;
            }
            words[size] = word;
            nodes[size++] = node;
          }
        } else {
          const more = columns.moreWords[id]!;
          wordCount += more.length;
          if (needWords) {
            for (const w of more) {
              words[size] = w;
              nodes[size++] = root.get(w) ?? null;
            }
          }
        }
      }
      if (inContext) {
        // Words of a sentence the word-list module tokenizes itself, copied in with their nodes.
        size = sentenceFrom;
        scratch.length = 0;
        appendWordListTokens(scratch, text, scanner.start, scanner.end, o.lists);
        for (let k = 0; k < scratch.length; k++) {
          const word = scratch[k]!;
          words[size] = word;
          nodes[size++] = root.get(word) ?? null;
        }
      }
      if (needWords) {
        words[size] = SENTENCE_SEPARATOR;
        nodes[size++] = null;
        if (size >= BATCH_WORDS) flush();
      }
      if (textstat !== undefined) textstat.addIds(ids, n);
      else if (gunning !== undefined) {
        const raw: string[] = [];
        for (let k = 0; k < n; k++) raw.push(columns.keys[ids[k]!]!);
        gunning.addSentence(raw);
      }
      if (wantSentiment) compoundSum += vaderCompoundOfIds(ids, n, exclaims, questions);
    }
  }
  flush();
  releaseScanBuffer();
  if (words.length > 4 * BATCH_WORDS) {
    // after a pathological sentence of many thousand words
    words.length = 0;
    nodes.length = 0;
  }
  const readabilityResult =
    textstat !== undefined
      ? readabilityFromCounts(textstat.counts())
      : gunning !== undefined
        ? readabilityFromCounts(gunning.counts())
        : null;

  const ratio = (x: number): number | null => (wordCount === 0 ? null : x / wordCount);
  const countOf = (name: string): number => counts[o.lists.names.indexOf(name)] ?? 0;
  const record: Record<string, number | null> = { word_count: wordCount, sentence_count: sentenceCount };
  for (const attribute of SCORE_ATTRIBUTES) {
    if (!o.want.has(attribute)) continue;
    if (WORD_LIST_ATTRIBUTES.has(attribute)) {
      record[attribute] = ratio(countOf(attribute));
      if (o.matchCounts) record[`${attribute}_count`] = countOf(attribute);
    } else if (attribute === 'polarity') {
      const pos = countOf('positive');
      const neg = countOf('negative');
      record.polarity = wordCount === 0 ? null : pos + neg === 0 ? 0 : (pos - neg) / (pos + neg);
    } else if (attribute === 'sentiment') {
      record.sentiment = sentenceCount === 0 ? null : compoundSum / sentenceCount;
    } else {
      const r = readabilityResult!;
      record.readability = r.wordCount === 0 ? null : r.gunningFog;
    }
  }
  for (const name of o.custom) {
    record[name] = ratio(countOf(name));
    if (o.matchCounts) record[`${name}_count`] = countOf(name);
  }
  const matches: Record<string, Record<string, number>> = {};
  if (found !== undefined) {
    o.lists.names.forEach((name, l) => {
      matches[name] = Object.fromEntries(found[l]!);
    });
  }
  return { record: record as ScoreRecord, matches, readability: readabilityResult };
}

/**
 * Score one text on the 11 TabText attributes in one pass: one walk over the text finds its
 * sentences, lazily, and splits them on whitespace (those tokens feed both VADER and the
 * streaming readability counter; their words, tokenized once per distinct token, feed the
 * word-list matcher). Memory stays bounded by one sentence plus a batch of words, so a 20 MB
 * document is fine.
 *
 * - Word-list attributes: matched words / `word_count` (numbers are not words).
 * - `polarity`: (positive − negative) / (positive + negative) of the list counts, 0 when both are 0.
 * - `sentiment`: mean VADER compound (unrounded) over the sentences.
 * - `readability`: Gunning fog (`fogMode`; `'textstat'` reproduces Python textstat 0.7.11).
 *
 * Empty or whitespace-only text is not an error: counts are 0 and every ratio is `null`.
 *
 * @param text - The text, for example an MD&A section.
 * @param options - Attributes, custom lists, fog mode, match counts; see {@link ScoreOptions}.
 * @returns A flat record: `word_count, sentence_count`, the selected attributes, custom lists.
 * @throws {InvalidArgumentError} When `text` is not a string (`field` is `'text'`) or an option is
 *   invalid (`field` names it).
 * @example
 * ```ts
 * import { scoreText } from 'fin-tabtext';
 * const row = scoreText('Net sales rose 12% on strong demand. We face substantial doubt about liquidity.');
 * row.word_count; // 12
 * row.sentiment; // mean VADER compound of the two sentences
 * scoreText('', { attributes: ['negative'] }); // { word_count: 0, sentence_count: 0, negative: null }
 * ```
 */
export function scoreText(text: string, options?: ScoreOptions): ScoreRecord {
  checkText(text, 'scoreText');
  return scoreOne(text, resolveOptions(options, 'scoreText'), false).record;
}

/**
 * Like {@link scoreText}, plus what explains the scores: each matched word-list entry with its
 * count, and the readability counts (sentences, words, syllables, complex words).
 *
 * @param text - The text.
 * @param options - As for {@link scoreText}.
 * @returns `{ record, matches, readability }`.
 * @throws {InvalidArgumentError} As {@link scoreText}.
 * @example
 * ```ts
 * import { explainText } from 'fin-tabtext';
 * const { matches } = explainText('There is substantial doubt about our ability to continue as a going concern.');
 * matches.uncertainty; // { 'substantial doubt': 1, ... }
 * ```
 */
export function explainText(text: string, options?: ScoreOptions): TextScoreDetails {
  checkText(text, 'explainText');
  return scoreOne(text, resolveOptions(options, 'explainText'), true);
}

/**
 * Score many texts with the same options (options are checked and custom lists compiled once).
 *
 * @param texts - Any iterable of strings (an array, a generator reading files one by one, ...).
 * @param options - {@link ScoreOptions} plus `onProgress` and `signal`.
 * @returns One record per text, in order.
 * @throws {InvalidArgumentError} When `texts` is not iterable or an element is not a string
 *   (`field` is `texts[i]`), or an option is invalid.
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * import { scoreTexts } from 'fin-tabtext';
 * const rows = scoreTexts(['Sales rose.', 'Losses widened.'], { attributes: ['negative', 'positive'] });
 * rows.length; // 2
 * ```
 */
export function scoreTexts(texts: Iterable<string>, options?: ScoreTextsOptions): ScoreRecord[] {
  if (
    texts === null ||
    typeof (texts as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function' ||
    typeof texts === 'string'
  ) {
    throw new InvalidArgumentError(
      'texts',
      `scoreTexts(texts) needs an iterable of strings, got ${describeType(texts)}; for example scoreTexts(['Sales rose.', 'Costs fell.'])`,
    );
  }
  const resolved = resolveOptions(options, 'scoreTexts', SCORE_TEXTS_OPTION_KEYS);
  const { onProgress, signal } = options ?? {};
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidArgumentError(
      'options.onProgress',
      `options.onProgress must be a function, for example scoreTexts(texts, { onProgress: (n) => {} })`,
    );
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidArgumentError(
      'options.signal',
      `options.signal must be an AbortSignal, got ${describeType(signal)}; for example scoreTexts(texts, { signal: AbortSignal.timeout(60_000) })`,
    );
  }
  const out: ScoreRecord[] = [];
  let i = 0;
  for (const text of texts) {
    signal?.throwIfAborted();
    if (typeof text !== 'string') {
      throw new InvalidArgumentError(
        `texts[${i}]`,
        `scoreTexts(texts) needs every element to be a string, got ${describeType(text)} at index ${i}; for example scoreTexts(['Sales rose.'])`,
      );
    }
    out.push(scoreOne(text, resolved, false).record);
    i++;
    onProgress?.(i);
  }
  return out;
}
