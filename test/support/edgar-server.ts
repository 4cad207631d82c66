/**
 * A small HTTP server on 127.0.0.1 that answers under SEC's URL shapes with the real fixture
 * files, records every request (time, User-Agent, outcome) and injects faults on demand:
 * 429 bursts, SEC's 403 "Request Rate Threshold Exceeded" page, 5xx, connection resets,
 * slow answers and bodies cut short. Tests point `EdgarClient` at it through `baseUrls`.
 */

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SEC_BASE_URLS } from '../../src/edgar/client.js';
import type { FilingRef } from '../../src/edgar/index.js';
import { fixturePath, readFixture, readManifest } from './fixtures.js';

export type EdgarHostName = 'www' | 'data' | 'efts';

/** One request as the server saw it. */
export interface RecordedRequest {
  /** Arrival time, epoch ms with sub-millisecond precision. */
  readonly time: number;
  readonly host: EdgarHostName | null;
  /** Path below the host prefix, e.g. `/submissions/CIK0000320193.json`. */
  readonly path: string;
  /** The query string, `?...`, or `''`. */
  readonly search: string;
  readonly userAgent: string | undefined;
  readonly acceptEncoding: string | undefined;
  /** HTTP status sent, or `'reset'` / `'truncated'`. */
  outcome: number | 'reset' | 'truncated' | 'pending';
  /** The injected fault, or `null`. */
  readonly fault: Fault['kind'] | null;
  /** When the response ended or the connection closed (epoch ms), or `null` while in flight. */
  finished?: number | null;
}

/** SEC error pages the server can answer with (the real rate page, and its siblings). */
export type SecPageName = 'rate-threshold' | 'undeclared-tool' | 'service-unavailable';

/** A fault to inject instead of the normal answer. */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
    }
  /** SEC's real "Request Rate Threshold Exceeded" page (status 403 unless given). */
  | {
      readonly kind: 'rate-page';
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Destroy the connection without answering. */
  | { readonly kind: 'reset' }
  /** Answer normally after `delayMs`. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Send the headers with the full Content-Length, half the body, then drop the connection. */
  | { readonly kind: 'truncate' }
  /**
   * A gzip body cut at `fraction` (default 0.6) with intact HTTP framing: a Content-Length that
   * matches the cut bytes, or chunked encoding with its final chunk. Only gzip can show the cut.
   */
  | {
      readonly kind: 'truncate-gzip';
      readonly fraction?: number;
      readonly framing?: 'content-length' | 'chunked';
    }
  /** One of SEC's error pages with status 200 (or `status`) instead of the file. */
  | { readonly kind: 'error-page'; readonly page: SecPageName; readonly status?: number }
  /**
   * A redirect (302 unless `status`) to `location`: a path on this server (`/www/...`), or an
   * absolute URL of another host.
   */
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number };

interface Injection {
  readonly fault: Fault;
  remaining: number;
  readonly match: (host: EdgarHostName | null, path: string) => boolean;
}

/** A stored response: gzip bytes (served as-is to gzip clients, decompressed otherwise). */
interface Route {
  readonly gzip: Buffer;
  readonly contentType: string;
}

/** The running server. */
export interface EdgarTestServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** `baseUrls` for `EdgarClient`: `<origin>/www`, `<origin>/data` and `<origin>/efts`. */
  readonly baseUrls: { readonly www: string; readonly data: string; readonly efts: string };
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Inject `fault` into the next `count` requests (default 1) whose path matches. */
  inject(fault: Fault, options?: { count?: number; match?: RegExp }): void;
  /** Serve `body` at `path` of `host` (a Buffer or string; `gzipped` when already gzip). */
  route(host: EdgarHostName, path: string, body: Buffer | string, options?: { gzipped?: boolean }): void;
  /** Forget recorded requests. */
  clearRequests(): void;
  /** Drop every injected fault not yet used up. */
  clearFaults(): void;
  close(): Promise<void>;
}

/** A fixture filing with a known CIK and accession (rows of MANIFEST-dev/dev2). */
export interface FixtureFiling {
  /** Fixture file, e.g. `filings/mcd_10-K_2024-02-22.htm`. */
  readonly file: string;
  readonly cik: string;
  readonly ticker: string | null;
  readonly company: string;
  readonly form: string;
  readonly filingDate: string;
  readonly accession: string;
  /** The file name served in the filing folder (the fixture's name). */
  readonly primaryDocument: string;
}

