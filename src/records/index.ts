/**
 * `fin-tabtext/records`: TabText rows: columns, the as-of join, normalization, CSV/JSONL in and
 * out, and scoring a file of texts.
 * @module fin-tabtext/records
 */
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export type { ColumnarFormat, ColumnarTarget } from './columnar.js';
export {
  alignRecords,
  type ColumnOptions,
  type ColumnTable,
  fromColumns,
  recordColumns,
  toColumns,
} from './columns.js';
export { RecordsFormatError } from './errors.js';
export {
  detectRecordFormat,
  type ReadRecordsOptions,
  type RecordFormat,
  type RecordInput,
  readRecords,
  type WriteRecordsOptions,
  type WriteRecordsResult,
  writeRecords,
} from './io.js';
export {
  applyNormalization,
  type ColumnNormalization,
  type NormalizationParams,
  type NormalizeOptions,
  type NormalizeResult,
  normalizeColumns,
} from './normalize.js';
export {
  type DateBucket,
  defaultBuildTabTextOptions,
  defaultNormalizeOptions,
  defaultReadRecordsOptions,
  defaultScoreRecordsOptions,
  type NormalizeMethod,
  type TabTextMatch,
} from './options.js';
export {
  type ScoreFileOptions,
  type ScoreFileProgress,
  type ScoreFileResult,
  type ScoreRecordsOptions,
  scoreFile,
  scoreRecords,
} from './score.js';
export { SCORE_COLUMNS, type TextScorer } from './scorer.js';
export { type BuildTabTextOptions, buildTabText, dateBucket, type JoinKeys } from './tabtext.js';
export {
  type FlatRecord,
  normalizeAccession,
  normalizeCik,
  type RecordValue,
  toIsoDate,
  toRecordValue,
} from './values.js';
