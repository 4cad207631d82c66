import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BulkArchiveError,
  companyFactsFromBulk,
  listFilingsFromBulk,
  readBulkArchive,
} from '../../src/edgar/bulk.js';
import { type EdgarTestServer, startEdgarServer } from '../support/edgar-server.js';
import { fixturePath } from '../support/fixtures.js';
import { tempDir, testClient } from './helpers.js';

const FACTS_ZIP = fixturePath('bulk/companyfacts-sample.zip');
const SUBS_ZIP = fixturePath('bulk/submissions-sample.zip');
const realJson = async (name: string): Promise<unknown> =>
  JSON.parse(gunzipSync(await readFile(fixturePath(`sec-json/${name}`))).toString('utf8'));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('readBulkArchive / companyFactsFromBulk on a companyfacts.zip sample of real SEC files', () => {
  it('yields every company file, parsed, with its CIK', async () => {
    const entries = await collect(readBulkArchive(FACTS_ZIP));
    expect(entries.map((e) => [e.fileName, e.cik, e.page])).toEqual([
      ['CIK0001640147.json', '0001640147', false],
      ['CIK0001997711.json', '0001997711', false],
    ]);
    expect(entries[0]!.json).toEqual(await realJson('companyfacts_CIK0001640147.json.gz'));
  });

  it('reads only the companies asked for, in any CIK form', async () => {
    const facts = await collect(companyFactsFromBulk(FACTS_ZIP, { ciks: [1997711] }));
    expect(facts).toHaveLength(1);
    expect(facts[0]).toEqual(await realJson('companyfacts_CIK0001997711.json.gz'));
    expect(await collect(companyFactsFromBulk(FACTS_ZIP, { ciks: ['0000000001'] }))).toEqual([]);
  });

  it('rejects bad options naming the field', () => {
    expect(() => readBulkArchive(FACTS_ZIP, { cik: ['1'] } as never)).toThrow("Did you mean 'ciks'?");
    expect(() => readBulkArchive(FACTS_ZIP, { ciks: ['AAPL'] })).toThrow('options.ciks[0] is not a CIK');
    expect(() => readBulkArchive(FACTS_ZIP, { maxEntryBytes: 0 })).toThrow(
      'options.maxEntryBytes must be an integer >= 1',
    );
    expect(() => readBulkArchive('')).toThrow('path must be the path of a local ZIP file');
  });

  it('refuses an entry over maxEntryBytes before inflating it', async () => {
    await expect(collect(readBulkArchive(FACTS_ZIP, { maxEntryBytes: 1000 }))).rejects.toThrow(
      /CIK0001640147\.json in .* is 2573290 bytes uncompressed, over options\.maxEntryBytes \(1000\)/,
    );
  });

  it('never yields wrong data from a damaged archive: flipped bytes and a cut file are errors', async () => {
    const tmp = await tempDir('bulk');
    try {
      const bytes = await readFile(FACTS_ZIP);
      const flipped = Buffer.from(bytes);
      // Flip bytes in the middle of the first entry's deflated data.
      for (let i = 5000; i < 5064; i++) flipped[i] = flipped[i]! ^ 0x5a;
      const flippedPath = join(tmp.dir, 'flipped.zip');
      await writeFile(flippedPath, flipped);
      const error = await collect(readBulkArchive(flippedPath)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulkArchiveError);
      expect((error as BulkArchiveError).fileName).toBe('CIK0001640147.json');

      const cutPath = join(tmp.dir, 'cut.zip');
      await writeFile(cutPath, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await expect(collect(readBulkArchive(cutPath))).rejects.toThrow(/cannot be opened as a ZIP file/);

      const notZip = join(tmp.dir, 'not.zip');
      await copyFile(fixturePath('sec-json/sec_rate_exceeded_page.html'), notZip);
      await expect(collect(readBulkArchive(notZip))).rejects.toBeInstanceOf(BulkArchiveError);
    } finally {
      await tmp.remove();
    }
  });

  it('stops with the signal reason when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop now');
    const seen: string[] = [];
    const run = (async () => {
      for await (const entry of readBulkArchive(FACTS_ZIP, { signal: controller.signal })) {
        seen.push(entry.fileName);
        controller.abort(reason);
      }
    })();
    await expect(run).rejects.toBe(reason);
    expect(seen).toEqual(['CIK0001640147.json']);
  });
});

describe('listFilingsFromBulk on a submissions.zip sample of real SEC files', () => {
  let server: EdgarTestServer;
  beforeAll(async () => {
    server = await startEdgarServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists exactly the filings the online client lists, older pages included, with no request', async () => {
    const query = {
      tickersOrCiks: ['320193'],
      formTypes: ['10-K', '10-Q'],
      filingDateStart: '2005-01-01',
      filingDateEnd: '2024-12-31',
    };
    const online = await testClient(server).listFilings(query);
    const before = server.requests.length;
    const bulk = await collect(listFilingsFromBulk(SUBS_ZIP, query));
    expect(server.requests.length).toBe(before);
    const key = (r: { accessionNumber: string }): string => r.accessionNumber;
    expect(bulk.map(key).sort()).toEqual(online.map(key).sort());
    expect(bulk.length).toBeGreaterThan(40);
    // Rows from the older page (filed before the recent block starts) are there too.
    expect(bulk.some((r) => r.filingDate < '2010-01-01')).toBe(true);
    const byAccession = new Map(online.map((r) => [r.accessionNumber, r]));
    for (const ref of bulk) expect(ref).toEqual(byAccession.get(ref.accessionNumber));
  });

  it('resolves tickers through options.resolveCik, and names that option when it is missing', async () => {
    const client = testClient(server);
    const query = {
      tickersOrCiks: 'AAPL',
      formTypes: '10-K',
      filingDateStart: '2019-01-01',
      filingDateEnd: '2023-12-31',
    };
    const refs = await collect(
      listFilingsFromBulk(SUBS_ZIP, query, { resolveCik: (t) => client.resolveCik(t) }),
    );
    expect(refs.map((r) => [r.ticker, r.formType, r.filingDate])).toEqual(
      (await client.listFilings(query)).map((r) => [r.ticker, r.formType, r.filingDate]),
    );
    // The fixture snapshot's 10-Ks of 2019-2022 (it was taken before the 2023 annual report).
    expect(refs.map((r) => r.filingDate)).toEqual(['2022-10-28', '2021-10-29', '2020-10-30', '2019-10-31']);
    await expect(collect(listFilingsFromBulk(SUBS_ZIP, query))).rejects.toThrow(/options\.resolveCik/);
  });
});
