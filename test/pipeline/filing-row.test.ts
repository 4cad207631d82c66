import { describe, expect, it } from 'vitest';
import {
  documentToText,
  extractItems,
  type FilingMeta,
  filingRow,
  pipelineColumns,
  scoreText,
} from '../../src/index.js';
import { readFixture } from '../support/fixtures.js';
import { fixtureRow, fixtures, metaOf } from './support.js';

const netappMeta: FilingMeta = {
  ticker: 'NTAP',
  cik: 1002047,
  company: 'NetApp, Inc.',
  formType: '8-K',
  filingDate: '2021-06-02',
  reportDate: '2021-06-02',
  accessionNumber: '0001564590-21-031393',
  url: null,
};

describe('filingRow', () => {
  it('gives an 8-K its item numbers and scores the whole document', () => {
    const html = readFixture('eight-k/netapp_8-K_2021-06-02.htm');
    const row = filingRow(html, netappMeta);
    expect(Object.keys(row)).toEqual(pipelineColumns());
    expect(row).toMatchObject({
      cik: '0001002047',
      items: '2.02;5.02;8.01;9.01',
      mdna_status: 'not-applicable',
      text_source: 'document',
      mdna_chars: null,
      altman_z: null,
      altman_note: '8-K: Altman Z is computed from annual reports',
      error: null,
    });
    expect(extractItems(html, { formType: '8-K' }).length).toBeGreaterThanOrEqual(4);
    expect(row.word_count).toBe(scoreText(documentToText(html)).word_count);
  });

  it('flattens Altman Z″ of a 10-K from its inline XBRL, with provenance', () => {
    const [gme] = fixtures('gme_10-K');
    const row = fixtureRow(gme!);
    // GameStop FY2023 balance sheet: total assets $2,709.0M at 2024-02-03.
    expect(row).toMatchObject({
      altman_source: 'inline-xbrl',
      altman_variant: 'z_double_prime',
      altman_period_end: '2024-02-03',
      total_assets: 2_709_000_000,
      altman_zone: 'safe',
      mve_tl: null,
    });
    expect(row.altman_provenance).toContain('totalAssets=us-gaap:Assets');
    expect(row.bve_tl).toBeCloseTo((row.book_value_equity as number) / (row.total_liabilities as number), 12);
  });

  it('adds the MD&A text, a summary and custom word-list columns when asked', () => {
    const [gme] = fixtures('gme_10-Q');
    const options = {
      includeText: true,
      summary: 3,
      scores: { wordLists: { esg: ['emissions', 'climate'] }, matchCounts: true },
    };
    const row = filingRow(readFixture(gme!.file), metaOf(gme!), options);
    expect(Object.keys(row)).toEqual(pipelineColumns(options));
    expect(typeof row.mdna).toBe('string');
    expect(row.mdna_chars).toBe((row.mdna as string).length);
    expect((row.mdna as string).includes(String(row.summary).slice(0, 40))).toBe(true);
    expect(row.esg_count).toBe(0);
    expect(row.esg).toBe(0);
  });

  it('refuses bad options and meta, naming the field', () => {
    const html = '<p>Item 7. Management’s Discussion</p>';
    expect(() => filingRow(html, netappMeta, { altman: 'yes' as never })).toThrow(/options\.altman/);
    expect(() => filingRow(html, netappMeta, { includeTxt: true } as never)).toThrow(/includeText/);
    expect(() => filingRow(html, { ...netappMeta, formType: '' })).toThrow(/meta\.formType/);
    expect(() => filingRow(html, netappMeta, { scores: { wordLists: { ebit: ['x'] } } })).toThrow(/ebit/);
  });
});
