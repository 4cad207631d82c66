// TabText join and normalization: attach each filing's MD&A scores to a tabular table with an
// "as of" join (the latest filing on or before each row's date: no look-ahead), then z-score the
// features fitted on the training rows only and apply the same parameters to the test rows.
// Run after `npm run build`:  node examples/tabtext-join.mjs

import { buildTabText, extractMdna, scoreText } from 'fin-tabtext';
import { applyNormalization, normalizeCik, normalizeColumns } from 'fin-tabtext/records';
import { FILINGS, readBundled } from './bundled.mjs';

// Text table: one row per real 2024 10-K bundled in examples/data/, with its MD&A scores.
const textRows = FILINGS.filter((f) => f.filing_date.startsWith('2024')).map((f) => {
  const mdna = extractMdna(readBundled(`filings/${f.file}`), { formType: f.form_type });
  const s = scoreText(mdna.text, { attributes: ['polarity', 'uncertainty', 'readability'] });
  return { cik: normalizeCik(f.cik), filing_date: f.filing_date, ...s };
});

// Tabular table: one row per company and month-end of H1 2024 (the dates at which a model would
// be asked for a prediction; add your prices or fundamentals as further columns).
const monthEnds = ['2024-01-31', '2024-02-29', '2024-03-29', '2024-04-30', '2024-05-31', '2024-06-28'];
const company = { '0000097476': 'TXN', '0000063908': 'MCD', '0001326380': 'GME' };
const tabularRows = Object.entries(company).flatMap(([cik, ticker]) =>
  monthEnds.map((date) => ({ cik, ticker, date })),
);

// As-of join: a row dated before the company's filing gets nulls, never a later filing's scores.
const joined = buildTabText(textRows, tabularRows, {
  on: 'cik',
  dateColumns: { text: 'filing_date', tabular: 'date' },
  match: 'asof',
});

// Train on Jan-Mar, test on Apr-Jun. Fit on the training rows only (no leakage), apply to the test.
const features = ['polarity', 'uncertainty', 'readability'];
const train = joined.filter((r) => r.date < '2024-04-01');
const test = joined.filter((r) => r.date >= '2024-04-01');
const fitted = normalizeColumns(train, features, { method: 'zscore' });
const testRows = applyNormalization(test, fitted.params);

const show = (rows) =>
  rows.map((r) => ({
    ticker: r.ticker,
    date: r.date,
    filing_date: r.filing_date,
    polarity: r.polarity?.toFixed(3) ?? null,
    uncertainty: r.uncertainty?.toFixed(3) ?? null,
    readability: r.readability?.toFixed(3) ?? null,
  }));
console.log('== train (z-scored with parameters fitted on these rows)');
console.table(show(fitted.rows));
console.log('== test (same parameters, not refitted)');
console.table(show(testRows));
console.log('fitted parameters (save them with the model):');
console.log(JSON.stringify(fitted.params));
