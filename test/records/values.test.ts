import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { normalizeAccession, normalizeCik, toIsoDate, toRecordValue } from '../../src/records/index.js';
import { manifestFilings } from './support.js';

describe('normalizeCik', () => {
  it('pads every manifest CIK to 10 digits and keeps its value', () => {
    const filings = manifestFilings();
    expect(filings.length).toBeGreaterThan(20);
    for (const { cik } of filings) {
      const padded = normalizeCik(cik);
      expect(padded).toMatch(/^\d{10}$/);
      expect(Number(padded)).toBe(Number(cik));
      expect(normalizeCik(Number(cik))).toBe(padded);
      expect(normalizeCik(`CIK${padded}`)).toBe(padded);
    }
    expect(normalizeCik('37996')).toBe('0000037996');
  });

  it('gives null for missing values', () => {
    expect(normalizeCik(null)).toBeNull();
    expect(normalizeCik(undefined)).toBeNull();
    expect(normalizeCik('' as string)).toBeNull();
  });

  it.each([['unknown'], ['12345678901'], [-1], [1.5], ['12 34']])('refuses %j naming the field', (bad) => {
    const call = () => normalizeCik(bad as string, 'rows[3].cik');
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(/rows\[3\]\.cik/);
    try {
      call();
    } catch (error) {
      expect((error as InvalidArgumentError).field).toBe('rows[3].cik');
    }
  });
});

describe('normalizeAccession', () => {
  it('keeps dashed manifest accession numbers and rebuilds them from the 18-digit form', () => {
    const known = manifestFilings().filter((f) => f.accession !== 'unknown' && f.accession !== '');
    expect(known.length).toBeGreaterThan(15);
    for (const { accession } of known) {
      expect(normalizeAccession(accession)).toBe(accession);
      expect(normalizeAccession(accession.replaceAll('-', ''))).toBe(accession);
    }
    expect(normalizeAccession('37996-2-15')).toBe('0000037996-02-000015');
    expect(normalizeAccession(null)).toBeNull();
  });

  it('refuses what is not an accession number', () => {
    expect(() => normalizeAccession('unknown')).toThrow(/accessionNumber must be an accession number/);
    expect(() => normalizeAccession('0000037996-02-0000150')).toThrow(InvalidArgumentError);
    expect(() => normalizeAccession(37996 as unknown as string)).toThrow(/got number/);
  });
});

describe('toIsoDate', () => {
  it('accepts ISO dates, date-times as written, compact dates and UTC Dates', () => {
    for (const { date } of manifestFilings()) expect(toIsoDate(date)).toBe(date);
    expect(toIsoDate('20020328')).toBe('2002-03-28');
    expect(toIsoDate('2024-01-01T23:30:00-05:00')).toBe('2024-01-01');
    expect(toIsoDate('2024-02-29 10:00:00')).toBe('2024-02-29');
    expect(toIsoDate(new Date(Date.UTC(2024, 11, 30, 23, 59)))).toBe('2024-12-30');
    expect(toIsoDate(null)).toBeNull();
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['28/03/2002'], ['signature date']])('refuses %j', (bad) => {
    expect(() => toIsoDate(bad, 'filing_date')).toThrow(/filing_date must be a date/);
  });

  it('refuses numbers and invalid Dates', () => {
    expect(() => toIsoDate(20020328 as unknown as string)).toThrow(/got number/);
    expect(() => toIsoDate(new Date('nope'))).toThrow(InvalidArgumentError);
  });
});

describe('toRecordValue', () => {
  it('maps undefined, NaN and infinities to null and refuses nested values', () => {
    expect(toRecordValue(undefined, 'x')).toBeNull();
    expect(toRecordValue(Number.NaN, 'x')).toBeNull();
    expect(toRecordValue(-Infinity, 'x')).toBeNull();
    expect(toRecordValue(10n, 'x')).toBe(10);
    expect(toRecordValue(2n ** 64n, 'x')).toBe('18446744073709551616');
    expect(toRecordValue(new Date(Date.UTC(2002, 2, 28)), 'x')).toBe('2002-03-28');
    expect(() => toRecordValue({ a: 1 }, 'rows[0].meta')).toThrow(/rows\[0\]\.meta/);
  });
});
