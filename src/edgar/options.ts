import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkOptions } from '../options/index.js';
import { createFileCache, defaultCacheDir, type EdgarCacheStore } from './cache.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { EdgarProgressEvent } from './progress.js';
import { createRateLimiter, type RateLimiter, validateCap } from './rate-limiter.js';
import { type EdgarTransport, fetchTransport } from './transport.js';

/** Base URLs of SEC's two hosts; point them at a mirror or a test server. */
export interface EdgarBaseUrls {
  /**
   * Host of `Archives/` and `files/company_tickers.json`.
   * @default process.env.FIN_TABTEXT_SEC_WWW_URL ?? 'https://www.sec.gov'
   */
  readonly www: string;
  /**
   * Host of `submissions/` and `api/xbrl/`.
   * @default process.env.FIN_TABTEXT_SEC_DATA_URL ?? 'https://data.sec.gov'
   */
  readonly data: string;
  /**
   * Host of EDGAR full-text search (`LATEST/search-index`).
   * @default process.env.FIN_TABTEXT_SEC_EFTS_URL ?? 'https://efts.sec.gov'
   */
  readonly efts: string;
}

/** How transient failures (5xx, 408, resets, timeouts, truncated bodies) are retried. */
export interface RetryPolicy {
  /**
   * Attempts per URL for transient failures, the first one included.
   * @default 5
   */
  readonly maxAttempts: number;
  /**
   * Backoff before retry n is drawn from [d/2, d] with d = min(maxDelayMs, baseDelayMs * 2^(n-1)).
   * @default 1000
   */
  readonly baseDelayMs: number;
  /**
   * Upper bound of one backoff delay (a larger `Retry-After` still wins).
   * @default 30000
   */
  readonly maxDelayMs: number;
  /**
   * Rate-limit blocks (429, or 403 "Request Rate Threshold Exceeded") to sit out for one URL
   * before giving up with an `EdgarHttpError` of code `EDGAR_RATE_LIMITED`.
   * @default 3
   */
  readonly maxRateLimitPauses: number;
  /**
   * The longest single wait the client accepts: a `Retry-After` (on 429, 503 or SEC's block page)
   * or a rate-limit pause. A longer one is not slept: the request fails at once with an
   * `EdgarHttpError` of code `EDGAR_WAIT_TOO_LONG` saying what SEC asked for. Must be at least
   * `blockPauseMs`. The default covers SEC's 10-minute block with room to spare.
   * @default 900000 (15 minutes)
   */
  readonly maxWaitMs: number;
}

/** Options of {@link EdgarClient}. Every field but `userAgent` has a default. */
export interface EdgarClientOptions {
  /**
   * Who you are, as SEC's fair-access policy asks: a name or company and a contact email,
   * for example `'Acme Research jane@acme.com'`. Required.
   */
  readonly userAgent: string;
  /**
   * Request cap per second, at most 10 (SEC's limit). Requests are spaced evenly. Ignored when
   * `limiter` is given (the limiter has its own cap).
   * @default 9
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * Requests in flight at once (the cap still applies).
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * Cache folder, or `false` for no cache.
   * @default defaultCacheDir() (for example ~/.cache/fin-tabtext/edgar)
   */
  readonly cacheDir?: string | false;
  /**
   * A cache store to use instead of the folder cache (`cacheDir` is then ignored).
   * @default createFileCache(cacheDir)
   */
  readonly cacheStore?: EdgarCacheStore;
  /**
   * Lifetime of cached submissions, company tickers and company facts. Archives (filings and
   * folder listings) never expire.
   * @default 86400000 (1 day)
   */
  readonly cacheTtlMs?: number;
  /**
   * Serve only from the cache (expired entries included); a miss throws `EdgarCacheMissError`.
   * @default false
   */
  readonly offline?: boolean;
  /**
   * SEC hosts; unset fields come from `FIN_TABTEXT_SEC_WWW_URL` / `FIN_TABTEXT_SEC_DATA_URL`,
   * then SEC. The cache is keyed by the SEC URL, so a cache filled through a mirror serves SEC URLs.
   * @default { www: 'https://www.sec.gov', data: 'https://data.sec.gov' }
   */
  readonly baseUrls?: Partial<EdgarBaseUrls>;
  /**
   * The HTTP seam.
   * @default fetchTransport
   */
  readonly transport?: EdgarTransport;
  /**
   * A rate limiter to share with other clients.
   * @default createRateLimiter({ maxRequestsPerSecond })
   */
  readonly limiter?: RateLimiter;
  /**
   * Cancels every request of this client.
   * @default undefined
   */
  readonly signal?: AbortSignal;
  /**
   * Receives request, cache, retry and rate-limit events.
   * @default undefined
   */
  readonly onProgress?: (event: EdgarProgressEvent) => void;
  /**
   * Retry policy for transient failures; unset fields take the defaults.
   * @default { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30000, maxRateLimitPauses: 3, maxWaitMs: 900000 }
   */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * How long all traffic stops after a 429 or a "Request Rate Threshold Exceeded" page without
   * `Retry-After` (SEC blocks for 10 minutes and extends the block on further requests).
   * @default 600000 (10 minutes)
   */
  readonly blockPauseMs?: number;
  /**
   * Deadline of one attempt, from sending to the last body byte.
   * @default 60000
   */
  readonly timeoutMs?: number;
  /**
   * Time source (for tests with a virtual clock).
   * @default systemClock
   */
  readonly clock?: Clock;
}

