// The scorers of this capability, exported by both the light entry (entry.ts, `fin-tabtext/score`)
// and the capability's index (index.ts, which adds the Loughran–McDonald CSV loader).
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
