import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions } from '../options/index.js';
import { iterateSentences, type Token, tokenize } from '../text/index.js';
import { GunningCounter } from './readability-gunning.js';
import { TextstatCounter, type TextstatCounts } from './readability-textstat.js';

/**
 * How Gunning fog counts sentences and complex words.
 * - `'textstat'`: exactly Python textstat 0.7.11 (sentences split at every `.`/`!`/`?`, fragments of
 *   <= 2 words dropped; complex = 3+ syllables and not on the Dale–Chall easy-word list).
 * - `'gunning'`: Gunning's 1952 rules over our sentence splitter and tokenizer (complex = 3+
 *   syllables, excluding proper nouns, hyphenated compounds and words that reach 3 syllables only
 *   through -es/-ed/-ing; numbers are not words).
 */
export type FogMode = 'textstat' | 'gunning';

/** Options of {@link readability}, {@link gunningFog} and {@link fleschReadingEase}. */
export interface ReadabilityOptions {
  /**
   * Counting rules; see {@link FogMode}.
   * @default 'textstat'
   */
  readonly mode?: FogMode;
}

/** The defaults of {@link ReadabilityOptions}, frozen. */
export const defaultReadabilityOptions: Readonly<Required<ReadabilityOptions>> = Object.freeze({
  mode: 'textstat',
});

/** Readability scores and the counts behind them (unrounded, like textstat). */
export interface ReadabilityResult {
  /** Gunning fog index: 0.4 × (words/sentences + 100 × complex/words); 0 for no words. */
  readonly gunningFog: number;
  /** Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word; 0 for no words. */
  readonly fleschReadingEase: number;
  /** Flesch–Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59; 0 for no words. */
  readonly fleschKincaidGrade: number;
  /** Words (textstat `lexicon_count` in `'textstat'` mode). */
  readonly wordCount: number;
  /** Sentences (textstat `sentence_count` in `'textstat'` mode). */
  readonly sentenceCount: number;
  /** Syllables of all words. */
  readonly syllableCount: number;
  /** Complex ("difficult") word occurrences counted by the fog index. */
  readonly complexWords: number;
  /** Words of 3 or more syllables (textstat `polysyllabcount`). */
  readonly polysyllables: number;
  /** Words per sentence; 0 when there are no sentences. */
  readonly wordsPerSentence: number;
}

/**
 * A streaming readability counter for one document, fed in order.
 * @see {@link createReadabilityAccumulator}
 */
export interface ReadabilityAccumulator {
  /** The mode it counts in. */
  readonly mode: FogMode;
  /**
   * Add the whitespace tokens (from `splitWhitespace`) of the next part of the document.
   * `'textstat'` mode finds its own sentence segments, carrying its state across calls, so any
   * chunking gives the whole-text result. `'gunning'` mode counts each call as one sentence; pass
   * the sentence's `tokenize` tokens as `wordTokens` when you already have them, to avoid
   * tokenizing again.
   */
  addTokens(tokens: readonly string[], wordTokens?: readonly Token[]): void;
  /** The result so far; more tokens may be added afterwards. */
  result(): ReadabilityResult;
}

/**
 * The scores from raw counts. Formulas from textstat 0.7.11 (en config), evaluated in its order
 * so results are bit-identical.
 * @internal
 */
export function readabilityFromCounts(c: TextstatCounts): ReadabilityResult {
  const wps = c.sentences === 0 ? 0 : c.words / c.sentences;
  const spw = c.words === 0 ? 0 : c.syllables / c.words;
  const gunningFog = c.words === 0 ? 0 : 0.4 * (wps + (100 * c.complexWords) / c.words);
  const flat = wps === 0 || spw === 0;
  return {
    gunningFog,
    fleschReadingEase: flat ? 0 : 206.835 - 1.015 * wps - 84.6 * spw,
    fleschKincaidGrade: flat ? 0 : 0.39 * wps + 11.8 * spw - 15.59,
    wordCount: c.words,
    sentenceCount: c.sentences,
    syllableCount: c.syllables,
    complexWords: c.complexWords,
    polysyllables: c.polysyllables,
    wordsPerSentence: wps,
  };
}

const FOG_MODES = ['textstat', 'gunning'] as const;

function resolveMode(mode: unknown, call: string, field = 'options.mode'): FogMode {
  return checkEnum(call, field, mode, FOG_MODES) ?? defaultReadabilityOptions.mode;
}

function resolveReadabilityOptions(options: ReadabilityOptions | undefined, call: string): FogMode {
  checkOptions(call, options, ['mode']);
  return resolveMode(options?.mode, call);
}

