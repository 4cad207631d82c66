import { FinTabTextError } from '../errors/index.js';

/** What {@link EdgarHttpError} carries besides its message. */
export interface EdgarHttpErrorDetails {
  /** HTTP status of the last attempt, or `null` when no response arrived (reset, timeout). */
  readonly status: number | null;
  /** The URL that was requested (the mirror's URL when `baseUrls` points elsewhere). */
  readonly url: string;
  /** How many HTTP requests were sent for this URL, retries and rate-limit pauses included. */
  readonly attempts: number;
  /** The server's `Retry-After`, in milliseconds, when it sent one; otherwise `null`. */
  readonly retryAfter: number | null;
  /** The underlying network error of the last attempt, if any. */
  readonly cause?: unknown;
  /** Machine-readable code. @default 'EDGAR_HTTP_ERROR' */
  readonly code?: string;
}

/**
 * An EDGAR request failed for good: a non-retryable status (such as 404), or a transient fault
 * (5xx, reset, timeout, truncated body, rate-limit block) that outlasted the retry policy.
 *
 * Codes: `EDGAR_HTTP_ERROR` (a status or network failure), `EDGAR_RATE_LIMITED` (SEC kept
 * answering 429 or its "Request Rate Threshold Exceeded" page after every pause),
 * `EDGAR_INVALID_BODY` (every attempt brought a body that is cut short, does not parse, or is an
 * SEC error page instead of the file), `EDGAR_REDIRECT_OFF_HOST` (a redirect to another host, not
 * followed), `EDGAR_TOO_MANY_REDIRECTS` (more than 3 hops, or a loop), `EDGAR_WAIT_TOO_LONG`
 * (SEC asked to wait longer than `retry.maxWaitMs`; `retryAfter` says how long).
 *
 * @example
 * ```ts
 * import { EdgarClient, EdgarHttpError } from 'fin-tabtext';
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com' });
 * try {
 *   await client.companyFacts('0000000001');
 * } catch (error) {
 *   if (error instanceof EdgarHttpError) console.error(error.status, error.url, error.attempts);
 * }
 * ```
 */
export class EdgarHttpError extends FinTabTextError {
  static override readonly errorName: string = 'EdgarHttpError';

  /** HTTP status of the last attempt, or `null` when no response arrived. */
  readonly status: number | null;
  /** The requested URL. */
  readonly url: string;
  /** Number of HTTP requests sent for this URL. */
  readonly attempts: number;
  /** `Retry-After` in milliseconds, or `null`. */
  readonly retryAfter: number | null;

  /**
   * @param message - What failed and what to do about it.
   * @param details - Status, URL, attempts, `Retry-After`, cause and code.
   */
  constructor(message: string, details: EdgarHttpErrorDetails) {
    super(message, { code: details.code ?? 'EDGAR_HTTP_ERROR', cause: details.cause });
    this.status = details.status;
    this.url = details.url;
    this.attempts = details.attempts;
    this.retryAfter = details.retryAfter;
  }
}

/**
 * Offline mode (`offline: true`) was asked for a URL that is not in the cache.
 *
 * @example
 * ```ts
 * import { EdgarClient, EdgarCacheMissError } from 'fin-tabtext';
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', offline: true });
 * try {
 *   await client.companyFacts('320193');
 * } catch (error) {
 *   if (error instanceof EdgarCacheMissError) console.error('not cached yet:', error.url);
 * }
 * ```
 */
export class EdgarCacheMissError extends FinTabTextError {
  static override readonly errorName: string = 'EdgarCacheMissError';

  /** The SEC URL that was not cached. */
  readonly url: string;
  /** The cache file of the URL, when the store names one; otherwise `null`. */
  readonly file: string | null;
  /** `true` when an entry was there but failed its digest or validation check. */
  readonly damaged: boolean;

  /**
   * @param url - The SEC URL that was not cached.
   * @param cacheDir - The cache folder that was searched, or `null` when caching is off.
   * @param details - The entry's `file` and whether it was there but `damaged`.
   */
  constructor(
    url: string,
    cacheDir: string | null,
    details: { readonly file?: string | null; readonly damaged?: boolean } = {},
  ) {
    const file = details.file ?? null;
    const damaged = details.damaged === true;
    const where = cacheDir === null ? ' (caching is off: cacheDir is false)' : ` at ${cacheDir}`;
    const what = damaged
      ? `the cached copy of ${url} is damaged (its SHA-256 digest or content check failed)${file === null ? '' : `: ${file}`}; it is not used`
      : `${url} is not in the cache${where}${file === null ? '' : ` (no file ${file})`}`;
    super(
      `offline mode: ${what}. Run once online with the same cacheDir to fetch it again, e.g. ` +
        "new EdgarClient({ userAgent: 'Acme Research jane@acme.com', offline: false }).",
      { code: 'EDGAR_OFFLINE_CACHE_MISS' },
    );
    this.url = url;
    this.file = file;
    this.damaged = damaged;
  }
}
