// The token table behind scoreText: one id per distinct whitespace token, whatever came before it.
// The property test here runs from the fixed seed set in test/support/property-seed.ts (a vitest
// setup file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentToText } from '../../src/extract/index.js';
import { scoreText } from '../../src/score/index.js';
import { columns, idOf, SentenceTokens } from '../../src/score/token-table.js';
import { splitWhitespace } from '../../src/text/index.js';
import { SentenceScanner } from '../../src/text/sentences.js';
import { filingFixtureNames, readFixture } from '../support/fixtures.js';

/**
 * Sentences as `start end !count ?count | tokens` lines, from the fused scanner (ids turned
 * back into their tokens) or from the sentence splitter and a whitespace split of each sentence.
 */
function fused(text: string): string[] {
  const out: string[] = [];
  const scanner = new SentenceTokens(text);
  while (scanner.next()) {
    const tokens = Array.from(scanner.ids.subarray(0, scanner.count), (id) => columns.keys[id]);
    out.push(
      `${scanner.start} ${scanner.end} ${scanner.exclaims} ${scanner.questions} | ${tokens.join(' ')}`,
    );
  }
  return out;
}
function separate(text: string): string[] {
  const out: string[] = [];
  const scanner = new SentenceScanner(text);
  while (scanner.next()) {
    const piece = text.slice(scanner.start, scanner.end);
    const count = (c: string): number => piece.split(c).length - 1;
    const tokens = splitWhitespace(text, scanner.start, scanner.end);
    out.push(`${scanner.start} ${scanner.end} ${count('!')} ${count('?')} | ${tokens.join(' ')}`);
  }
  return out;
}

describe('token table', () => {
  it('gives a token the same id every time, also after thousands of ids without a slot', () => {
    const first = idOf('revenue');
    // Tokens over 255 chars get a fresh id each time and no slot; many of them in a row must not
    // break the lookup of tokens stored afterwards.
    for (let i = 0; i < 5000; i++) idOf(`${'x'.repeat(260)}${i}`);
    const long = `${'y'.repeat(255)}`;
    expect(idOf(long)).toBe(idOf(long)); // 255 chars: stored
    const late = idOf(`late-token-${columns.size}`);
    expect(idOf(`late-token-${columns.size - 1}`)).toBe(late);
    expect(idOf('revenue')).toBe(first);
    expect(columns.keys[late]).toMatch(/^late-token-/);
  });

  it('scores a filing the same before and after the table filled with other tokens', () => {
    const text = documentToText(readFixture('filings/gme_10-K_2024-03.htm')).slice(0, 60_000);
    const before = scoreText(text);
    for (let i = 0; i < 3000; i++) idOf(`${'y'.repeat(50)}${i}`);
    for (let i = 0; i < 3000; i++) idOf(`t${i}`);
    expect(scoreText(text)).toEqual(before);
  });

  it('scores a sentence with more distinct tokens than the table has slots', () => {
    // 140,000 distinct tokens (more than the 131,072 slots) in one sentence: ids past three quarters of the slots are given
    // without a slot, and the tokens already stored are still found.
    const words = Array.from({ length: 140_000 }, (_, i) => `w${i}`);
    const text = `${words.join(' ')} good w5 good`;
    const row = scoreText(text, { attributes: ['sentiment'] });
    expect(row.word_count).toBe(140_003);
    expect(row.sentiment).toBe(scoreText('good good', { attributes: ['sentiment'] }).sentiment);
    expect(row.sentiment).toBeGreaterThan(0.5);
  });

  it('splits sentences and their tokens in one pass exactly as the splitter and a whitespace split do', () => {
    let sentences = 0;
    for (const name of filingFixtureNames()) {
      const text = documentToText(readFixture(`filings/${name}`));
      const expected = separate(text);
      expect(fused(text), name).toEqual(expected);
      sentences += expected.length;
    }
    expect(sentences).toBeGreaterThan(20_000);
  });

  it('splits at every closer and terminator after a sentence end as the splitter does', () => {
    const closers = ['"', "'", ')', ']', '”', '’'];
    const texts = ['.', '!', '?', '?!', '...'].flatMap((t) =>
      closers.flatMap((q) => [`It rose${t}${q} Then fell.`, `It rose${q}${t} Then`, `Inc${t}${q}\n- item`]),
    );
    for (const text of texts) expect(fused(text), text).toEqual(separate(text));
    expect(fused('It rose.] Then fell.')).toHaveLength(2);
  });

  it('splits generated text as the splitter and a whitespace split do (property)', () => {
    const unit = fc.constantFrom(
      ...['a', 'B', 'Inc', 'U.S', 'No', '1', 'iv', '(a)', '•', '- ', 'é', 'Results of Operations'],
      ...['.', '!', '?', '...', '"', "'", ')', ']', '”', '’', '(', ':', ';'],
      ...[' ', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2028', '\u0085', '\u001c'],
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('');
        expect(fused(text)).toEqual(separate(text));
      }),
      { numRuns: 5000 },
    );
  });
});
