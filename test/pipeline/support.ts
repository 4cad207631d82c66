import { type FilingMeta, type FilingRow, filingRow } from '../../src/index.js';
import { type FixtureFiling, fixtureFilings } from '../support/edgar-server.js';
import { readFixture } from '../support/fixtures.js';

/** The meta of a fixture filing, as buildDataset builds it from the submissions the server serves. */
export function metaOf(filing: FixtureFiling, url: string | null = null): FilingMeta {
  return {
    ticker: filing.ticker,
    cik: filing.cik,
    company: filing.company,
    formType: filing.form,
    filingDate: filing.filingDate,
    reportDate: null,
    accessionNumber: filing.accession,
    url,
  };
}

/** Fixture filings by file-name prefix, e.g. `gme_10-K`. */
export function fixtures(...prefixes: string[]): FixtureFiling[] {
  const all = fixtureFilings();
  return prefixes.map((prefix) => {
    const found = all.find((f) => f.primaryDocument.startsWith(prefix));
    if (found === undefined) throw new Error(`no fixture filing ${prefix}`);
    return found;
  });
}

/** filingRow of a fixture filing, read straight from the fixture file. */
export function fixtureRow(filing: FixtureFiling): FilingRow {
  return filingRow(readFixture(filing.file), metaOf(filing));
}
