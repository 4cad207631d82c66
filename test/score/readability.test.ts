// Property tests here run from the fixed seed set in test/support/property-seed.ts (a vitest setup
// file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  createReadabilityAccumulator,
  fleschReadingEase,
  gunningFog,
  readability,
} from '../../src/score/readability.js';
import { TextstatCounter, type TextstatWord } from '../../src/score/readability-textstat.js';
import { iterateSentences, splitWhitespace, tokenize } from '../../src/text/index.js';
import { readFixture, readJsonl } from '../support/fixtures.js';

interface GoldenRow {
  readonly id: number;
  readonly text: string;
  readonly gunning_fog: number;
  readonly flesch_reading_ease: number;
  readonly flesch_kincaid_grade: number;
  readonly syllable_count: number;
  readonly lexicon_count: number;
  readonly sentence_count: number;
  readonly words_per_sentence: number;
  readonly fog_complex_words: number;
  readonly fog_complex_words_list: readonly string[];
  readonly polysyllabcount: number;
  readonly word_syllables: readonly (readonly [string, number, 'cmudict' | 'pyphen'])[];
}

const golden = readJsonl<GoldenRow>('golden/readability.jsonl');
const TOLERANCE = 1e-9;

function textstatWords(text: string): TextstatWord[] {
  const counter = new TextstatCounter();
  counter.detail = [];
  counter.addText(text);
  return counter.detail;
}

describe("readability 'textstat' mode against textstat 0.7.11 goldens (47 rows, 1e-9)", () => {
  it('has all 47 rows', () => {
    expect(golden.length).toBe(47);
  });

  it.each(golden.map((row) => [row.id, row] as const))('row %i matches on every field', (_id, row) => {
    const r = readability(row.text);
    expect(Math.abs(r.gunningFog - row.gunning_fog)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(r.fleschReadingEase - row.flesch_reading_ease)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(r.fleschKincaidGrade - row.flesch_kincaid_grade)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(r.wordsPerSentence - row.words_per_sentence)).toBeLessThanOrEqual(TOLERANCE);
    expect(r.syllableCount).toBe(row.syllable_count);
    expect(r.wordCount).toBe(row.lexicon_count);
    expect(r.sentenceCount).toBe(row.sentence_count);
    expect(r.complexWords).toBe(row.fog_complex_words);
    expect(r.polysyllables).toBe(row.polysyllabcount);
    const detail = textstatWords(row.text);
    expect(detail.filter((w) => w.complex).map((w) => w.word)).toEqual(row.fog_complex_words_list);
    expect(detail.map((w) => [w.word, w.syllables, w.source === 'cmudict' ? 'cmudict' : 'pyphen'])).toEqual(
      row.word_syllables,
    );
    // The wrappers agree with the full result.
    expect(gunningFog(row.text)).toBe(r.gunningFog);
    expect(fleschReadingEase(row.text)).toBe(r.fleschReadingEase);
  });

  it('follows the worked check of the spec bit for bit', () => {
    const r = readability('The cat sat on the mat.');
    expect(r.gunningFog).toBe(2.4000000000000004);
    expect(r.fleschReadingEase).toBe(116.14500000000001);
  });

  it('gives zeros for empty text and one sentence for whitespace-only text', () => {
    expect(readability('')).toEqual({
      gunningFog: 0,
      fleschReadingEase: 0,
      fleschKincaidGrade: 0,
      wordCount: 0,
      sentenceCount: 0,
      syllableCount: 0,
      complexWords: 0,
      polysyllables: 0,
      wordsPerSentence: 0,
    });
    expect(readability(' \n ').sentenceCount).toBe(1);
    expect(readability(' \n ').gunningFog).toBe(0);
  });
});

