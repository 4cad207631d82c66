// Property tests here run from the fixed seed set in test/support/property-seed.ts (a vitest setup
// file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendWords, countWords, splitWhitespace, tokenize, words } from '../../src/text/index.js';
import { readFixture } from '../support/fixtures.js';

const ford = readFixture('filings/ford_10-K_2002-03.txt');
const show = (text: string): string[] => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('splitWhitespace (Python str.split)', () => {
  it('splits on the 29 Python whitespace code points, not JS \\s', () => {
    const pythonSpaces =
      '\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
    expect([...pythonSpaces].length).toBe(29);
    expect(splitWhitespace(`a${pythonSpaces}b`)).toEqual(['a', 'b']);
    for (const ch of pythonSpaces) expect(splitWhitespace(`x${ch}y`)).toEqual(['x', 'y']);
    // U+FEFF (JS \s) and U+200B (zero-width space) are not Python whitespace.
    expect(splitWhitespace('x\ufeffy x\u200by')).toEqual(['x\ufeffy', 'x\u200by']);
  });

  it('honors start/end and drops empty pieces', () => {
    expect(splitWhitespace('  Net sales,  rose 4%.  ')).toEqual(['Net', 'sales,', 'rose', '4%.']);
    expect(splitWhitespace('aa bb cc', 1, 5)).toEqual(['a', 'bb']);
    expect(splitWhitespace('')).toEqual([]);
    expect(splitWhitespace(' \t ')).toEqual([]);
  });

  it('agrees with a regex split over the whole Ford filing', () => {
    const expected = ford.split(
      /[\t-\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u,
    );
    expect(splitWhitespace(ford)).toEqual(expected.filter((s) => s !== ''));
  });
});

describe('tokenize', () => {
  it('keeps financial numbers whole and apart from words', () => {
    expect(show('Sales rose 19.8% to $4.2 billion, or $(12.5) per share; 12,500 units.')).toEqual([
      'word:Sales',
      'word:rose',
      'number:19.8%',
      'word:to',
      'number:$4.2',
      'word:billion',
      'punct:,',
      'word:or',
      'number:$(12.5)',
      'word:per',
      'word:share',
      'punct:;',
      'number:12,500',
      'word:units',
      'punct:.',
    ]);
  });

  it('keeps internal apostrophes (ASCII and ’) and hyphens, dotted abbreviations, and digit-letter words', () => {
    expect(
      show("The Company's year-over-year U.S. sales (e.g., 10-K filers) don’t rise in the 1990s; '90s."),
    ).toEqual([
      'word:The',
      "word:Company's",
      'word:year-over-year',
      'word:U.S.',
      'word:sales',
      'punct:(',
      'word:e.g.',
      'punct:,',
      'word:10-K',
      'word:filers',
      'punct:)',
      'word:don’t',
      'word:rise',
      'word:in',
      'word:the',
      'word:1990s',
      'punct:;',
      "punct:'",
      'word:90s',
      'punct:.',
    ]);
  });

  it('does not join trailing apostrophes, dashes or sentence dots', () => {
    expect(show("investors' equity -- net -")).toEqual([
      'word:investors',
      "punct:'",
      'word:equity',
      'punct:-',
      'punct:-',
      'word:net',
      'punct:-',
    ]);
    expect(show('end. Next')).toEqual(['word:end', 'punct:.', 'word:Next']);
  });

  it('handles non-English letters, combining marks and astral characters', () => {
    expect(show('Café résumé Zürich naïve 東京 😀 e\u0301t')).toEqual([
      'word:Café',
      'word:résumé',
      'word:Zürich',
      'word:naïve',
      'word:東京',
      'punct:😀',
      'word:e\u0301t',
    ]);
  });

  it('gives verbatim offsets and never spans whitespace on a whole filing', () => {
    const tokens = tokenize(ford);
    let last = 0;
    const bad = tokens.filter((t) => {
      const ok = ford.slice(t.start, t.end) === t.text && t.start >= last && !/\s/.test(t.text);
      last = t.end;
      return !ok;
    });
    expect(bad).toEqual([]);
    expect(tokens.length).toBeGreaterThan(60_000);
  });

  it('is a pure function of each whitespace token (tokenizing pieces gives the same words)', () => {
    const part = ford.slice(180_000, 200_000);
    const pieceWords = splitWhitespace(part).flatMap((piece) => words(piece));
    expect(pieceWords).toEqual(words(part));
  });

  it('covers every non-whitespace character exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'Z',
            '1',
            '.',
            ',',
            '$',
            '(',
            ')',
            '%',
            "'",
            '’',
            '-',
            ' ',
            'é',
            '😀',
            '\u0301',
          ),
        }),
        (s) => {
          const joined = tokenize(s)
            .map((t) => t.text)
            .join('');
          expect(joined).toBe(s.replace(/[ ]/g, ''));
        },
      ),
    );
  });
});

describe('words and countWords', () => {
  it('lowercases word tokens, drops numbers and punctuation, and normalizes ’', () => {
    expect(words('The Company’s net loss was $5,068 million in 2001.')).toEqual([
      'the',
      "company's",
      'net',
      'loss',
      'was',
      'million',
      'in',
    ]);
    expect(countWords('The Company’s net loss was $5,068 million in 2001.')).toBe(7);
    expect(words('')).toEqual([]);
  });

  it('counts the same words as tokenize on real text', () => {
    expect(countWords(ford)).toBe(tokenize(ford).filter((t) => t.kind === 'word').length);
    const slow = tokenize(ford)
      .filter((t) => t.kind === 'word')
      .map((t) => t.text.toLowerCase().replace(/\u2019/g, "'"));
    expect(words(ford)).toEqual(slow);
    const all: string[] = [];
    expect(appendWords(all, 'Sales rose.')).toBe(2);
    appendWords(all, 'The Company’s U.S. costs fell 2%.', 4);
    expect(all).toEqual(['sales', 'rose', "company's", 'u.s.', 'costs', 'fell']);
  });
});
