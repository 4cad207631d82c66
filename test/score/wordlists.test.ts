import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  compiledDefaultWordLists,
  compileWordLists,
  countWordListMatches,
  DEFAULT_WORD_LIST_NAMES,
  defaultWordLists,
  loadWordListFile,
  parseWordList,
  polarityFromCounts,
  RESERVED_WORD_LIST_NAMES,
  validateCustomWordLists,
} from '../../src/score/wordlists.js';
import { words } from '../../src/text/index.js';
import { fixturePath, readFixture } from '../support/fixtures.js';

const ford = readFixture('filings/ford_10-K_2002-03.txt');

/** The text between two markers of the Ford 10-K (both must exist). */
function fordSlice(from: string, to: string): string {
  const start = ford.indexOf(from);
  const end = ford.indexOf(to, start);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return ford.slice(start, end + to.length);
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Entry words and word-only contexts of an entry line (case and number rules need marked tokens). */
function splitEntry(line: string): { parts: string[]; contexts: string[][] } {
  const [head, ...contexts] = line.split(' ~ ');
  return {
    parts: head!.split(' '),
    contexts: contexts
      .map((c) => c.split(' '))
      .filter((c) => c.every((t) => t === t.toLowerCase() && !t.startsWith('<'))),
  };
}

/**
 * Reference count: mark every word covered by any occurrence of any entry of the list that no
 * context of the entry describes, by brute force over all positions, entries and contexts, and
 * count the marks.
 */
function naiveCount(tokens: readonly string[], entries: readonly string[]): number {
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (const line of entries) {
    const { parts, contexts } = splitEntry(line);
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (!parts.every((p, k) => tokens[i + k] === p)) continue;
      const excluded = contexts.some((context) => {
        // Every place of the entry inside the context, aligned with the occurrence.
        for (let at = 0; at + parts.length <= context.length; at++) {
          if (!parts.every((p, k) => context[at + k] === p)) continue;
          const start = i - at;
          if (
            start >= 0 &&
            start + context.length <= tokens.length &&
            context.every((c, k) => c === '*' || tokens[start + k] === c)
          )
            return true;
          break; // the parser aligns the entry's first place in the context
        }
        return false;
      });
      if (excluded) continue;
      for (let k = 0; k < parts.length; k++) covered[i + k] = true;
    }
  }
  return covered.filter(Boolean).length;
}

