import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { explainText, scoreText } from '../../src/score/score-text.js';
import {
  appendWordListTokens,
  compiledDefaultWordLists,
  compileWordLists,
  countWordListMatches,
  parseWordList,
  validateCustomWordLists,
  wordListTokens,
} from '../../src/score/wordlists.js';
import { appendWords, iterateSentences, words } from '../../src/text/index.js';
import { filingFixtureNames, readFixture } from '../support/fixtures.js';

const ford = readFixture('filings/ford_10-K_2002-03.txt');
const SEED = Number(process.env.FC_SEED ?? 20261201);

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** The sentence of the Ford 10-K that contains `needle`, whitespace collapsed. */
function fordSentence(needle: string): string {
  const at = ford.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  for (const s of iterateSentences(ford)) if (s.start <= at && at < s.end) return s.text.replace(/\s+/g, ' ');
  throw new Error(`no sentence holds ${needle}`);
}

describe('entry syntax', () => {
  it('normalizes entries and keeps the case of case rules', () => {
    expect(
      parseWordList('Judgment ~ Significant   judgment ~ judgment *\nmay ~ May <year> ~ MAY <day>\n'),
    ).toEqual(['judgment ~ significant judgment ~ judgment *', 'may ~ May <year> ~ MAY <day>']);
    expect(validateCustomWordLists({ legal: ['Court ~ court of public opinion'] })).toEqual({
      legal: ['court ~ court of public opinion'],
    });
  });

  it('names the line or the list entry of a malformed context', () => {
    const cases: Array<[string, string]> = [
      ['loss ~ net gain', 'must contain the entry "loss"'],
      ['net loss ~ Net Loss per share', 'case rules apply to single-word entries'],
      ['may ~ mAy <year>', 'neither Title case'],
      ['may ~ in <day> may', 'number placeholder must be the only context before'],
      ['may', ''],
      ['loss ~ loss', 'the entry alone'],
      ['loss ~ loss $5', 'must hold a letter'],
    ];
    for (const [line, message] of cases) {
      if (message === '') {
        expect(parseWordList(line)).toEqual([line]);
        continue;
      }
      const error = catchError(() => parseWordList(`# list\n${line}\n`));
      expect(error, line).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message, line).toContain('line 2');
      expect((error as Error).message, line).toContain(message);
    }
    const error = catchError(() => compileWordLists({ esg: ['emissions', 'carbon ~ coal'] }));
    expect((error as InvalidArgumentError).field).toBe('lists.esg[1]');
  });
});

describe('exclusion contexts on real filing text', () => {
  it('drops an occurrence inside a context and keeps the others (custom list)', () => {
    const compiled = compileWordLists({ legal: ['judgment ~ significant judgment ~ management judgment'] });
    const text =
      'Determining the reserve requires significant judgment. The court entered a judgment against us.';
    const { counts, matches } = countWordListMatches(wordListTokens(text, compiled), compiled, {
      explain: true,
    });
    expect(counts.legal).toBe(1);
    expect(matches?.legal).toEqual({ judgment: 1 });
  });

  it('does not count the month May in uncertainty, but counts the modal verb (Ford 10-K)', () => {
    const month = fordSentence('we  announced  on May 22, 2001 that we');
    const modal = fordSentence('may be deemed to be "affiliates" of Ford');
    const monthMatches = explainText(month).matches.uncertainty!;
    const modalMatches = explainText(modal).matches.uncertainty!;
    expect(monthMatches.may).toBeUndefined();
    expect(modalMatches.may).toBeGreaterThanOrEqual(1);
    // "prior to May 1998": a year after a Title-case May.
    expect(
      explainText(fordSentence('manufactured prior to May 1998')).matches.uncertainty?.may,
    ).toBeUndefined();
  });

  it('does not count accounting-estimate boilerplate as uncertainty', () => {
    const text =
      'The preparation of financial statements requires management to make estimates and assumptions. Our critical accounting estimates include warranty costs. Future cash flows are difficult to estimate and our estimates may prove wrong.';
    const { matches } = explainText(text);
    // Only the last sentence's "estimates" (and "may", "estimate") are uncertain.
    expect(matches.uncertainty?.estimates).toBe(1);
    expect(matches.uncertainty?.assumptions).toBeUndefined();
  });

  it('marks only words with case or number rules, and only in sentences that hold them', () => {
    const compiled = compiledDefaultWordLists();
    const tokens = wordListTokens('On May 31, 2024 the price may fall. Sales rose.', compiled);
    expect(tokens).toEqual(['on', 'may\u0001t-d', 'the', 'price', 'may\u0001l--', 'fall', 'sales', 'rose']);
    const plain = compileWordLists({ x: ['may ~ in may'] });
    expect(wordListTokens('On May 31, 2024 the price may fall.', plain)).toEqual(
      words('On May 31, 2024 the price may fall.'),
    );
  });

  it('appends exactly the words of the tokenizer on every fixture filing', () => {
    const compiled = compiledDefaultWordLists();
    for (const name of filingFixtureNames().slice(0, 6)) {
      const text = readFixture(`filings/${name}`).slice(0, 200_000);
      const ours: string[] = [];
      const theirs: string[] = [];
      let n = 0;
      for (const s of iterateSentences(text)) {
        n += appendWordListTokens(ours, text, s.start, s.end, compiled);
        appendWords(theirs, text, s.start, s.end);
      }
      expect(n, name).toBe(theirs.length);
      expect(
        ours.map((t) => t.replace(/\u0001...$/, '')),
        name,
      ).toEqual(theirs);
    }
  });

  it('scoreText applies the rules: a month-only text has no uncertainty', () => {
    expect(
      scoreText('The Annual Meeting is on May 9, 2002.', { attributes: ['uncertainty'] }).uncertainty,
    ).toBe(0);
    expect(scoreText('Results may vary.', { attributes: ['uncertainty'] }).uncertainty).toBeGreaterThan(0);
  });
});

