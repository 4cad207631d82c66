// The token table behind scoreText: one id per distinct whitespace token, whatever came before it.
import { describe, expect, it } from 'vitest';
import { documentToText } from '../../src/extract/index.js';
import { scoreText } from '../../src/score/index.js';
import { columns, idOf } from '../../src/score/token-table.js';
import { readFixture } from '../support/fixtures.js';

describe('token table', () => {
  it('gives a token the same id every time, also after thousands of ids without a slot', () => {
    const first = idOf('revenue');
    // Tokens over 48 chars get a fresh id each time and no slot; many of them in a row must not
    // break the lookup of tokens stored afterwards.
    for (let i = 0; i < 5000; i++) idOf(`${'x'.repeat(60)}${i}`);
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
});
