/**
 * `fin-tabtext/summarize`: extractive summaries (Jaccard ranking, k-medoids) of a text or of a
 * column of records.
 * @module fin-tabtext/summarize
 */

export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export {
  defaultSummarizeColumnOptions,
  type SummarizeColumnFields,
  type SummarizeColumnOptions,
  summarizeColumn,
} from './column.js';
export { type JaccardSentence, type JaccardSummary, summarizeJaccard } from './jaccard.js';
export { type KMedoidsSentence, type KMedoidsSummary, summarizeKMedoids } from './kmedoids.js';
export {
  defaultJaccardOptions,
  defaultKMedoidsOptions,
  type JaccardOptions,
  type KMedoidsInit,
  type KMedoidsMetric,
  type KMedoidsOptions,
  type StopWords,
  type TermOptions,
  type WordVectors,
} from './options.js';
