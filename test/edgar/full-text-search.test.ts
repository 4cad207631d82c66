import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullTextSearchPath,
  groupSearchHits,
  normalizeFullTextSearchQuery,
  paginateFullTextSearch,
  parseFullTextSearch,
} from '../../src/edgar/full-text-search.js';
import { type EdgarTestServer, startEdgarServer } from '../support/edgar-server.js';
import { fixturePath } from '../support/fixtures.js';
import { type SearchDocument, searchResponse } from '../support/fts.js';
import { tempDir, testClient, USER_AGENT } from './helpers.js';

const WWW = 'https://www.sec.gov';

/** Apple's real 10-K and 10-Q filings from the fixture submissions record, as search documents. */
async function appleDocuments(): Promise<SearchDocument[]> {
  const read = async (name: string): Promise<Record<string, string[]>> =>
    JSON.parse(gunzipSync(await readFile(fixturePath(`sec-json/${name}`))).toString());
  const recent = (await read('submissions_CIK0000320193.json.gz')).filings as unknown as {
    recent: Record<string, string[]>;
  };
  const older = await read('submissions_CIK0000320193-submissions-001.json.gz');
  const docs: SearchDocument[] = [];
  let k = 0;
  for (const r of [recent.recent, older])
    for (let i = 0; i < r.accessionNumber!.length; i++) {
      if (r.form![i] !== '10-K' && r.form![i] !== '10-Q') continue;
      const base = {
        accessionNumber: r.accessionNumber![i]!,
        cik: '0000320193',
        company: 'Apple Inc.',
        ticker: 'AAPL',
        form: r.form![i]!,
        filingDate: r.filingDate![i]!,
        reportDate: r.reportDate![i] || null,
      };
      docs.push({ ...base, fileName: r.primaryDocument![i]!, fileType: base.form });
      // Every other filing also matches in an exhibit.
      if (k++ % 2 === 0) docs.push({ ...base, fileName: 'ex21.htm', fileType: 'EX-21.1' });
    }
  return docs;
}

describe('full-text search: query, parsing, grouping, paging', () => {
  it('builds SEC query strings', () => {
    const q = normalizeFullTextSearchQuery({
      q: ' "going concern" ',
      forms: ['10-K', '10-q'],
      dateRange: ['2010-01-01', '2020-12-31'],
      ciks: [320193],
    });
    expect(fullTextSearchPath(q, 200)).toBe(
      '/LATEST/search-index?q=%22going+concern%22&forms=10-K%2C10-Q&dateRange=custom&startdt=2010-01-01&enddt=2020-12-31&ciks=0000320193&from=200',
    );
    expect(fullTextSearchPath(normalizeFullTextSearchQuery({ q: 'waiver' }), 0)).toBe(
      '/LATEST/search-index?q=waiver&from=0',
    );
  });

  it('rejects bad queries naming the field', () => {
    expect(() => normalizeFullTextSearchQuery({ q: '' })).toThrow('query.q must be the words to search for');
    expect(() => normalizeFullTextSearchQuery({ q: 'x', form: '10-K' } as never)).toThrow(
      "Did you mean 'forms'?",
    );
    expect(() => normalizeFullTextSearchQuery({ q: 'x', dateRange: ['2020-02-30', '2021-01-01'] })).toThrow(
      '2020-02-30',
    );
    expect(() => normalizeFullTextSearchQuery({ q: 'x', ciks: ['AAPL'] })).toThrow(
      'query.ciks[0] is not a CIK',
    );
  });

  it('parses hits and drops malformed ones', async () => {
    const docs = await appleDocuments();
    const body = searchResponse(docs, 0);
    (body.hits as { hits: unknown[] }).hits.push({
      _id: 'x',
      _source: { adsh: '../../x', ciks: ['320193'], file_date: '2020-01-01' },
    });
    const page = parseFullTextSearch(body);
    expect(page.total).toBe(docs.length);
    expect(page.totalIsLowerBound).toBe(false);
    expect(page.hits).toHaveLength(Math.min(100, docs.length));
    expect(page.hits[0]).toEqual({
      accessionNumber: docs[0]!.accessionNumber,
      cik: '0000320193',
      company: 'Apple Inc.',
      formType: docs[0]!.form,
      fileType: docs[0]!.form,
      fileName: docs[0]!.fileName,
      filingDate: docs[0]!.filingDate,
      reportDate: docs[0]!.reportDate,
    });
    expect(() => parseFullTextSearch({ error: 'x' })).toThrow('not a full-text search response');
  });

  it('groups document hits into one filing each, the main document as primary', async () => {
    const docs = await appleDocuments();
    const filings = groupSearchHits(
      parseFullTextSearch(searchResponse(docs, 0, docs.length)).hits,
      WWW,
      new Set(),
    );
    const accessions = new Set(docs.map((d) => d.accessionNumber));
    expect(filings).toHaveLength(accessions.size);
    const first = filings[0]!;
    expect(first.primaryDocument).toBe(docs[0]!.fileName);
    expect(first.matchedDocuments).toEqual([docs[0]!.fileName, 'ex21.htm']);
    expect(first.url).toBe(
      `${WWW}/Archives/edgar/data/320193/${first.accessionNumber.replaceAll('-', '')}/${docs[0]!.fileName}`,
    );
    // Only an exhibit matched: the full submission text is the document.
    const exhibitOnly = groupSearchHits(
      parseFullTextSearch(searchResponse([docs[1]!], 0)).hits,
      WWW,
      new Set(),
    );
    const onlyExhibit = docs.find((d) => d.fileType !== d.form)!;
    const [alone] = groupSearchHits(
      parseFullTextSearch(searchResponse([onlyExhibit], 0)).hits,
      WWW,
      new Set(),
    );
    expect(exhibitOnly).toHaveLength(1);
    expect(alone!.primaryDocument).toBeNull();
    expect(alone!.url.endsWith(`/${alone!.accessionNumber}.txt`)).toBe(true);
  });

  it('pages by 100 until the hits run out, each filing once, and honors maxResults and the signal', async () => {
    const docs = await appleDocuments();
    expect(docs.length).toBeGreaterThan(100);
    const asked: string[] = [];
    const getJson = async (path: string): Promise<unknown> => {
      asked.push(path);
      return searchResponse(docs, Number(new URL(path, WWW).searchParams.get('from')));
    };
    const all = [];
    for await (const hit of paginateFullTextSearch(getJson, { q: 'revenue' }, undefined, WWW)) all.push(hit);
    expect(asked.map((p) => new URL(p, WWW).searchParams.get('from'))).toEqual(
      Array.from({ length: Math.ceil(docs.length / 100) }, (_, i) => String(i * 100)),
    );
    expect(all.map((h) => h.accessionNumber)).toEqual([...new Set(docs.map((d) => d.accessionNumber))]);

    const few = [];
    for await (const hit of paginateFullTextSearch(getJson, { q: 'revenue' }, { maxResults: 3 }, WWW))
      few.push(hit);
    expect(few).toHaveLength(3);

    const controller = new AbortController();
    const reason = new Error('enough');
    const run = (async () => {
      for await (const _ of paginateFullTextSearch(
        getJson,
        { q: 'revenue' },
        { signal: controller.signal },
        WWW,
      )) {
        controller.abort(reason);
      }
    })();
    // The first page's filings are already in hand; the next page is never asked for.
    await expect(run).rejects.toBe(reason);
  });
});

