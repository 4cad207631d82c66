export { isWhitespaceCode } from './chars.js';
export { hyphenationPoints } from './hyphenation.js';
export type { Sentence } from './sentences.js';
export { iterateSentences, splitSentences } from './sentences.js';
export type { SyllableInfo, SyllableSource } from './syllables.js';
export { countSyllables, isInCmudict, syllableInfo } from './syllables.js';
export type { Token, TokenKind } from './tokenize.js';
export { appendWords, countWords, tokenize, words } from './tokenize.js';
export { splitWhitespace } from './whitespace.js';
