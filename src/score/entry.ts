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
export type {
  FogMode,
  ReadabilityAccumulator,
  ReadabilityOptions,
  ReadabilityResult,
} from './readability.js';
export {
  createReadabilityAccumulator,
  defaultReadabilityOptions,
  fleschReadingEase,
  gunningFog,
  readability,
} from './readability.js';
export type {
  ScoreAttribute,
  ScoreOptions,
  ScoreRecord,
  ScoreTextsOptions,
  TextScoreDetails,
} from './score-text.js';
export { defaultScoreOptions, explainText, SCORE_ATTRIBUTES, scoreText, scoreTexts } from './score-text.js';
export type { VaderScores, VaderValences } from './vader.js';
export { vaderCompoundOfTokens, vaderRawScores, vaderScores, vaderValences } from './vader.js';
export type {
  CompiledWordLists,
  ContextNumber,
  ContextRule,
  CountWordListOptions,
  DefaultWordListName,
  WordListMatches,
  WordListMatchNode,
  WordLists,
} from './wordlists.js';
export {
  appendWordListTokens,
  compiledDefaultWordLists,
  compileWordLists,
  countWordListMatches,
  DEFAULT_WORD_LIST_NAMES,
  defaultCountWordListOptions,
  defaultWordLists,
  loadWordListFile,
  parseWordList,
  polarityFromCounts,
  RESERVED_WORD_LIST_NAMES,
  validateCustomWordLists,
  wordListTokens,
} from './wordlists.js';
