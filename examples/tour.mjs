// The README's quick start: one bundled real 10-K in, one TabText row out (offline).
// Run from a clone after `npm run build`, or from an installed package: node examples/tour.mjs
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { filingRow } from 'fin-tabtext';

// GameStop's 10-K for fiscal 2023, shipped with the package in examples/data/filings/
const file = new URL('../examples/data/filings/gme_10-K_2024-03.htm.gz', import.meta.resolve('fin-tabtext'));
const html = gunzipSync(readFileSync(file)).toString('utf8');

// biome-ignore format: the filing's metadata, kept compact
const row = filingRow(html, {
  ticker: 'GME', cik: '1326380', company: 'GameStop Corp.', formType: '10-K',
  filingDate: '2024-03-26', reportDate: '2024-02-03', accessionNumber: '0001326380-24-000012', url: null,
});
const r3 = (x) => (typeof x === 'number' ? Number(x.toFixed(3)) : x);
const scores = ['negative', 'positive', 'polarity', 'sentiment', 'readability'];
console.log('MD&A:', row.mdna_status, row.word_count, 'words');
console.table([Object.fromEntries(scores.map((name) => [name, r3(row[name])]))]);
console.log('Altman:', row.altman_variant, r3(row.altman_z), row.altman_zone, 'from', row.altman_source);
