import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { readFixture } from '../support/fixtures.js';

/** The shipped stop-word list, read directly from the data file. */
export function readStopWords(): Set<string> {
  const text = readFileSync(new URL('../../data/stopwords/english.txt', import.meta.url), 'utf8');
  return new Set(text.split('\n').filter((line) => line !== ''));
}

/** The documented term of a word: possessive dropped, then the Porter stem. */
export function termOf(word: string): string {
  const base = word.endsWith("'s") ? word.slice(0, -2) : word.endsWith("'") ? word.slice(0, -1) : word;
  return stemmer(base);
}

/** Real MD&A text: Ford's 2002 10-K (plain-text SGML) from its Item 7 heading to the end. */
export function fordMdna(): string {
  const ford = readFixture('filings/ford_10-K_2002-03.txt');
  const start = ford.search(/Item 7\.\s+Management's Discussion/);
  if (start < 0) throw new Error('Item 7 heading not found in the Ford fixture');
  return ford.slice(start);
}
