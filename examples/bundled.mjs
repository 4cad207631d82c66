// Shared by the examples: read the real SEC filings bundled in examples/data/ (gzip-compressed).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The bundled filings with their real CIK, form type and filing date (see data/PROVENANCE.md). */
export const FILINGS = [
  {
    file: 'ford_10-K_2002-03.txt',
    company: 'Ford',
    cik: '37996',
    form_type: '10-K',
    filing_date: '2002-03-28',
  },
  {
    file: 'txn_10-K_2024-02-02.htm',
    company: 'Texas Instruments',
    cik: '97476',
    form_type: '10-K',
    filing_date: '2024-02-02',
  },
  {
    file: 'mcd_10-K_2024-02-22.htm',
    company: "McDonald's",
    cik: '63908',
    form_type: '10-K',
    filing_date: '2024-02-22',
  },
  {
    file: 'gme_10-K_2024-03.htm',
    company: 'GameStop',
    cik: '1326380',
    form_type: '10-K',
    filing_date: '2024-03-26',
  },
  {
    file: 'aapl_10-Q_2025-08-01.htm',
    company: 'Apple',
    cik: '320193',
    form_type: '10-Q',
    filing_date: '2025-08-01',
  },
  {
    file: 'medicis_10-K_1999-09.htm',
    company: 'Medicis',
    cik: null,
    form_type: '10-K',
    filing_date: '1999-09-28',
  },
];

/** The text of a bundled file, e.g. `readBundled('filings/gme_10-K_2024-03.htm')`. */
export function readBundled(name) {
  return gunzipSync(readFileSync(new URL(`./data/${name}.gz`, import.meta.url))).toString('utf8');
}
