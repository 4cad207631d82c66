// Property tests here run from the fixed seed set in test/support/property-seed.ts (a vitest setup
// file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iterateSentences, splitSentences } from '../../src/text/index.js';
import { readFixture } from '../support/fixtures.js';

const ford = readFixture('filings/ford_10-K_2002-03.txt');

/** The fixture text from `from` (inclusive) to `to` (exclusive), both anchors required. */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe('splitSentences on real MD&A text (Ford 10-K for 2001, hard-wrapped .txt)', () => {
  it('splits a results paragraph with decimals, thousands and "Class B" at the right places', () => {
    const para = between(ford, 'Our worldwide losses, including', '\n\n     Results of our operations');
    expect(splitSentences(para).map((s) => squash(s.text))).toEqual([
      'Our worldwide losses, including charges of $4,106 million primarily related to our Revitalization Plan, were $5,068 million in the fourth quarter of 2001, or $2.81 per diluted share of Common and Class B Stock.',
      'In the fourth quarter of 2000, earnings were $1,077 million (including charges for unusual items of $133 million), or $0.57 per diluted share.',
      'Worldwide sales and revenues were $41.2 billion in the fourth quarter of 2001, down $1.4 billion, reflecting primarily lower vehicle sales in North America, partially offset by higher vehicle sales in Europe.',
      'Unit sales of cars and trucks were 1,808,000 units, down 32,000 units, reflecting primarily lower market share in the United States, partially offset by higher market share in Europe.',
    ]);
  });

  it('does not break after "U.S." and breaks before "This"', () => {
    const para = between(ford, 'We expect  that the  effects of our  Revitalization', '\n\n');
    expect(splitSentences(para).map((s) => squash(s.text))).toEqual([
      'We expect that the effects of our Revitalization Plan will improve our pre-tax operating results to $7 billion annually, an improvement of $9 billion, by mid-decade.',
      'This expectation is based on assumptions for the U.S. market for 2003 and beyond with respect to industry sales (16 million units annually), Ford-brand market share (19%) and net pricing (negative).',
    ]);
  });

  it('does not break after "No." before a number, nor after "e.g.," or "U.S." before a capital', () => {
    const credit = between(
      ford,
      "Ford  Credit's  consolidated  loss in the  fourth",
      'The  Revitalization   Plan  charges',
    );
    expect(splitSentences(credit).map((s) => squash(s.text))).toEqual([
      "Ford Credit's consolidated loss in the fourth quarter of 2001 was $297 million, compared with earnings of $410 million in 2000.",
      'This result included charges associated with the Revitalization Plan ($204 million) and the ongoing impact of Statement of Financial Accounting Standards ("SFAS") No. 133 ($99 million).',
    ]);
    const share = between(ford, 'The increase in combined', '*****');
    expect(splitSentences(share).length).toBe(1);
    const truck = between(ford, 'in the U.S.  Truck  Market', 'manufacturers.');
    expect(splitSentences(truck).length).toBe(1);
  });

  it('keeps "GmbH & Co. KG., a German company" in one sentence', () => {
    const para = between(ford, 'Getrag  Ford  Transmissions  GmbH', 'Ford currently  supplies');
    expect(splitSentences(para).map((s) => squash(s.text))).toEqual([
      'Getrag Ford Transmissions GmbH -- a 50/50 joint venture with Getrag Deutsche Venture GmbH & Co. KG., a German company, to which we transferred our European manual transmission operations in Halewood, England, Cologne, Germany and Bordeaux, France.',
      'The Getrag joint venture produces manual transmissions for our European vehicle assembly operations.',
    ]);
  });

  it('ends headings at their line and at blank lines, but joins soft-wrapped lines', () => {
    const part = between(ford, 'LIQUIDITY AND CAPITAL RESOURCES', '\n\n     Gross Cash');
    expect(splitSentences(part).map((s) => squash(s.text))).toEqual([
      'LIQUIDITY AND CAPITAL RESOURCES',
      'Automotive Sector -----------------',
      'For the Automotive sector, liquidity and capital resources include cash generated from operations, gross cash balances, our ability to raise funds in capital markets and committed credit lines.',
    ]);
    const item = between(
      ford,
      "Item 7.  Management's Discussion and Analysis of Financial Condition and Results\nof Operations (Continued)\n\n     In  managing",
      'Changes for the last',
    );
    expect(splitSentences(item).map((s) => squash(s.text))).toEqual([
      'Item 7.',
      "Management's Discussion and Analysis of Financial Condition and Results of Operations (Continued)",
      'In managing our business, we classify changes in gross cash in three categories: operating related (including capital expenditures and capital transactions with the Financial Services sector), acquisitions and divestitures and financing related.',
    ]);
  });

  it('splits one-paragraph-per-line text (as extracted from HTML) at headings and bullets', () => {
    const text = [
      'Overview',
      'Net sales increased 12% to $4.2 billion. Gross margin was 41.3%, compared with 40.2% in Jan. 2023.',
      'Risks include:',
      '• changes in interest rates;',
      '• competition from Apple Inc. and others.',
      '1. Business',
      '(a) The Company may not succeed.',
    ].join('\n');
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Overview',
      'Net sales increased 12% to $4.2 billion.',
      'Gross margin was 41.3%, compared with 40.2% in Jan. 2023.',
      'Risks include:',
      '• changes in interest rates;',
      '• competition from Apple Inc. and others.',
      '1. Business',
      '(a) The Company may not succeed.',
    ]);
  });

  it('handles ?, !, ellipses, quotes and initials', () => {
    expect(
      splitSentences('Will demand recover? We think so! He said "no." Then J. P. Morgan left... The end').map(
        (s) => s.text,
      ),
    ).toEqual([
      'Will demand recover?',
      'We think so!',
      'He said "no."',
      'Then J. P. Morgan left...',
      'The end',
    ]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\u3000 ')).toEqual([]);
  });

  it('gives verbatim slices that cover every non-whitespace character, in order (whole filing)', () => {
    let last = 0;
    let nonSpace = 0;
    for (const s of iterateSentences(ford)) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(ford.slice(s.start, s.end)).toBe(s.text);
      expect(ford.slice(last, s.start).trim()).toBe('');
      nonSpace += s.text.replace(/\s/g, '').length;
      last = s.end;
    }
    expect(ford.slice(last).trim()).toBe('');
    expect(nonSpace).toBe(ford.replace(/\s/g, '').length);
  });

  it('does not end a sentence after a listed abbreviation of any length', () => {
    for (const abbreviation of [
      'No',
      'Inc',
      'Corp',
      'Sept',
      'Prof',
      'Intl',
      'Govt',
      'approx',
      'Approx',
      'INTL',
    ]) {
      const text = `Shares of Acme ${abbreviation}. Holders rose. Then fell.`;
      expect(
        splitSentences(text).map((s) => s.text),
        abbreviation,
      ).toEqual([`Shares of Acme ${abbreviation}. Holders rose.`, 'Then fell.']);
    }
    // Not listed, so the dot ends the sentence.
    expect(splitSentences('Shares of Acmecorp. Holders rose.')).toHaveLength(2);
  });

  it('iterateSentences yields the same sentences as splitSentences, lazily', () => {
    const part = ford.slice(170_000, 200_000);
    const iterator = iterateSentences(part);
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect([first.value, ...iterator]).toEqual(splitSentences(part));
  });

  it('covers the text for arbitrary input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'B', '.', ' ', '\n', '!', '?', '"', '(', ')', '1', 'U', 'S', '•', 'é'),
        }),
        (s) => {
          let last = 0;
          for (const sentence of splitSentences(s)) {
            expect(sentence.text).toBe(s.slice(sentence.start, sentence.end));
            expect(sentence.text.trim()).not.toBe('');
            expect(s.slice(last, sentence.start).trim()).toBe('');
            last = sentence.end;
          }
          expect(s.slice(last).trim()).toBe('');
        },
      ),
    );
  });
});
