import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  alignRecords,
  fromColumns,
  normalizeAccession,
  normalizeCik,
  recordColumns,
  toColumns,
} from '../../src/records/index.js';
import { manifestFilings } from './support.js';

/** Manifest filings as ragged rows: the accession key only where it is known. */
function raggedRows(): Record<string, unknown>[] {
  return manifestFilings().map((f) => {
    const row: Record<string, unknown> = { cik: normalizeCik(f.cik), company: f.company, date: f.date };
    if (/^\d{10}-\d{2}-\d{6}$/.test(f.accession)) row.accession = normalizeAccession(f.accession);
    if (f.form === '10-K') row.annual = true;
    row.ratio = f.form === '10-Q' ? Number.NaN : undefined;
    return row;
  });
}

describe('alignRecords', () => {
  it('gives every row the same keys in the same order, with null for missing, NaN and undefined', () => {
    const rows = raggedRows();
    const aligned = alignRecords(rows);
    const columns = recordColumns(rows);
    // First-seen order: the first manifest row (Apple's 10-Q) has no accession number.
    expect(columns).toEqual(['cik', 'company', 'date', 'ratio', 'accession', 'annual']);
    expect(aligned).toHaveLength(rows.length);
    for (const row of aligned) {
      expect(Object.keys(row)).toEqual(columns);
      for (const value of Object.values(row)) {
        expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
    expect(aligned.some((r) => r.accession === null)).toBe(true);
    expect(aligned.every((r) => r.ratio === null)).toBe(true);
  });

  it('does not mutate its input and keeps only the requested columns', () => {
    const rows = raggedRows();
    const before = structuredClone(rows);
    const aligned = alignRecords(rows, { columns: ['date', 'cik', 'missing'] });
    expect(rows).toEqual(before);
    expect(Object.keys(aligned[0]!)).toEqual(['date', 'cik', 'missing']);
    expect(aligned[0]!.missing).toBeNull();
  });
});

describe('toColumns and fromColumns', () => {
  it('round-trip manifest rows through a column object', () => {
    const rows = raggedRows();
    const columns = toColumns(rows);
    expect(Object.keys(columns)).toEqual(recordColumns(rows));
    for (const values of Object.values(columns)) expect(values).toHaveLength(rows.length);
    expect(columns.cik!.every((cik) => typeof cik === 'string' && /^\d{10}$/.test(cik))).toBe(true);
    expect(fromColumns(columns)).toEqual(alignRecords(rows));
  });

  it('select columns, accept typed arrays and handle empty input', () => {
    expect(toColumns([{ a: 1, b: 2 }], { columns: ['b'] })).toEqual({ b: [2] });
    expect(toColumns([])).toEqual({});
    expect(fromColumns({ x: new Float64Array([1.5, Number.NaN]), y: ['a', null] })).toEqual([
      { x: 1.5, y: 'a' },
      { x: null, y: null },
    ]);
    expect(fromColumns({})).toEqual([]);
  });

  it('name the bad argument', () => {
    expect(() => fromColumns({ a: [1, 2], b: [1] })).toThrow(/columns\.b has 1 values but a has 2/);
    expect(() => fromColumns({ a: 'abc' as unknown as string[] })).toThrow(InvalidArgumentError);
    expect(() => toColumns({} as unknown as [])).toThrow(/needs an array/);
    expect(() => toColumns([{ meta: { a: 1 } }])).toThrow(/rows\[0\]\.meta/);
    expect(() => toColumns([{ a: 1 }], { columns: ['a', 'a'] })).toThrow(/options\.columns/);
    expect(() => alignRecords([null as unknown as Record<string, unknown>])).toThrow(
      /rows\[0\] must be an object/,
    );
  });
});
