// EDGAR client offline: fill a cache from bundled real SEC responses, then use EdgarClient with
// `offline: true` (no network at all) to fetch a filing, extract its MD&A, read XBRL company facts
// into an Altman Z-score, and build flat FilingRecords with loadEdgarDataset.
// Run after `npm run build`:  node examples/edgar-dataset.mjs
// Online, drop `offline` and `cacheDir` and the same calls download from SEC (and fill the cache).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { altmanFromCompanyFacts, EdgarClient, extractMdna, loadEdgarDataset } from 'fin-tabtext';
import { createFileCache } from 'fin-tabtext/edgar';

const data = new URL('./data/', import.meta.url);
const bundled = (name) => gunzipSync(readFileSync(new URL(name, data)));

// GameStop's 10-K for fiscal 2023: real CIK and accession number. The primary-document file name
// `gme-20240203.htm` is assigned by us (the bundled copy does not record SEC's file name).
const gme = {
  cik: '1326380',
  accessionNumber: '0001326380-24-000012',
  primaryDocument: 'gme-20240203.htm',
};

// 1. Pre-fill a cache. Entries are keyed by the canonical SEC URL the client would request.
const cacheDir = mkdtempSync(join(tmpdir(), 'fin-tabtext-example-'));
const cache = createFileCache(cacheDir);
const seed = [
  [
    'https://www.sec.gov/Archives/edgar/data/1326380/000132638024000012/gme-20240203.htm',
    'filings/gme_10-K_2024-03.htm.gz',
  ],
  [
    'https://data.sec.gov/api/xbrl/companyfacts/CIK0001640147.json',
    'sec-json/companyfacts_CIK0001640147.json.gz',
  ],
  ['https://www.sec.gov/files/company_tickers.json', 'sec-json/company_tickers.json.gz'],
  ['https://data.sec.gov/submissions/CIK0000320193.json', 'sec-json/submissions_CIK0000320193.json.gz'],
];
for (const [url, file] of seed) await cache.set({ url, storedAt: Date.now(), body: bundled(file) });

try {
  // 2. An offline client: every request is served from the cache; a miss throws EdgarCacheMissError.
  const client = new EdgarClient({
    userAgent: 'fin-tabtext examples dev@example.com',
    cacheDir,
    offline: true,
  });

  const html = await client.fetchDocument(gme);
  const mdna = extractMdna(html, { formType: '10-K' });
  console.log('== GameStop 10-K (fiscal 2023): MD&A');
  console.log(`status: ${mdna.status}, ${mdna.text.length} characters, next section: ${mdna.nextHeading}`);
  console.log(`starts: ${mdna.text.slice(0, 100)}...`);

  // 3. XBRL company facts (Snowflake, CIK 1640147) -> Altman Z. Snowflake is not a manufacturer and
  //    no share price is needed for Z'' (book equity), so use that variant.
  const facts = await client.companyFacts('SNOW'); // the ticker resolves through company_tickers.json
  const z = altmanFromCompanyFacts(facts, { variant: 'z_double_prime' });
  console.log('== Snowflake: Altman Z″ from XBRL company facts');
  console.log(`${facts.entityName}: Z″ = ${z.z?.toFixed(2)}, zone ${z.zone}`);
  console.log(
    `total assets from ${z.provenance.totalAssets?.tag} (${z.provenance.totalAssets?.formType} filed ${z.provenance.totalAssets?.filingDate})`,
  );

  // 4. loadEdgarDataset: one flat record per filing. Apple's real submissions record is cached, but its
  //    filings are not: offline, each becomes a record with `error` set, and the batch carries on.
  console.log('== loadEdgarDataset (AAPL 10-Q, May-Aug 2023)');
  console.log('form_type | filing_date | accession_number | mdna_status | mdna length | error');
  for await (const r of loadEdgarDataset({
    client,
    tickersOrCiks: ['AAPL'],
    formTypes: ['10-Q'],
    filingDateStart: '2023-05-01',
    filingDateEnd: '2023-08-31',
  })) {
    const error = r.error === null ? '' : `${r.error.slice(0, 60)}...`;
    console.log(
      `${r.form_type} | ${r.filing_date} | ${r.accession_number} | ${r.mdna_status} | ${r.mdna?.length ?? 0} | ${error}`,
    );
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
