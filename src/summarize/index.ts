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