describe('default word lists', () => {
  const lists = defaultWordLists();

  // The upper bound catches a runaway embedding expansion; negative is the largest list (its reviewed
  // seed sets of distress and generic MD&A vocabulary, exact inflected forms, about 600 entries).
  it('has the eight lists, each 150-700 unique lowercase entries', () => {
    expect(Object.keys(lists)).toEqual([...DEFAULT_WORD_LIST_NAMES]);
    for (const name of DEFAULT_WORD_LIST_NAMES) {
      const entries = lists[name];
      expect(entries.length, name).toBeGreaterThanOrEqual(150);
      expect(entries.length, name).toBeLessThanOrEqual(700);
      expect(new Set(entries).size, name).toBe(entries.length);
      for (const e of entries) {
        const [head, ...contexts] = e.split(' ~ ');
        expect(head, name).toMatch(/^[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*$/);
        for (const c of contexts)
          expect(c.toLowerCase().split(' '), `${name}: ${e}`).toEqual(
            expect.arrayContaining(head!.split(' ')),
          );
      }
    }
  });

  it('spells out inflected forms instead of stemming', () => {
    expect(lists.negative).toEqual(expect.arrayContaining(['loss', 'losses', 'impairment', 'impairments']));
    expect(lists.negative).toEqual(expect.arrayContaining(['deteriorate', 'deteriorated', 'deteriorating']));
    expect(lists.litigious).toEqual(
      expect.arrayContaining(['lawsuit', 'lawsuits', 'plaintiff', 'plaintiffs']),
    );
  });

  it('keeps neutral financial terms out of the tone lists', () => {
    const neutral = [
      'liability',
      'liabilities',
      'tax',
      'taxes',
      'debt',
      'cost',
      'costs',
      'expense',
      'charge',
    ];
    for (const name of DEFAULT_WORD_LIST_NAMES) {
      for (const word of [
        ...neutral,
        'charges',
        'outstanding',
        'securities',
        'variable',
        'certain',
        'benefits',
      ]) {
        expect(lists[name], `${name} has ${word}`).not.toContain(word);
      }
    }
    expect(lists.risk).not.toContain('profit');
    expect(lists.positive).not.toContain('record');
    expect(lists.litigious).not.toContain('filed');
  });

  it('never puts a word in both lists of an opposite pair', () => {
    for (const [a, b] of [
      ['negative', 'positive'],
      ['certainty', 'uncertainty'],
      ['risk', 'safe'],
    ] as const) {
      const other = new Set(lists[b]);
      expect(
        lists[a].filter((e) => other.has(e)),
        `${a}/${b}`,
      ).toEqual([]);
    }
  });

  it('includes the multi-word phrases of financial text', () => {
    expect(lists.negative).toContain('going concern');
    expect(lists.risk).toContain('material weakness');
    expect(lists.litigious).toContain('class action');
    expect(lists.uncertainty).toContain('substantial doubt');
  });
});

describe('countWordListMatches on real filing text', () => {
  const compiled = compiledDefaultWordLists();

  it("counts Ford's going-concern sentence about Rouge by the words its phrases cover", () => {
    const text = fordSlice('Rouge  stated that it has', 'going concern.');
    const tokens = words(text);
    expect(tokens).toEqual(
      'rouge stated that it has suffered recurring losses from operations and negative cash flows that raise substantial doubt about its ability to continue as a going concern'.split(
        ' ',
      ),
    );
    const { counts, totalWords, scores } = countWordListMatches(tokens, compiled, { explain: true });
    expect(totalWords).toBe(27);
    // suffered, losses, negative, substantial doubt (2), going concern (2)
    expect(counts.negative).toBe(7);
    // "substantial doubt" covers "doubt", which is also a single-word entry: counted once
    expect(counts.uncertainty).toBe(2);
    expect(counts.risk).toBe(2);
    expect(counts.positive).toBe(0);
    expect(scores.negative).toBeCloseTo(7 / 27, 12);
    expect(scores.positive).toBe(0);
  });

  it('explains which entries matched', () => {
    const tokens = words('There is substantial doubt about our ability to continue as a going concern.');
    const result = countWordListMatches(tokens, compiled, { explain: true });
    expect(result.matches?.negative).toEqual({ 'substantial doubt': 1, 'going concern': 1 });
    expect(result.matches?.uncertainty).toEqual({ doubt: 1, 'substantial doubt': 1 });
    expect(result.counts.uncertainty).toBe(2);
    expect(result.counts.negative).toBe(4);
    expect(countWordListMatches(tokens, compiled).matches).toBeUndefined();
  });

  it("counts Ford's fourth-quarter results paragraph", () => {
    const text = fordSlice(
      'Our worldwide losses, including charges',
      'offset by higher market share in Europe.',
    );
    const { counts, totalWords, matches } = countWordListMatches(words(text), compiled, { explain: true });
    expect(totalWords).toBeGreaterThan(100);
    // "losses" is the only tone word: "charges", "down", "lower" and "offset" are neutral in a filing;
    // "unusual" (items) is the only uncertainty word.
    expect(matches?.negative).toEqual({ losses: 1 });
    expect(matches?.uncertainty).toEqual({ unusual: 1 });
    expect(counts.negative).toBe(1);
    for (const name of DEFAULT_WORD_LIST_NAMES.filter((n) => n !== 'negative' && n !== 'uncertainty'))
      expect(counts[name], name).toBe(0);
  });

  it('agrees with a brute-force count on the whole Ford 10-K', () => {
    const tokens = words(ford);
    const { counts, totalWords } = countWordListMatches(tokens, compiled);
    expect(totalWords).toBe(tokens.length);
    const lists = defaultWordLists();
    for (const name of DEFAULT_WORD_LIST_NAMES) {
      expect(counts[name], name).toBe(naiveCount(tokens, lists[name]));
      expect(counts[name], name).toBeGreaterThan(0);
    }
    // A 10-K in a bad year is more negative than positive.
    expect(counts.negative!).toBeGreaterThan(counts.positive!);
  });

  it('gives null scores and zero counts for no words', () => {
    const { counts, scores, totalWords } = countWordListMatches([], compiled);
    expect(totalWords).toBe(0);
    for (const name of DEFAULT_WORD_LIST_NAMES) {
      expect(counts[name]).toBe(0);
      expect(scores[name]).toBeNull();
    }
    expect(countWordListMatches(words('$4.2, 2001-2002: 17% (12)'), compiled).scores.negative).toBeNull();
  });
});

describe('custom lists and phrases', () => {
  it('counts overlapping and nested phrases once per list', () => {
    const compiled = compileWordLists({
      esg: ['greenhouse gas', 'greenhouse gas emissions', 'gas emissions', 'emissions'],
      other: ['gas'],
    });
    const tokens = words('Our greenhouse gas emissions fell; gas prices rose.');
    const result = countWordListMatches(tokens, compiled, { explain: true });
    expect(result.counts.esg).toBe(3);
    expect(result.counts.other).toBe(2);
    expect(result.matches?.esg).toEqual({
      'greenhouse gas': 1,
      'greenhouse gas emissions': 1,
      'gas emissions': 1,
      emissions: 1,
    });
  });

  it('does not match a phrase across a missing word or at the end of the text', () => {
    const compiled = compileWordLists({ lm: ['class action', 'going concern basis'] });
    expect(countWordListMatches(words('a class of action'), compiled).counts.lm).toBe(0);
    expect(countWordListMatches(words('a going concern'), compiled).counts.lm).toBe(0);
    expect(countWordListMatches(words('a CLASS  ACTION was filed'), compiled).counts.lm).toBe(2);
  });

  it('matches a brute-force count on random word sequences', () => {
    const vocab = ['a', 'b', 'c', 'd'];
    const entry = fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 3 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        fc.array(entry, { maxLength: 4 }),
        fc.array(fc.constantFrom(...vocab, 'e'), { maxLength: 40 }),
        (x, y, tokens) => {
          const { counts } = countWordListMatches(tokens, compileWordLists({ x, y }));
          expect(counts.x).toBe(naiveCount(tokens, [...new Set(x)]));
          expect(counts.y).toBe(naiveCount(tokens, [...new Set(y)]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('combines default and custom lists in column order', () => {
    const compiled = compileWordLists({
      ...defaultWordLists(),
      esg: loadWordListFile(fixturePath('wordlists/custom-esg.txt')),
    });
    expect(compiled.names).toEqual([...DEFAULT_WORD_LIST_NAMES, 'esg']);
    const { counts } = countWordListMatches(words('Climate change may cause losses.'), compiled);
    expect(counts.esg).toBe(2);
    expect(counts.negative).toBe(1);
    expect(counts.uncertainty).toBe(1);
  });
});

describe('parseWordList and loadWordListFile', () => {
  it('lowercases, drops comments and blank lines, collapses spaces, dedupes', () => {
    expect(parseWordList('# header\n\nLoss\r\nlosses  # plural\n  going   concern \nloss\n')).toEqual([
      'loss',
      'losses',
      'going concern',
    ]);
  });

  it('reads a file', () => {
    expect(loadWordListFile(fixturePath('wordlists/custom-esg.txt'))).toEqual([
      'emissions',
      'greenhouse gas',
      'greenhouse gas emissions',
      'climate change',
      'carbon',
      'renewable energy',
      'environmental',
      'sustainability',
    ]);
  });

  it('names the path when a file cannot be read', () => {
    const error = catchError(() => loadWordListFile(fixturePath('wordlists/no-such-list.txt')));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe('path');
    expect((error as Error).message).toContain('no-such-list.txt');
  });

  it('rejects a non-string', () => {
    const error = catchError(() => parseWordList(42 as unknown as string));
    expect((error as InvalidArgumentError).field).toBe('text');
  });
});

describe('validateCustomWordLists', () => {
  it('normalizes valid lists', () => {
    expect(validateCustomWordLists({ esg_2: ['Emissions', 'climate  change', 'emissions'] })).toEqual({
      esg_2: ['emissions', 'climate change'],
    });
  });

  it.each([
    [{ ESG: ['x'] }, 'options.wordLists.ESG'],
    [{ '1st': ['x'] }, 'options.wordLists.1st'],
    [{ 'my-list': ['x'] }, 'options.wordLists.my-list'],
    [{ negative: ['x'] }, 'options.wordLists.negative'],
    [{ word_count: ['x'] }, 'options.wordLists.word_count'],
    [{ esg: 'emissions' }, 'options.wordLists.esg'],
    [{ esg: ['ok', ''] }, 'options.wordLists.esg[1]'],
    [{ esg: ['ok', '123'] }, 'options.wordLists.esg[1]'],
    [{ esg: ['ok', 7] }, 'options.wordLists.esg[1]'],
  ])('rejects %j naming %s', (lists, field) => {
    const error = catchError(() => validateCustomWordLists(lists as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe(field);
    expect((error as Error).message).toContain(field);
  });

  it('rejects a non-object and reserves every built-in column', () => {
    expect((catchError(() => validateCustomWordLists(null as never)) as InvalidArgumentError).field).toBe(
      'options.wordLists',
    );
    expect(RESERVED_WORD_LIST_NAMES).toEqual(
      expect.arrayContaining(['polarity', 'sentiment', 'readability']),
    );
  });

  it('compileWordLists checks names but allows built-in names (to replace a default list)', () => {
    expect(compileWordLists({ negative: ['loss'] }).names).toEqual(['negative']);
    expect((catchError(() => compileWordLists({ 'Bad Name': ['x'] })) as InvalidArgumentError).field).toBe(
      'lists.Bad Name',
    );
  });
});

describe('polarityFromCounts', () => {
  it('is (p - n) / (p + n), and 0 when both are 0', () => {
    expect(polarityFromCounts(3, 1)).toBe(0.5);
    expect(polarityFromCounts(0, 2)).toBe(-1);
    expect(polarityFromCounts(0.02, 0.02)).toBe(0);
    expect(polarityFromCounts(0, 0)).toBe(0);
  });

  it('on the Ford 10-K scores is negative', () => {
    const { scores } = countWordListMatches(words(ford), compiledDefaultWordLists());
    const polarity = polarityFromCounts(scores.positive!, scores.negative!);
    expect(polarity).toBeLessThan(0);
    expect(polarity).toBeGreaterThan(-1);
  });

  it('names the bad argument', () => {
    expect((catchError(() => polarityFromCounts(-1, 0)) as InvalidArgumentError).field).toBe('positive');
    expect((catchError(() => polarityFromCounts(1, Number.NaN)) as InvalidArgumentError).field).toBe(
      'negative',
    );
  });
});
