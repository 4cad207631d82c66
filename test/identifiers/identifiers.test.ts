// The one CIK rule and the one accession-number rule (src/identifiers), on the identifiers of
// real SEC files: every accession number of Apple's submissions JSON, every CIK of SEC's ticker
// file, and the fixture manifests. The modules that read identifiers (records, edgar, finance,
// xbrl, pipeline) are checked to apply the same rule.
import { describe, expect, it } from 'vitest';
import { parseTickerTable } from '../../src/edgar/tickers.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { altmanInputsFromCompanyFacts, companyFactsFromInlineXbrl } from '../../src/finance/index.js';
import { normalizeAccession, normalizeCik, parseAccession, parseCik } from '../../src/identifiers/index.js';
import * as records from '../../src/records/index.js';
import { readFixture, readManifest } from '../support/fixtures.js';

const appleSubmissions = JSON.parse(readFixture('sec-json/submissions_CIK0000320193.json.gz')) as {
  cik: string;
  filings: { recent: { accessionNumber: string[] } };
};
const appleAccessions = appleSubmissions.filings.recent.accessionNumber;
const tickerFile = JSON.parse(readFixture('sec-json/company_tickers.json.gz')) as Record<
  string,
  { cik_str: number; ticker: string }
>;
const tickerCiks = Object.values(tickerFile).map((row) => row.cik_str);
const manifest = [...readManifest('dev'), ...readManifest('dev2')].filter(
  (row) => /^\d{10}-\d{2}-\d{6}$/.test(row.accession ?? '') && /^\d+$/.test(row.cik ?? ''),
);

/** The error a call throws, or a failure when it does not throw. */
function thrown(call: () => unknown): InvalidArgumentError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected the call to throw');
}

describe('accession numbers: one rule', () => {
  it("keeps every accession number of SEC's own submissions JSON, dashed, undashed or padded with spaces", () => {
    expect(appleAccessions.length).toBeGreaterThan(500);
    for (const accession of appleAccessions) {
      expect(accession).toMatch(/^\d{10}-\d{2}-\d{6}$/);
      expect(normalizeAccession(accession)).toBe(accession);
      expect(normalizeAccession(accession.replaceAll('-', ''))).toBe(accession);
      expect(normalizeAccession(` ${accession}\t`)).toBe(accession);
      expect(parseAccession(accession.replaceAll('-', ''))).toBe(accession);
    }
  });

  it('pads a dashed accession number written without its zeros', () => {
    expect(normalizeAccession('37996-2-15')).toBe('0000037996-02-000015');
    expect(normalizeAccession('1640147-25-52')).toBe('0001640147-25-000052');
  });

  it('gives null for missing values and rejects the rest with a typed error naming the field', () => {
    expect(normalizeAccession(null)).toBeNull();
    expect(normalizeAccession(undefined)).toBeNull();
    expect(normalizeAccession('')).toBeNull();
    const real = appleAccessions[0]!;
    const bad: unknown[] = [
      real.replace('-', ''), // one dash only
      `${real}0`, // a digit too many in the sequence
      real.replaceAll('-', '').slice(1), // 17 digits
      real.replace('-', ' - '), // inner spaces
      real.replaceAll('-', '/'),
      'unknown',
      '   ',
      Number(real.replaceAll('-', '')), // 18 digits do not fit a double exactly
      ['0000320193-24-000123'],
    ];
    for (const value of bad) {
      expect(parseAccession(value), JSON.stringify(value)).toBeNull();
      const error = thrown(() => normalizeAccession(value as string, 'rows[7].accession_number'));
      expect(error.field).toBe('rows[7].accession_number');
      expect(error.message).toMatch(/^rows\[7\]\.accession_number must be an accession number/);
      expect(error.message).toMatch(/Call it as normalizeAccession\('0000037996-02-000015'\)/);
    }
    expect(thrown(() => normalizeAccession('x')).field).toBe('accessionNumber');
  });
});

