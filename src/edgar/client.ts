import pLimit from 'p-limit';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { resourceKind } from './cache.js';
import { reasonOf } from './clock.js';
import { decodeBody, parseJsonBody, parseRetryAfter } from './decode.js';
import { EdgarCacheMissError, EdgarHttpError } from './errors.js';
import {
  type FilingIndex,
  type FilingRef,
  filingFolderPath,
  filterColumns,
  normalizeAccession,
  parseFilingIndex,
  parseSubmissions,
  type Submissions,
} from './filings.js';
import { type EdgarClientOptions, type ResolvedEdgarOptions, resolveEdgarOptions } from './options.js';
import { normalizeFormTypes, normalizeTickersOrCiks, validateDateRange } from './query.js';
import type { RateLimiter } from './rate-limiter.js';
import {
  closeTickerMatches,
  normalizeTicker,
  padCik,
  parseTickerTable,
  type TickerTable,
} from './tickers.js';
import type { EdgarTransportResponse } from './transport.js';

/** SEC's own hosts: cache keys and reported URLs always use these, whatever `baseUrls` says. */
export const SEC_BASE_URLS: Readonly<{ www: string; data: string }> = Object.freeze({
  www: 'https://www.sec.gov',
  data: 'https://data.sec.gov',
});

/** Which SEC host a path lives on. */
export type EdgarHost = 'www' | 'data';

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
 * @returns Normalised tickers, forms and dates.
 * @throws {InvalidArgumentError} naming the bad field.
 * @example
 * ```ts
 * import { normalizeFilingsQuery } from 'fin-tabtext/edgar';
 * normalizeFilingsQuery({ tickersOrCiks: 'AAPL', formTypes: '10-k', filingDateStart: '2020-01-01' });
 * ```
 */
export function normalizeFilingsQuery(query: ListFilingsQuery, now?: number): NormalizedFilingsQuery {
  if (query === null || typeof query !== 'object') {
    throw new InvalidArgumentError(
      'query',
      `listFilings needs a query object, got ${describeType(query)}; ` +
        "e.g. client.listFilings({ tickersOrCiks: ['AAPL'], formTypes: ['10-K'] }).",
    );
  }
  const tickersOrCiks = normalizeTickersOrCiks(query.tickersOrCiks);
  const formTypes = normalizeFormTypes(query.formTypes ?? ['10-K', '10-Q'], query.includeAmendments === true);
  const [filingDateStart, filingDateEnd] = validateDateRange(query.filingDateStart, query.filingDateEnd, now);
  return { tickersOrCiks, formTypes, filingDateStart, filingDateEnd };
}

