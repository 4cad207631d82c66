// Fault tests against the SEC look-alike running in its own process. Each fault is run twice on
// one cache folder: with the fault (the client must fail loudly or heal, never keep a wrong
// answer), then clean (the answer must be exactly right, and nothing wrong may have survived).
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bodyDigest,
  cacheFilePath,
  EdgarCacheMissError,
  EdgarClient,
  type EdgarClientOptions,
  EdgarHttpError,
  type EdgarProgressEvent,
  type FilingRecord,
  loadEdgarDataset,
} from '../../src/edgar/index.js';
import {
  buildSubmissions,
  fixtureFilings,
  folderOf,
  maxPerSecondWindow,
  type RemoteEdgarServer,
  type SecPageName,
  startEdgarServerProcess,
} from '../support/edgar-server.js';
import { readFixture } from '../support/fixtures.js';
import { tempDir, USER_AGENT } from './helpers.js';

let server: RemoteEdgarServer;
beforeAll(async () => {
  server = await startEdgarServerProcess();
}, 30_000);
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  await server.clearFaults();
  await server.clearRequests();
});

const MCD = fixtureFilings().find((f) => f.ticker === 'MCD')!;
const MCD_PATH = `${folderOf(MCD.cik, MCD.accession)}/${MCD.primaryDocument}`;
const MCD_HTML = readFixture(MCD.file);
const MCD_REF = { cik: MCD.cik, accessionNumber: MCD.accession, primaryDocument: MCD.primaryDocument };
// Four companies, five filings: enough for a data set, quick at 10 requests per second.
const COMPANIES = ['MCD', 'TXN', 'WMT', 'CL'];

function client(cacheDir: string | false, options: Partial<EdgarClientOptions> = {}): EdgarClient {
  return new EdgarClient({
    userAgent: USER_AGENT,
    baseUrls: server.baseUrls,
    cacheDir,
    maxRequestsPerSecond: 10,
    retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
    ...options,
  });
}

