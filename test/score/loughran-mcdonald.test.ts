import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  LOUGHRAN_MCDONALD_CATEGORIES,
  loadLoughranMcDonald,
  loughranMcDonaldLayout,
} from '../../src/score/loughran-mcdonald.js';
import { compileWordLists, countWordListMatches } from '../../src/score/wordlists.js';
import { words } from '../../src/text/index.js';
import { readFixture } from '../support/fixtures.js';

const csv = readFixture('wordlists/lm-sample.csv');

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('loadLoughranMcDonald', () => {
  const lm = loadLoughranMcDonald(csv);

  it('returns the eight categories as lowercase lists in file order', () => {
    expect(Object.keys(lm)).toEqual([...LOUGHRAN_MCDONALD_CATEGORIES]);
    expect(lm.negative).toEqual(['abandon', 'adverse', 'decline', 'impairment', 'litigation', 'loss']);
    expect(lm.positive).toEqual(['achieve', 'best', 'gain', 'strong']);
    expect(lm.uncertainty).toEqual(['approximately', 'could', 'may', 'risk']);
    expect(lm.litigious).toEqual(['covenant', 'litigation', 'plaintiff', 'notwithstanding']);
    expect(lm.strong_modal).toEqual(['always', 'best', 'must']);
    expect(lm.weak_modal).toEqual(['could', 'may']);
    expect(lm.constraining).toEqual(['covenant', 'must', 'required']);
    expect(lm.complexity).toEqual(['notwithstanding']);
  });

  it('leaves out words removed from a category (negative year) and words in no category', () => {
    expect(Object.values(lm).flat()).not.toContain('restatement');
    expect(Object.values(lm).flat()).not.toContain('table');
  });

  it('feeds the word-list matcher', () => {
    const compiled = compileWordLists(lm);
    const text = readFixture('filings/ford_10-K_2002-03.txt');
    const tokens = words('Litigation may cause a loss; we must achieve approximately the best outcome.');
    const { counts } = countWordListMatches(tokens, compiled);
    expect(counts.negative).toBe(2);
    expect(counts.uncertainty).toBe(2);
    expect(counts.strong_modal).toBe(2);
    expect(counts.weak_modal).toBe(1);
    expect(counts.positive).toBe(2);
    // On real filing text the LM lists find matches too.
    expect(countWordListMatches(words(text), compiled).counts.uncertainty).toBeGreaterThan(0);
  });

  it('accepts a byte-order mark, CRLF line ends and lowercase headers', () => {
    const lines = csv.split('\n');
    const variant = `\uFEFF${[lines[0]!.toLowerCase(), ...lines.slice(1)].join('\r\n')}`;
    expect(loadLoughranMcDonald(variant)).toEqual(lm);
  });

  it('names every missing column', () => {
    const header = csv.split('\n')[0]!;
    const broken = header.replace(',Negative,', ',Neg,').replace(',Strong_Modal,', ',Strong,');
    const error = catchError(() => loadLoughranMcDonald(`${broken}\n`));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe('csvText');
    expect((error as Error).message).toContain('columns Negative, Strong_Modal and Weak_Modal (or Modal)');
    expect((catchError(() => loadLoughranMcDonald('')) as Error).message).toContain('Word');
  });

  it('rejects a non-number in a category column and a non-string argument', () => {
    const bad = csv.replace(
      'ABANDON,1,120,1.0E-06,9.0E-07,2.1E-05,100,2009',
      'ABANDON,1,120,1.0E-06,9.0E-07,2.1E-05,100,yes',
    );
    expect((catchError(() => loadLoughranMcDonald(bad)) as Error).message).toContain('row 2 (abandon)');
    expect(
      (catchError(() => loadLoughranMcDonald(7 as unknown as string)) as InvalidArgumentError).field,
    ).toBe('csvText');
  });
});

describe('loadLoughranMcDonald: every public release layout', () => {
  it('1993–2023: all eight categories', () => {
    expect(loughranMcDonaldLayout(csv)).toEqual({
      release: '1993-2023',
      categories: [...LOUGHRAN_MCDONALD_CATEGORIES],
      missing: [],
    });
  });

  it('1993–2021: seven categories, no Complexity column', () => {
    const text = readFixture('wordlists/lm-1993-2021-layout.csv');
    expect(loughranMcDonaldLayout(text)).toEqual({
      release: '1993-2021',
      categories: LOUGHRAN_MCDONALD_CATEGORIES.filter((c) => c !== 'complexity'),
      missing: ['complexity'],
    });
    const lm = loadLoughranMcDonald(text);
    expect(Object.keys(lm)).toEqual(LOUGHRAN_MCDONALD_CATEGORIES.filter((c) => c !== 'complexity'));
    expect(lm.negative).toEqual(['setback', 'lawsuit']);
    expect(lm.positive).toEqual(['uplift']);
    expect(lm.uncertainty).toEqual(['maybe']);
    expect(lm.litigious).toEqual(['lawsuit']);
    expect(lm.strong_modal).toEqual(['always']);
    expect(lm.weak_modal).toEqual(['maybe']);
    expect(lm.constraining).toEqual(['oblige']);
    expect(lm.complexity).toBeUndefined();
  });

  it('2018: one Modal column (1 strong, 2 moderate, 3 weak), no Complexity', () => {
    const text = readFixture('wordlists/lm-2018-layout.csv');
    const layout = loughranMcDonaldLayout(text);
    expect(layout.release).toBe('2018');
    expect(layout.missing).toEqual(['complexity']);
    const lm = loadLoughranMcDonald(text);
    // The same rows as the 1993–2021 fixture give the same lists; "should" (moderate) is in neither modal list.
    expect(lm).toEqual(loadLoughranMcDonald(readFixture('wordlists/lm-1993-2021-layout.csv')));
    expect(Object.values(lm).flat()).not.toContain('should');
    expect(Object.values(lm).flat()).not.toContain('dropped');
  });

  it('selects categories and says which the release lacks', () => {
    const text = readFixture('wordlists/lm-2018-layout.csv');
    expect(loadLoughranMcDonald(text, { categories: ['weak_modal', 'negative'] })).toEqual({
      negative: ['setback', 'lawsuit'],
      weak_modal: ['maybe'],
    });
    const error = catchError(() => loadLoughranMcDonald(text, { categories: ['negative', 'complexity'] }));
    expect((error as InvalidArgumentError).field).toBe('options.categories');
    expect((error as Error).message).toContain('2018 release of the dictionary has no complexity');
    expect(
      (catchError(() => loadLoughranMcDonald(text, { categories: ['negatve' as 'negative'] })) as Error)
        .message,
    ).toContain("'negative'");
  });

  it('checks its options with the shared checker (unknown keys get a did-you-mean)', () => {
    const error = catchError(() => loadLoughranMcDonald(csv, { categorys: ['negative'] } as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toContain('categories');
    expect((catchError(() => loadLoughranMcDonald(csv, 5 as never)) as InvalidArgumentError).field).toBe(
      'options',
    );
  });
});