const RETRYABLE_STATUS = new Set([408, 425, 500, 502, 503, 504, 520, 521, 522, 523, 524]);
const SAFE_FILE_NAME = /^(?!\.{1,2}$)[^/\\?#\0]+$/;

function isRateLimited(response: EdgarTransportResponse): boolean {
  if (response.status === 429) return true;
  if (response.status !== 403) return false;
  const text = Buffer.from(response.body.subarray(0, 20_000)).toString('latin1');
  return /Request Rate Threshold|exceeded the SEC.{0,12}s (?:Traffic Limit|maximum allowable)/i.test(text);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

type BodyKind = 'bytes' | 'text' | 'json';
const DECODERS: Readonly<Record<BodyKind, (body: Uint8Array) => unknown>> = {
  bytes: (body) => body,
  text: decodeBody,
  json: parseJsonBody,
};

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no complete response within ${ms} ms (timeoutMs)`);
    this.name = 'TimeoutError';
  }
}

/**
 * A polite, resumable client for SEC EDGAR: every request goes through one rate limiter
 * (evenly spaced, at most 10 per second), transient faults are retried with exponential backoff
 * and jitter, rate-limit blocks pause all traffic, and responses are cached on disk.
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
  readonly #inflight = new Map<string, Promise<unknown>>();
  #tickers: Promise<TickerTable> | undefined;

  /**
   * @param options - `userAgent` (required) and optional settings, see {@link EdgarClientOptions}.
   * @throws {InvalidArgumentError} for a User-Agent without name or email (citing SEC fair
   *   access), a cap above 10, or any other bad option.
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
   * GET a path of an SEC host, through the cache, limiter and retry policy.
   *
   * @param path - Absolute path, e.g. `/files/company_tickers.json`.
   * @param host - `'www'` (www.sec.gov) or `'data'` (data.sec.gov).
   * @returns The decompressed body.
   * @throws {EdgarHttpError} when the request fails for good.
   * @throws {EdgarCacheMissError} offline, when the URL is not cached.
   * @example
   * ```ts
   * const bytes = await client.get('/Archives/edgar/daily-index/2018/QTR4/master.20181231.idx', 'www');
   * ```
   */
  get(path: string, host: EdgarHost = 'www'): Promise<Uint8Array> {
    return this.#request(host, path, 'bytes') as Promise<Uint8Array>;
  }

  /**
   * GET and decode as text (UTF-8, else Windows-1252).
   *
   * @param path - Absolute path on the host.
   * @param host - `'www'` or `'data'`.
   * @returns The text.
   * @throws {EdgarHttpError} / {EdgarCacheMissError} as {@link EdgarClient.get}.
   * @example
   * ```ts
   * const idx = await client.getText('/Archives/edgar/daily-index/2018/QTR4/master.20181231.idx');
   * ```
   */
  getText(path: string, host: EdgarHost = 'www'): Promise<string> {
    return this.#request(host, path, 'text') as Promise<string>;
  }

  /**
   * GET and parse JSON. A body that does not parse is treated as truncated and retried.
   *
   * @param path - Absolute path on the host.
   * @param host - `'www'` or `'data'`.
   * @returns The parsed value.
   * @throws {EdgarHttpError} / {EdgarCacheMissError} as {@link EdgarClient.get}.
   * @example
   * ```ts
   * const subs = await client.getJson('/submissions/CIK0000320193.json', 'data');
   * ```
   */
  getJson<T = unknown>(path: string, host: EdgarHost = 'www'): Promise<T> {
    return this.#request(host, path, 'json') as Promise<T>;
  }

  /**
   * Resolve a ticker or CIK to a 10-digit CIK. Digits (optionally `CIK`-prefixed) are taken as
   * a CIK without any request; tickers are looked up in SEC's `company_tickers.json`
   * (`BRK.B` and `brk-b` both work).
   *
   * @param tickerOrCik - `'AAPL'`, `'320193'`, `'CIK0000320193'` or `320193`.
   * @returns The zero-padded CIK, e.g. `'0000320193'`.
   * @throws {InvalidArgumentError} (field `tickerOrCik`) for an unknown ticker, listing close matches.
   * @throws {EdgarHttpError} when the ticker file cannot be fetched.
   * @example
   * ```ts
   * await client.resolveCik('aapl'); // '0000320193'
   * ```
   */
  async resolveCik(tickerOrCik: string | number): Promise<string> {
    return (await this.resolveCompany(tickerOrCik)).cik;
  }

  /**
   * Like {@link EdgarClient.resolveCik}, also returning the normalised ticker asked for.
   *
   * @param tickerOrCik - A ticker or CIK.
   * @returns `{ cik, ticker }` (`ticker` is `null` for a CIK).
   * @throws {InvalidArgumentError} for an unknown ticker, listing close matches.
   * @example
   * ```ts
   * await client.resolveCompany('brk.b'); // { cik: '0001067983', ticker: 'BRK-B' }
   * ```
   */
  async resolveCompany(tickerOrCik: string | number): Promise<ResolvedCompany> {
    if (typeof tickerOrCik !== 'string' && typeof tickerOrCik !== 'number') {
      throw new InvalidArgumentError(
        'tickerOrCik',
        `resolveCik needs a ticker or CIK, got ${describeType(tickerOrCik)}; e.g. client.resolveCik('AAPL').`,
      );
    }
    const cik = padCik(tickerOrCik);
    if (cik !== null) return { cik, ticker: null };
    const ticker = normalizeTicker(String(tickerOrCik));
    if (!/^[A-Z0-9-]{1,12}$/.test(ticker)) {
      throw new InvalidArgumentError(
        'tickerOrCik',
        `'${tickerOrCik}' is neither a ticker nor a CIK of up to 10 digits; e.g. client.resolveCik('AAPL') or client.resolveCik('320193').`,
      );
    }
    const table = await this.#tickerTable();
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
   * @returns Name, tickers, `recent` columns and `files` pages.
   * @throws {EdgarHttpError} e.g. status 404 for a CIK SEC does not know.
   * @example
   * ```ts
   * const subs = await client.submissions('320193');
   * subs.name; // 'Apple Inc.'
   * ```
   */
  async submissions(tickerOrCik: string | number): Promise<Submissions> {
    const cik = await this.resolveCik(tickerOrCik);
    const json = await this.getJson(`/submissions/CIK${cik}.json`, 'data');
    return parseSubmissions(json, cik);
  }

  /**
   * List filings of companies by form type and filing date (both ends inclusive). Older
   * `filings.files` pages are fetched only when the date range reaches back into them.
   *
   * @param query - Companies, forms, dates, amendments.
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
  async listFilings(query: ListFilingsQuery): Promise<FilingRef[]> {
    const q = normalizeFilingsQuery(query, this.options.clock.now());
    const companies = await Promise.all(q.tickersOrCiks.map((t) => this.resolveCompany(t)));
    const lists = await Promise.all(companies.map((company) => this.listCompanyFilings(company, q)));
    return lists.flat();
  }

  /**
   * The filings of one resolved company matching a normalised query.
   *
   * @param company - From {@link EdgarClient.resolveCompany}.
   * @param query - From {@link normalizeFilingsQuery}.
   * @returns Matching filings, newest first.
   * @throws {EdgarHttpError} when SEC cannot be reached.
   * @example
   * ```ts
   * const q = normalizeFilingsQuery({ tickersOrCiks: 'AAPL' });
   * const refs = await client.listCompanyFilings(await client.resolveCompany('AAPL'), q);
   * ```
   */
  async listCompanyFilings(company: ResolvedCompany, query: NormalizedFilingsQuery): Promise<FilingRef[]> {
    const subs = await this.submissions(company.cik);
    const base = {
      cik: company.cik,
      ticker: company.ticker ?? (subs.tickers[0] === undefined ? null : normalizeTicker(subs.tickers[0])),
      company: subs.name,
    };
    const forms = new Set(query.formTypes);
    const { filingDateStart: start, filingDateEnd: end } = query;
    const refs = filterColumns(subs.recent, base, forms, start, end, SEC_BASE_URLS.www);
    const pages = subs.files.filter(
      (f) => f.filingTo >= start && f.filingFrom <= end && /^[A-Za-z0-9._-]+\.json$/.test(f.name),
    );
    const older = await Promise.all(
      pages.map(async (page) =>
        filterColumns(
          await this.getJson(`/submissions/${page.name}`, 'data'),
          base,
          forms,
          start,
          end,
          SEC_BASE_URLS.www,
        ),
      ),
    );
    return [...refs, ...older.flat()];
  }

  /**
   * Fetch a filing document as text: the primary document, or another file of the same folder.
   * Archives never change, so they are cached forever.
   *
   * @param ref - A {@link FilingRef} (or cik + accession + primary document).
   * @param fileName - Another file of the filing folder, e.g. an `EX-13` exhibit.
   * @returns The document text (HTML or plain text).
   * @throws {EdgarHttpError} e.g. status 404 when the file does not exist.
   * @example
   * ```ts
   * const html = await client.fetchDocument(refs[0]!);
   * ```
   */
  fetchDocument(ref: FilingLocator, fileName?: string): Promise<string> {
    const name = fileName ?? ref.primaryDocument ?? `${normalizeAccession(ref.accessionNumber)}.txt`;
    if (typeof name !== 'string' || !SAFE_FILE_NAME.test(name)) {
      throw new InvalidArgumentError(
        'fileName',
        `fetchDocument needs a file name inside the filing folder, got '${String(name)}'; ` +
          "e.g. client.fetchDocument(ref, 'ex13.htm').",
      );
    }
    return this.getText(`${this.#folder(ref)}/${encodeURIComponent(name)}`, 'www');
  }

  /**
   * The folder listing (`index.json`) of a filing.
   *
   * @param ref - A {@link FilingRef} (or cik + accession).
   * @returns The files of the filing folder.
   * @throws {EdgarHttpError} when it cannot be fetched.
   * @example
   * ```ts
   * const index = await client.fetchFilingIndex(refs[0]!);
   * index.items.map((item) => item.name);
   * ```
   */
  async fetchFilingIndex(ref: FilingLocator): Promise<FilingIndex> {
    return parseFilingIndex(await this.getJson(`${this.#folder(ref)}/index.json`, 'www'));
  }

  /**
   * SEC's XBRL company facts of a company (every reported fact by taxonomy, concept and unit).
   *
   * @param tickerOrCik - A ticker or CIK.
   * @returns The company-facts document.
   * @throws {EdgarHttpError} status 404 when the company files no XBRL.
   * @example
   * ```ts
   * const facts = await client.companyFacts('SNOW');
   * Object.keys(facts.facts['us-gaap'] ?? {}).length;
   * ```
   */
  async companyFacts(tickerOrCik: string | number): Promise<CompanyFacts> {
    const cik = await this.resolveCik(tickerOrCik);
    return this.getJson<CompanyFacts>(`/api/xbrl/companyfacts/CIK${cik}.json`, 'data');
  }

  #folder(ref: FilingLocator): string {
    const cik = ref === null || typeof ref !== 'object' ? null : padCik(ref.cik);
    if (cik === null) {
      throw new InvalidArgumentError(
        'ref',
        "a filing reference needs cik and accessionNumber, e.g. { cik: '320193', accessionNumber: '0000320193-23-000077' }.",
      );
    }
    return filingFolderPath(cik, ref.accessionNumber);
  }

  #tickerTable(): Promise<TickerTable> {
    if (this.#tickers === undefined) {
      const pending = this.getJson('/files/company_tickers.json', 'www').then(parseTickerTable);
      this.#tickers = pending;
      pending.catch(() => {
        if (this.#tickers === pending) this.#tickers = undefined;
      });
    }
    return this.#tickers;
  }

  #request(host: EdgarHost, path: string, kind: BodyKind): Promise<unknown> {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      return Promise.reject(
        new InvalidArgumentError(
          'path',
          `path must start with '/', e.g. '/files/company_tickers.json', got '${String(path)}'.`,
        ),
      );
    }
    const url = `${SEC_BASE_URLS[host]}${path}`;
    // One request per URL at a time: concurrent callers of the same URL share the answer.
    const key = `${kind} ${url}`;
    const existing = this.#inflight.get(key);
    if (existing !== undefined) return existing;
    const pending = this.#load(host, path, url, DECODERS[kind]).finally(() => {
      this.#inflight.delete(key);
    });
    this.#inflight.set(key, pending);
    return pending;
  }

  async #load<T>(host: EdgarHost, path: string, url: string, decode: (body: Uint8Array) => T): Promise<T> {
    const o = this.options;
    const cache = o.cacheStore;
    if (o.signal?.aborted) throw reasonOf(o.signal);
    if (cache !== null) {
      const entry = await cache.get(url);
      if (entry !== undefined) {
        const fresh =
          o.offline || resourceKind(url) === 'archives' || o.clock.now() - entry.storedAt < o.cacheTtlMs;
        if (fresh) {
          try {
            const value = decode(entry.body);
            o.onProgress?.({ type: 'cache-hit', url });
            return value;
          } catch {
            // A damaged entry is refetched below.
          }
        }
      }
      if (o.offline) throw new EdgarCacheMissError(url, cache.location);
    }
    const { value, body } = await this.#fetchWithRetry(`${o.baseUrls[host]}${path}`, decode);
    if (cache !== null) await cache.set({ url, storedAt: o.clock.now(), body });
    return value;
  }

  async #attempt(requestUrl: string): Promise<EdgarTransportResponse> {
    const o = this.options;
    return this.#limit(async () => {
      await o.limiter.acquire(o.signal);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new TimeoutError(o.timeoutMs)), o.timeoutMs);
      const onAbort = (): void => controller.abort(reasonOf(o.signal!));
      o.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await o.transport({
          url: requestUrl,
          headers: { 'User-Agent': o.userAgent, 'Accept-Encoding': 'gzip, deflate', Accept: '*/*' },
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted && controller.signal.reason instanceof TimeoutError) {
          throw controller.signal.reason;
        }
        throw error;
      } finally {
        clearTimeout(timer);
        o.signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  async #fetchWithRetry<T>(
    requestUrl: string,
    decode: (body: Uint8Array) => T,
  ): Promise<{ value: T; body: Uint8Array }> {
    const o = this.options;
    let attempts = 0;
    let failures = 0;
    let pauses = 0;
    for (;;) {
      if (o.signal?.aborted) throw reasonOf(o.signal);
      attempts++;
      const started = o.clock.now();
      let response: EdgarTransportResponse | undefined;
      let error: unknown;
      try {
        response = await this.#attempt(requestUrl);
      } catch (caught) {
        if (o.signal?.aborted) throw reasonOf(o.signal);
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
      let reason: string;
      if (response !== undefined && response.status >= 200 && response.status < 300) {
        try {
          return { value: decode(response.body), body: response.body };
        } catch (caught) {
          error = caught;
          reason = `status ${response.status} with a body that does not parse (cut short?): ${describeError(caught)}`;
        }
      } else if (response !== undefined && isRateLimited(response)) {
        pauses++;
        const pauseMs = retryAfter ?? o.blockPauseMs;
        o.limiter.pause(pauseMs);
        o.onProgress?.({ type: 'rate-limited', url: requestUrl, status: response.status, pauseMs });
        if (pauses > o.retry.maxRateLimitPauses) {
          throw new EdgarHttpError(
            `GET ${requestUrl}: SEC kept signalling its request-rate block (status ${response.status}) after ` +
              `${o.retry.maxRateLimitPauses} pauses. Lower maxRequestsPerSecond, make sure no other process ` +
              'shares your IP without sharing the limiter, and try again in 10 minutes.',
            { status: response.status, url: requestUrl, attempts, retryAfter, code: 'EDGAR_RATE_LIMITED' },
          );
        }
        continue;
      } else if (
        response !== undefined &&
        (RETRYABLE_STATUS.has(response.status) || response.status >= 500)
      ) {
        reason = `status ${response.status}`;
      } else if (response !== undefined) {
        const hint =
          response.status === 404
            ? ' (not found: check the CIK, accession number and file name)'
            : response.status === 403
              ? ' (forbidden: SEC refuses requests without a declared User-Agent of name and email)'
              : '';
        throw new EdgarHttpError(`GET ${requestUrl} failed with status ${response.status}${hint}.`, {
          status: response.status,
          url: requestUrl,
          attempts,
          retryAfter,
        });
      } else {
        reason = describeError(error);
      }
      failures++;
      if (failures >= o.retry.maxAttempts) {
        throw new EdgarHttpError(
          `GET ${requestUrl} failed after ${attempts} attempts; last: ${reason}. ` +
            'Raise retry.maxAttempts or timeoutMs, or check the network and baseUrls.',
          { status: response?.status ?? null, url: requestUrl, attempts, retryAfter, cause: error },
        );
      }
      const ceiling = Math.min(o.retry.maxDelayMs, o.retry.baseDelayMs * 2 ** (failures - 1));
      const delayMs = Math.max(ceiling / 2 + Math.random() * (ceiling / 2), retryAfter ?? 0);
      o.onProgress?.({ type: 'retry', url: requestUrl, attempt: attempts, delayMs, reason });
      await o.clock.sleep(delayMs, o.signal);
    }
  }
}
