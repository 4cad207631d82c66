import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, isFinTabTextError } from '../../src/errors/index.js';
import {
  applyVaderButRule,
  vaderCompoundOfTokens,
  vaderRawScores,
  vaderScores,
  vaderValences,
} from '../../src/score/vader.js';
import { B_DECR, B_INCR, C_INCR, N_SCALAR, vaderLexicons } from '../../src/score/vader-data.js';
import { roundHalfEven } from '../../src/score/vader-python.js';
import { splitWhitespace as splitPythonWhitespace } from '../../src/text/index.js';
import { filingFixtureNames, readFixture, readJsonl } from '../support/fixtures.js';

interface GoldenRow {
  readonly id: number;
  readonly category: string;
  readonly text: string;
  readonly neg: number;
  readonly neu: number;
  readonly pos: number;
  readonly compound: number;
  readonly raw: {
    readonly neg: number;
    readonly neu: number;
    readonly pos: number;
    readonly compound: number;
  };
}

const golden = readJsonl<GoldenRow>('golden/vader.jsonl');
const FIELDS = ['neg', 'neu', 'pos', 'compound'] as const;
const TOLERANCE = 1e-9;

function countChar(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** The token-level entry fed the way the document scorer feeds it. */
function compoundViaTokens(sentence: string): number {
  return vaderCompoundOfTokens(
    splitPythonWhitespace(sentence),
    countChar(sentence, '!'),
    countChar(sentence, '?'),
  );
}

/** Lexicon value of a word, read from the shipped data file. */
function lex(word: string): number {
  const value = vaderLexicons().lexicon.get(word);
  if (value === undefined) throw new Error(`${word} is not in the VADER lexicon`);
  return value;
}

/** Valence VADER gave to the `occurrence`-th token equal to `token`. */
function valenceAt(text: string, token: string, occurrence = 0): number {
  const { tokens, valences } = vaderValences(text);
  let seen = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === token && seen++ === occurrence) return valences[i]!;
  }
  throw new Error(`token ${token} not found in ${JSON.stringify(tokens)}`);
}

