import pLimit from 'p-limit';
import { describeType, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
import { parseCik } from '../identifiers/index.js';
import { checkOptions } from '../options/index.js';
import { type BodyKind, DECODERS, describeError, InvalidBodyError } from './body.js';
import { bodyDigest, resourceKind } from './cache.js';
import { reasonOf } from './clock.js';
import { parseRetryAfter } from './decode.js';
import { EdgarCacheMissError, EdgarHttpError } from './errors.js';
import {
  type FilingIndex,
  type FilingRef,
  filingFolderPath,
  parseFilingIndex,
  parseSubmissions,
  type RejectedFiling,
  requireAccession,
  type SubmissionColumns,
  type Submissions,
  scanColumns,
} from './filings.js';
import {
  type FullTextSearchHit,
  type FullTextSearchOptions,
  type FullTextSearchQuery,
  normalizeFullTextSearchQuery,
  paginateFullTextSearch,
  parseFullTextSearch,
} from './full-text-search.js';
import { type EdgarClientOptions, type ResolvedEdgarOptions, resolveEdgarOptions } from './options.js';
import { normalizeFormTypes, normalizeTickersOrCiks, validateDateRange } from './query.js';
import type { RateLimiter } from './rate-limiter.js';
import { follow, joinSignals, type SharedLoad } from './shared-load.js';
import { closeTickerMatches, normalizeTicker, parseTickerTable, type TickerTable } from './tickers.js';
import type { EdgarTransportResponse } from './transport.js';
import { contentLengthMismatch, recognizeSecErrorPage } from './validate.js';

/** Options every client method takes as its last argument. */
export interface EdgarCallOptions {
  /**
   * Cancels this call (the client's own `signal` cancels every call). Other callers waiting for
   * the same URL are not affected; the request stops when every one of them has given up.
   * @default undefined
   */
  readonly signal?: AbortSignal;
}

/** Options of {@link EdgarClient.get}, {@link EdgarClient.getText} and {@link EdgarClient.getJson}. */
export interface EdgarGetOptions<T> extends EdgarCallOptions {
  /**
   * Extra check of the decoded body before it is returned or cached: throw to refuse it. A
   * refused body is treated like one cut short (retried, never cached); a cached body that fails
   * it is refetched (online) or reported as damaged (offline).
   * @default undefined
   */
  readonly validate?: (value: T) => void;
}

const CALL_KEYS = ['signal'] as const;
const GET_KEYS = ['signal', 'validate'] as const;

/** SEC's own hosts: cache keys and reported URLs always use these, whatever `baseUrls` says. */
export const SEC_BASE_URLS: Readonly<{ www: string; data: string; efts: string }> = Object.freeze({
  www: 'https://www.sec.gov',
  data: 'https://data.sec.gov',
  efts: 'https://efts.sec.gov',
});

/** Which SEC host a path lives on. */
export type EdgarHost = 'www' | 'data' | 'efts';

/** Query of {@link EdgarClient.listFilings}. */
export interface ListFilingsQuery {
  /** Tickers (`'AAPL'`, `'BRK.B'`) and/or CIKs (`'320193'`, `'0000320193'`, `320193`). */
  readonly tickersOrCiks: string | number | readonly (string | number)[];
  /**
   * Form types, see `KNOWN_FORM_TYPES`.
   * @default ['10-K', '10-Q']
   */
  readonly formTypes?: string | readonly string[];
  /**
   * First filing date, inclusive, `YYYY-MM-DD`.
   * @default '1993-01-01'
   */
  readonly filingDateStart?: string;
  /**
   * Last filing date, inclusive, `YYYY-MM-DD`.
   * @default today (UTC)
   */
  readonly filingDateEnd?: string;
  /**
   * Also list amendments (`10-K/A`, ...) of the requested forms.
   * @default false
   */
  readonly includeAmendments?: boolean;
}

/** A validated {@link ListFilingsQuery}. */
export interface NormalizedFilingsQuery {
  readonly tickersOrCiks: readonly string[];
  readonly formTypes: readonly string[];
  readonly filingDateStart: string;
  readonly filingDateEnd: string;
}

/** Where a filing document lives: enough of a {@link FilingRef}. */
export interface FilingLocator {
  /** CIK, any padding. */
  readonly cik: string;
  /** Accession number, with or without dashes. */
  readonly accessionNumber: string;
  /** Primary document name; `null`/absent means the full `.txt` submission. */
  readonly primaryDocument?: string | null;
}

/** SEC's XBRL company facts (`api/xbrl/companyfacts`), as SEC sends it. */
export interface CompanyFacts {
  readonly cik: number | string;
  readonly entityName: string;
  readonly facts: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          {
            readonly label: string | null;
            readonly description: string | null;
            readonly units: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
          }
        >
      >
    >
  >;
}

/** A company resolved from a ticker or CIK. */
export interface ResolvedCompany {
  /** 10-digit CIK. */
  readonly cik: string;
  /** The ticker asked for, or `null` when a CIK was given. */
  readonly ticker: string | null;
}

/**
 * Validate a {@link ListFilingsQuery} without any request.
 *
 * @param query - The query.
 * @param now - Epoch ms used for the default end date.
 * @returns Normalized tickers, forms and dates.
 * @throws {InvalidArgumentError} naming the bad field.
 * @example
 * ```ts
 * import { normalizeFilingsQuery } from 'fin-tabtext/edgar';
 * normalizeFilingsQuery({ tickersOrCiks: 'AAPL', formTypes: '10-k', filingDateStart: '2020-01-01' });
 * ```
 */
export function normalizeFilingsQuery(query: ListFilingsQuery, now?: number): NormalizedFilingsQuery {
  return checkedQuery('normalizeFilingsQuery', query, now);
}

/**
 * The keys of {@link ListFilingsQuery}, as the option checker knows them.
 *
 * @example
 * ```ts
 * FILINGS_QUERY_KEYS.includes('formTypes'); // true
 * ```
 */
export const FILINGS_QUERY_KEYS: readonly (keyof ListFilingsQuery)[] = Object.freeze([
  'tickersOrCiks',
  'formTypes',
  'filingDateStart',
  'filingDateEnd',
  'includeAmendments',
] as const);

function checkedQuery(fn: string, query: ListFilingsQuery, now: number | undefined): NormalizedFilingsQuery {
  if (query === null || typeof query !== 'object') {
    throw new InvalidArgumentError(
      'query',
      `${fn} needs a query object, got ${describeType(query)}; ` +
        "e.g. client.listFilings({ tickersOrCiks: ['AAPL'], formTypes: ['10-K'] }).",
    );
  }
  checkOptions(fn, query, FILINGS_QUERY_KEYS, 'query');
  return normalizeQueryFields(query, now);
}

/**
 * {@link normalizeFilingsQuery} without the check for unknown keys, for callers whose object
 * carries other options too (the data-set loader checks its keys itself).
 */
export function normalizeQueryFields(query: ListFilingsQuery, now?: number): NormalizedFilingsQuery {
  const tickersOrCiks = normalizeTickersOrCiks(query.tickersOrCiks);
  const formTypes = normalizeFormTypes(query.formTypes ?? ['10-K', '10-Q'], query.includeAmendments === true);
  const [filingDateStart, filingDateEnd] = validateDateRange(query.filingDateStart, query.filingDateEnd, now);
  return { tickersOrCiks, formTypes, filingDateStart, filingDateEnd };
}

const RETRYABLE_STATUS = new Set([408, 425, 500, 502, 503, 504, 520, 521, 522, 523, 524]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/**
 * Redirect hops followed per request (SEC itself needs at most one); more, or a loop, fails
 * with `EDGAR_TOO_MANY_REDIRECTS`.
 *
 * @example
 * ```ts
 * import { MAX_REDIRECTS } from 'fin-tabtext/edgar';
 * MAX_REDIRECTS; // 3
 * ```
 */
export const MAX_REDIRECTS = 3;
const SAFE_FILE_NAME = /^(?!\.{1,2}$)[^/\\?#\0]+$/;

/** The 403 page of SEC's rate block, also when its title is missing. */
function isRateBlockBody(response: EdgarTransportResponse): boolean {
  if (response.status !== 403) return false;
  const text = Buffer.from(response.body.subarray(0, 20_000)).toString('latin1');
  return /Request Rate Threshold|exceeded the SEC.{0,12}s (?:Traffic Limit|maximum allowable)/i.test(text);
}

function describeWait(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${Math.round(ms / 1000)} s`;
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no complete response within ${ms} ms (timeoutMs)`);
    this.name = 'TimeoutError';
  }
}

function checkCallOptions(fn: string, options: EdgarCallOptions | undefined): AbortSignal | undefined {
  const checked = checkOptions(fn, options, CALL_KEYS);
  return checkSignal(fn, checked.signal);
}

function checkSignal(fn: string, signal: unknown): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw new InvalidArgumentError(
    'options.signal',
    `${fn}: options.signal must be an AbortSignal, got ${describeType(signal)}; e.g. { signal: AbortSignal.timeout(60_000) }.`,
  );
}