/** Fixture filings whose manifest row gives a numeric CIK and a real accession number. */
export function fixtureFilings(): FixtureFiling[] {
  const rows = [...readManifest('dev'), ...readManifest('dev2')];
  const out: FixtureFiling[] = [];
  for (const row of rows) {
    if (!row.file.startsWith('filings/')) continue;
    const cik = row.cik ?? '';
    const accession = row.accession ?? '';
    if (!/^\d+$/.test(cik) || !/^\d{10}-\d{2}-\d{6}$/.test(accession)) continue;
    out.push({
      file: row.file,
      cik: cik.padStart(10, '0'),
      ticker: row.ticker ? row.ticker : null,
      company: row.company ?? '',
      form: row.form ?? '',
      // The manifests give the signature date (first 10 characters); close to the filing date.
      filingDate: (row.filing_date ?? '').slice(0, 10),
      accession,
      primaryDocument: row.file.slice('filings/'.length),
    });
  }
  return out;
}

/**
 * The FilingRef of a fixture filing as the filing listing gives it, under SEC's archive URL;
 * `patch` overrides fields (a changed accession number or document also moves the URL).
 */
export function filingRefOf(f: FixtureFiling, patch: Partial<FilingRef> = {}): FilingRef {
  const accessionNumber = patch.accessionNumber ?? f.accession;
  const primaryDocument = patch.primaryDocument ?? f.primaryDocument;
  return {
    cik: f.cik,
    ticker: f.ticker,
    company: f.company,
    formType: f.form,
    filingDate: f.filingDate,
    reportDate: null,
    accessionNumber,
    primaryDocument,
    url: `${SEC_BASE_URLS.www}${folderOf(f.cik, accessionNumber)}/${primaryDocument}`,
    ...patch,
  };
}

/** The filing folder path of a fixture filing. */
export function folderOf(cik: string, accession: string): string {
  return `/Archives/edgar/data/${Number(cik)}/${accession.replaceAll('-', '')}`;
}

/**
 * A submissions JSON for a company whose real submissions file is not among the fixtures,
 * built from the real manifest data of its fixture filings (name, CIK, form, date, accession).
 * The primary document is named as the fixture file.
 */
export function buildSubmissions(filings: readonly FixtureFiling[]): Record<string, unknown> {
  const first = filings[0]!;
  const sorted = [...filings].sort((a, b) => b.filingDate.localeCompare(a.filingDate));
  return {
    cik: String(Number(first.cik)),
    name: first.company,
    tickers: first.ticker === null ? [] : [first.ticker],
    filings: {
      recent: {
        accessionNumber: sorted.map((f) => f.accession),
        filingDate: sorted.map((f) => f.filingDate),
        reportDate: sorted.map(() => ''),
        form: sorted.map((f) => f.form),
        primaryDocument: sorted.map((f) => f.primaryDocument),
      },
      files: [],
    },
  };
}

/** An `index.json` folder listing (SEC's shape) for the given file names of a filing folder. */
export function buildFilingIndex(
  cik: string,
  accession: string,
  names: readonly string[],
): Record<string, unknown> {
  return {
    directory: {
      item: names.map((name) => ({
        'last-modified': '2000-01-01 00:00:00',
        name,
        type: 'text.gif',
        size: '',
      })),
      name: folderOf(cik, accession),
      'parent-dir': `/Archives/edgar/data/${Number(cik)}`,
    },
  };
}

const RATE_PAGE = (): string => readFixture('sec-json/sec_rate_exceeded_page.html');

/**
 * SEC's error pages. The rate page is the real one (fixture); the others are built from it
 * with the titles and headings SEC uses for them ("Your Request Originates from an Undeclared
 * Automated Tool", "Service Unavailable"), as reported by users of SEC's site.
 */
export function secErrorPage(name: SecPageName): string {
  const page = RATE_PAGE();
  if (name === 'rate-threshold') return page;
  const [title, heading] =
    name === 'undeclared-tool'
      ? [
          'SEC.gov | Your Request Originates from an Undeclared Automated Tool',
          'Your Request Originates from an Undeclared Automated Tool',
        ]
      : ['SEC.gov | Service Unavailable', 'Service Unavailable'];
  return page
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/<h1>[^<]*<\/h1>/, `<h1>${heading}</h1>`);
}

function contentTypeOf(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.htm') || path.endsWith('.html')) return 'text/html';
  return 'text/plain';
}

/**
 * Start the server with the real SEC JSON fixtures and every fixture filing from
 * {@link fixtureFilings} (synthetic submissions and folder listings built from the manifests).
 *
 * @param options - `port` (default: a random free port).
 */