/** The defaults of {@link EdgarClientOptions}, frozen (`cacheDir` is {@link defaultCacheDir}). */
export const defaultEdgarOptions: Readonly<{
  maxRequestsPerSecond: number;
  concurrency: number;
  cacheTtlMs: number;
  offline: boolean;
  baseUrls: Readonly<EdgarBaseUrls>;
  retry: Readonly<RetryPolicy>;
  blockPauseMs: number;
  timeoutMs: number;
}> = Object.freeze({
  maxRequestsPerSecond: 9,
  concurrency: 4,
  cacheTtlMs: 24 * 60 * 60 * 1000,
  offline: false,
  baseUrls: Object.freeze({
    www: 'https://www.sec.gov',
    data: 'https://data.sec.gov',
    efts: 'https://efts.sec.gov',
  }),
  retry: Object.freeze({
    maxAttempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRateLimitPauses: 3,
    maxWaitMs: 15 * 60 * 1000,
  }),
  blockPauseMs: 10 * 60 * 1000,
  timeoutMs: 60_000,
});

/**
 * The keys {@link EdgarClientOptions} accepts, for the option checker (an unknown key throws
 * with a did-you-mean).
 *
 * @example
 * ```ts
 * import { EDGAR_CLIENT_OPTION_KEYS } from 'fin-tabtext/edgar';
 * EDGAR_CLIENT_OPTION_KEYS.includes('maxRequestsPerSecond'); // true
 * ```
 */
export const EDGAR_CLIENT_OPTION_KEYS: readonly (keyof EdgarClientOptions)[] = Object.freeze([
  'userAgent',
  'maxRequestsPerSecond',
  'concurrency',
  'cacheDir',
  'cacheStore',
  'cacheTtlMs',
  'offline',
  'baseUrls',
  'transport',
  'limiter',
  'signal',
  'onProgress',
  'retry',
  'blockPauseMs',
  'timeoutMs',
  'clock',
] as const);
const RETRY_KEYS: readonly (keyof RetryPolicy)[] = [
  'maxAttempts',
  'baseDelayMs',
  'maxDelayMs',
  'maxRateLimitPauses',
  'maxWaitMs',
];
const BASE_URL_KEYS: readonly (keyof EdgarBaseUrls)[] = ['www', 'data', 'efts'];

/** Options after defaults are applied. */
export interface ResolvedEdgarOptions {
  readonly userAgent: string;
  readonly concurrency: number;
  readonly cacheStore: EdgarCacheStore | null;
  readonly cacheTtlMs: number;
  readonly offline: boolean;
  readonly baseUrls: EdgarBaseUrls;
  readonly transport: EdgarTransport;
  readonly limiter: RateLimiter;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((event: EdgarProgressEvent) => void) | undefined;
  readonly retry: RetryPolicy;
  readonly blockPauseMs: number;
  readonly timeoutMs: number;
  readonly clock: Clock;
}

const EXAMPLE_CALL = "new EdgarClient({ userAgent: 'Acme Research jane@acme.com' })";
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0: 'NUL',
  9: 'TAB',
  10: 'LF',
  13: 'CR',
  127: 'DEL',
};

/** Why `candidate` is not an email address, or `null` when it is one. */
function emailProblem(candidate: string): string | null {
  const at = candidate.lastIndexOf('@');
  const local = candidate.slice(0, at);
  const domain = candidate.slice(at + 1);
  if (at <= 0 || !LOCAL_PART.test(local) || local.length > 64) return `the part before '@' is not valid`;
  const labels = domain.split('.');
  if (labels.length < 2) return 'the domain has no dot';
  const bad = labels.find((label) => !DOMAIN_LABEL.test(label));
  if (bad !== undefined) {
    return `the domain label '${bad}' is not valid (letters, digits and inner hyphens only)`;
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1]!))
    return `'${labels[labels.length - 1]}' is not a top-level domain`;
  return null;
}