/**
 * A polite, resumable client for SEC EDGAR: every request goes through one rate limiter
 * (evenly spaced, at most 10 per second), redirects are followed on the same host only,
 * transient faults are retried with exponential backoff and jitter, rate-limit blocks pause all
 * traffic, every body is checked before it is used, and responses are cached on disk with a
 * SHA-256 digest that is checked on every read.
 *
 * @example
 * ```ts
 * import { EdgarClient } from 'fin-tabtext';
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com' });
 * const filings = await client.listFilings({
 *   tickersOrCiks: ['AAPL'],
 *   formTypes: ['10-K'],
 *   filingDateStart: '2019-01-01',
 *   filingDateEnd: '2023-12-31',
 * });
 * const html = await client.fetchDocument(filings[0]!);
 * ```
 */
export class EdgarClient {
  /** The validated options, defaults applied. */
  readonly options: ResolvedEdgarOptions;
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #inflight = new Map<string, SharedLoad>();
  #tickers: Promise<TickerTable> | undefined;

  /**
   * @param options - `userAgent` (required) and optional settings, see {@link EdgarClientOptions}.
   * @throws {InvalidArgumentError} for an unknown option (with a did-you-mean), a User-Agent
   *   without name or valid email or with control characters (citing SEC fair access), a cap
   *   above 10, or any other bad option.
   */
  constructor(options: EdgarClientOptions) {
    this.options = resolveEdgarOptions(options);
    this.#limit = pLimit(this.options.concurrency);
  }

