import { InvalidArgumentError } from '../errors/index.js';

/** One HTTP GET handed to an {@link EdgarTransport}. */
export interface EdgarTransportRequest {
  /** Absolute URL. */
  readonly url: string;
  /** Request headers (User-Agent, Accept-Encoding, ...). */
  readonly headers: Readonly<Record<string, string>>;
  /** Aborts the request (the client's deadline or the caller's signal). */
  readonly signal: AbortSignal;
  /**
   * Call when the response head (status and headers) arrives, before reading the body: the rate
   * limiter then knows the server has counted the request. Optional for custom transports (the
   * client falls back to when the transport settles).
   */
  readonly onHeaders?: () => void;
}

/** What an {@link EdgarTransport} returns: any HTTP status, with the decompressed body. */
export interface EdgarTransportResponse {
  /** HTTP status code. Redirects (3xx) are returned as they are, with their `location` header. */
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The complete body, already decompressed (gzip/deflate/br). */
  readonly body: Uint8Array;
}

/**
 * The HTTP seam of {@link EdgarClient}: send one GET, never follow redirects, and resolve with
 * the response whatever its status; reject only when no complete response arrived (reset, abort,
 * body cut short). The client adds rate limiting, redirects, validation, retries and caching
 * around it. A transport throws {@link InvalidArgumentError} for a request it cannot even send
 * (an invalid header or URL): the client never retries that.
 */
export type EdgarTransport = (request: EdgarTransportRequest) => Promise<EdgarTransportResponse>;

type FetchFunction = (url: string, init: Record<string, unknown>) => Promise<Response>;

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/** The proxy variables set in `env`, joined into a key (empty when none is set). */
function proxyKey(env: Readonly<Record<string, string | undefined>>): string {
  const parts: string[] = [];
  for (const name of [...PROXY_VARIABLES, 'NO_PROXY', 'no_proxy']) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') parts.push(`${name}=${value}`);
  }
  return parts.some((part) => !/^no_proxy=/i.test(part)) ? parts.join('\n') : '';
}

/**
 * The environment of a Node process, or `{}` where the runtime honors proxy variables in its own
 * `fetch` (Deno, Bun) or where reading the environment is not allowed.
 */
function nodeEnv(): Readonly<Record<string, string | undefined>> {
  const g = globalThis as { Deno?: unknown; Bun?: unknown; process?: { env?: Record<string, string> } };
  if (g.Deno !== undefined || g.Bun !== undefined || g.process?.env === undefined) return {};
  try {
    return g.process.env;
  } catch {
    return {};
  }
}

let proxied: { key: string; pending: Promise<{ fetch: FetchFunction; dispatcher: unknown }> } | undefined;

/** undici's `fetch` with an `EnvHttpProxyAgent`, imported on first use for this proxy setting. */
function proxiedFetch(key: string): Promise<{ fetch: FetchFunction; dispatcher: unknown }> {
  if (proxied?.key !== key) {
    const pending = import('undici').then((undici) => ({
      fetch: undici.fetch as unknown as FetchFunction,
      dispatcher: new undici.EnvHttpProxyAgent(),
    }));
    pending.catch(() => {
      if (proxied?.pending === pending) proxied = undefined;
    });
    proxied = { key, pending };
  }
  return proxied.pending;
}

/**
 * Check that a request can be sent at all (header values, URL). Throws a configuration error,
 * which the client never retries.
 */
function checkSendable(request: EdgarTransportRequest): Headers {
  try {
    new URL(request.url);
  } catch (cause) {
    throw new InvalidArgumentError('url', `cannot send a request to '${request.url}': not an absolute URL.`, {
      cause,
    });
  }
  try {
    return new Headers(request.headers);
  } catch (cause) {
    throw new InvalidArgumentError(
      'headers',
      `cannot send a request to ${request.url}: a header value is invalid (${(cause as Error).message}); ` +
        "header values must be printable ASCII, e.g. userAgent: 'Acme Research jane@acme.com'.",
      { cause },
    );
  }
}

/**
 * The default transport, on the runtime's built-in `fetch`: decompresses gzip, deflate and br,
 * returns redirects unfollowed (the client follows same-host ones itself, through its limiter),
 * and rejects on resets and bodies cut short of their `Content-Length`. In Node, when
 * `HTTPS_PROXY` or `HTTP_PROXY` is set (`NO_PROXY` is honored), requests go through
 * `undici`'s `EnvHttpProxyAgent`, imported on first use only; Deno and Bun read those variables
 * in their own `fetch`.
 *
 * @param request - URL, headers and abort signal.
 * @returns The response, whatever its status.
 * @throws {InvalidArgumentError} for a header or URL that cannot be sent (never retried).
 * @throws The network error when no complete response arrived.
 * @example
 * ```ts
 * import { fetchTransport } from 'fin-tabtext/edgar';
 * import { EdgarClient } from 'fin-tabtext';
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', transport: fetchTransport });
 * ```
 */
export async function fetchTransport(request: EdgarTransportRequest): Promise<EdgarTransportResponse> {
  const headers = checkSendable(request);
  // fetch negotiates the encoding and decodes it itself.
  headers.delete('accept-encoding');
  const init: Record<string, unknown> = {
    headers: Object.fromEntries(headers),
    signal: request.signal,
    redirect: 'manual',
  };
  const key = proxyKey(nodeEnv());
  let send: FetchFunction = fetch as unknown as FetchFunction;
  if (key !== '') {
    const viaProxy = await proxiedFetch(key);
    send = viaProxy.fetch;
    init.dispatcher = viaProxy.dispatcher;
  }
  const response = await send(request.url, init);
  request.onHeaders?.();
  const body = new Uint8Array(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return { status: response.status, headers: out, body };
}
