import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { LOUGHRAN_MCDONALD_CATEGORIES, loadLoughranMcDonald } from '../../src/score/loughran-mcdonald.js';
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
    const broken = header.replace(',Negative,', ',Neg,').replace(',Complexity,', ',Cx,');
    const error = catchError(() => loadLoughranMcDonald(`${broken}\n`));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe('csvText');
    expect((error as Error).message).toContain('columns Negative, Complexity');
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