/** Brute force: an occurrence is excluded when a context, aligned at the entry's first place in it, fits. */
function naive(
  tokens: readonly string[],
  entries: ReadonlyArray<readonly [string, readonly string[][]]>,
): number {
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (const [entry, contexts] of entries) {
    const parts = entry.split(' ');
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (!parts.every((p, k) => tokens[i + k] === p)) continue;
      const excluded = contexts.some((context) => {
        let at = -1;
        for (let p = 0; p + parts.length <= context.length && at < 0; p++)
          if (parts.every((w, k) => context[p + k] === w)) at = p;
        const start = i - at;
        return (
          at >= 0 &&
          start >= 0 &&
          start + context.length <= tokens.length &&
          context.every((c, k) => (k >= at && k < at + parts.length) || c === '*' || tokens[start + k] === c)
        );
      });
      if (!excluded) for (let k = 0; k < parts.length; k++) covered[i + k] = true;
    }
  }
  return covered.filter(Boolean).length;
}

describe('contexts match a brute-force count', () => {
  it(`on random word sequences (fast-check seed ${SEED}, set FC_SEED to change)`, () => {
    const vocab = ['a', 'b', 'c', 'd'];
    const word = fc.constantFrom(...vocab);
    const entry = fc
      .tuple(
        fc.array(word, { minLength: 1, maxLength: 2 }),
        fc.array(
          fc.tuple(
            fc.array(fc.constantFrom(...vocab, '*'), { maxLength: 2 }),
            fc.array(fc.constantFrom(...vocab, '*'), { maxLength: 2 }),
          ),
          { maxLength: 3 },
        ),
      )
      .filter(([, contexts]) => contexts.every(([before, after]) => before.length + after.length > 0))
      .map(
        ([parts, contexts]) => [parts.join(' '), contexts.map(([b, a]) => [...b, ...parts, ...a])] as const,
      );
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...vocab, 'e'), { maxLength: 30 }),
        (entries, tokens) => {
          // One line per entry text (lines for the same entry merge their contexts).
          const merged = new Map<string, string[][]>();
          for (const [e, contexts] of entries) merged.set(e, [...(merged.get(e) ?? []), ...contexts]);
          const lines = [...merged].map(([e, contexts]) =>
            [e, ...contexts.map((c) => c.join(' '))].join(' ~ '),
          );
          const compiled = compileWordLists({ x: lines });
          expect(countWordListMatches(tokens, compiled).counts.x).toBe(naive(tokens, [...merged]));
        },
      ),
      { numRuns: 400, seed: SEED },
    );
  });
});

describe('countWordListMatches options', () => {
  it('checks its options with the shared checker', () => {
    const compiled = compiledDefaultWordLists();
    const error = catchError(() => countWordListMatches(['loss'], compiled, { explian: true } as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toContain('explain');
    expect(
      (
        catchError(() =>
          countWordListMatches(['loss'], compiled, { explain: 'yes' } as never),
        ) as InvalidArgumentError
      ).field,
    ).toBe('options.explain');
    expect((catchError(() => wordListTokens(3 as never)) as InvalidArgumentError).field).toBe('text');
  });
});