/** Sentences of every filing fixture (HTML with its tags removed; a rough split is enough here). */
function filingSentences(): string[] {
  const out: string[] = [];
  for (const name of filingFixtureNames()) {
    const text = name.endsWith('.txt')
      ? readFixture(`filings/${name}`)
      : htmlToText(readFixture(`filings/${name}`));
    for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) if (/[a-z]/.test(s)) out.push(s);
  }
  return out;
}

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#160;|&nbsp;/g, '\u00a0')
    .replace(/&#8217;|&rsquo;/g, '\u2019')
    .replace(/&#8220;|&#8221;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#174;/g, '\u00ae');
}

describe('vaderScores on the canonical golden set (vaderSentiment 3.3.2)', () => {
  it('has all 209 rows', () => {
    expect(golden).toHaveLength(209);
  });

  it.each(golden.map((row) => [row.id, row.category, row] as const))('row %i (%s)', (_id, _cat, row) => {
    const rounded = vaderScores(row.text);
    const raw = vaderRawScores(row.text);
    for (const field of FIELDS) {
      expect(rounded[field], field).toBe(row[field]);
      expect(Math.abs(raw[field] - row.raw[field]), field).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('reproduces every raw value bit for bit', () => {
    const mismatches = golden.flatMap((row) => {
      const raw = vaderRawScores(row.text);
      return FIELDS.filter((f) => raw[f] !== row.raw[f]).map((f) => `${row.id}.${f}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('matches the worked checks of the specification', () => {
    expect(vaderRawScores('good').compound).toBe(1.9 / Math.sqrt(1.9 * 1.9 + 15));
    expect(vaderValences('The results were GREAT.').valences).toEqual([0, 0, 0, lex('great') + C_INCR]);
    expect(vaderValences('NOT good at all.').valences).toEqual([0, lex('good') * N_SCALAR, 0, 0]);
    expect(vaderScores('   ')).toEqual({ neg: 0, neu: 0, pos: 0, compound: 0 });
  });
});

describe('token-level entry equals the text-level function', () => {
  it('on every golden row', () => {
    const diffs = golden.filter((row) => compoundViaTokens(row.text) !== vaderRawScores(row.text).compound);
    expect(diffs.map((r) => r.id)).toEqual([]);
  });

  it('on real filing sentences', () => {
    const sentences = filingSentences();
    expect(sentences.length).toBeGreaterThan(20_000);
    const diffs = sentences.filter((s) => compoundViaTokens(s) !== vaderRawScores(s).compound);
    expect(diffs).toEqual([]);
    // The set must exercise the interesting paths, or the equality would prove little.
    expect(sentences.some((s) => /\bbut\b/i.test(s))).toBe(true);
    expect(sentences.some((s) => s.includes('\u00a0'))).toBe(true);
  });

  it('with emoji glued to words, punctuation, each other and odd whitespace', () => {
    const cases = [
      'Revenue grew 😀!',
      'good😀day for investors',
      'Investors are furious 😡😡',
      'We ❤️ our customers.',
      'Great 👍🏽 quarter',
      'Our brand©2024 and Apple® products sold well.',
      'Momentum 🔛 and demand 🆙 were strong!',
      '\t😀 tab before emoji',
      'Costs rose\u00a0😢\u0085sharply\ufeff.',
      '💰💰💰 record cash flow',
      'Is this good?? 🔛',
    ];
    for (const text of cases) expect(compoundViaTokens(text), text).toBe(vaderRawScores(text).compound);
  });

  it('on random token soups (property)', () => {
    const pieces = [
      'good',
      'GOOD',
      'bad',
      'not',
      "isn't",
      'isn’t',
      'no',
      'No.',
      'but',
      'BUT',
      'very',
      'kind',
      'of',
      'the',
      'bomb',
      'least',
      'at',
      'so',
      'never',
      'without',
      'doubt',
      ':)',
      '!',
      '?',
      '!!',
      '—',
      '-',
      'ok.',
      '😀',
      '🔛',
      '❤️',
      '👍🏽',
      '®',
      'a',
    ];
    const separators = [
      ' ',
      '',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u0085',
      '\u2003',
      '\ufeff',
      '\u200b',
      '\u001c',
    ];
    const soup = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { maxLength: 25 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(soup, (text) => compoundViaTokens(text) === vaderRawScores(text).compound),
      { numRuns: 3000 },
    );
  });
});

describe('§7 quirks, one at a time (on real filing sentences where the filings have an instance)', () => {
  it('1: every whitespace token is kept, punctuation-only and one-letter tokens included', () => {
    // Ford Motor Co., 10-K for 2001.
    const text =
      'Ford Credit then authorizes dealers to impose a subjective component in its credit pricing ' +
      'system - the Mark-up Policy - to impose additional non-risk charges.';
    const { tokens, valences } = vaderValences(text);
    expect(tokens).toEqual(splitPythonWhitespace(text).map((t) => t.replace(/\.$/, '')));
    expect(tokens.filter((t) => t === '-')).toHaveLength(2);
    expect(tokens).toContain('a');
    // The neutral share counts those tokens too.
    const neutral = valences.filter((v) => v === 0).length;
    const total = valences.reduce((sum, v) => sum + (v === 0 ? 0 : Math.abs(v) + 1), 0) + neutral;
    expect(vaderRawScores(text).neu).toBeCloseTo(neutral / total, 12);
  });

  it('2: a short token keeps its punctuation, so "No." in "SFAS No. 133" is not the word "no"', () => {
    // Ford 10-K: "precious" sits two tokens after "No." but is not negated.
    const text =
      'Therefore, as required by SFAS No. 133, precious metal forward purchase contracts have been ' +
      'marked-to-market as of December 31, 2001.';
    expect(vaderValences(text).tokens).toContain('No.');
    expect(valenceAt(text, 'precious')).toBe(lex('precious'));
    // Written without the period, the "no" rule of §5.2 applies.
    expect(valenceAt(text.replace('No.', 'no'), 'precious')).toBe(lex('precious') * N_SCALAR);
  });

  it('3: lookups use lowercase while ALL-CAPS emphasis reads the original token', () => {
    // Alcoa 10-Q 2018: the letter "L" is the lexicon word "l" (2.0) and is upper case.
    const text = 'See the Derivatives section of Note L for additional information.';
    expect(valenceAt(text, 'L')).toBe(lex('l') + C_INCR);
    expect(vaderValences('L').valences).toEqual([lex('l')]); // one token: no capital differential
  });

  it('4: ALL-CAPS "NO" before a lexicon word is 0 and then loses 0.733', () => {
    // ICON/CIGF5 10-K 2016, a capitalized risk legend.
    const text =
      'THERE CAN BE NO ASSURANCE THAT ANY OF THESE OBJECTIVES WILL BE ATTAINED Limited Partners do not ' +
      'have the right to vote on or otherwise approve or disapprove any particular investment.';
    expect(valenceAt(text, 'NO')).toBe(0 - C_INCR);
    expect(valenceAt(text, 'ASSURANCE')).toBe(lex('assurance') * N_SCALAR - C_INCR);
  });

  it('5: a booster scores 0 itself and lifts the next lexicon word', () => {
    // ICON/CIGF5 10-K 2016.
    const text = 'COMPETITION The equipment leasing industry is highly competitive.';
    expect(valenceAt(text, 'highly')).toBe(0);
    expect(valenceAt(text, 'competitive')).toBe(lex('competitive') + B_INCR);
    // A dampener with a negative word: the sign follows the word.
    expect(valenceAt('Sales were slightly weak.', 'weak')).toBe(lex('weak') - B_DECR);
  });

  it('6: negation acts within three tokens; "no" has its own rule', () => {
    // Ford 10-K: "not" two tokens before "party".
    expect(valenceAt('Ford was not a party to the Shore case.', 'party')).toBe(lex('party') * N_SCALAR);
    // Apple 10-Q 2025: "no" directly before a lexicon word.
    const apple =
      'There can be no assurance the hedges will offset more than a portion of the financial impact.';
    expect(valenceAt(apple, 'assurance')).toBe(lex('assurance') * N_SCALAR);
    expect(valenceAt(apple, 'no')).toBe(0); // "no" before a lexicon word is a determiner
    // Four tokens away, nothing happens.
    expect(valenceAt('Ford was not a party to the Shore case.', 'case')).toBe(0);
  });

  it("7: n't anywhere negates, but only with the ASCII apostrophe", () => {
    expect(valenceAt("We won't see growth.", 'growth')).toBe(lex('growth') * N_SCALAR);
    expect(valenceAt("Results shouldn't've been good.", 'good')).toBe(lex('good') * N_SCALAR);
    expect(valenceAt("Margins didn't improve.", 'improve')).toBe(lex('improve') * N_SCALAR);
    expect(valenceAt('Margins didn\u2019t improve.', 'improve')).toBe(lex('improve'));
  });

  it('8: "this"/"so" directly before a word multiplies by 1.25 (from index 3 on)', () => {
    // Alcoa 10-Q 2018.
    const alcoa = 'Trasformazioni rejected this demand.';
    expect(valenceAt(alcoa, 'demand')).toBe(lex('demand') * 1.25);
    expect(valenceAt('Rejected this demand.', 'demand')).toBe(lex('demand')); // index 2: no k = 2 step
    expect(valenceAt('The outlook is so good.', 'good')).toBe((lex('good') + B_INCR) * 1.25);
  });

  it('9: "but" rescales through list.index, which can hit an earlier slot', () => {
    // Medicis 10-K 1999: agreement (2.2) is halved to 1.1; successive (1.1) then finds the
    // earlier 1.1 first, so the agreement is halved again and successive stays unscaled.
    const text =
      'The Company s supply agreement expires in December 2003, but is subject to automatic renewal ' +
      'for successive two-year periods if neither party gives timely notice of termination.';
    expect(lex('agreement')).toBe(2.2);
    expect(lex('successive')).toBe(1.1);
    expect(valenceAt(text, 'agreement')).toBe(2.2 * 0.5 * 0.5);
    expect(valenceAt(text, 'successive')).toBe(1.1);
    expect(valenceAt(text, 'party')).toBe(lex('party') * N_SCALAR * 1.5);
  });

  it('9: the heap path of the "but" rule equals the scan path and a literal list.index port', () => {
    const pythonLike = (values: number[], bi: number): number[] => {
      const s = values.slice();
      for (let k = 0; k < s.length; k++) {
        const x = s[k]!;
        const j = s.indexOf(x); // strict equality, like Python == on floats
        if (j < bi) s[j] = x * 0.5;
        else if (j > bi) s[j] = x * 1.5;
      }
      return s;
    };
    const value = fc.constantFrom(0, 0.5, 1, 2, 4, 1.5, 2.25, 0.75, -1, -2, -0.5, 3, 1.1, 2.2);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.nat(), (values, seed) => {
        const bi = seed % values.length;
        const expected = pythonLike(values, bi);
        const scan = values.slice();
        applyVaderButRule(scan, scan.length, bi, Number.POSITIVE_INFINITY);
        const heaps = values.slice();
        applyVaderButRule(heaps, heaps.length, bi, 0);
        return scan.every((x, i) => x === expected[i]) && heaps.every((x, i) => x === expected[i]);
      }),
      { numRuns: 2000 },
    );
  });

  it('10: idioms are seen only from index 3 on', () => {
    expect(valenceAt('The new product is the bomb.', 'bomb')).toBe(3);
    expect(valenceAt('The bomb threat closed the plant.', 'bomb')).toBe(lex('bomb'));
    expect(valenceAt('Meet me at the bus stop.', 'stop')).toBe(0);
    // Sentiment-laden idioms are defined upstream but unused.
    expect(vaderScores('The segment is in the red again.').compound).toBe(0);
  });

  it('11: an emoji description is glued to the character after it', () => {
    expect(vaderValences('Revenue grew 😀!').tokens).toEqual(['Revenue', 'grew', 'grinning', 'face']);
    expect(vaderValences('good😀day').tokens).toEqual(['good', 'grinning', 'faceday']);
    expect(vaderValences('We ❤️ it').tokens).toEqual(['We', 'red', 'heart\ufe0f', 'it']);
    expect(vaderValences('Apple® products').tokens).toEqual(['Apple', 'registered', 'products']);
  });

  it('12: ! and ? are counted over the whole text, emoji descriptions included', () => {
    const withArrow = vaderRawScores('Great momentum 🔛');
    expect(withArrow).toEqual(vaderRawScores('Great momentum ON! arrow'));
    expect(withArrow.compound).toBeGreaterThan(vaderRawScores('Great momentum ON arrow').compound);
    // Marks inside a token count as well, and ? needs at least two.
    expect(vaderRawScores('Great quarter (up!)').compound).toBe(vaderRawScores('Great quarter up!').compound);
    expect(vaderRawScores('Is this good?').compound).toBe(vaderRawScores('Is this good').compound);
    expect(vaderRawScores('Profit up!!!!!!').compound).toBe(vaderRawScores('Profit up!!!!').compound);
  });

  it('13: rounding is half to even on the binary value', () => {
    expect(roundHalfEven(0.0625, 3)).toBe(0.062);
    expect(roundHalfEven(0.03125, 4)).toBe(0.0312);
    expect(roundHalfEven(0.09375, 4)).toBe(0.0938);
    expect(roundHalfEven(-0.0625, 3)).toBe(-0.062);
    expect(Math.round(0.0625 * 1000) / 1000).toBe(0.063); // the naive formula differs
    expect(roundHalfEven(1.0005, 3)).toBe(1); // 1.0005 is stored just below the tie
    expect(roundHalfEven(0.30167597765363136, 3)).toBe(0.302);
  });
});

describe('bad input', () => {
  it.each([
    ['number', 42],
    ['null', null],
    ['undefined', undefined],
    ['array', ['good']],
  ])('vaderScores(%s) throws InvalidArgumentError naming text', (_name, value) => {
    let caught: unknown;
    try {
      vaderScores(value as unknown as string);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect(isFinTabTextError(caught)).toBe(true);
    expect((caught as InvalidArgumentError).field).toBe('text');
    expect((caught as Error).message).toMatch(/vaderScores\('/);
  });

  it('vaderRawScores and vaderValences reject non-strings too', () => {
    expect(() => vaderRawScores(1 as unknown as string)).toThrow(InvalidArgumentError);
    expect(() => vaderValences({} as unknown as string)).toThrow(/vaderValences\(text\)/);
  });

  it('vaderCompoundOfTokens checks its arguments', () => {
    const field = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return error instanceof InvalidArgumentError ? error.field : 'other';
      }
      return undefined;
    };
    expect(field(() => vaderCompoundOfTokens('good' as unknown as string[], 0, 0))).toBe('rawTokens');
    expect(field(() => vaderCompoundOfTokens(['good', 3 as unknown as string], 0, 0))).toBe('rawTokens');
    expect(field(() => vaderCompoundOfTokens(['good'], -1, 0))).toBe('exclaimCount');
    expect(field(() => vaderCompoundOfTokens(['good'], 0, 1.5))).toBe('questionCount');
    expect(vaderCompoundOfTokens([], 0, 0)).toBe(0);
    expect(vaderCompoundOfTokens(['', ''], 2, 0)).toBe(0);
  });

  it('empty, binary and non-English text are scored, not rejected', () => {
    expect(vaderScores('')).toEqual({ neg: 0, neu: 0, pos: 0, compound: 0 });
    const binary = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    expect(vaderScores(binary).neu).toBeGreaterThan(0);
    expect(vaderScores('Der Umsatz stieg deutlich 😀').pos).toBeGreaterThan(0);
    expect(vaderScores('\ud83d lone surrogate good').pos).toBeGreaterThan(0);
  });
});