/**
 * Check a User-Agent against SEC's fair-access policy: it must hold a name (or company) and a
 * valid contact email, and be sendable as an HTTP header: printable ASCII, no control
 * characters (a CR or LF would split the header).
 *
 * @param userAgent - The value to check.
 * @returns The trimmed User-Agent.
 * @throws {InvalidArgumentError} (field `userAgent`) naming what is missing or wrong and showing
 *   a correct call.
 * @example
 * ```ts
 * import { validateUserAgent } from 'fin-tabtext/edgar';
 * validateUserAgent('Acme Research jane@acme.com'); // 'Acme Research jane@acme.com'
 * ```
 */
export function validateUserAgent(userAgent: unknown): string {
  const policy =
    "SEC's fair-access policy (sec.gov/os/accessing-edgar-data) asks every automated client to declare " +
    'itself with a name or company and a contact email in the User-Agent';
  if (typeof userAgent !== 'string' || userAgent.trim() === '') {
    throw new InvalidArgumentError(
      'userAgent',
      `EdgarClient needs options.userAgent, got ${userAgent === undefined ? 'nothing' : describeType(userAgent)}. ` +
        `${policy}: ${EXAMPLE_CALL}.`,
    );
  }
  const trimmed = userAgent.trim();
  const control = /[\u0000-\u001f\u007f]/.exec(trimmed);
  if (control !== null) {
    const code = control[0].charCodeAt(0);
    const name = CONTROL_NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InvalidArgumentError(
      'userAgent',
      `options.userAgent ${JSON.stringify(trimmed)} contains the control character ${name} at position ${control.index}; ` +
        `a User-Agent is one line of printable ASCII: ${EXAMPLE_CALL}.`,
    );
  }
  const nonAscii = /[^\x20-\x7e]/.exec(trimmed);
  if (nonAscii !== null) {
    throw new InvalidArgumentError(
      'userAgent',
      `options.userAgent '${trimmed}' contains '${nonAscii[0]}' at position ${nonAscii.index}; HTTP header values ` +
        `must be printable ASCII, so spell names without accents: ${EXAMPLE_CALL}.`,
    );
  }
  const candidates = trimmed
    .split(/[\s,;()<>[\]"]+/)
    .map((token) => token.replace(/^mailto:/i, '').replace(/\.+$/, ''))
    .filter((token) => token.includes('@'));
  for (const candidate of candidates) {
    const problem = emailProblem(candidate);
    if (problem !== null) {
      throw new InvalidArgumentError(
        'userAgent',
        `options.userAgent '${trimmed}': '${candidate}' is not a valid email address (${problem}). ${policy}: ${EXAMPLE_CALL}.`,
      );
    }
  }
  if (candidates.length === 0) {
    throw new InvalidArgumentError(
      'userAgent',
      `options.userAgent '${trimmed}' has no contact email. ${policy}: ${EXAMPLE_CALL}.`,
    );
  }
  let rest = trimmed;
  for (const candidate of candidates) rest = rest.replace(candidate, ' ');
  if (!/[A-Za-z]{2,}/.test(rest.replace(/mailto:/gi, ' '))) {
    throw new InvalidArgumentError(
      'userAgent',
      `options.userAgent '${trimmed}' has an email but no name or company. ${policy}: ${EXAMPLE_CALL}.`,
    );
  }
  return trimmed;
}

function positive(value: unknown, field: string, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidArgumentError(
      field,
      `${field} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}; ` +
        `e.g. new EdgarClient({ userAgent: 'Acme Research jane@acme.com', ${field.replace(/^options\./, '')}: ${integer ? 4 : 1000} }).`,
    );
  }
  return value;
}

function nonNegative(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(
      field,
      `${field} must be a number >= 0, got ${String(value)}; ` +
        "e.g. new EdgarClient({ userAgent: 'Acme Research jane@acme.com', retry: { baseDelayMs: 1000 } }).",
    );
  }
  return value;
}