  /** The rate limiter every request of this client waits on (share it via the `limiter` option). */
  get limiter(): RateLimiter {
    return this.options.limiter;
  }

  /**
   * GET a path of an SEC host, through the cache, limiter, redirect rule, body checks and retry
   * policy. This is the one entry every other method (and any new endpoint) goes through.
   *
   * @param path - Absolute path, e.g. `/files/company_tickers.json`.
   * @param host - `'www'` (www.sec.gov) or `'data'` (data.sec.gov).
   * @param options - `signal`, and `validate` to refuse a body (retried, never cached).
   * @returns The decompressed body.
   * @throws {EdgarHttpError} when the request fails for good.
   * @throws {EdgarCacheMissError} offline, when the URL is not cached (or its entry is damaged).
   * @example
   * ```ts
   * const bytes = await client.get('/Archives/edgar/daily-index/2018/QTR4/master.20181231.idx', 'www');
   * ```
   */
  get(path: string, host: EdgarHost = 'www', options?: EdgarGetOptions<Uint8Array>): Promise<Uint8Array> {
    return this.#request('get', host, path, 'bytes', options) as Promise<Uint8Array>;
  }

  /**
   * GET and decode as text (UTF-8, else Windows-1252).
   *
   * @param path - Absolute path on the host.
   * @param host - `'www'` or `'data'`.
   * @param options - `signal` and `validate`, as {@link EdgarClient.get}.
   * @returns The text.
   * @throws {EdgarHttpError} / {EdgarCacheMissError} as {@link EdgarClient.get}.
   * @example
   * ```ts
   * const idx = await client.getText('/Archives/edgar/daily-index/2018/QTR4/master.20181231.idx');
   * ```
   */
  getText(path: string, host: EdgarHost = 'www', options?: EdgarGetOptions<string>): Promise<string> {
    return this.#request('getText', host, path, 'text', options) as Promise<string>;
  }

  /**
   * GET and parse JSON. A body that does not parse is treated as truncated: retried, never cached.
   *
   * @param path - Absolute path on the host.
   * @param host - `'www'` or `'data'`.
   * @param options - `signal` and `validate`, as {@link EdgarClient.get}.
   * @returns The parsed value.
   * @throws {EdgarHttpError} / {EdgarCacheMissError} as {@link EdgarClient.get}.
   * @example
   * ```ts
   * const subs = await client.getJson('/submissions/CIK0000320193.json', 'data');
   * ```
   */
  getJson<T = unknown>(path: string, host: EdgarHost = 'www', options?: EdgarGetOptions<T>): Promise<T> {
    return this.#request('getJson', host, path, 'json', options as EdgarGetOptions<unknown>) as Promise<T>;
  }

  /**
   * Resolve a ticker or CIK to a 10-digit CIK. Digits (optionally `CIK`-prefixed) are taken as
   * a CIK without any request; tickers are looked up in SEC's `company_tickers.json`
   * (`BRK.B` and `brk-b` both work).
   *
   * @param tickerOrCik - `'AAPL'`, `'320193'`, `'CIK0000320193'` or `320193`.
   * @param options - `signal`.
   * @returns The zero-padded CIK, e.g. `'0000320193'`.
   * @throws {InvalidArgumentError} (field `tickerOrCik`) for an unknown ticker, listing close matches.
   * @throws {EdgarHttpError} when the ticker file cannot be fetched.
   * @example
   * ```ts
   * await client.resolveCik('aapl'); // '0000320193'
   * ```
   */
  async resolveCik(tickerOrCik: string | number, options?: EdgarCallOptions): Promise<string> {
    return (await this.resolveCompany(tickerOrCik, options)).cik;
  }

  /**
   * Like {@link EdgarClient.resolveCik}, also returning the normalized ticker asked for.
   *
   * @param tickerOrCik - A ticker or CIK.
   * @param options - `signal`.
   * @returns `{ cik, ticker }` (`ticker` is `null` for a CIK).
   * @throws {InvalidArgumentError} for an unknown ticker, listing close matches.
   * @example
   * ```ts
   * await client.resolveCompany('brk.b'); // { cik: '0001067983', ticker: 'BRK-B' }
   * ```
   */
  async resolveCompany(tickerOrCik: string | number, options?: EdgarCallOptions): Promise<ResolvedCompany> {
    const signal = checkCallOptions('resolveCompany', options);
    if (typeof tickerOrCik !== 'string' && typeof tickerOrCik !== 'number') {
      throw new InvalidArgumentError(
        'tickerOrCik',
        `resolveCik needs a ticker or CIK, got ${describeType(tickerOrCik)}; e.g. client.resolveCik('AAPL').`,
      );
    }
    const cik = parseCik(tickerOrCik);
    if (cik !== null) return { cik, ticker: null };
    const ticker = normalizeTicker(String(tickerOrCik));
    if (!/^[A-Z0-9-]{1,12}$/.test(ticker)) {
      throw new InvalidArgumentError(
        'tickerOrCik',
        `'${tickerOrCik}' is neither a ticker nor a CIK of up to 10 digits; e.g. client.resolveCik('AAPL') or client.resolveCik('320193').`,
      );
    }
    const table = await this.#tickerTable(signal);
    const entry = table.byTicker.get(ticker);
    if (entry !== undefined) return { cik: entry.cik, ticker };
    const matches = closeTickerMatches(table, ticker);
    const hint =
      matches.length === 0
        ? 'No similar ticker is listed.'
        : `Close matches: ${matches.map((m) => `${m.ticker} (${m.title}, CIK ${m.cik})`).join('; ')}.`;
    throw new InvalidArgumentError(
      'tickerOrCik',
      `Unknown ticker '${tickerOrCik}': SEC's company_tickers.json does not list it. ${hint} ` +
        "Delisted companies keep their CIK: pass it instead, e.g. client.resolveCik('0000320193').",
    );
  }

