import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { ExtractionError, extractItems, extractMdna } from '../../src/extract/index.js';
import { readFixture } from '../support/fixtures.js';

const paragraph = (words: string): string =>
  `<p>${words} ${'The business performed as planned this year. '.repeat(30)}</p>`;

// A small 10-K: contents with page numbers, then the body. `headings` lists [item, heading line]
// (an array, since object keys like '7' would be reordered before '1A').
function tenK(headings: readonly (readonly [string, string])[], extra: Record<string, string> = {}): string {
  const toc = headings.map(([, h], k) => `<tr><td>${h}</td><td>${k + 3}</td></tr>`).join('');
  const body = headings
    .map(([item, h]) => `<p>${h}</p>${paragraph(`Body of item ${item}.`)}${extra[item] ?? ''}`)
    .join('');
  return `<html><body><p>TABLE OF CONTENTS</p><table>${toc}</table>${body}</body></html>`;
}

describe('extractItems on 10-K layouts', () => {
  it('skips the table of contents and finds each body heading', () => {
    const html = tenK([
      ['1', 'Item 1. Business'],
      ['1A', 'Item 1A. Risk Factors'],
      [
        '7',
        'Item 7. Management\u2019s Discussion and Analysis of Financial Condition and Results of Operations',
      ],
      ['7A', 'Item 7A. Quantitative and Qualitative Disclosures About Market Risk'],
      ['8', 'Item 8. Financial Statements and Supplementary Data'],
    ]);
    const items = extractItems(html, { formType: '10-K' });
    expect(items.map((i) => i.item)).toEqual(['1', '1A', '7', '7A', '8']);
    for (const item of items) expect(item.text.startsWith(`Body of item ${item.item}.`)).toBe(true);
    expect(items[2]!.title).toBe(
      'Management\u2019s Discussion and Analysis of Financial Condition and Results of Operations',
    );
  });

  it('does not cut the MD&A at a cross-reference that starts a line', () => {
    const html = tenK(
      [
        ['7', 'ITEM 7 \u2014 MANAGEMENT\u2019S DISCUSSION AND ANALYSIS'],
        ['8', 'ITEM 8 \u2014 FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA'],
        ['9', 'ITEM 9 \u2014 CHANGES IN AND DISAGREEMENTS WITH ACCOUNTANTS'],
      ],
      {
        '7':
          '<p>Item 8. Financial Statements and Supplementary Data on page 45 of this report describes the charges.</p>' +
          '<p>Item 8 of this report has the details.</p><p>Closing words of the MD&amp;A.</p>',
      },
    );
    const mdna = extractMdna(html, { formType: '10-K' });
    expect(mdna.status).toBe('found');
    expect(mdna.text.endsWith('Closing words of the MD&A.')).toBe(true);
    expect(mdna.nextHeading).toBe('ITEM 8 \u2014 FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA');
  });

  it('reads "Items 7 and 7A", colon and missing-space headings, with no Item 7A heading', () => {
    const html = tenK([
      ['6', 'ITEM6. SELECTED FINANCIAL DATA'],
      ['7', 'Items 7 and 7A: Management\u2019s Discussion and Analysis and Market Risk'],
      ['8', 'ITEM 8:FINANCIAL STATEMENTS'],
    ]);
    const items = extractItems(html, { formType: '10-K' });
    expect(items.map((i) => i.item)).toEqual(['6', '7', '8']);
    const mdna = extractMdna(html, { formType: '10-K' });
    expect(mdna.text.startsWith('Body of item 7.')).toBe(true);
    expect(mdna.nextHeading).toBe('ITEM 8:FINANCIAL STATEMENTS');
  });

  it('joins a heading whose number and title sit on separate lines or cells', () => {
    const html =
      '<p>PART II</p><p>ITEM 7</p><p>MANAGEMENT\u2019S DISCUSSION AND ANALYSIS OF</p><p>FINANCIAL CONDITION AND RESULTS OF OPERATIONS</p>' +
      `${paragraph('Overview.')}<table><tr><td>ITEM 7A.</td><td>QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK</td></tr></table>` +
      paragraph('Rates.');
    const mdna = extractMdna(html, { formType: '10-K' });
    expect(mdna.heading).toBe(
      'ITEM 7 MANAGEMENT\u2019S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS',
    );
    expect(mdna.text.startsWith('Overview.')).toBe(true);
    expect(mdna.nextHeading).toBe('ITEM 7A. QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK');
  });

  it('finds all 10-K items of a real filing in order, Item 7 after the contents', () => {
    const items = extractItems(readFixture('filings/dell_10-K_2006-03.htm'), { formType: '10-K' });
    const keys = items.map((i) => i.item);
    expect(keys).toEqual(['1', '1A', '1B', '2', '3', '4', '5', '6', '7', '7A', '8', '9', '9A', '9B', '15']);
    const mdna = items.find((i) => i.item === '7')!;
    expect(mdna.text.length).toBeGreaterThan(20_000);
  });
});