export async function startEdgarServer(options: { port?: number } = {}): Promise<EdgarTestServer> {
  const routes = new Map<string, Route>();
  const injections: Injection[] = [];
  const requests: RecordedRequest[] = [];

  const route = (
    host: EdgarHostName,
    path: string,
    body: Buffer | string,
    opts: { gzipped?: boolean } = {},
  ): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    routes.set(`${host}${path}`, {
      gzip: opts.gzipped ? bytes : gzipSync(bytes),
      contentType: contentTypeOf(path),
    });
  };
  const raw = (relative: string): Buffer => readFileSync(fixturePath(relative));

  route('www', '/files/company_tickers.json', raw('sec-json/company_tickers.json.gz'), { gzipped: true });
  route('data', '/submissions/CIK0000320193.json', raw('sec-json/submissions_CIK0000320193.json.gz'), {
    gzipped: true,
  });
  route(
    'data',
    '/submissions/CIK0000320193-submissions-001.json',
    raw('sec-json/submissions_CIK0000320193-submissions-001.json.gz'),
    { gzipped: true },
  );
  for (const cik of ['0001640147', '0001997711']) {
    route('data', `/api/xbrl/companyfacts/CIK${cik}.json`, raw(`sec-json/companyfacts_CIK${cik}.json.gz`), {
      gzipped: true,
    });
  }
  route(
    'www',
    `${folderOf('1648960', '0001213900-24-004875')}/index.json`,
    raw('sec-json/0001213900-24-004875-index.json'),
  );
  const byCik = new Map<string, FixtureFiling[]>();
  for (const filing of fixtureFilings()) {
    byCik.set(filing.cik, [...(byCik.get(filing.cik) ?? []), filing]);
    route(
      'www',
      `${folderOf(filing.cik, filing.accession)}/${filing.primaryDocument}`,
      raw(`${filing.file}.gz`),
      {
        gzipped: true,
      },
    );
    route(
      'www',
      `${folderOf(filing.cik, filing.accession)}/index.json`,
      JSON.stringify(buildFilingIndex(filing.cik, filing.accession, [filing.primaryDocument])),
    );
  }
  for (const [cik, filings] of byCik) {
    route('data', `/submissions/CIK${cik}.json`, JSON.stringify(buildSubmissions(filings)));
  }

  const serve = (
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    fault: Fault | null,
  ): void => {
    if (res.destroyed || req.socket.destroyed) return;
    if (fault?.kind === 'reset') {
      record.outcome = 'reset';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      record.outcome = fault.status;
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...fault.headers });
      res.end(fault.body ?? `injected status ${fault.status}`);
      return;
    }
    if (fault?.kind === 'rate-page') {
      const status = fault.status ?? 403;
      record.outcome = status;
      res.writeHead(status, { 'Content-Type': 'text/html', ...fault.headers });
      res.end(RATE_PAGE());
      return;
    }
    if (fault?.kind === 'error-page') {
      const status = fault.status ?? 200;
      record.outcome = status;
      res.writeHead(status, { 'Content-Type': 'text/html' });
      res.end(secErrorPage(fault.page));
      return;
    }
    if (fault?.kind === 'redirect') {
      const status = fault.status ?? 302;
      record.outcome = status;
      res.writeHead(status, { Location: fault.location, 'Content-Type': 'text/html' });
      res.end(`<html><body>Moved to ${fault.location}</body></html>`);
      return;
    }
    // A route may name a query string (full-text search pages); otherwise the path alone counts.
    const found =
      record.host === null
        ? undefined
        : (routes.get(`${record.host}${record.path}${record.search}`) ??
          routes.get(`${record.host}${record.path}`));
    if (found === undefined) {
      record.outcome = 404;
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body>Not Found</body></html>');
      return;
    }
    if (fault?.kind === 'truncate-gzip') {
      const cut = found.gzip.subarray(0, Math.floor(found.gzip.length * (fault.fraction ?? 0.6)));
      record.outcome = 'truncated';
      const framing: Record<string, string | number> =
        fault.framing === 'chunked' ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': cut.length };
      res.writeHead(200, { 'Content-Type': found.contentType, 'Content-Encoding': 'gzip', ...framing });
      if (fault.framing === 'chunked') {
        // several chunks, then the terminating zero-length chunk: the framing is complete
        for (let i = 0; i < cut.length; i += 16_384) res.write(cut.subarray(i, i + 16_384));
        res.end();
      } else res.end(cut);
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? found.gzip : gunzipSync(found.gzip);
    const headers: Record<string, string | number> = {
      'Content-Type': found.contentType,
      'Content-Length': body.length,
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    if (fault?.kind === 'truncate') {
      record.outcome = 'truncated';
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
      return;
    }
    record.outcome = 200;
    res.end(body);
  };

  const server: Server = createServer((req, res) => {
    const time = performance.timeOrigin + performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/(www|data|efts)(\/.*)$/.exec(url.pathname);
    const host = match === null ? null : (match[1] as EdgarHostName);
    const path = match === null ? url.pathname : match[2]!;
    const injection = injections.find((i) => i.remaining > 0 && i.match(host, path));
    if (injection !== undefined) injection.remaining--;
    const fault = injection?.fault ?? null;
    const record: RecordedRequest = {
      time,
      host,
      path,
      search: url.search,
      userAgent: req.headers['user-agent'],
      acceptEncoding: req.headers['accept-encoding'],
      outcome: 'pending',
      fault: fault?.kind ?? null,
      finished: null,
    };
    requests.push(record);
    res.on('error', () => {});
    res.on('close', () => {
      record.finished = performance.timeOrigin + performance.now();
    });
    if (fault?.kind === 'slow') setTimeout(() => serve(req, res, record, null), fault.delayMs);
    else serve(req, res, record, fault);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrls: { www: `${origin}/www`, data: `${origin}/data`, efts: `${origin}/efts` },
    requests,
    inject(fault, opts = {}) {
      const pattern = opts.match;
      injections.push({
        fault,
        remaining: opts.count ?? 1,
        match: (_host, path) => pattern === undefined || pattern.test(path),
      });
    },
    route,
    clearRequests() {
      requests.length = 0;
    },
    clearFaults() {
      injections.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * The largest number of requests in any one-second window `[t, t + 1000)` of the given times.
 */
export function maxPerSecondWindow(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + 1000) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

/** {@link EdgarTestServer} running in a child process: the same faults, asynchronous access. */
export interface RemoteEdgarServer {
  readonly origin: string;
  readonly baseUrls: { readonly www: string; readonly data: string; readonly efts: string };
  /** The child's process id. */
  readonly pid: number;
  /** Every request so far, in arrival order, with the server's own timestamps. */
  requests(): Promise<RecordedRequest[]>;
  inject(fault: Fault, options?: { count?: number; match?: RegExp }): Promise<void>;
  route(
    host: EdgarHostName,
    path: string,
    body: Buffer | string,
    options?: { gzipped?: boolean },
  ): Promise<void>;
  clearRequests(): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Start the test server in its own process (`node --import tsx`), so that the times it records
 * are taken by another process than the client's, the way SEC counts requests at its side.
 */
export async function startEdgarServerProcess(): Promise<RemoteEdgarServer> {
  const { fork } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const worker = fileURLToPath(new URL('./edgar-server-worker.ts', import.meta.url));
  const child = fork(worker, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`test server process exited with ${code}`)));
    child.on('message', (raw) => {
      const message = raw as { ready?: string; id?: number; result?: unknown; error?: string };
      if (message.ready !== undefined) resolve(message.ready);
      else if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.result);
      }
    });
  });
  child.removeAllListeners('exit');
  const call = (op: string, args?: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, op, args });
    });
  return {
    origin,
    baseUrls: { www: `${origin}/www`, data: `${origin}/data`, efts: `${origin}/efts` },
    pid: child.pid!,
    requests: () => call('requests') as Promise<RecordedRequest[]>,
    inject: async (fault, options = {}) => {
      await call('inject', {
        fault,
        count: options.count,
        match:
          options.match === undefined
            ? undefined
            : { source: options.match.source, flags: options.match.flags },
      });
    },
    route: async (host, path, body, options = {}) => {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      await call('route', { host, path, body: bytes.toString('base64'), gzipped: options.gzipped === true });
    },
    clearRequests: async () => {
      await call('clear');
    },
    clearFaults: async () => {
      await call('clear-faults');
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call('close').catch(() => {});
      await exited;
    },
  };
}

/**
 * Keep both cores busy: `count` child processes that spin until stopped, so a test can check the
 * client under CPU load. Stop them with the returned function (it kills only these children).
 */
export async function spinCores(count = 2): Promise<() => Promise<void>> {
  const { spawn } = await import('node:child_process');
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' }),
  );
  return async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
  };
}
