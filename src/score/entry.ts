/**
 * `fin-tabtext/score`: the light scoring entry. Text scores (word lists, VADER, readability),
 * the text primitives they share and the error types, without the EDGAR client, the section
 * extractor, records or the CSV stack (so `import 'fin-tabtext/score'` loads only this code).
 * The Loughran–McDonald CSV loader, which needs the CSV parser, stays in the main entry.
 *
 * @example
 * ```ts
 * import { scoreText } from 'fin-tabtext/score';
 * scoreText('Net sales rose 12% on strong demand.').sentiment; // mean VADER compound
 * ```
 * @module fin-tabtext/score
 */
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export type { Sentence, SyllableInfo, SyllableSource, Token, TokenKind } from '../text/index.js';
export {
  appendWords,
  countSyllables,
  countWords,
  hyphenationPoints,
  isInCmudict,
  iterateSentences,
  splitSentences,
  splitWhitespace,
  syllableInfo,
  tokenize,
  words,
} from '../text/index.js';
export * from './scorers.js';