describe("client.searchFilings against a local server answering in SEC's search shape", () => {
  let server: EdgarTestServer;
  let docs: SearchDocument[];
  const query = {
    q: '"net sales"',
    forms: ['10-K', '10-Q'],
    dateRange: ['2001-01-01', '2024-12-31'] as [string, string],
  };
  const pagePath = (from: number): string =>
    fullTextSearchPath(normalizeFullTextSearchQuery(query), from).replace(/\?.*$/, '');
  const pageSearch = (from: number): string =>
    fullTextSearchPath(normalizeFullTextSearchQuery(query), from).replace(/^[^?]*/, '');

  beforeAll(async () => {
    server = await startEdgarServer();
    docs = await appleDocuments();
    for (let from = 0; from < docs.length; from += 100) {
      server.route(
        'efts',
        `${pagePath(from)}${pageSearch(from)}`,
        JSON.stringify(searchResponse(docs, from)),
      );
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('pages through the limiter with the User-Agent, caches pages, and yields each filing once', async () => {
    const tmp = await tempDir('fts');
    try {
      server.clearRequests();
      const client = testClient(server, { cacheDir: tmp.dir });
      const hits = [];
      for await (const hit of client.searchFilings(query)) hits.push(hit);
      expect(hits.map((h) => h.accessionNumber)).toEqual([...new Set(docs.map((d) => d.accessionNumber))]);
      const pages = Math.ceil(docs.length / 100);
      expect(server.requests.map((r) => [r.host, r.search.includes('from=')])).toEqual(
        Array.from({ length: pages }, () => ['efts', true]),
      );
      expect(server.requests.every((r) => r.userAgent === USER_AGENT)).toBe(true);
      // The refs feed the loaders: a real document URL under SEC's www host.
      expect(hits[0]!.url.startsWith('https://www.sec.gov/Archives/edgar/data/320193/')).toBe(true);

      server.clearRequests();
      const again = [];
      for await (const hit of testClient(server, { cacheDir: tmp.dir }).searchFilings(query)) again.push(hit);
      expect(again).toEqual(hits);
      expect(server.requests).toHaveLength(0);
    } finally {
      await tmp.remove();
    }
  });

  it('refuses and never caches an error page in place of a search answer, then succeeds clean', async () => {
    const tmp = await tempDir('fts-fault');
    try {
      server.clearRequests();
      server.inject(
        {
          kind: 'status',
          status: 200,
          headers: { 'Content-Type': 'text/html' },
          body: '<html><head><title>SEC.gov | Service Unavailable</title></head><body>Service Unavailable</body></html>',
        },
        { count: 10, match: /search-index/ },
      );
      const client = testClient(server, {
        cacheDir: tmp.dir,
        retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
      });
      await expect(
        (async () => {
          for await (const _ of client.searchFilings(query)) {
            // consume
          }
        })(),
      ).rejects.toThrow();
      server.clearFaults();
      server.clearRequests();
      const hits = [];
      for await (const hit of testClient(server, { cacheDir: tmp.dir }).searchFilings(query, {
        maxResults: 5,
      }))
        hits.push(hit);
      expect(hits).toHaveLength(5);
      // The failed page was not kept: the clean run asked SEC again, for the first page only.
      expect(server.requests).toHaveLength(1);
    } finally {
      await tmp.remove();
    }
  });

  it('rejects a bad query before any request', () => {
    server.clearRequests();
    const client = testClient(server);
    expect(() => client.searchFilings({ q: '' })).toThrow('query.q must be the words to search for');
    expect(server.requests).toHaveLength(0);
  });
});