  /**
   * SEC's submissions record of a company (recent filings and the list of older pages).
   *
   * @param tickerOrCik - A ticker or CIK.
   * @param options - `signal`.
   * @returns Name, tickers, `recent` columns and `files` pages.
   * @throws {EdgarHttpError} e.g. status 404 for a CIK SEC does not know.
   * @example
   * ```ts
   * const subs = await client.submissions('320193');
   * subs.name; // 'Apple Inc.'
   * ```
   */
  async submissions(tickerOrCik: string | number, options?: EdgarCallOptions): Promise<Submissions> {
    const signal = checkCallOptions('submissions', options);
    const cik = await this.resolveCik(tickerOrCik, { signal });
    const json = await this.getJson(`/submissions/CIK${cik}.json`, 'data', { signal, validate: checkObject });
    return parseSubmissions(json, cik);
  }

  /**
   * List filings of companies by form type and filing date (both ends inclusive). Older
   * `filings.files` pages are fetched only when the date range reaches back into them. A
   * malformed row (accession number, document name, date) is left out and reported through
   * `onProgress` as a `rejected-row` event; {@link EdgarClient.scanCompanyFilings} returns them.
   *
   * @param query - Companies, forms, dates, amendments.
   * @param options - `signal`.
   * @returns The filings, company by company in the order asked, newest first within each.
   * @throws {InvalidArgumentError} for bad dates (not `YYYY-MM-DD`, start after end), unknown
   *   form types or unknown tickers (before any filing request).
   * @throws {EdgarHttpError} when SEC cannot be reached.
   * @example
   * ```ts
   * const refs = await client.listFilings({
   *   tickersOrCiks: ['AAPL', 'MSFT'],
   *   formTypes: ['10-K'],
   *   filingDateStart: '2015-01-01',
   *   filingDateEnd: '2023-12-31',
   * });
   * ```
   */
  async listFilings(query: ListFilingsQuery, options?: EdgarCallOptions): Promise<FilingRef[]> {
    const signal = checkCallOptions('listFilings', options);
    const q = checkedQuery('listFilings', query, this.options.clock.now());
    const companies = await Promise.all(q.tickersOrCiks.map((t) => this.resolveCompany(t, { signal })));
    const lists = await Promise.all(
      companies.map((company) => this.listCompanyFilings(company, q, { signal })),
    );
    return lists.flat();
  }

  /**
   * The filings of one resolved company matching a normalized query (malformed rows left out,
   * see {@link EdgarClient.scanCompanyFilings}).
   *
   * @param company - From {@link EdgarClient.resolveCompany}.
   * @param query - From {@link normalizeFilingsQuery}.
   * @param options - `signal`.
   * @returns Matching filings, newest first.
   * @throws {EdgarHttpError} when SEC cannot be reached.
   * @example
   * ```ts
   * const q = normalizeFilingsQuery({ tickersOrCiks: 'AAPL' });
   * const refs = await client.listCompanyFilings(await client.resolveCompany('AAPL'), q);
   * ```
   */
  async listCompanyFilings(
    company: ResolvedCompany,
    query: NormalizedFilingsQuery,
    options?: EdgarCallOptions,
  ): Promise<FilingRef[]> {
    return (await this.scanCompanyFilings(company, query, options)).refs;
  }

  /**
   * Like {@link EdgarClient.listCompanyFilings}, also returning the rows that matched the query's
   * forms but are malformed (accession number, document name or date), each with its reason.
   * One bad row never drops the company's other filings.
   *
   * @param company - From {@link EdgarClient.resolveCompany}.
   * @param query - From {@link normalizeFilingsQuery}.
   * @param options - `signal`.
   * @returns `{ refs, rejected }`.
   * @throws {EdgarHttpError} when SEC cannot be reached.
   * @example
   * ```ts
   * const q = normalizeFilingsQuery({ tickersOrCiks: 'AAPL' });
   * const { refs, rejected } = await client.scanCompanyFilings(await client.resolveCompany('AAPL'), q);
   * ```
   */
  async scanCompanyFilings(
    company: ResolvedCompany,
    query: NormalizedFilingsQuery,
    options?: EdgarCallOptions,
  ): Promise<{ refs: FilingRef[]; rejected: RejectedFiling[] }> {
    const signal = checkCallOptions('scanCompanyFilings', options);
    const subs = await this.submissions(company.cik, { signal });
    const base = {
      cik: company.cik,
      ticker: company.ticker ?? (subs.tickers[0] === undefined ? null : normalizeTicker(subs.tickers[0])),
      company: subs.name,
    };
    const forms = new Set(query.formTypes);
    const { filingDateStart: start, filingDateEnd: end } = query;
    const pages = subs.files.filter(
      (f) => f.filingTo >= start && f.filingFrom <= end && /^[A-Za-z0-9._-]+\.json$/.test(f.name),
    );
    const scans = [
      scanColumns(subs.recent, base, forms, start, end, SEC_BASE_URLS.www),
      ...(await Promise.all(
        pages.map(async (page) =>
          scanColumns(
            await this.getJson<SubmissionColumns>(`/submissions/${page.name}`, 'data', {
              signal,
              validate: checkObject,
            }),
            base,
            forms,
            start,
            end,
            SEC_BASE_URLS.www,
          ),
        ),
      )),
    ];
    const refs = scans.flatMap((scan) => scan.refs);
    const rejected = scans.flatMap((scan) => scan.rejected);
    for (const row of rejected) {
      this.options.onProgress?.({
        type: 'rejected-row',
        cik: row.cik,
        accessionNumber: row.accessionNumber,
        reason: row.reason,
      });
    }
    return { refs, rejected };
  }