describe('extractItems heading variants', () => {
  it('reads Item 9A(T) and a title with its body on the same line', () => {
    const items = extractItems(readFixture('filings/sire_10-K_2008-12.htm'), { formType: '10-K' });
    expect(items.map((i) => i.item)).toContain('9A');
    const html =
      '<p>PART II. OTHER INFORMATION</p><p><b>Item 1. Legal Proceedings</b> \u2014 See Note 9 to the financial statements.</p>' +
      '<p><b>Item 1A. Risk Factors</b> There have been no material changes to our risk factors.</p>' +
      '<p>Item 6. Exhibits</p><p>31.1 Certification.</p>';
    const quarter = extractItems(html, { formType: '10-Q' });
    expect(quarter.map((i) => `${i.part}-${i.item}`)).toEqual(['II-1', 'II-1A', 'II-6']);
  });
});

describe('extractItems on 10-Q layouts', () => {
  it('scopes items by part, so the two Item 2s never mix', () => {
    const items = extractItems(readFixture('filings/gme_10-Q_2023-09-06.htm'), { formType: '10-Q' });
    const keys = items.map((i) => `${i.part}-${i.item}`);
    expect(keys.slice(0, 4)).toEqual(['I-1', 'I-2', 'I-3', 'I-4']);
    expect(keys).toContain('II-2');
    const partOne = items.find((i) => i.part === 'I' && i.item === '2')!;
    const partTwo = items.find((i) => i.part === 'II' && i.item === '2')!;
    expect(partOne.title).toMatch(/DISCUSSION AND ANALYSIS/i);
    expect(partTwo.title).toMatch(/UNREGISTERED SALES/i);
    expect(partOne.end).toBeLessThan(partTwo.start);
  });

  it('handles a 10-Q with no Item 3 (Item 2 runs to Item 4)', () => {
    const items = extractItems(readFixture('filings/txn_10-Q_2023-07-26.htm'), { formType: '10-Q' });
    const partOne = items.filter((i) => i.part === 'I').map((i) => i.item);
    expect(partOne).toEqual(['1', '2', '4']);
  });

  it('returns no items for an annual report exhibit', () => {
    expect(extractItems('<p>Item 7. MD&amp;A</p>', { formType: 'EX-13' })).toEqual([]);
  });
});

describe('extract arguments', () => {
  it('throws ExtractionError UNSUPPORTED_FORM for other forms', () => {
    try {
      extractMdna('<p>x</p>', { formType: '8-K' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExtractionError);
      expect((error as ExtractionError).code).toBe('UNSUPPORTED_FORM');
      expect((error as Error).message).toContain("extractMdna(html, { formType: '10-K' })");
    }
  });

  it('throws InvalidArgumentError when form or document is missing', () => {
    expect(() => extractMdna('<p>x</p>', {} as { formType: string })).toThrow(InvalidArgumentError);
    expect(() => extractItems(null as unknown as string, { formType: '10-K' })).toThrow(InvalidArgumentError);
  });

  it('accepts amendment and small-business variants', () => {
    const html =
      '<p>Item 6. Management\u2019s Discussion and Analysis or Plan of Operation</p><p>We grew.</p><p>Item 7. Financial Statements</p><p>See F-1.</p>';
    const mdna = extractMdna(html, { formType: '10-KSB/A' });
    expect(mdna.status).toBe('found');
    expect(mdna.text).toBe('We grew.');
  });
});
