import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  type DatasetProgress,
  type FilingRow,
  filingRow,
  pipelineColumns,
} from '../../src/index.js';
import { testClient } from '../edgar/helpers.js';
import {
  buildFilingIndex,
  buildSubmissions,
  type EdgarTestServer,
  type FixtureFiling,
  filingRefOf,
  folderOf,
  startEdgarServer,
} from '../support/edgar-server.js';
import { readFixture, readFixtureBytes } from '../support/fixtures.js';
import { fixtures, metaOf } from './support.js';

let server: EdgarTestServer;
beforeAll(async () => {
  server = await startEdgarServer();
});
afterAll(() => server.close());

// GameStop (a 10-K with inline XBRL and a 10-Q), Texas Instruments (10-K, 10-Q) and Ford's
// 2002 plain-text 10-K: real documents served under SEC's URLs by the local server.
const QUERY = {
  tickersOrCiks: ['1326380', '97476', '37996'],
  formTypes: ['10-K', '10-Q'],
  filingDateStart: '2000-01-01',
  filingDateEnd: '2025-12-31',
} as const;

async function collect(rows: AsyncIterable<FilingRow>): Promise<FilingRow[]> {
  const out: FilingRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** OS threads of this process (worker threads are OS threads). */
function threadCount(): number {
  return Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
}

function byFile(): Map<string, FixtureFiling> {
  const all = fixtures('gme_10-K', 'gme_10-Q', 'txn_10-K', 'txn_10-Q', 'ford_10-K');
  return new Map(all.map((f) => [f.accession, f]));
}

describe('buildDataset through the local SEC server', () => {
  let inProcess: FilingRow[];

  it('gives, for every listed filing, exactly the row filingRow gives on the same document', async () => {
    inProcess = await collect(buildDataset({ ...QUERY, client: testClient(server), workers: 0 }));
    const files = byFile();
    expect(inProcess.map((r) => r.accession_number).sort()).toEqual([...files.keys()].sort());
    for (const row of inProcess) {
      expect(Object.keys(row)).toEqual(pipelineColumns());
      const filing = files.get(row.accession_number as string)!;
      expect(row.url).toMatch(/^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\//);
      // Ticker and name come from the submissions record the server serves; the rest from the fixture.
      const meta = {
        ...metaOf(filing, row.url as string),
        ticker: row.ticker as string | null,
        company: row.company as string,
      };
      expect(row).toEqual(filingRow(readFixture(filing.file), meta));
      expect(row.error).toBeNull();
    }
    const gme = inProcess.find((r) => r.accession_number === '0001326380-24-000012')!;
    expect(gme).toMatchObject({
      cik: '0001326380',
      mdna_status: 'found',
      altman_source: 'inline-xbrl',
      altman_zone: 'safe',
    });
    // Company by company in the order asked, newest filing first within each.
    expect([...new Set(inProcess.map((r) => Number(r.cik)))]).toEqual(QUERY.tickersOrCiks.map(Number));
  });

  it('gives the same rows, in the same order, with two worker threads', async () => {
    const progress: DatasetProgress[] = [];
    const rows = await collect(
      buildDataset({
        ...QUERY,
        client: testClient(server),
        workers: 2,
        batchSize: 2,
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(rows).toEqual(inProcess);
    expect(progress[0]).toMatchObject({ type: 'listed', listed: 5, done: 0 });
    expect(progress.at(-1)).toMatchObject({
      type: 'row',
      listed: 5,
      fetched: 5,
      done: 5,
      errors: 0,
      inFlight: 0,
    });
    expect(progress.at(-1)!.bytes).toBeGreaterThan(1_000_000);
  });

  it('gives the same set of rows as they finish with ordered: false', async () => {
    const rows = await collect(
      buildDataset({ ...QUERY, client: testClient(server), workers: 2, batchSize: 1, ordered: false }),
    );
    const key = (r: FilingRow): string => String(r.accession_number);
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...inProcess].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  it('stops on abort, throws the reason and leaves no worker thread running', async () => {
    const before = threadCount();
    const controller = new AbortController();
    let during = 0;
    const run = (async () => {
      for await (const _row of buildDataset({
        ...QUERY,
        client: testClient(server),
        workers: 2,
        batchSize: 1,
        signal: controller.signal,
      })) {
        during = threadCount();
        controller.abort(new Error('stopped by the test'));
      }
    })();
    await expect(run).rejects.toThrow('stopped by the test');
    expect(during).toBeGreaterThanOrEqual(before + 2);
    // Terminated threads are joined asynchronously; give them a moment.
    for (let i = 0; i < 50 && threadCount() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(threadCount()).toBe(before);
    // ... and none comes back later.
    await new Promise((r) => setTimeout(r, 1500));
    expect(threadCount()).toBe(before);
  });

  it('ends every thread when the consumer stops early', async () => {
    const before = threadCount();
    for await (const row of buildDataset({
      ...QUERY,
      client: testClient(server),
      workers: 2,
      batchSize: 1,
    })) {
      expect(row.error).toBeNull();
      break;
    }
    for (let i = 0; i < 50 && threadCount() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(threadCount()).toBe(before);
  });

  it('gives a failing filing an error row and goes on with the others', async () => {
    const [gme, txn] = fixtures('gme_10-K', 'txn_10-Q');
    const filings = [
      filingRefOf(txn!),
      // The inline XBRL reader refuses a filing date that is not YYYY-MM-DD: it throws inside the worker.
      filingRefOf(gme!, { filingDate: '26/03/2024' }),
      // Not on the server: the fetch fails with status 404.
      filingRefOf(gme!, { primaryDocument: 'missing.htm' }),
      filingRefOf(gme!),
    ];
    const rows = await collect(
      buildDataset({ filings, client: testClient(server), workers: 2, batchSize: 4 }),
    );
    expect(rows.map((r) => r.error === null)).toEqual([true, false, false, true]);
    expect(rows[1]!.error).toMatch(/INVALID_ARGUMENT.*options\.filingDate/);
    expect(rows[1]).toMatchObject({ accession_number: gme!.accession, word_count: null, altman_z: null });
    expect(rows[2]!.error).toMatch(/404/);
    expect(rows[3]).toEqual(inProcess.find((r) => r.accession_number === gme!.accession));
  });
});

describe('buildDataset and an MD&A incorporated by reference', () => {
  it('reads the MD&A from the EX-13 file, or from the EX-13 block of the full submission text', async () => {
    // The real Medicis 10-K (1999) incorporates its MD&A by reference to Exhibit 13, which the
    // fixtures do not hold; as in test/edgar/dataset.test.ts the real GameStop 10-K stands in for
    // the exhibit, under placeholder CIKs. What is proven is the plumbing of the second pass.
    const medicis = readFixture('filings/medicis_10-K_1999-09.htm');
    const exhibit = readFixture('filings/gme_10-K_2024-03.htm');
    const accession = '0000950153-99-001234';
    for (const [cik, layout] of [
      ['0000000911', 'exhibit file'],
      ['0000000912', 'full submission text'],
    ] as const) {
      const filing: FixtureFiling = {
        file: 'filings/medicis_10-K_1999-09.htm',
        cik,
        ticker: null,
        company: 'Medicis Pharmaceutical Corporation',
        form: '10-K',
        filingDate: '1999-09-28',
        accession,
        primaryDocument: 'medicis_10-K_1999-09.htm',
      };
      const folder = folderOf(cik, accession);
      server.route('data', `/submissions/CIK${cik}.json`, JSON.stringify(buildSubmissions([filing])));
      server.route('www', `${folder}/${filing.primaryDocument}`, medicis);
      const names = [
        filing.primaryDocument,
        ...(layout === 'exhibit file' ? ['ex13.htm'] : []),
        `${accession}.txt`,
      ];
      server.route('www', `${folder}/index.json`, JSON.stringify(buildFilingIndex(cik, accession, names)));
      if (layout === 'exhibit file') server.route('www', `${folder}/ex13.htm`, exhibit);
      else {
        server.route(
          'www',
          `${folder}/${accession}.txt`,
          `<SEC-DOCUMENT>${accession}.txt\n<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<TEXT>\n${medicis}\n</TEXT>\n</DOCUMENT>\n` +
            `<DOCUMENT>\n<TYPE>EX-13\n<SEQUENCE>2\n<TEXT>\n${exhibit}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n`,
        );
      }
    }
    const rows = await collect(
      buildDataset({
        tickersOrCiks: ['911', '912'],
        formTypes: '10-K',
        filingDateStart: '1999-01-01',
        filingDateEnd: '1999-12-31',
        client: testClient(server),
        workers: 1,
        includeText: true,
      }),
    );
    const expected = filingRow(
      medicis,
      {
        ...metaOf({
          file: '',
          cik: '911',
          ticker: null,
          company: 'Medicis Pharmaceutical Corporation',
          form: '10-K',
          filingDate: '1999-09-28',
          accession,
          primaryDocument: '',
        }),
        exhibits: [exhibit],
      },
      { includeText: true },
    );
    expect(expected.mdna_status).toBe('found-in-exhibit-13');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        error: null,
        mdna_status: 'found-in-exhibit-13',
        text_source: 'exhibit-13',
      });
      expect(row.mdna).toBe(expected.mdna);
      expect(row.word_count).toBe(expected.word_count);
      expect(row.negative).toBe(expected.negative);
    }
  });
});

describe('buildDataset memory', () => {
  it('holds at most maxInFlight documents, so the heap stays flat over 240 filings', async () => {
    // One synthetic company with 240 filings, each a copy of a real 1.9 MB 10-Q under its own accession number.
    const doc = readFixtureBytes('filings/riot_10-Q_2023-08-09.htm.gz');
    const cik = '0000999999';
    const filings: FixtureFiling[] = [];
    for (let i = 0; i < 240; i++) {
      const accession = `0000999999-23-${String(i).padStart(6, '0')}`;
      filings.push({
        file: 'filings/riot_10-Q_2023-08-09.htm',
        cik,
        ticker: null,
        company: 'Synthetic Many Filings Co',
        form: '10-Q',
        filingDate: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        accession,
        primaryDocument: 'riot.htm',
      });
      server.route('www', `${folderOf(cik, accession)}/riot.htm`, doc);
      server.route(
        'www',
        `${folderOf(cik, accession)}/index.json`,
        JSON.stringify(buildFilingIndex(cik, accession, ['riot.htm'])),
      );
    }
    server.route('data', `/submissions/CIK${cik}.json`, JSON.stringify(buildSubmissions(filings)));
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = (): number => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    let maxInFlight = 0;
    let atStart = 0;
    let peak = 0;
    let rows = 0;
    for await (const row of buildDataset({
      tickersOrCiks: [cik],
      formTypes: ['10-Q'],
      filingDateStart: '2023-01-01',
      filingDateEnd: '2023-12-31',
      client: testClient(server, { maxRequestsPerSecond: 10, concurrency: 8 }),
      workers: 1,
      batchSize: 2,
      maxInFlight: 6,
      // Cheap scores: the test is about the window, not the scorers.
      scores: { attributes: ['negative'] },
      altman: false,
      onProgress: (p) => {
        maxInFlight = Math.max(maxInFlight, p.inFlight);
      },
    })) {
      expect(row.error).toBeNull();
      rows++;
      if (rows === 20) atStart = heap();
      if (rows > 20 && rows % 20 === 0) peak = Math.max(peak, heap());
    }
    expect(rows).toBe(240);
    expect(maxInFlight).toBeLessThanOrEqual(6);
    // Keeping every document would add 220 × 1.9 MB (×2 as UTF-16) to the heap; the window keeps it flat.
    expect(peak - atStart).toBeLessThan(40 * 2 ** 20);
  }, 240_000);
});