describe('createReadabilityAccumulator', () => {
  const ford = readFixture('filings/ford_10-K_2002-03.txt');
  const mdna = ford.slice(
    ford.indexOf('RESULTS OF OPERATIONS'),
    ford.indexOf('RESULTS OF OPERATIONS') + 120_000,
  );

  it('fed sentence by sentence equals the whole-text result (textstat mode, real MD&A)', () => {
    const acc = createReadabilityAccumulator('textstat');
    for (const s of iterateSentences(mdna)) acc.addTokens(splitWhitespace(s.text));
    expect(acc.result()).toEqual(readability(mdna));
  });

  it('fed random chunkings equals the whole-text result (textstat mode, property)', () => {
    const whole = readability(mdna.slice(0, 20_000));
    const tokens = splitWhitespace(mdna.slice(0, 20_000));
    fc.assert(
      fc.property(fc.array(fc.nat({ max: tokens.length }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), tokens.length];
        const acc = createReadabilityAccumulator();
        for (let i = 1; i < points.length; i++) acc.addTokens(tokens.slice(points[i - 1], points[i]));
        expect(acc.result()).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('cuts between whitespace tokens anywhere in the text, including inside "$4.2" segments', () => {
    const text = 'Net revenue increased 12% to $4.2 billion, driven by strong demand. U.S. sales rose. Yes.';
    const tokens = splitWhitespace(text);
    for (let cut = 0; cut <= tokens.length; cut++) {
      const acc = createReadabilityAccumulator('textstat');
      acc.addTokens(tokens.slice(0, cut));
      acc.addTokens(tokens.slice(cut));
      expect(acc.result()).toEqual(readability(text));
    }
  });

  it("fed sentence by sentence equals readability(text, { mode: 'gunning' })", () => {
    const acc = createReadabilityAccumulator('gunning');
    for (const s of iterateSentences(mdna)) acc.addTokens(splitWhitespace(s.text), tokenize(s.text));
    expect(acc.result()).toEqual(readability(mdna, { mode: 'gunning' }));
    const acc2 = createReadabilityAccumulator('gunning');
    for (const s of iterateSentences(mdna)) acc2.addTokens(splitWhitespace(s.text));
    expect(acc2.result()).toEqual(readability(mdna, { mode: 'gunning' }));
  });
});

describe("readability 'gunning' mode (Gunning 1952)", () => {
  it('excludes proper nouns, hyphenated compounds and -es/-ed/-ing words from complex words', () => {
    // Sentence-initial "Management" counts; "Revitalization" mid-sentence is a proper noun.
    const r = readability(
      'Management created the Revitalization Plan. It increases year-over-year liquidity.',
      {
        mode: 'gunning',
      },
    );
    // complex: Management (3), liquidity (4); not: created (cre-at-ed via -ed), Revitalization
    // (proper noun), increases (in-creas-es via -es), year-over-year (hyphenated).
    expect(r.complexWords).toBe(2);
    expect(r.sentenceCount).toBe(2);
    expect(r.wordCount).toBe(9);
    expect(r.gunningFog).toBeCloseTo(0.4 * (9 / 2 + (100 * 2) / 9), 12);
  });

  it('counts -ing words whose stem already has 3 syllables, and ALL-CAPS words', () => {
    const r = readability('We are operating. LIQUIDITY matters.', { mode: 'gunning' });
    expect(r.complexWords).toBe(2);
  });

  it('does not count numbers as words and does not split at decimals or U.S.', () => {
    const r = readability('Net revenue increased 12% to $4.2 billion in the U.S. market.', {
      mode: 'gunning',
    });
    expect(r.sentenceCount).toBe(1);
    expect(r.wordCount).toBe(9);
  });

  it('scores real MD&A higher than textstat mode splits it (fewer, longer sentences)', () => {
    const ford = readFixture('filings/ford_10-K_2002-03.txt');
    const para = ford.slice(
      ford.indexOf('Our worldwide losses'),
      ford.indexOf('Results of our operations by'),
    );
    const t = readability(para);
    const g = readability(para, { mode: 'gunning' });
    expect(g.sentenceCount).toBe(4);
    expect(t.sentenceCount).toBeGreaterThan(g.sentenceCount);
  });
});

describe('argument checks', () => {
  it('rejects non-string text naming the argument', () => {
    expect(() => readability(42 as unknown as string)).toThrow(InvalidArgumentError);
    try {
      readability(null as unknown as string);
    } catch (error) {
      expect((error as InvalidArgumentError).field).toBe('text');
      expect((error as Error).message).toContain("readability('Revenue rose 4%.')");
    }
  });

  it('rejects an unknown mode naming options.mode', () => {
    expect(() => readability('x', { mode: 'flesch' as 'gunning' })).toThrow(/options\.mode/);
    expect(() => createReadabilityAccumulator('nope' as 'gunning')).toThrow(InvalidArgumentError);
  });
});
