/**
 * fin-tabtext: SEC filings to model-ready TabText features.
 *
 * The package root holds the pipeline-level API: the main function of each stage, its options
 * and result types, and the errors they throw. The building blocks of a stage are exported from its
 * own entry: `fin-tabtext/score`, `/extract`, `/edgar`, `/finance`, `/records`, `/summarize`,
 * `/pipeline`, `/queue`.
 * `test/exports.snapshot.txt` lists every entry's names; a test keeps it in step.
 * @module fin-tabtext
 */

// EDGAR
export type { EdgarClientOptions, FilingRecord, LoadEdgarDatasetConfig } from './edgar/index.js';
export {
  BulkArchiveError,
  EdgarCacheMissError,
  EdgarClient,
  EdgarHttpError,
  loadEdgarDataset,
} from './edgar/index.js';
// errors
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from './errors/index.js';
// section extraction
export type {
  DocumentToTextOptions,
  ExtractedItem,
  ExtractionErrorCode,
  ExtractOptions,
  MdnaResult,
  MdnaStatus,
} from './extract/index.js';
export { documentToText, ExtractionError, extractItems, extractMdna } from './extract/index.js';
// finance: Altman Z, from figures, company facts or a filing's inline XBRL
export type {
  AltmanFromCompanyFactsOptions,
  AltmanInputs,
  AltmanOptions,
  AltmanResult,
  AltmanVariant,
  AltmanZone,
  CompanyFactsAltmanResult,
  InlineXbrlCompanyFactsOptions,
} from './finance/index.js';
export {
  altmanFromCompanyFacts,
  altmanZ,
  CompanyFactsError,
  companyFactsFromInlineXbrl,
  InlineXbrlError,
} from './finance/index.js';
// pipeline: filings to TabText rows, in worker threads
export type {
  BuildDatasetConfig,
  DatasetProgress,
  FilingMeta,
  FilingRow,
  FilingRowOptions,
  FilingRowValue,
} from './pipeline/index.js';
export { buildDataset, filingRow, pipelineColumns } from './pipeline/index.js';
// records
export type {
  BuildTabTextOptions,
  FlatRecord,
  ReadRecordsOptions,
  ScoreFileOptions,
  ScoreFileResult,
  WriteRecordsOptions,
} from './records/index.js';
export {
  buildTabText,
  RecordsFormatError,
  readRecords,
  SCORE_COLUMNS,
  scoreFile,
  toColumns,
  writeRecords,
} from './records/index.js';
// scoring
export type {
  LoughranMcDonaldCategory,
  LoughranMcDonaldLayout,
  LoughranMcDonaldLists,
  LoughranMcDonaldOptions,
  LoughranMcDonaldRelease,
  ScoreOptions,
  ScoreRecord,
  ScoreTextsOptions,
  TextScoreDetails,
} from './score/index.js';
export {
  explainText,
  LOUGHRAN_MCDONALD_CATEGORIES,
  loadLoughranMcDonald,
  loughranMcDonaldLayout,
  scoreText,
  scoreTexts,
} from './score/index.js';
// summaries
export type {
  JaccardOptions,
  JaccardSummary,
  KMedoidsOptions,
  KMedoidsSummary,
  SummarizeColumnOptions,
} from './summarize/index.js';
export { summarizeColumn, summarizeJaccard, summarizeKMedoids } from './summarize/index.js';
export { VERSION } from './version.js';
