/**
 * `fin-tabtext/edgar`: the EDGAR client (rate limit, retry, cache), filing lists, documents,
 * company facts, bulk archives and full-text search.
 * @module fin-tabtext/edgar
 */
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export {
  type BulkArchiveEntry,
  BulkArchiveError,
  type BulkArchiveOptions,
  type BulkFilingsOptions,
  companyFactsFromBulk,
  defaultBulkArchiveOptions,
  listFilingsFromBulk,
  readBulkArchive,
} from './bulk.js';
export {
  bodyDigest,
  cacheFilePath,
  createFileCache,
  defaultCacheDir,
  type EdgarCacheEntry,
  type EdgarCacheStore,
  type EdgarResourceKind,
  resourceKind,
} from './cache.js';
export {
  type CompanyFacts,
  type EdgarCallOptions,
  EdgarClient,
  type EdgarGetOptions,
  type EdgarHost,
  type FilingLocator,
  type ListFilingsQuery,
  MAX_REDIRECTS,
  type NormalizedFilingsQuery,
  normalizeFilingsQuery,
  type ResolvedCompany,
  SEC_BASE_URLS,
} from './client.js';
export { type Clock, systemClock } from './clock.js';
export {
  FILING_RECORD_COLUMNS,
  type FilingMdnaStatus,
  type FilingRecord,
  type LoadEdgarDatasetConfig,
  type LoadEdgarDatasetOrder,
  loadEdgarDataset,
} from './dataset.js';
export { EdgarCacheMissError, EdgarHttpError, type EdgarHttpErrorDetails } from './errors.js';
export type {
  FilingIndex,
  FilingIndexItem,
  FilingRef,
  RejectedFiling,
  SubmissionColumns,
  Submissions,
} from './filings.js';
export {
  FULL_TEXT_SEARCH_MAX_HITS,
  FULL_TEXT_SEARCH_PAGE_SIZE,
  type FullTextDocumentHit,
  type FullTextSearchHit,
  type FullTextSearchOptions,
  type FullTextSearchPage,
  type FullTextSearchQuery,
  fullTextSearchPath,
  groupSearchHits,
  type NormalizedFullTextSearchQuery,
  normalizeFullTextSearchQuery,
  paginateFullTextSearch,
  parseFullTextSearch,
} from './full-text-search.js';
export {
  defaultEdgarOptions,
  EDGAR_CLIENT_OPTION_KEYS,
  type EdgarBaseUrls,
  type EdgarClientOptions,
  type ResolvedEdgarOptions,
  type RetryPolicy,
  validateUserAgent,
} from './options.js';
export type { EdgarProgressEvent } from './progress.js';
export { KNOWN_FORM_TYPES } from './query.js';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitTicket,
  SEC_MAX_REQUESTS_PER_SECOND,
} from './rate-limiter.js';
export {
  type EdgarTransport,
  type EdgarTransportRequest,
  type EdgarTransportResponse,
  fetchTransport,
} from './transport.js';
export {
  documentProblem,
  recognizeSecErrorPage,
  type SecErrorPage,
  type SecErrorPageKind,
} from './validate.js';