async function collect(iterable: AsyncIterable<FilingRecord>): Promise<FilingRecord[]> {
  const out: FilingRecord[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

/** The data set as a clean run gives it (fresh cache, no fault). */
let reference: FilingRecord[];
beforeAll(async () => {
  const { dir, remove } = await tempDir('edgar-reference');
  try {
    reference = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
  } finally {
    await remove();
  }
  expect(reference).toHaveLength(5);
  expect(reference.every((r) => r.error === null && r.mdna_status === 'found')).toBe(true);
}, 60_000);

/** Every record is either flagged with an error or exactly the clean answer. */
function expectNothingWrong(records: readonly FilingRecord[]): void {
  for (const record of records) {
    if (record.error !== null) continue;
    const clean = reference.find((r) => r.accession_number === record.accession_number);
    expect(record).toEqual(clean);
  }
}

describe('a gzip body cut short with intact HTTP framing', () => {
  it.each([
    [
      'content-length',
      'documents',
      /\.htm$/,
      /EDGAR_INVALID_BODY.*without its closing <\/html> \(cut short\?\)/,
    ],
    ['chunked', 'documents', /\.htm$/, /EDGAR_INVALID_BODY.*without its closing <\/html> \(cut short\?\)/],
    ['content-length', 'submissions', /submissions/, /EDGAR_INVALID_BODY.*not complete JSON \(cut short\?\)/],
    ['chunked', 'submissions', /submissions/, /EDGAR_INVALID_BODY.*not complete JSON \(cut short\?\)/],
  ] as const)(
    'is refused and retried (%s framing, %s); the clean rerun on the same cache is exact',
    async (framing, _what, match, message) => {
      const { dir, remove } = await tempDir('edgar-cut');
      try {
        // every attempt is cut at 60%
        await server.inject({ kind: 'truncate-gzip', framing }, { count: 1000, match });
        const faulted = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
        expect(faulted.length).toBeGreaterThan(0);
        expect(faulted.every((r) => r.error !== null)).toBe(true);
        for (const record of faulted) expect(record.error).toMatch(message);
        expectNothingWrong(faulted);
        await server.clearFaults();
        await server.clearRequests();
        // clean: every record exact, so nothing cut was cached
        const clean = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
        expect(clean).toEqual(reference);
      } finally {
        await remove();
      }
    },
    60_000,
  );

  it('heals when only the first attempt is cut, and caches only the whole body', async () => {
    const { dir, remove } = await tempDir('edgar-cut-once');
    try {
      await server.inject({ kind: 'truncate-gzip', framing: 'chunked' }, { count: 1, match: /mcd_10-K/ });
      const events: EdgarProgressEvent[] = [];
      const first = client(dir, { onProgress: (e) => events.push(e) });
      expect(await first.fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect(events.filter((e) => e.type === 'retry').map((e) => 'reason' in e && e.reason)).toEqual([
        expect.stringMatching(/without its closing <\/html> \(cut short\?\)/),
      ]);
      await server.clearRequests();
      expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect(await server.requests()).toHaveLength(0);
    } finally {
      await remove();
    }
  });
});

describe('a 200 whose body is an SEC error page', () => {
  it.each([
    [
      'service-unavailable',
      /EDGAR_INVALID_BODY.*SEC's "SEC\.gov \| Service Unavailable" page instead of the file/,
    ],
    ['rate-threshold', /EDGAR_RATE_LIMITED.*Request Rate Threshold Exceeded/],
    ['undeclared-tool', /EDGAR_RATE_LIMITED.*Undeclared Automated Tool.*userAgent/],
  ] as const)('%s: never taken as the filing, never cached', async (page: SecPageName, message) => {
    const { dir, remove } = await tempDir('edgar-page');
    try {
      await server.inject({ kind: 'error-page', page }, { count: 1000, match: /\.htm$/ });
      const options = {
        blockPauseMs: 100,
        retry: { maxAttempts: 2, baseDelayMs: 10, maxRateLimitPauses: 1 },
      };
      const faulted = await collect(
        loadEdgarDataset({ client: client(dir, options), tickersOrCiks: COMPANIES }),
      );
      expect(faulted).toHaveLength(5);
      expect(faulted.every((r) => r.error !== null && r.mdna === null)).toBe(true);
      expect(faulted[0]!.error).toMatch(message);
      await server.clearRequests();
      await server.clearFaults();
      const clean = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
      expect(clean).toEqual(reference);
      // the documents were fetched again: none had been cached from the error page
      const documents = (await server.requests()).filter((r) => r.path.endsWith('.htm'));
      expect(documents).toHaveLength(5);
    } finally {
      await remove();
    }
  });

  it('heals a single error page, which pauses all traffic when it is the block page', async () => {
    await server.inject({ kind: 'error-page', page: 'rate-threshold' }, { count: 1, match: /mcd_10-K/ });
    const events: EdgarProgressEvent[] = [];
    const c = client(false, { blockPauseMs: 300, onProgress: (e) => events.push(e) });
    expect(await c.fetchDocument(MCD_REF)).toBe(MCD_HTML);
    expect(events.find((e) => e.type === 'rate-limited')).toMatchObject({ status: 200, pauseMs: 300 });
    const [blocked, next] = await server.requests();
    expect(next!.time - blocked!.time).toBeGreaterThanOrEqual(290);
  });
});

describe('redirects', () => {
  let other: Server;
  let otherRequests: { path: string; userAgent: string | undefined }[];
  let otherOrigin: string;
  beforeAll(async () => {
    otherRequests = [];
    other = createServer((req, res) => {
      otherRequests.push({ path: req.url ?? '', userAgent: req.headers['user-agent'] });
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Not the filing you asked for.</body></html>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it('follows a same-host redirect through the limiter and caches under the SEC URL', async () => {
    const { dir, remove } = await tempDir('edgar-redirect');
    try {
      const alias = '/Archives/moved/mcd.htm';
      await server.route('www', alias, MCD_HTML);
      await server.inject({ kind: 'redirect', status: 301, location: `/www${alias}` }, { match: /mcd_10-K/ });
      expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect((await server.requests()).map((r) => [r.path, r.outcome])).toEqual([
        [MCD_PATH, 301],
        [alias, 200],
      ]);
      await server.clearRequests();
      expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect(await server.requests()).toHaveLength(0);
    } finally {
      await remove();
    }
  });

  it('never follows a redirect to another host, nor sends it the User-Agent', async () => {
    const { dir, remove } = await tempDir('edgar-offhost');
    try {
      await server.inject(
        { kind: 'redirect', location: `${otherOrigin}/Archives/evil.htm` },
        { count: 1000, match: /\.htm$/ },
      );
      const error = await client(dir)
        .fetchDocument(MCD_REF)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EdgarHttpError);
      expect(error).toMatchObject({ code: 'EDGAR_REDIRECT_OFF_HOST', status: 302, attempts: 1 });
      const host = new URL(server.origin).host;
      const otherHost = new URL(otherOrigin).host;
      expect((error as Error).message).toContain(`on host ${otherHost} instead of ${host}`);
      const faulted = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
      expect(faulted.every((r) => r.error?.startsWith('EDGAR_REDIRECT_OFF_HOST'))).toBe(true);
      expect(otherRequests).toEqual([]);
      await server.clearRequests();
      await server.clearFaults();
      const clean = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
      expect(clean).toEqual(reference);
      expect(otherRequests).toEqual([]);
    } finally {
      await remove();
    }
  });

  it('stops a loop and a chain longer than 3 hops; every hop counts against the cap', async () => {
    await server.inject(
      { kind: 'redirect', location: `/www${MCD_PATH}` },
      { count: 1000, match: /mcd_10-K/ },
    );
    const loop = await client(false)
      .fetchDocument(MCD_REF)
      .catch((e: unknown) => e);
    expect(loop).toMatchObject({ code: 'EDGAR_TOO_MANY_REDIRECTS' });
    expect((loop as Error).message).toMatch(/redirect loop/);
    expect(await server.requests()).toHaveLength(1);
    await server.clearRequests();
    await server.clearFaults();

    // a chain: each hop goes to the next path, for ever
    for (let i = 0; i < 6; i++) {
      await server.inject(
        { kind: 'redirect', location: `/www/Archives/hop/${i + 1}.htm` },
        { match: new RegExp(`/hop/${i}\\.htm$`) },
      );
    }
    const chain = await client(false)
      .getText('/Archives/hop/0.htm')
      .catch((e: unknown) => e);
    expect(chain).toMatchObject({ code: 'EDGAR_TOO_MANY_REDIRECTS' });
    expect((chain as Error).message).toMatch(/more than 3 redirects/);
    expect((await server.requests()).map((r) => r.path)).toEqual(
      [0, 1, 2, 3].map((i) => `/Archives/hop/${i}.htm`),
    );

    // 40 documents that each redirect once: 80 requests, none above the cap in any second
    await server.clearRequests();
    await server.route('www', '/Archives/target.htm', MCD_HTML);
    await server.inject(
      { kind: 'redirect', status: 301, location: '/www/Archives/target.htm' },
      { count: 40, match: /\/r\d+\.htm$/ },
    );
    const c = client(false, { concurrency: 8 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => c.getText(`/Archives/r${i}.htm`)));
    const times = (await server.requests()).map((r) => r.time);
    expect(times).toHaveLength(80);
    expect(maxPerSecondWindow(times)).toBeLessThanOrEqual(10);
  }, 30_000);
});

describe('cache entries checked by digest', () => {
  async function entryFile(dir: string, url: string): Promise<string> {
    return join(dir, ...cacheFilePath(url));
  }

  it('refetches a document whose cached bytes were flipped, and reports it offline by file', async () => {
    const { dir, remove } = await tempDir('edgar-flip');
    try {
      expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      const file = await entryFile(dir, `https://www.sec.gov${MCD_PATH}`);
      const raw = await readFile(file);
      // flip bytes in the middle of the body: same length, still a whole HTML document
      const body = raw.indexOf(10) + 1;
      for (let i = 0; i < 64; i++) raw[body + 200_000 + i] = raw[body + 200_000 + i]! ^ 0x20;
      await writeFile(file, raw);
      const offline = new EdgarClient({ userAgent: USER_AGENT, cacheDir: dir, offline: true });
      const miss = await offline.fetchDocument(MCD_REF).catch((e: unknown) => e);
      expect(miss).toBeInstanceOf(EdgarCacheMissError);
      expect(miss).toMatchObject({ code: 'EDGAR_OFFLINE_CACHE_MISS', damaged: true, file });
      expect((miss as Error).message).toContain(
        `is damaged (its SHA-256 digest or content check failed): ${file}`,
      );
      await server.clearRequests();
      const events: EdgarProgressEvent[] = [];
      expect(await client(dir, { onProgress: (e) => events.push(e) }).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect(events.map((e) => e.type)).toEqual(['cache-damaged', 'request']);
      expect(await server.requests()).toHaveLength(1);
      // the clean rerun: repaired, served from the cache
      await server.clearRequests();
      expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect(await server.requests()).toHaveLength(0);
    } finally {
      await remove();
    }
  });

  it('overwritten bytes in a submissions entry never make filings vanish', async () => {
    const { dir, remove } = await tempDir('edgar-overwrite');
    try {
      const run = (): Promise<FilingRecord[]> =>
        collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
      expect(await run()).toEqual(reference);
      for (const entry of await readdir(join(dir, 'v1', 'submissions'), {
        recursive: true,
        withFileTypes: true,
      })) {
        if (!entry.isFile()) continue;
        const file = join(entry.parentPath, entry.name);
        // still valid JSON: form types rewritten in place ("10-K" -> "10-X"), 64 bytes at most
        const raw = await readFile(file);
        let changed = 0;
        for (let at = raw.indexOf('"10-K"'); at >= 0 && changed < 16; at = raw.indexOf('"10-K"', at + 1)) {
          raw[at + 4] = 0x58;
          changed++;
        }
        for (let at = raw.indexOf('"10-Q"'); at >= 0 && changed < 32; at = raw.indexOf('"10-Q"', at + 1)) {
          raw[at + 4] = 0x58;
          changed++;
        }
        expect(changed).toBeGreaterThan(0);
        await writeFile(file, raw);
      }
      await server.clearRequests();
      expect(await run()).toEqual(reference);
      expect((await server.requests()).map((r) => r.path).sort()).toEqual(
        ['CL', 'MCD', 'TXN', 'WMT']
          .map((t) => fixtureFilings().find((f) => f.ticker === t)!.cik)
          .map((cik) => `/submissions/CIK${cik}.json`)
          .sort(),
      );
    } finally {
      await remove();
    }
  });

  it('an entry without a digest (written before digests) is refetched, not trusted', async () => {
    const { dir, remove } = await tempDir('edgar-nodigest');
    try {
      const url = `https://www.sec.gov${MCD_PATH}`;
      const file = join(dir, ...cacheFilePath(url));
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(file, '..'), { recursive: true });
      const wrong = Buffer.from('<html><body>an old, wrong copy</body></html>');
      await writeFile(
        file,
        Buffer.concat([Buffer.from(`${JSON.stringify({ url, storedAt: 1, bytes: wrong.length })}\n`), wrong]),
      );
      expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      expect(await server.requests()).toHaveLength(1);
    } finally {
      await remove();
    }
  });
});

describe('bounded waits', () => {
  it.each([
    ['a 503', 503],
    ['a 429', 429],
  ])(
    '%s with Retry-After: 3600 fails at once with EDGAR_WAIT_TOO_LONG, saying what SEC asked',
    async (_name, status) => {
      const { dir, remove } = await tempDir('edgar-wait');
      try {
        await server.inject(
          { kind: 'status', status, headers: { 'Retry-After': '3600' } },
          { match: /mcd_10-K/ },
        );
        const c = client(dir);
        const started = performance.now();
        const error = await c.fetchDocument(MCD_REF).catch((e: unknown) => e);
        expect(performance.now() - started).toBeLessThan(5_000);
        expect(error).toBeInstanceOf(EdgarHttpError);
        expect(error).toMatchObject({ code: 'EDGAR_WAIT_TOO_LONG', status, retryAfter: 3_600_000 });
        expect((error as Error).message).toMatch(
          /asked to wait 60 minutes \(Retry-After: 3600\), longer than retry\.maxWaitMs \(900000 ms\)/,
        );
        if (status === 429) {
          // the whole client stays paused as SEC asked; other requests fail fast instead of sleeping
          const next = await c.companyFacts('SNOW').catch((e: unknown) => e);
          expect(next).toMatchObject({ code: 'EDGAR_WAIT_TOO_LONG' });
          expect((await server.requests()).length).toBe(1);
        }
        // clean, same cache, a new client (new limiter): the document arrives
        expect(await client(dir).fetchDocument(MCD_REF)).toBe(MCD_HTML);
      } finally {
        await remove();
      }
    },
  );

  it("order: 'as-completed' streams the other filings while one waits out a Retry-After", async () => {
    const txn = fixtureFilings().find((f) => f.ticker === 'TXN' && f.form === '10-K')!;
    await server.inject(
      { kind: 'status', status: 503, headers: { 'Retry-After': '2' } },
      { match: new RegExp(`${txn.primaryDocument}$`) },
    );
    const arrivals: string[] = [];
    const records = await collect(
      loadEdgarDataset({ client: client(false), tickersOrCiks: COMPANIES, order: 'as-completed' }),
    );
    for (const r of records) arrivals.push(r.accession_number!);
    expect(arrivals.at(-1)).toBe(txn.accession);
    expect([...records].sort((a, b) => a.accession_number!.localeCompare(b.accession_number!))).toEqual(
      [...reference].sort((a, b) => a.accession_number!.localeCompare(b.accession_number!)),
    );
  }, 30_000);
});

describe('canceling', () => {
  it("loadEdgarDataset's signal reaches the client it is given: it stops at once, sends nothing more", async () => {
    const { dir, remove } = await tempDir('edgar-abort');
    try {
      await server.inject({ kind: 'slow', delayMs: 20_000 }, { count: 1000, match: /\.htm$/ });
      const controller = new AbortController();
      const given = client(dir);
      const started = performance.now();
      setTimeout(() => controller.abort(new Error('stopped by the test')), 1_000);
      const run = collect(
        loadEdgarDataset({ client: given, tickersOrCiks: COMPANIES, signal: controller.signal }),
      );
      await expect(run).rejects.toThrow('stopped by the test');
      expect(performance.now() - started).toBeLessThan(3_000);
      const sent = (await server.requests()).length;
      await new Promise((r) => setTimeout(r, 500));
      expect((await server.requests()).length).toBe(sent);
      // the client itself is not spoilt: a later call without the signal works
      await server.clearRequests();
      await server.clearFaults();
      const clean = await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }));
      expect(clean).toEqual(reference);
    } finally {
      await remove();
    }
  }, 30_000);

  it('a per-call signal stops only its own call; a shared request goes on for the others', async () => {
    await server.inject({ kind: 'slow', delayMs: 700 }, { match: /mcd_10-K/ });
    const c = client(false);
    const controller = new AbortController();
    const canceled = c.fetchDocument(MCD_REF, { signal: controller.signal });
    const kept = c.fetchDocument(MCD_REF);
    setTimeout(() => controller.abort(new Error('only this one')), 100);
    await expect(canceled).rejects.toThrow('only this one');
    expect(await kept).toBe(MCD_HTML);
    expect(await server.requests()).toHaveLength(1);
  });
});

describe('a malformed submissions row', () => {
  it('is one record with error; the company’s other filings load, and nothing escapes the folder', async () => {
    const cik = '0000000903';
    const good = { ...MCD, cik, ticker: null, company: 'Row Test Corp', accession: '0000063908-24-000072' };
    const submissions = buildSubmissions([good]) as { filings: { recent: Record<string, string[]> } };
    const recent = submissions.filings.recent;
    recent.accessionNumber!.push('../../x', '0000063908-24-000073', '0000063908-24-000074');
    recent.filingDate!.push('2024-01-02', '2024-13-45', '2024-01-03');
    recent.reportDate!.push('', '', '');
    recent.form!.push('10-K', '10-K', '10-K');
    recent.primaryDocument!.push('x.htm', 'y.htm', '../../../etc/passwd');
    await server.route('data', `/submissions/CIK${cik}.json`, JSON.stringify(submissions));
    await server.route('www', `${folderOf(cik, good.accession)}/${good.primaryDocument}`, MCD_HTML);
    const records = await collect(
      loadEdgarDataset({ client: client(false), tickersOrCiks: [cik], formTypes: '10-K' }),
    );
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({ accession_number: good.accession, error: null, mdna_status: 'found' });
    expect(records[0]!.mdna).toBe(reference.find((r) => r.accession_number === MCD.accession)!.mdna);
    expect(records.slice(1).map((r) => [r.cik, r.company, r.filing_date, r.error])).toEqual([
      [
        cik,
        'Row Test Corp',
        '2024-01-02',
        expect.stringMatching(/^EDGAR_BAD_SUBMISSIONS_ROW: .*accession number "\.\.\/\.\.\/x"/),
      ],
      [
        cik,
        'Row Test Corp',
        null,
        expect.stringMatching(/filing date "2024-13-45" is not a date YYYY-MM-DD/),
      ],
      [
        cik,
        'Row Test Corp',
        '2024-01-03',
        expect.stringMatching(/primary document "\.\.\/\.\.\/\.\.\/etc\/passwd"/),
      ],
    ]);
    expect((await server.requests()).every((r) => !r.path.includes('..') && !r.path.includes('/x'))).toBe(
      true,
    );
    // clean: the same company with its rows fixed (a new cache-free client)
    await server.route('data', `/submissions/CIK${cik}.json`, JSON.stringify(buildSubmissions([good])));
    const clean = await collect(
      loadEdgarDataset({ client: client(false), tickersOrCiks: [cik], formTypes: '10-K' }),
    );
    expect(clean.map((r) => r.error)).toEqual([null]);
  });
});

describe('User-Agent', () => {
  it.each([
    ['CR/LF', 'Acme Research jane@acme.com\r\nX-Injected: 1', /control character CR at position 27/],
    ['LF', 'Acme Research\njane@acme.com', /control character LF/],
    ['NUL', 'Acme\0Research jane@acme.com', /control character NUL/],
    [
      'an invalid email',
      'Jane Doe jane@-.co',
      /'jane@-\.co' is not a valid email address \(the domain label '-' is not valid/,
    ],
    [
      'a dotless domain',
      'Jane Doe jane@acme',
      /'jane@acme' is not a valid email address \(the domain has no dot\)/,
    ],
    ['non-ASCII', 'Zoë Research zoe@acme.com', /contains 'ë' at position 2/],
  ])('with %s is refused before any request; a correct one then works', async (_name, userAgent, message) => {
    let error: unknown;
    try {
      client(false, { userAgent });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'userAgent' });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(
      "new EdgarClient({ userAgent: 'Acme Research jane@acme.com' })",
    );
    expect(await server.requests()).toHaveLength(0);
    expect(await client(false).fetchDocument(MCD_REF)).toBe(MCD_HTML);
    expect((await server.requests()).map((r) => r.userAgent)).toEqual([USER_AGENT]);
  });

  it('a request that cannot be sent (invalid header) is a configuration error, never retried', async () => {
    const { fetchTransport } = await import('../../src/edgar/index.js');
    const events: EdgarProgressEvent[] = [];
    const c = client(false, {
      onProgress: (e) => events.push(e),
      transport: (request) => fetchTransport({ ...request, headers: { ...request.headers, From: 'a\r\nb' } }),
    });
    const error = await c.fetchDocument(MCD_REF).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'headers' });
    expect(events.filter((e) => e.type === 'retry')).toEqual([]);
    expect(await server.requests()).toHaveLength(0);
  });
});

describe('two processes on one cache folder', () => {
  it('both finish, every entry is whole and verified, and a rerun sends nothing', async () => {
    const { dir, remove } = await tempDir('edgar-two');
    try {
      const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
      const run = (): Promise<{ code: number | null; out: string }> =>
        new Promise((resolve) => {
          const child = spawn(
            process.execPath,
            [
              '--import',
              'tsx',
              worker,
              JSON.stringify({ baseUrls: server.baseUrls, cacheDir: dir, tickersOrCiks: COMPANIES }),
            ],
            { stdio: ['ignore', 'pipe', 'inherit'] },
          );
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.on('exit', (code) => resolve({ code, out }));
        });
      const [a, b] = await Promise.all([run(), run()]);
      const expected = reference.map((r) => r.accession_number).join('\n');
      expect([a.code, a.out.trim()]).toEqual([0, expected]);
      expect([b.code, b.out.trim()]).toEqual([0, expected]);
      const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(0);
      for (const entry of files) {
        expect(entry.name.endsWith('.tmp')).toBe(false);
        const raw = await readFile(join(entry.parentPath, entry.name));
        const newline = raw.indexOf(10);
        const header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as {
          bytes: number;
          sha256: string;
        };
        const body = raw.subarray(newline + 1);
        expect([body.length, bodyDigest(body)]).toEqual([header.bytes, header.sha256]);
      }
      await server.clearRequests();
      expect(await collect(loadEdgarDataset({ client: client(dir), tickersOrCiks: COMPANIES }))).toEqual(
        reference,
      );
      expect(await server.requests()).toHaveLength(0);
    } finally {
      await remove();
    }
  }, 60_000);
});