function checkText(text: unknown, call: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `${call}(text) needs text as a string, got ${describeType(text)}; for example ${call}('Revenue rose 4%.')`,
    );
  }
}

/**
 * Create a streaming readability counter, for scoring a document piece by piece (for example
 * sentence by sentence from `iterateSentences`) without holding its tokens in memory.
 *
 * @param mode - Counting rules.
 * @default mode 'textstat'
 * @returns A fresh accumulator.
 * @throws {InvalidArgumentError} When `mode` is not `'textstat'` or `'gunning'`.
 * @example
 * ```ts
 * import { createReadabilityAccumulator, iterateSentences, splitWhitespace } from 'fin-tabtext/score';
 * const text = 'Revenue rose 4% to $4.2 billion. Costs were flat.';
 * const acc = createReadabilityAccumulator('textstat');
 * for (const s of iterateSentences(text)) acc.addTokens(splitWhitespace(s.text));
 * acc.result().gunningFog; // same as readability(text).gunningFog
 * ```
 */
export function createReadabilityAccumulator(mode: FogMode = 'textstat'): ReadabilityAccumulator {
  const resolved = resolveMode(mode, 'createReadabilityAccumulator', 'mode');
  if (resolved === 'textstat') {
    const counter = new TextstatCounter();
    return {
      mode: resolved,
      addTokens: (tokens) => counter.addTokens(tokens),
      result: () => readabilityFromCounts(counter.counts()),
    };
  }
  const counter = new GunningCounter();
  return {
    mode: resolved,
    addTokens: (tokens, wordTokens) =>
      wordTokens === undefined ? counter.addSentence(tokens) : counter.addSentenceTokens(wordTokens),
    result: () => readabilityFromCounts(counter.counts()),
  };
}

/**
 * Readability of a text: Gunning fog, Flesch reading ease, Flesch–Kincaid grade and their counts.
 * The default `'textstat'` mode reproduces Python textstat 0.7.11 exactly (unrounded; verified on
 * its golden outputs within 1e-9); `'gunning'` applies Gunning's 1952 rules. Syllables come from
 * CMUdict 0.7a, else hyphenation points + 1. Linear time, one pass.
 *
 * @param text - Any text; empty text gives zeros.
 * @param options - `{ mode }`.
 * @returns The scores and counts.
 * @throws {InvalidArgumentError} When `text` is not a string or `options.mode` is unknown.
 * @example
 * ```ts
 * import { readability } from 'fin-tabtext/score';
 * readability('The cat sat on the mat.').gunningFog; // 2.4000000000000004
 * readability('The cat sat on the mat.', { mode: 'gunning' }).sentenceCount; // 1
 * ```
 */
export function readability(text: string, options?: ReadabilityOptions): ReadabilityResult {
  return readabilityOf(text, options, 'readability');
}

function readabilityOf(
  text: string,
  options: ReadabilityOptions | undefined,
  call: string,
): ReadabilityResult {
  checkText(text, call);
  const mode = resolveReadabilityOptions(options, call);
  if (mode === 'textstat') {
    const counter = new TextstatCounter();
    if (text.length > 0) counter.markText();
    counter.addText(text);
    return readabilityFromCounts(counter.counts());
  }
  const counter = new GunningCounter();
  for (const s of iterateSentences(text)) counter.addSentenceTokens(tokenize(text, s.start, s.end));
  return readabilityFromCounts(counter.counts());
}

/**
 * Gunning fog index of a text (see {@link readability}).
 *
 * @param text - Any text.
 * @param options - `{ mode }`.
 * @returns The fog index, unrounded; 0 for a text without words.
 * @throws {InvalidArgumentError} When `text` is not a string or `options.mode` is unknown.
 * @example
 * ```ts
 * import { gunningFog } from 'fin-tabtext/score';
 * gunningFog('Revenue increased.'); // 20.8
 * ```
 */
export function gunningFog(text: string, options?: ReadabilityOptions): number {
  return readabilityOf(text, options, 'gunningFog').gunningFog;
}

/**
 * Flesch reading ease of a text (see {@link readability}).
 *
 * @param text - Any text.
 * @param options - `{ mode }`.
 * @returns The score, unrounded (higher is easier); 0 for a text without words.
 * @throws {InvalidArgumentError} When `text` is not a string or `options.mode` is unknown.
 * @example
 * ```ts
 * import { fleschReadingEase } from 'fin-tabtext/score';
 * fleschReadingEase('The cat sat on the mat.'); // 116.14500000000001
 * ```
 */
export function fleschReadingEase(text: string, options?: ReadabilityOptions): number {
  return readabilityOf(text, options, 'fleschReadingEase').fleschReadingEase;
}