describe('CIKs: one rule', () => {
  it("pads every CIK of SEC's ticker file, given as SEC's number, as digits, zero-padded or CIK-prefixed", () => {
    expect(tickerCiks.length).toBeGreaterThan(5000);
    for (const number of tickerCiks) {
      const padded = String(number).padStart(10, '0');
      expect(normalizeCik(number)).toBe(padded);
      expect(normalizeCik(String(number))).toBe(padded);
      expect(normalizeCik(padded)).toBe(padded);
      expect(normalizeCik(` cik${padded} `)).toBe(padded);
      expect(parseCik(`CIK${number}`)).toBe(padded);
    }
    expect(normalizeCik(appleSubmissions.cik)).toBe('0000320193');
  });

  it('gives null for missing values and rejects the rest with a typed error naming the field', () => {
    expect(normalizeCik(null)).toBeNull();
    expect(normalizeCik(undefined)).toBeNull();
    expect(normalizeCik('' as string)).toBeNull();
    const bad: unknown[] = [
      0,
      '0000000000',
      -320193,
      320193.5,
      '12345678901',
      12_345_678_901,
      '+320193',
      '320 193',
      'AAPL',
      '   ',
      true,
      {},
    ];
    for (const value of bad) {
      expect(parseCik(value), JSON.stringify(value)).toBeNull();
      const error = thrown(() => normalizeCik(value as string, 'options.ciks[2]'));
      expect(error.field).toBe('options.ciks[2]');
      expect(error.message).toMatch(/^options\.ciks\[2\] must be a CIK/);
    }
    expect(thrown(() => normalizeCik('AAPL')).field).toBe('cik');
  });
});

describe('every module applies the same rules', () => {
  it('records re-exports the very same functions', () => {
    expect(records.normalizeCik).toBe(normalizeCik);
    expect(records.normalizeAccession).toBe(normalizeAccession);
  });

  it("edgar's ticker table keeps exactly the rows whose cik_str is a CIK", () => {
    const table = parseTickerTable(tickerFile);
    expect(table.entries.length).toBe(tickerCiks.filter((cik) => parseCik(cik) !== null).length);
    for (const entry of table.entries.slice(0, 50)) expect(normalizeCik(entry.cik)).toBe(entry.cik);
    // A malformed row is skipped by the same rule that rejects it elsewhere.
    const withBad = parseTickerTable({
      0: { cik_str: 0, ticker: 'ZERO' },
      1: { cik_str: '320193', ticker: 'AAPL' },
    });
    expect(withBad.entries.map((e) => e.cik)).toEqual(['0000320193']);
  });

  it('finance and inline XBRL accept the same accession forms and reject the same ones', () => {
    const facts = JSON.parse(readFixture('sec-json/companyfacts_CIK0001640147.json.gz'));
    for (const form of ['0001640147-25-000052', '000164014725000052', ' 1640147-25-52 ']) {
      expect(altmanInputsFromCompanyFacts(facts, { accessionNumber: form }).report.accessionNumber).toBe(
        '0001640147-25-000052',
      );
    }
    const html = '<html></html>';
    const options = { formType: '10-K', filingDate: '2025-03-21' };
    for (const bad of ['0001640147-2500-0052', '16401472552']) {
      expect(thrown(() => altmanInputsFromCompanyFacts(facts, { accessionNumber: bad })).field).toBe(
        'options.accessionNumber',
      );
      expect(thrown(() => companyFactsFromInlineXbrl(html, { ...options, accessionNumber: bad })).field).toBe(
        'options.accessionNumber',
      );
    }
    expect(
      thrown(() =>
        companyFactsFromInlineXbrl(html, { ...options, accessionNumber: '000164014725000052', cik: 0 }),
      ).field,
    ).toBe('options.cik');
    expect(
      companyFactsFromInlineXbrl(html, {
        ...options,
        accessionNumber: '000164014725000052',
        cik: ' CIK1640147 ',
      }).cik,
    ).toBe(1640147);
  });

  it('the manifest identifiers of the fixture filings pass both rules unchanged', () => {
    expect(manifest.length).toBeGreaterThan(15);
    for (const row of manifest) {
      expect(normalizeAccession(row.accession!)).toBe(row.accession);
      expect(Number(normalizeCik(row.cik!))).toBe(Number(row.cik));
    }
  });
});

describe('renamed options suggest their new names', () => {
  it('accession → accessionNumber, form → formType, filed → filingDate', () => {
    const facts = JSON.parse(readFixture('sec-json/companyfacts_CIK0001640147.json.gz'));
    const old = thrown(() =>
      altmanInputsFromCompanyFacts(facts, { accession: '0001640147-25-000052' } as never),
    );
    expect(old.field).toBe('options.accession');
    expect(old.message).toMatch(/unknown option 'options\.accession'\. Did you mean 'accessionNumber'\?/);
    const inline = thrown(() =>
      companyFactsFromInlineXbrl('<html></html>', {
        accessionNumber: '0001640147-25-000052',
        formType: '10-K',
        filed: '2025-03-21',
      } as never),
    );
    expect(inline.message).toMatch(/Did you mean 'filingDate'\?/);
    const form = thrown(() =>
      companyFactsFromInlineXbrl('<html></html>', {
        accessionNumber: '0001640147-25-000052',
        form: '10-K',
        filingDate: '2025-03-21',
      } as never),
    );
    expect(form.message).toMatch(/Did you mean 'formType'\?/);
  });
});
