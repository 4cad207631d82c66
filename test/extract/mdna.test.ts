import { describe, expect, it } from 'vitest';
import { documentToText, extractMdna } from '../../src/extract/index.js';
import { type ManifestRow, readFixture, readManifest } from '../support/fixtures.js';

// Whitespace-normalized, curly quotes as straight ones: the manifests were typed by hand.
const normalize = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const rows: ManifestRow[] = [...readManifest('dev'), ...readManifest('dev2'), ...readManifest('dev3')].filter(
  (r) => r.file.startsWith('filings/'),
);

// dev3: cross-reference-index reports (GE, Intel), running page headers (Microsoft FY2008/2011/2014,
// Mastercard; the 10-Qs of Ford, AT&T and Mastercard), and a 10-Q hard-wrapped inside text nodes.
describe('extractMdna on the 38 real dev, dev2 and dev3 filings', () => {
  it('covers every filing fixture in the manifests', () => {
    expect(rows.length).toBe(38);
    expect(readManifest('dev3')).toHaveLength(10);
  });

  it.each(rows.map((r) => [r.file.slice('filings/'.length), r] as const))('%s', (_name, row) => {
    const raw = readFixture(row.file);
    const result = extractMdna(raw, { formType: row.form! });
    const clean = documentToText(raw);
    if (row.mda_present!.startsWith('no')) {
      // Medicis 1999: Item 7 only points to pages 14-21 of the annual report (Exhibit 13).
      expect(result.status).toBe('incorporated-by-reference');
      expect(result.text).toBe('');
      expect(normalize(result.reference!.sentence).startsWith(normalize(row.mda_first_words!))).toBe(true);
      expect(result.reference!.pages).toBe('14-21');
      expect(result.reference!.target).toMatch(/Annual Report/);
      expect(normalize(result.nextHeading!)).toBe(normalize(row.next_section!));
      return;
    }
    expect(result.status).toBe('found');
    const text = normalize(result.text);
    expect(text.startsWith(normalize(row.mda_first_words!))).toBe(true);
    // Ends right before the next section: its heading starts at `end`, its first words follow it.
    const nextHeading = normalize(row.next_section!);
    const nextWords = normalize(row.next_first_words!);
    expect(text).not.toContain(nextWords);
    const after = normalize(clean.slice(result.end));
    expect(after.startsWith(nextHeading)).toBe(true);
    expect(after.slice(nextHeading.length).trimStart().startsWith(nextWords)).toBe(true);
    expect(normalize(result.nextHeading!)).toBe(nextHeading);
    // The offsets index the clean text.
    expect(clean.slice(result.start, result.end)).toBe(result.text);
  });
});

describe('extractMdna on an annual report exhibit (EX-13)', () => {
  const ex13 =
    '<html><body><p>Contents</p><p>Management\u2019s Discussion and Analysis 14</p><p>Financial Statements 22</p>' +
    '<p>LETTER TO SHAREHOLDERS</p><p>Dear shareholders, 1999 was a good year.</p>' +
    '<p>Management\u2019s Discussion and Analysis</p><p>Results of Operations</p><p>Revenues rose 12% to $117 million.</p>' +
    '<p>Report of Independent Auditors</p><p>We have audited the balance sheets.</p></body></html>';

  it('finds the heading without item number and ends at the auditors report', () => {
    const result = extractMdna(ex13, { formType: 'EX-13' });
    expect(result.status).toBe('found');
    expect(result.heading).toBe('Management\u2019s Discussion and Analysis');
    expect(result.text).toBe('Results of Operations\nRevenues rose 12% to $117 million.');
    expect(result.nextHeading).toBe('Report of Independent Auditors');
  });

  it('says not-found when the exhibit has no MD&A', () => {
    expect(extractMdna('<p>Letter to shareholders</p><p>Thank you.</p>', { formType: 'EX-13' }).status).toBe(
      'not-found',
    );
  });
});

describe('extractMdna incorporated by reference', () => {
  it('names Exhibit 13 and the pages instead of returning the pointer as the MD&A', () => {
    const html =
      '<p>PART II</p><p>Item 7. Management\u2019s Discussion and Analysis of Financial Condition and Results of Operations</p>' +
      '<p>The information required by this item is incorporated herein by reference to pages 18 through 31 of the ' +
      'Annual Report to Shareholders, filed as Exhibit 13 to this report.</p>' +
      '<p>Item 8. Financial Statements and Supplementary Data</p><p>See Exhibit 13.</p>';
    const result = extractMdna(html, { formType: '10-K405' });
    expect(result.status).toBe('incorporated-by-reference');
    expect(result.reference).toEqual({
      target: 'Exhibit 13',
      pages: '18-31',
      sentence:
        'The information required by this item is incorporated herein by reference to pages 18 through 31 of the Annual Report to Shareholders, filed as Exhibit 13 to this report.',
    });
    expect(result.nextHeading).toBe('Item 8. Financial Statements and Supplementary Data');
  });
});
