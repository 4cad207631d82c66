import axios from 'axios';

/** One HTTP GET handed to an {@link EdgarTransport}. */
export interface EdgarTransportRequest {
  /** Absolute URL. */
  readonly url: string;
  /** Request headers (User-Agent, Accept-Encoding, ...). */
  readonly headers: Readonly<Record<string, string>>;
  /** Aborts the request (the client's deadline or the caller's signal). */
  readonly signal: AbortSignal;
}

/** What an {@link EdgarTransport} returns: any HTTP status, with the decompressed body. */
export interface EdgarTransportResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The complete body, already decompressed (gzip/deflate). */
  readonly body: Uint8Array;
}

/**
 * The HTTP seam of {@link EdgarClient}: send one GET and resolve with the response whatever its
 * status; reject only when no complete response arrived (reset, abort, truncated or corrupt
 * body). The client adds rate limiting, retries and caching around it.
 */
export type EdgarTransport = (request: EdgarTransportRequest) => Promise<EdgarTransportResponse>;

/**
 * The default transport, built on axios (Node's `http`): decompresses gzip and deflate, follows
 * up to five redirects, honours the `HTTP(S)_PROXY`/`NO_PROXY` variables, and rejects on resets
 * and bodies cut short.
 *
 * @param request - URL, headers and abort signal.
 * @returns The response.
 * @throws The network error when no complete response arrived.
 * @example
 * ```ts
 * import { axiosTransport } from 'fin-tabtext/edgar';
 * import { EdgarClient } from 'fin-tabtext';
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', transport: axiosTransport });
 * ```
 */
export async function axiosTransport(request: EdgarTransportRequest): Promise<EdgarTransportResponse> {
  const response = await axios.request<ArrayBuffer>({
    url: request.url,
    method: 'GET',
    headers: { ...request.headers },
    signal: request.signal,
    responseType: 'arraybuffer',
    decompress: true,
    maxRedirects: 5,
    validateStatus: () => true,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const data = response.data as unknown;
  const body =
    data instanceof Uint8Array
      ? data
      : data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new TextEncoder().encode(String(data ?? ''));
  return { status: response.status, headers, body };
}

/**
 * A transport on the runtime's built-in `fetch` (undici in Node), for runtimes without Node's
 * `http` module or to compare against {@link axiosTransport}. Decompresses gzip, deflate and br.
 *
 * @param request - URL, headers and abort signal.
 * @returns The response.
 * @throws The network error when no complete response arrived.
 * @example
 * ```ts
 * import { fetchTransport } from 'fin-tabtext/edgar';
 * import { EdgarClient } from 'fin-tabtext';
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', transport: fetchTransport });
 * ```
 */
export async function fetchTransport(request: EdgarTransportRequest): Promise<EdgarTransportResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    // undici negotiates and decodes the encoding itself.
    if (name.toLowerCase() !== 'accept-encoding') headers[name] = value;
  }
  const response = await fetch(request.url, { headers, signal: request.signal, redirect: 'follow' });
  const body = new Uint8Array(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return { status: response.status, headers: out, body };
}
