import { defaultScoreOptions, SCORE_ATTRIBUTES, type ScoreOptions, scoreText } from '../score/index.js';

/**
 * A text scorer: text in, flat record of scores out (numbers, or `null` for a ratio of empty text).
 * `scoreText` is one; pass your own to `scoreRecords`/`scoreFile` as `options.scorer`.
 */
export type TextScorer = (
  text: string,
  options?: Readonly<Record<string, unknown>>,
) => Readonly<Record<string, unknown>>;

/** The scorer used when `options.scorer` is not given: {@link scoreText}. */
export const defaultScorer: TextScorer = (text, options) => scoreText(text, options as ScoreOptions);

/** Option names `scoreText` knows; other keys are refused while the default scorer is in use. */
export const SCORE_OPTION_KEYS: readonly string[] = Object.freeze(Object.keys(defaultScoreOptions));

/**
 * The score columns `scoreText` writes with its default options, in order: `word_count`,
 * `sentence_count`, then the 11 `SCORE_ATTRIBUTES`. Custom word lists add one column each after
 * these (and `attributes` can select fewer). `scoreRecords` and `scoreFile` put them after the input's columns.
 *
 * @example
 * ```ts
 * import { SCORE_COLUMNS } from 'fin-tabtext';
 * SCORE_COLUMNS.includes('polarity'); // true
 * ```
 */
export const SCORE_COLUMNS: readonly string[] = Object.freeze([
  'word_count',
  'sentence_count',
  ...SCORE_ATTRIBUTES,
]);
