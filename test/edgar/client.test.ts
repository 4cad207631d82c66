import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultEdgarOptions,
  EdgarCacheMissError,
  EdgarClient,
  EdgarHttpError,
  type EdgarProgressEvent,
  fetchTransport,
  loadEdgarDataset,
  normalizeFilingsQuery,
} from '../../src/edgar/index.js';
import { FinTabTextError, InvalidArgumentError } from '../../src/errors/index.js';
import { type EdgarTestServer, startEdgarServer } from '../support/edgar-server.js';
import { readFixture } from '../support/fixtures.js';
import { tempDir, testClient, USER_AGENT } from './helpers.js';

let server: EdgarTestServer;
beforeAll(async () => {
  server = await startEdgarServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.clearRequests();
});

const APPLE_SUBMISSIONS = '/submissions/CIK0000320193.json';
const APPLE_PAGE = '/submissions/CIK0000320193-submissions-001.json';

describe('EdgarClient options', () => {
  it('requires a User-Agent with a name and an email, citing SEC fair access and showing a correct call', () => {
    const cases: unknown[] = [undefined, '', 'jane@acme.com', 'Acme Research', 42];
    for (const userAgent of cases) {
      let error: unknown;
      try {
        new EdgarClient({ userAgent } as never);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toBeInstanceOf(FinTabTextError);
      const e = error as InvalidArgumentError;
      expect(e.field).toBe('userAgent');
      expect(e.message).toMatch(/fair-access/);
      expect(e.message).toContain("new EdgarClient({ userAgent: 'Acme Research jane@acme.com' })");
    }
    expect(
      () => new EdgarClient({ userAgent: 'Acme Research jane@acme.com', cacheDir: false }),
    ).not.toThrow();
  });

  it('caps maxRequestsPerSecond at 10 and validates other options', () => {
    const base = { userAgent: USER_AGENT, cacheDir: false as const };
    expect(() => new EdgarClient({ ...base, maxRequestsPerSecond: 10.5 })).toThrow(/at most 10/);
    expect(() => new EdgarClient({ ...base, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => new EdgarClient({ ...base, baseUrls: { www: 'ftp://x' } })).toThrow(/baseUrls.www/);
    expect(() => new EdgarClient({ ...base, offline: true })).toThrow(/offline/);
    expect(new EdgarClient({ ...base, maxRequestsPerSecond: 10 }).limiter.maxRequestsPerSecond).toBe(10);
  });

  it('exports its defaults frozen and merges them in one place', () => {
    expect(Object.isFrozen(defaultEdgarOptions)).toBe(true);
    expect(Object.isFrozen(defaultEdgarOptions.retry)).toBe(true);
    expect(defaultEdgarOptions.maxRequestsPerSecond).toBe(9);
    expect(defaultEdgarOptions.blockPauseMs).toBe(600_000);
    expect(defaultEdgarOptions.cacheTtlMs).toBe(86_400_000);
    const client = new EdgarClient({ userAgent: USER_AGENT, cacheDir: false, retry: { maxAttempts: 2 } });
    expect(client.options.retry).toEqual({ ...defaultEdgarOptions.retry, maxAttempts: 2 });
    expect(client.limiter.maxRequestsPerSecond).toBe(9);
  });

  it('reads base URLs from FIN_TABTEXT_SEC_WWW_URL / _DATA_URL / _EFTS_URL', async () => {
    const saved = {
      www: process.env.FIN_TABTEXT_SEC_WWW_URL,
      data: process.env.FIN_TABTEXT_SEC_DATA_URL,
      efts: process.env.FIN_TABTEXT_SEC_EFTS_URL,
    };
    process.env.FIN_TABTEXT_SEC_WWW_URL = server.baseUrls.www;
    process.env.FIN_TABTEXT_SEC_DATA_URL = `${server.baseUrls.data}/`;
    process.env.FIN_TABTEXT_SEC_EFTS_URL = server.baseUrls.efts;
    try {
      const client = new EdgarClient({ userAgent: USER_AGENT, cacheDir: false });
      expect(client.options.baseUrls).toEqual(server.baseUrls);
      expect(await client.resolveCik('AAPL')).toBe('0000320193');
    } finally {
      for (const [key, value] of [
        ['FIN_TABTEXT_SEC_WWW_URL', saved.www],
        ['FIN_TABTEXT_SEC_DATA_URL', saved.data],
        ['FIN_TABTEXT_SEC_EFTS_URL', saved.efts],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe('option checker (did-you-mean) on every EDGAR options object', () => {
  const fields = (fn: () => unknown): { field: string; message: string } => {
    try {
      fn();
    } catch (error) {
      const e = error as InvalidArgumentError;
      return { field: e.field, message: e.message };
    }
    throw new Error('expected a throw');
  };

  it('EdgarClient names the misspelled option and the right one', () => {
    const base = { userAgent: USER_AGENT, cacheDir: false as const };
    expect(fields(() => new EdgarClient({ ...base, maxRequestPerSecond: 5 } as never))).toEqual({
      field: 'options.maxRequestPerSecond',
      message:
        "EdgarClient: unknown option 'options.maxRequestPerSecond'. Did you mean 'maxRequestsPerSecond'?",
    });
    expect(fields(() => new EdgarClient({ ...base, retry: { maxAttempt: 2 } } as never)).message).toMatch(
      /'options\.retry\.maxAttempt'\. Did you mean 'maxAttempts'\?/,
    );
    expect(
      fields(() => new EdgarClient({ ...base, baseUrls: { wwww: 'http://x' } } as never)).message,
    ).toMatch(/Did you mean 'www'\?/);
    expect(fields(() => new EdgarClient({ ...base, blockPauseMs: 3_600_000 })).message).toMatch(
      /blockPauseMs \(3600000\) is longer than retry\.maxWaitMs \(900000\)/,
    );
  });

  it('loadEdgarDataset, and every client method’s { signal } options', async () => {
    expect(
      fields(() =>
        loadEdgarDataset({ userAgent: USER_AGENT, cacheDir: false, tickerOrCiks: 'AAPL' } as never),
      ),
    ).toMatchObject({
      field: 'config.tickerOrCiks',
      message: expect.stringMatching(/Did you mean 'tickersOrCiks'\?/),
    });
    expect(
      fields(() =>
        loadEdgarDataset({
          userAgent: USER_AGENT,
          cacheDir: false,
          tickersOrCiks: 'AAPL',
          order: 'completed',
        } as never),
      ).message,
    ).toMatch(/config\.order must be one of 'input', 'as-completed', got 'completed'/);
    const client = testClient(server);
    await expect(client.getJson(APPLE_SUBMISSIONS, 'data', { signl: undefined } as never)).rejects.toThrow(
      /getJson: unknown option 'options\.signl'\. Did you mean 'signal'\?/,
    );
    await expect(client.listFilings({ tickersOrCiks: 'AAPL' }, { sgnal: 1 } as never)).rejects.toThrow(
      /Did you mean 'signal'\?/,
    );
    await expect(client.companyFacts('SNOW', { signal: 'no' } as never)).rejects.toThrow(
      /must be an AbortSignal/,
    );
    expect(
      fields(() =>
        client.fetchDocument({ cik: '1', accessionNumber: '0000000001-24-000001' }, { sginal: 1 } as never),
      ).message,
    ).toMatch(/fetchDocument: unknown option 'options\.sginal'/);
    expect(
      fields(() => normalizeFilingsQuery({ tickersOrCiks: 'AAPL', formType: '10-K' } as never)).message,
    ).toMatch(/normalizeFilingsQuery: unknown option 'query\.formType'\. Did you mean 'formTypes'\?/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('EdgarClient requests', () => {
  it('declares the User-Agent, asks for gzip and decompresses it (default and explicit fetch transport)', async () => {
    for (const transport of [undefined, fetchTransport]) {
      server.clearRequests();
      const client = testClient(server, transport === undefined ? {} : { transport });
      const subs = await client.submissions('320193');
      expect(subs.name).toBe('Apple Inc.');
      expect(subs.files.map((f) => f.name)).toEqual(['CIK0000320193-submissions-001.json']);
      const [request] = server.requests;
      expect(request?.path).toBe(APPLE_SUBMISSIONS);
      expect(request?.host).toBe('data');
      expect(request?.userAgent).toBe(USER_AGENT);
      expect(request?.acceptEncoding).toMatch(/gzip/);
    }
  });

  it('resolves tickers and CIKs; an unknown ticker lists close matches', async () => {
    const client = testClient(server);
    expect(await client.resolveCik('0000320193')).toBe('0000320193');
    expect(await client.resolveCik(320193)).toBe('0000320193');
    expect(server.requests).toHaveLength(0);
    expect(await client.resolveCik('aapl')).toBe('0000320193');
    expect(await client.resolveCompany('brk.b')).toEqual({ cik: '0001067983', ticker: 'BRK-B' });
    expect(server.requests.filter((r) => r.path === '/files/company_tickers.json')).toHaveLength(1);
    const error = await client.resolveCik('APPLL').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/Unknown ticker 'APPLL'/);
    expect((error as Error).message).toMatch(/AAPL \(Apple Inc\., CIK 0000320193\)/);
    await expect(client.resolveCik('NO SUCH THING!')).rejects.toThrow(/neither a ticker nor a CIK/);
  });

  it('lists filings from filings.recent without fetching older pages when the range does not need them', async () => {
    const client = testClient(server);
    const refs = await client.listFilings({
      tickersOrCiks: ['AAPL'],
      formTypes: ['10-K'],
      filingDateStart: '2019-01-01',
      filingDateEnd: '2022-12-31',
    });
    expect(refs.map((r) => [r.accessionNumber, r.filingDate])).toEqual([
      ['0000320193-22-000108', '2022-10-28'],
      ['0000320193-21-000105', '2021-10-29'],
      ['0000320193-20-000096', '2020-10-30'],
      ['0000320193-19-000119', '2019-10-31'],
    ]);
    expect(refs[0]).toMatchObject({
      cik: '0000320193',
      ticker: 'AAPL',
      company: 'Apple Inc.',
      formType: '10-K',
      reportDate: '2022-09-24',
      primaryDocument: 'aapl-20220924.htm',
      url: 'https://www.sec.gov/Archives/edgar/data/320193/000032019322000108/aapl-20220924.htm',
    });
    expect(server.requests.some((r) => r.path === APPLE_PAGE)).toBe(false);
  });

  it('fetches the older files page when the range reaches into it, with amendments on request', async () => {
    const client = testClient(server);
    const refs = await client.listFilings({
      tickersOrCiks: '320193',
      formTypes: '10-K',
      filingDateStart: '2009-01-01',
      filingDateEnd: '2013-12-31',
      includeAmendments: true,
    });
    expect(server.requests.filter((r) => r.path === APPLE_PAGE)).toHaveLength(1);
    // 2013-10-30 comes from filings.recent, the rest from the page (which ends 2013-02-07)
    expect(refs.map((r) => `${r.formType} ${r.filingDate}`)).toEqual([
      '10-K 2013-10-30',
      '10-K 2012-10-31',
      '10-K 2011-10-26',
      '10-K 2010-10-27',
      '10-K/A 2010-01-25',
      '10-K 2009-10-27',
    ]);
    expect(refs[0]?.ticker).toBe('AAPL');
  });

  it('rejects bad dates and unknown forms before any request', async () => {
    const client = testClient(server);
    const query = { tickersOrCiks: ['AAPL'] };
    await expect(client.listFilings({ ...query, filingDateStart: '2020-13-01' })).rejects.toThrow(
      /filingDateStart must be an ISO date 'YYYY-MM-DD', got '2020-13-01'/,
    );
    await expect(client.listFilings({ ...query, filingDateEnd: '31/12/2020' })).rejects.toThrow(
      /filingDateEnd/,
    );
    await expect(
      client.listFilings({ ...query, filingDateStart: '2021-01-01', filingDateEnd: '2020-01-01' }),
    ).rejects.toThrow(/is after filingDateEnd/);
    const error = await client.listFilings({ ...query, formTypes: ['10K'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe('formTypes');
    expect((error as Error).message).toMatch(/unknown SEC form type '10K' \(did you mean '10-K'\?\)/);
    await expect(client.listFilings({ tickersOrCiks: [] })).rejects.toThrow(/tickersOrCiks/);
    expect(server.requests).toHaveLength(0);
  });

  it('fetches filing documents, folder listings and company facts', async () => {
    const client = testClient(server);
    const index = await client.fetchFilingIndex({ cik: '1648960', accessionNumber: '000121390024004875' });
    expect(index.name).toBe('/Archives/edgar/data/1648960/000121390024004875');
    expect(index.items.map((i) => i.name)).toContain('ea191807-8k_datchat.htm');
    expect(index.items.find((i) => i.name === 'R1.htm')?.size).toBe(42096);
    const mcd = {
      cik: '63908',
      accessionNumber: '0000063908-24-000072',
      primaryDocument: 'mcd_10-K_2024-02-22.htm',
    };
    expect(await client.fetchDocument(mcd)).toBe(readFixture('filings/mcd_10-K_2024-02-22.htm'));
    const facts = await client.companyFacts('SNOW');
    expect(facts.entityName).toBe('SNOWFLAKE INC.');
    expect(Object.keys(facts.facts)).toContain('us-gaap');
    expect(() => client.fetchDocument(mcd, '../../etc/passwd')).toThrow(/file name/);
  });

  it('shares one request between concurrent callers of the same URL and check', async () => {
    const client = testClient(server);
    const [a, b, c] = await Promise.all([
      client.submissions('320193'),
      client.submissions('0000320193'),
      client.submissions(320193),
    ]);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(server.requests.map((r) => r.path)).toEqual([APPLE_SUBMISSIONS]);
    // a caller's own check is its own load
    server.clearRequests();
    await Promise.all([
      client.getJson(APPLE_SUBMISSIONS, 'data', { validate: () => {} }),
      client.getJson(APPLE_SUBMISSIONS, 'data'),
    ]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives a typed error at once for a status that retrying cannot fix', async () => {
    const client = testClient(server);
    const error = await client.companyFacts('320193').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdgarHttpError);
    expect(error).toMatchObject({
      status: 404,
      attempts: 1,
      url: `${server.baseUrls.data}/api/xbrl/companyfacts/CIK0000320193.json`,
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('EdgarClient cache', () => {
  it('answers a second identical run from the cache with zero requests', async () => {
    const { dir, remove } = await tempDir('edgar-cache');
    try {
      const work = async (client: EdgarClient): Promise<unknown[]> => {
        const refs = await client.listFilings({ tickersOrCiks: ['MCD', 'TXN'], formTypes: ['10-K', '10-Q'] });
        const docs = await Promise.all(refs.map((r) => client.fetchDocument(r)));
        return [refs, docs.map((d) => d.length), (await client.companyFacts('SNOW')).entityName];
      };
      const first = await work(testClient(server, { cacheDir: dir }));
      const sent = server.requests.length;
      expect(sent).toBe(1 + 2 + 3 + 1); // tickers, 2 submissions, 3 documents, company facts
      server.clearRequests();
      const hits: string[] = [];
      const second = await work(
        testClient(server, { cacheDir: dir, onProgress: (e) => e.type === 'cache-hit' && hits.push(e.url) }),
      );
      expect(second).toEqual(first);
      expect(server.requests).toHaveLength(0);
      expect(hits).toHaveLength(sent);
      expect(
        hits.every(
          (url) => url.startsWith('https://www.sec.gov/') || url.startsWith('https://data.sec.gov/'),
        ),
      ).toBe(true);
    } finally {
      await remove();
    }
  });

  it('refetches submissions after the TTL but never Archives documents', async () => {
    const { dir, remove } = await tempDir('edgar-ttl');
    try {
      const ref = {
        cik: '97476',
        accessionNumber: '0000097476-24-000007',
        primaryDocument: 'txn_10-K_2024-02-02.htm',
      };
      const warm = testClient(server, { cacheDir: dir });
      await warm.submissions('97476');
      await warm.fetchDocument(ref);
      server.clearRequests();
      const expired = testClient(server, { cacheDir: dir, cacheTtlMs: 0 });
      await expired.submissions('97476');
      await expired.fetchDocument(ref);
      expect(server.requests.map((r) => r.path)).toEqual(['/submissions/CIK0000097476.json']);
    } finally {
      await remove();
    }
  });

  it('works offline from a warm cache, expired entries included, and names the missing URL otherwise', async () => {
    const { dir, remove } = await tempDir('edgar-offline');
    try {
      const query = { tickersOrCiks: ['WMT'], formTypes: ['10-K'] };
      const online = testClient(server, { cacheDir: dir });
      const refs = await online.listFilings(query);
      const doc = await online.fetchDocument(refs[0]!);
      server.clearRequests();
      // offline, with a base URL nothing listens on: any request would fail
      const offline = new EdgarClient({
        userAgent: USER_AGENT,
        cacheDir: dir,
        offline: true,
        cacheTtlMs: 0,
        baseUrls: { www: 'http://127.0.0.1:9', data: 'http://127.0.0.1:9' },
      });
      expect(await offline.listFilings(query)).toEqual(refs);
      expect(await offline.fetchDocument(refs[0]!)).toBe(doc);
      const miss = await offline.companyFacts('SNOW').catch((e: unknown) => e);
      expect(miss).toBeInstanceOf(EdgarCacheMissError);
      expect((miss as EdgarCacheMissError).url).toBe(
        'https://data.sec.gov/api/xbrl/companyfacts/CIK0001640147.json',
      );
      expect((miss as Error).message).toMatch(/offline mode/);
      expect(server.requests).toHaveLength(0);
    } finally {
      await remove();
    }
  });
});

describe('EdgarClient faults', () => {
  const events = (): { list: EdgarProgressEvent[]; onProgress: (e: EdgarProgressEvent) => void } => {
    const list: EdgarProgressEvent[] = [];
    return { list, onProgress: (e) => list.push(e) };
  };

  it.each([
    ['503s', { kind: 'status', status: 503 } as const, 3],
    ['500 with Retry-After', { kind: 'status', status: 500, headers: { 'Retry-After': '0' } } as const, 1],
    ['connection resets', { kind: 'reset' } as const, 3],
    ['truncated bodies', { kind: 'truncate' } as const, 3],
    ['slow answers past the deadline', { kind: 'slow', delayMs: 1500 } as const, 2],
  ])('recovers from %s', async (_name, fault, count) => {
    for (const transport of [undefined, fetchTransport]) {
      server.clearRequests();
      server.inject(fault, { count, match: /company_tickers/ });
      const { list, onProgress } = events();
      const client = testClient(server, { onProgress, timeoutMs: 1000, ...(transport ? { transport } : {}) });
      expect(await client.resolveCik('MCD')).toBe('0000063908');
      const tickerRequests = server.requests.filter((r) => r.path === '/files/company_tickers.json');
      expect(tickerRequests).toHaveLength(count + 1);
      expect(tickerRequests.slice(0, count).every((r) => r.fault === fault.kind)).toBe(true);
      expect(list.filter((e) => e.type === 'retry')).toHaveLength(count);
    }
  });

  it('gives up after retry.maxAttempts with status, url, attempts and cause', async () => {
    server.inject({ kind: 'status', status: 503 }, { count: 3, match: /CIK0001997711/ });
    const client = testClient(server, { retry: { maxAttempts: 3, baseDelayMs: 10 } });
    const error = await client.companyFacts('1997711').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdgarHttpError);
    expect(error).toMatchObject({ status: 503, attempts: 3, code: 'EDGAR_HTTP_ERROR' });
    expect((error as Error).message).toMatch(/failed after 3 attempts; last: status 503/);
    server.inject({ kind: 'reset' }, { count: 2, match: /CIK0001997711/ });
    const reset = await testClient(server, { retry: { maxAttempts: 2, baseDelayMs: 10 } })
      .companyFacts('1997711')
      .catch((e: unknown) => e);
    expect(reset).toMatchObject({ status: null, attempts: 2 });
    expect((reset as Error).cause).toBeInstanceOf(Error);
  });

  it.each([
    ['a 429 burst', { kind: 'status', status: 429 } as const],
    ["SEC's 403 rate-threshold page", { kind: 'rate-page' } as const],
  ])('pauses all traffic for blockPauseMs after %s, then resumes', async (_name, fault) => {
    const blockPauseMs = 700;
    server.inject(fault, { count: 2, match: /submissions/ });
    const { list, onProgress } = events();
    const client = testClient(server, { blockPauseMs, onProgress, concurrency: 4 });
    const refs = await client.listFilings({
      tickersOrCiks: ['MCD', 'TXN', 'WMT', 'LOW'],
      formTypes: ['10-K'],
    });
    expect(refs).toHaveLength(4);
    const blocked = server.requests.filter((r) => r.fault !== null);
    expect(blocked).toHaveLength(2);
    expect(list.filter((e) => e.type === 'rate-limited').map((e) => 'pauseMs' in e && e.pauseMs)).toEqual([
      blockPauseMs,
      blockPauseMs,
    ]);
    // after the client saw a block answer, nothing is sent until the pause is over
    for (const block of blocked) {
      const during = server.requests.filter(
        (r) => r.time > block.time + 50 && r.time < block.time + blockPauseMs,
      );
      expect(during).toEqual([]);
    }
    const last = blocked.at(-1)!;
    expect(server.requests.filter((r) => r.time > last.time).length).toBeGreaterThan(0);
  });

  it('honors Retry-After on a block instead of blockPauseMs', async () => {
    server.inject(
      { kind: 'status', status: 429, headers: { 'Retry-After': '1' } },
      { match: /company_tickers/ },
    );
    const client = testClient(server, { blockPauseMs: 600_000 });
    expect(await client.resolveCik('MCD')).toBe('0000063908');
    const [blocked, next] = server.requests;
    expect(blocked?.outcome).toBe(429);
    expect(next!.time - blocked!.time).toBeGreaterThanOrEqual(990);
  });

  it('stops with EDGAR_RATE_LIMITED when blocks outlast retry.maxRateLimitPauses', async () => {
    server.inject({ kind: 'status', status: 429 }, { count: 3, match: /company_tickers/ });
    const client = testClient(server, { blockPauseMs: 50, retry: { maxRateLimitPauses: 2 } });
    const error = await client.resolveCik('MCD').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdgarHttpError);
    expect(error).toMatchObject({ code: 'EDGAR_RATE_LIMITED', status: 429, attempts: 3 });
  });

  it('stops at once when its signal aborts', async () => {
    const controller = new AbortController();
    server.inject({ kind: 'slow', delayMs: 5000 }, { match: /company_tickers/ });
    const client = testClient(server, { signal: controller.signal });
    const pending = client.resolveCik('MCD');
    setTimeout(() => controller.abort(new Error('canceled by test')), 100);
    await expect(pending).rejects.toThrow('canceled by test');
  });
});
