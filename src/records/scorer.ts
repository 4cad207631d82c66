import { FinTabTextError } from '../errors/index.js';

/**
 * A text scorer: text in, flat record of scores out (numbers, or `null` for a ratio of empty text).
 * `scoreText` is one; pass your own to `scoreRecords`/`scoreFile` as `options.scorer`.
 */
export type TextScorer = (
  text: string,
  options?: Readonly<Record<string, unknown>>,
) => Readonly<Record<string, unknown>>;

// Placeholder until src/score/index.ts (scoreText) lands; replaced by a call to scoreText.
export const defaultScorer: TextScorer = () => {
  throw new FinTabTextError('scoreText is not available yet; pass options.scorer.', {
    code: 'NOT_IMPLEMENTED',
  });
};

/**
 * The score columns `scoreText` writes, in order, without custom word lists (those add one column
 * each, after these). `scoreRecords` and `scoreFile` put them after the input's columns.
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
  'negative',
  'positive',
  'certainty',
  'uncertainty',
  'risk',
  'safe',
  'fraud',
  'litigious',
  'polarity',
  'sentiment',
  'readability',
]);