  /**
   * Fetch a filing document as text: the primary document, or another file of the same folder.
   * Archives never change, so they are cached forever. The body must look like a whole filing
   * document (see the EDGAR guide): one cut short or an SEC error page is refused and refetched.
   *
   * @param ref - A {@link FilingRef} (or cik + accession + primary document).
   * @param fileName - Another file of the filing folder, e.g. an `EX-13` exhibit; or the options.
   * @param options - `signal`.
   * @returns The document text (HTML or plain text).
   * @throws {EdgarHttpError} e.g. status 404 when the file does not exist.
   * @example
   * ```ts
   * const html = await client.fetchDocument(refs[0]!);
   * const exhibit = await client.fetchDocument(refs[0]!, 'ex13.htm', { signal: AbortSignal.timeout(60_000) });
   * ```
   */
  fetchDocument(
    ref: FilingLocator,
    fileName?: string | null | EdgarCallOptions,
    options?: EdgarCallOptions,
  ): Promise<string> {
    const [file, callOptions] =
      fileName !== null && typeof fileName === 'object' ? [undefined, fileName] : [fileName, options];
    const signal = checkCallOptions('fetchDocument', callOptions);
    const name = file ?? ref.primaryDocument ?? `${requireAccession(ref.accessionNumber)}.txt`;
    if (typeof name !== 'string' || !SAFE_FILE_NAME.test(name)) {
      throw new InvalidArgumentError(
        'fileName',
        `fetchDocument needs a file name inside the filing folder, got '${String(name)}'; ` +
          "e.g. client.fetchDocument(ref, 'ex13.htm').",
      );
    }
    return this.#request(
      'fetchDocument',
      'www',
      `${this.#folder(ref)}/${encodeURIComponent(name)}`,
      'document',
      { signal },
    ) as Promise<string>;
  }

  /**
   * The folder listing (`index.json`) of a filing.
   *
   * @param ref - A {@link FilingRef} (or cik + accession).
   * @param options - `signal`.
   * @returns The files of the filing folder.
   * @throws {EdgarHttpError} when it cannot be fetched.
   * @example
   * ```ts
   * const index = await client.fetchFilingIndex(refs[0]!);
   * index.items.map((item) => item.name);
   * ```
   */
  async fetchFilingIndex(ref: FilingLocator, options?: EdgarCallOptions): Promise<FilingIndex> {
    const signal = checkCallOptions('fetchFilingIndex', options);
    const json = await this.getJson(`${this.#folder(ref)}/index.json`, 'www', {
      signal,
      validate: checkObject,
    });
    return parseFilingIndex(json);
  }

  /**
   * EDGAR full-text search (filings since 2001): every filing whose text matches `query.q`,
   * once per accession, paging through SEC's answer 100 hits at a time (at most 10,000 hits a
   * query). Every page goes through the same rate limiter, validation and cache (for
   * `cacheTtlMs`) as the client's other requests. The results are {@link FilingRef}s plus
   * `matchedDocuments`, so they feed `buildDataset({ filings })` and `loadEdgarDataset`.
   *
   * @param query - `q` (words, or a phrase in double quotes), `forms`, `dateRange`, `ciks`.
   * @param options - `maxResults` (default 10,000) and `signal`.
   * @returns An async iterable of filings, most relevant first.
   * @throws {InvalidArgumentError} for a bad query; {@link EdgarHttpError} when SEC cannot be reached.
   * @example
   * ```ts
   * const client = new EdgarClient({ userAgent: 'Jane Analyst jane@example.com' });
   * for await (const hit of client.searchFilings({ q: '"going concern"', forms: ['10-K'], dateRange: ['2010-01-01', '2020-12-31'] })) {
   *   console.log(hit.company, hit.filingDate, hit.url);
   * }
   * ```
   */
  searchFilings(
    query: FullTextSearchQuery,
    options?: FullTextSearchOptions,
  ): AsyncIterable<FullTextSearchHit> {
    normalizeFullTextSearchQuery(query); // bad queries fail here, before any request
    return paginateFullTextSearch(
      (path, signal) => this.getJson(path, 'efts', { signal, validate: parseFullTextSearch }),
      query,
      options,
      SEC_BASE_URLS.www,
    );
  }

  /**
   * SEC's XBRL company facts of a company (every reported fact by taxonomy, concept and unit).
   *
   * @param tickerOrCik - A ticker or CIK.
   * @param options - `signal`.
   * @returns The company-facts document.
   * @throws {EdgarHttpError} status 404 when the company files no XBRL.
   * @example
   * ```ts
   * const facts = await client.companyFacts('SNOW');
   * Object.keys(facts.facts['us-gaap'] ?? {}).length;
   * ```
   */
  async companyFacts(tickerOrCik: string | number, options?: EdgarCallOptions): Promise<CompanyFacts> {
    const signal = checkCallOptions('companyFacts', options);
    const cik = await this.resolveCik(tickerOrCik, { signal });
    return this.getJson<CompanyFacts>(`/api/xbrl/companyfacts/CIK${cik}.json`, 'data', {
      signal,
      validate: checkObject,
    });
  }

  #folder(ref: FilingLocator): string {
    const cik = ref === null || typeof ref !== 'object' ? null : parseCik(ref.cik);
    if (cik === null) {
      throw new InvalidArgumentError(
        'ref',
        "a filing reference needs cik and accessionNumber, e.g. { cik: '320193', accessionNumber: '0000320193-23-000077' }.",
      );
    }
    return filingFolderPath(cik, ref.accessionNumber);
  }

  #tickerTable(signal: AbortSignal | undefined): Promise<TickerTable> {
    if (this.#tickers === undefined) {
      // The table is shared by every caller, so it loads under the client's signal only; each
      // caller still stops waiting when its own signal aborts.
      const pending = this.getJson('/files/company_tickers.json', 'www', { validate: checkObject }).then(
        parseTickerTable,
      );
      this.#tickers = pending;
      pending.catch(() => {
        if (this.#tickers === pending) this.#tickers = undefined;
      });
    }
    const table = this.#tickers;
    if (signal === undefined) return table;
    return follow(
      { promise: table, controller: new AbortController(), waiters: 1 },
      signal,
      () => {},
    ) as Promise<TickerTable>;
  }

  #request(
    fn: string,
    host: EdgarHost,
    path: string,
    kind: BodyKind,
    options: EdgarGetOptions<never> | EdgarGetOptions<unknown> | undefined,
  ): Promise<unknown> {
    let signal: AbortSignal | undefined;
    let validate: ((value: unknown) => void) | undefined;
    try {
      const checked = checkOptions(fn, options as EdgarGetOptions<unknown> | undefined, GET_KEYS);
      signal = checkSignal(fn, checked.signal);
      if (checked.validate !== undefined && typeof checked.validate !== 'function') {
        throw new InvalidArgumentError(
          'options.validate',
          `${fn}: options.validate must be a function that throws to refuse a body, got ${describeType(checked.validate)}.`,
        );
      }
      validate = checked.validate;
      if (typeof path !== 'string' || !path.startsWith('/')) {
        throw new InvalidArgumentError(
          'path',
          `path must start with '/', e.g. '/files/company_tickers.json', got '${String(path)}'.`,
        );
      }
      if (!Object.hasOwn(SEC_BASE_URLS, host)) {
        throw new InvalidArgumentError('host', `host must be 'www' or 'data', got '${String(host)}'.`);
      }
    } catch (error) {
      return Promise.reject(error);
    }
    const url = `${SEC_BASE_URLS[host]}${path}`;
    const base = DECODERS[kind];
    const decode =
      validate === undefined
        ? base
        : (body: Uint8Array): unknown => {
            const value = base(body);
            try {
              validate(value);
            } catch (cause) {
              throw new InvalidBodyError(`the body failed its check: ${describeError(cause)}`, { cause });
            }
            return value;
          };
    // One request per URL at a time: concurrent callers of the same URL with the same check share
    // the answer.
    const key = `${kind} ${validate === undefined ? 0 : validatorId(validate)} ${url}`;
    const existing = this.#inflight.get(key);
    if (existing !== undefined) return follow(existing, signal, () => this.#forget(key, existing));
    const controller = new AbortController();
    const loadSignal = joinSignals(this.options.signal, controller.signal) ?? controller.signal;
    const shared: SharedLoad = {
      promise: this.#load(host, path, url, decode, loadSignal).finally(() => {
        this.#forget(key, shared);
      }),
      controller,
      waiters: 0,
    };
    shared.promise.catch(() => {});
    this.#inflight.set(key, shared);
    return follow(shared, signal, () => this.#forget(key, shared));
  }

  #forget(key: string, shared: SharedLoad): void {
    if (this.#inflight.get(key) === shared) this.#inflight.delete(key);
  }

  async #load<T>(
    host: EdgarHost,
    path: string,
    url: string,
    decode: (body: Uint8Array) => T,
    signal: AbortSignal,
  ): Promise<T> {
    const o = this.options;
    const cache = o.cacheStore;
    if (signal.aborted) throw reasonOf(signal);
    if (cache !== null) {
      const entry = await cache.get(url);
      let damaged = false;
      if (entry !== undefined) {
        // A digest that does not match (or is missing) means the bytes on disk are not the ones
        // that were checked when they were stored: a miss, never data.
        const intact = typeof entry.sha256 === 'string' && entry.sha256 === bodyDigest(entry.body);
        const fresh =
          o.offline || resourceKind(url) === 'archives' || o.clock.now() - entry.storedAt < o.cacheTtlMs;
        if (!intact) damaged = true;
        else if (fresh) {
          try {
            const value = decode(entry.body);
            o.onProgress?.({ type: 'cache-hit', url });
            return value;
          } catch {
            // Stored before a check existed or damaged in a way the digest cannot see: refetched.
            damaged = true;
          }
        }
        if (damaged) o.onProgress?.({ type: 'cache-damaged', url });
      }
      if (o.offline) {
        throw new EdgarCacheMissError(url, cache.location, { file: cache.pathOf?.(url) ?? null, damaged });
      }
    }
    const { value, body } = await this.#fetchWithRetry(host, path, decode, signal);
    if (cache !== null) await cache.set({ url, storedAt: o.clock.now(), body, sha256: bodyDigest(body) });
    return value;
  }

  async #attempt(requestUrl: string, signal: AbortSignal): Promise<EdgarTransportResponse> {
    const o = this.options;
    return this.#limit(async () => {
      const paused = o.limiter.pausedUntil - o.clock.now();
      if (paused > o.retry.maxWaitMs) {
        throw new EdgarHttpError(
          `GET ${requestUrl}: every request is paused for another ${describeWait(paused)} because SEC signaled ` +
            `a block, longer than retry.maxWaitMs (${o.retry.maxWaitMs} ms); not waiting. Try again later.`,
          { status: null, url: requestUrl, attempts: 0, retryAfter: paused, code: 'EDGAR_WAIT_TOO_LONG' },
        );
      }
      const ticket =
        o.limiter.acquireTicket === undefined
          ? await o.limiter.acquire(signal)
          : await o.limiter.acquireTicket(signal);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new TimeoutError(o.timeoutMs)), o.timeoutMs);
      const onAbort = (): void => controller.abort(reasonOf(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await o.transport({
          url: requestUrl,
          headers: { 'User-Agent': o.userAgent, 'Accept-Encoding': 'gzip, deflate', Accept: '*/*' },
          signal: controller.signal,
          onHeaders: () => ticket?.answered(),
        });
      } catch (error) {
        if (controller.signal.aborted && controller.signal.reason instanceof TimeoutError) {
          throw controller.signal.reason;
        }
        throw error;
      } finally {
        // Answered or failed: if the server counted this request, it did so by now.
        ticket?.answered();
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      }
    });
  }

  async #fetchWithRetry<T>(
    host: EdgarHost,
    path: string,
    decode: (body: Uint8Array) => T,
    signal: AbortSignal,
  ): Promise<{ value: T; body: Uint8Array }> {
    const o = this.options;
    const firstUrl = `${o.baseUrls[host]}${path}`;
    const origin = new URL(firstUrl);
    let requestUrl = firstUrl;
    const visited = new Set([firstUrl]);
    let hops = 0;
    let attempts = 0;
    let failures = 0;
    let pauses = 0;
    let invalidBody = false;
    for (;;) {
      if (signal.aborted) throw reasonOf(signal);
      attempts++;
      const started = o.clock.now();
      let response: EdgarTransportResponse | undefined;
      let error: unknown;
      try {
        response = await this.#attempt(requestUrl, signal);
      } catch (caught) {
        if (signal.aborted) throw reasonOf(signal);
        // A request that cannot be sent (bad header or URL) or a wait beyond the cap: retrying
        // cannot help.
        if (isFinTabTextError(caught)) throw caught;
        error = caught;
      }
      o.onProgress?.({
        type: 'request',
        url: requestUrl,
        status: response?.status ?? null,
        attempt: attempts,
        bytes: response?.body.length ?? 0,
        ms: o.clock.now() - started,
      });
      const retryAfter = parseRetryAfter(response?.headers['retry-after'], Date.now());
      const details = { url: firstUrl, attempts, retryAfter };
      let reason: string;
      const page = response === undefined ? null : recognizeSecErrorPage(response.body);
      if (response !== undefined && REDIRECT_STATUS.has(response.status)) {
        const location = response.headers.location;
        let next: URL | null = null;
        try {
          next = location === undefined ? null : new URL(location, requestUrl);
        } catch {
          next = null;
        }
        if (next === null) {
          throw new EdgarHttpError(
            `GET ${requestUrl} answered ${response.status} without a usable Location (${JSON.stringify(location ?? null)}).`,
            { ...details, status: response.status },
          );
        }
        if (next.origin !== origin.origin) {
          throw new EdgarHttpError(
            `GET ${requestUrl} redirects (${response.status}) to ${next.href}, on host ${next.host} instead of ` +
              `${origin.host}. Redirects are followed on the same host only, so nothing was sent to ${next.host} ` +
              '(not the User-Agent either). If you use a mirror, point baseUrls at the host it redirects to.',
            { ...details, status: response.status, code: 'EDGAR_REDIRECT_OFF_HOST' },
          );
        }
        hops++;
        if (hops > MAX_REDIRECTS || visited.has(next.href)) {
          throw new EdgarHttpError(
            `GET ${firstUrl}: ${visited.has(next.href) ? `redirect loop back to ${next.href}` : `more than ${MAX_REDIRECTS} redirects`} ` +
              `(last ${response.status} from ${requestUrl}); stopped. Check baseUrls.`,
            { ...details, status: response.status, code: 'EDGAR_TOO_MANY_REDIRECTS' },
          );
        }
        visited.add(next.href);
        o.onProgress?.({ type: 'redirect', url: requestUrl, location: next.href, status: response.status });
        requestUrl = next.href;
        continue;
      }
      if (
        response !== undefined &&
        (response.status === 429 || page?.kind === 'blocked' || isRateBlockBody(response))
      ) {
        pauses++;
        const pauseMs = retryAfter ?? o.blockPauseMs;
        o.limiter.pause(pauseMs);
        o.onProgress?.({ type: 'rate-limited', url: requestUrl, status: response.status, pauseMs });
        const what =
          page === null
            ? `status ${response.status}`
            : `SEC's "${page.title}" page (status ${response.status})`;
        if (pauseMs > o.retry.maxWaitMs) {
          throw new EdgarHttpError(
            `GET ${requestUrl}: SEC answered ${what} and asked to wait ${describeWait(pauseMs)}` +
              `${retryAfter === null ? ' (blockPauseMs)' : ` (Retry-After: ${response.headers['retry-after']})`}, ` +
              `longer than retry.maxWaitMs (${o.retry.maxWaitMs} ms); not waiting. Try again later.`,
            { ...details, status: response.status, code: 'EDGAR_WAIT_TOO_LONG' },
          );
        }
        if (pauses > o.retry.maxRateLimitPauses) {
          const tool = /Undeclared Automated Tool/i.test(page?.title ?? '')
            ? ' SEC named this client an undeclared automated tool: check that userAgent names you and your email.'
            : '';
          throw new EdgarHttpError(
            `GET ${requestUrl}: SEC kept signaling its request-rate block (${what}) after ` +
              `${o.retry.maxRateLimitPauses} pauses. Lower maxRequestsPerSecond, make sure no other process ` +
              `shares your IP without sharing the limiter, and try again in 10 minutes.${tool}`,
            { ...details, status: response.status, code: 'EDGAR_RATE_LIMITED' },
          );
        }
        continue;
      }
      if (response !== undefined && response.status >= 200 && response.status < 300) {
        const mismatch = contentLengthMismatch(response);
        if (page !== null) {
          reason = `SEC's "${page.title}" page instead of the file (status ${response.status})`;
        } else if (mismatch !== null) {
          reason = `status ${response.status} with a body cut short: ${mismatch}`;
        } else {
          try {
            return { value: decode(response.body), body: response.body };
          } catch (caught) {
            error = caught;
            reason = `status ${response.status}, but ${describeError(caught)}`;
          }
        }
        invalidBody = true;
      } else if (
        response !== undefined &&
        (page !== null || RETRYABLE_STATUS.has(response.status) || response.status >= 500)
      ) {
        reason =
          page === null
            ? `status ${response.status}`
            : `SEC's "${page.title}" page (status ${response.status})`;
        invalidBody = false;
      } else if (response !== undefined) {
        const hint =
          response.status === 404
            ? ' (not found: check the CIK, accession number and file name)'
            : response.status === 403
              ? ' (forbidden: SEC refuses requests without a declared User-Agent of name and email)'
              : '';
        throw new EdgarHttpError(`GET ${requestUrl} failed with status ${response.status}${hint}.`, {
          ...details,
          url: requestUrl,
          status: response.status,
        });
      } else {
        reason = describeError(error);
        invalidBody = false;
      }
      failures++;
      if (failures >= o.retry.maxAttempts) {
        throw new EdgarHttpError(
          `GET ${requestUrl} failed after ${attempts} attempts; last: ${reason}. ` +
            'Raise retry.maxAttempts or timeoutMs, or check the network and baseUrls.',
          {
            ...details,
            url: requestUrl,
            status: response?.status ?? null,
            cause: error,
            code: invalidBody ? 'EDGAR_INVALID_BODY' : 'EDGAR_HTTP_ERROR',
          },
        );
      }
      if (retryAfter !== null && retryAfter > o.retry.maxWaitMs) {
        throw new EdgarHttpError(
          `GET ${requestUrl}: ${reason}, and SEC asked to wait ${describeWait(retryAfter)} ` +
            `(Retry-After: ${response?.headers['retry-after']}), longer than retry.maxWaitMs (${o.retry.maxWaitMs} ms); ` +
            'not waiting. Try again later.',
          { ...details, url: requestUrl, status: response?.status ?? null, code: 'EDGAR_WAIT_TOO_LONG' },
        );
      }
      const ceiling = Math.min(o.retry.maxDelayMs, o.retry.baseDelayMs * 2 ** (failures - 1));
      const delayMs = Math.max(ceiling / 2 + Math.random() * (ceiling / 2), retryAfter ?? 0);
      o.onProgress?.({ type: 'retry', url: requestUrl, attempt: attempts, delayMs, reason });
      await o.clock.sleep(delayMs, signal);
    }
  }
}

const validatorIds = new WeakMap<object, number>();
let lastValidatorId = 0;

/** A stable number per check function, so loads with the same check can be shared. */
function validatorId(validate: object): number {
  const known = validatorIds.get(validate);
  if (known !== undefined) return known;
  lastValidatorId++;
  validatorIds.set(validate, lastValidatorId);
  return lastValidatorId;
}

/** The JSON endpoints the client reads all answer an object. */
function checkObject(value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${describeType(value)}`);
  }
}
