import { describe, expect, it } from 'vitest';
import { filingFixtureNames, readFixture, readJsonl, readManifest } from './support/fixtures.js';

describe('fixtures', () => {
  it('every manifest filing row has its fixture file', () => {
    const names = new Set(filingFixtureNames());
    const rows = [...readManifest('dev'), ...readManifest('dev2')].filter((r) =>
      r.file.startsWith('filings/'),
    );
    expect(rows.length).toBe(28);
    for (const row of rows) expect(names.has(row.file.slice('filings/'.length))).toBe(true);
  });

  it('reads compressed filings and goldens', () => {
    expect(readFixture('filings/ford_10-K_2002-03.txt')).toContain('<TYPE>10-K');
    expect(readJsonl('golden/vader.jsonl')).toHaveLength(209);
  });
});