function baseUrl(value: string | undefined, fallback: string, field: string): string {
  const chosen = value === undefined || value.trim() === '' ? fallback : value.trim();
  let parsed: URL;
  try {
    parsed = new URL(chosen);
  } catch (cause) {
    throw new InvalidArgumentError(
      field,
      `${field} must be an absolute http(s) URL, got '${chosen}'; e.g. baseUrls: { www: 'https://www.sec.gov' }.`,
      { cause },
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidArgumentError(field, `${field} must use http or https, got '${chosen}'.`);
  }
  return chosen.replace(/\/+$/, '');
}

/**
 * Apply defaults to client options, validating every field. The one place defaults are merged.
 *
 * @param options - What the caller passed.
 * @param env - Environment variables (for base URLs and the cache folder).
 * @returns Complete options.
 * @throws {InvalidArgumentError} naming the bad field.
 */
export function resolveEdgarOptions(
  options: EdgarClientOptions,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedEdgarOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError(
      'options',
      `EdgarClient needs an options object, got ${describeType(options)}: ${EXAMPLE_CALL}.`,
    );
  }
  checkOptions('EdgarClient', options, EDGAR_CLIENT_OPTION_KEYS);
  checkOptions('EdgarClient', options.retry, RETRY_KEYS, 'options.retry');
  checkOptions('EdgarClient', options.baseUrls, BASE_URL_KEYS, 'options.baseUrls');
  const userAgent = validateUserAgent(options.userAgent);
  const d = defaultEdgarOptions;
  const clock = options.clock ?? systemClock;
  let limiter = options.limiter;
  if (limiter === undefined) {
    const cap = options.maxRequestsPerSecond ?? d.maxRequestsPerSecond;
    validateCap(cap, 'maxRequestsPerSecond');
    limiter = createRateLimiter({ maxRequestsPerSecond: cap, clock });
  } else {
    validateCap(limiter.maxRequestsPerSecond, 'limiter.maxRequestsPerSecond');
  }
  const concurrency = positive(options.concurrency ?? d.concurrency, 'concurrency', true);
  const cacheTtlMs = nonNegative(options.cacheTtlMs ?? d.cacheTtlMs, 'cacheTtlMs');
  const blockPauseMs = nonNegative(options.blockPauseMs ?? d.blockPauseMs, 'blockPauseMs');
  const timeoutMs = positive(options.timeoutMs ?? d.timeoutMs, 'timeoutMs', false);
  const retryIn = options.retry ?? {};
  const retry: RetryPolicy = {
    maxAttempts: positive(retryIn.maxAttempts ?? d.retry.maxAttempts, 'retry.maxAttempts', true),
    baseDelayMs: nonNegative(retryIn.baseDelayMs ?? d.retry.baseDelayMs, 'retry.baseDelayMs'),
    maxDelayMs: nonNegative(retryIn.maxDelayMs ?? d.retry.maxDelayMs, 'retry.maxDelayMs'),
    maxRateLimitPauses: nonNegative(
      retryIn.maxRateLimitPauses ?? d.retry.maxRateLimitPauses,
      'retry.maxRateLimitPauses',
    ),
    maxWaitMs: nonNegative(retryIn.maxWaitMs ?? d.retry.maxWaitMs, 'retry.maxWaitMs'),
  };
  if (blockPauseMs > retry.maxWaitMs) {
    throw new InvalidArgumentError(
      'blockPauseMs',
      `blockPauseMs (${blockPauseMs}) is longer than retry.maxWaitMs (${retry.maxWaitMs}), so every block would fail; ` +
        "raise retry.maxWaitMs, e.g. new EdgarClient({ userAgent: 'Acme Research jane@acme.com', blockPauseMs: 600000, retry: { maxWaitMs: 900000 } }).",
    );
  }
  let cacheStore: EdgarCacheStore | null;
  if (options.cacheStore !== undefined) cacheStore = options.cacheStore;
  else if (options.cacheDir === false) cacheStore = null;
  else if (options.cacheDir === undefined) cacheStore = createFileCache(defaultCacheDir(env));
  else if (typeof options.cacheDir === 'string' && options.cacheDir.trim() !== '') {
    cacheStore = createFileCache(options.cacheDir);
  } else {
    throw new InvalidArgumentError(
      'cacheDir',
      `cacheDir must be a folder path or false, got ${describeType(options.cacheDir)}; ` +
        "e.g. new EdgarClient({ userAgent: 'Acme Research jane@acme.com', cacheDir: './sec-cache' }).",
    );
  }
  const offline = options.offline ?? d.offline;
  if (offline && cacheStore === null) {
    throw new InvalidArgumentError(
      'offline',
      'offline: true needs a cache, but cacheDir is false; ' +
        "e.g. new EdgarClient({ userAgent: 'Acme Research jane@acme.com', offline: true, cacheDir: './sec-cache' }).",
    );
  }
  const baseUrls: EdgarBaseUrls = {
    www: baseUrl(options.baseUrls?.www ?? env.FIN_TABTEXT_SEC_WWW_URL, d.baseUrls.www, 'baseUrls.www'),
    data: baseUrl(options.baseUrls?.data ?? env.FIN_TABTEXT_SEC_DATA_URL, d.baseUrls.data, 'baseUrls.data'),
    efts: baseUrl(options.baseUrls?.efts ?? env.FIN_TABTEXT_SEC_EFTS_URL, d.baseUrls.efts, 'baseUrls.efts'),
  };
  return {
    userAgent,
    concurrency,
    cacheStore,
    cacheTtlMs,
    offline,
    baseUrls,
    transport: options.transport ?? fetchTransport,
    limiter,
    signal: options.signal,
    onProgress: options.onProgress,
    retry,
    blockPauseMs,
    timeoutMs,
    clock,
  };
}
