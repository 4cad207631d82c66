// The compact data tables (scripts/build-score-data.ts) against their sources: the checked-in
// files are exactly what the generator makes of data/, and looking a key up in a table gives
// what a plain parse of the source file gives.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateScoreData } from '../../scripts/build-score-data.js';
import { vaderLexicons } from '../../src/score/vader-data.js';
import {
  compiledDefaultWordLists,
  compileWordLists,
  countWordListMatches,
  DEFAULT_WORD_LIST_NAMES,
  defaultWordLists,
  parseWordList,
} from '../../src/score/wordlists.js';
import { hyphenationPoints, words } from '../../src/text/index.js';
import { readFixture } from '../support/fixtures.js';

const read = (path: string, encoding: 'utf8' | 'latin1' = 'utf8'): string =>
  readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), encoding);

describe('compact score data', () => {
  it('each checked-in table equals what scripts/build-score-data.ts generates from data/', () => {
    const files = generateScoreData();
    expect(files.map((f) => f.path)).toEqual([
      'data/cmudict/cmudict-syllables.txt',
      'data/hyphen/hyph_en_US.patterns',
      'data/vader/vader_lexicon.sorted.tsv',
      'data/vader/emoji.sorted.tsv',
      'wordlists/defaults.parsed.json',
    ]);
    for (const { path, text, encoding } of files) {
      expect(read(path, encoding) === text, `${path} is stale: run npx tsx scripts/build-score-data.ts`).toBe(
        true,
      );
    }
  });

  // The reference: each lexicon file read line by line (strip, split on tabs, a later line wins).
  const rows = (text: string): string[][] =>
    text
      .split('\n')
      .map((line) => line.trim().split('\t'))
      .filter((row) => row.length >= 2);

  it('finds every VADER lexicon token with its value, and nothing for other strings', () => {
    const reference = new Map<string, number>();
    for (const [token, value] of rows(read('data/vader/vader_lexicon.txt')))
      reference.set(token!, Number(value));
    expect(reference.size).toBeGreaterThan(7000);
    const { lexicon } = vaderLexicons();
    const wrong: string[] = [];
    for (const [token, value] of reference) {
      if (!Object.is(lexicon.get(token), value)) wrong.push(`${token}: ${lexicon.get(token)}, want ${value}`);
      for (const probe of [`${token}x`, token.slice(0, -1), token.toUpperCase()]) {
        if (!reference.has(probe) && lexicon.get(probe) !== undefined) wrong.push(`${probe} is no key`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('finds every single-code-point emoji with its description and its count of "!"', () => {
    const reference = new Map<number, string>();
    for (const [key, description] of rows(read('data/vader/emoji_utf8_lexicon.txt'))) {
      const cp = key!.codePointAt(0)!;
      if (String.fromCodePoint(cp) === key) reference.set(cp, description!);
    }
    const { emoji, emojiExclaims } = vaderLexicons();
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x20000; cp++) {
      const want = reference.get(cp);
      const bangs = want === undefined ? 0 : want.split('!').length - 1;
      if (emoji.get(cp) !== want || (emojiExclaims.get(cp) ?? 0) !== bangs) wrong.push(cp);
    }
    expect(reference.size).toBeGreaterThan(1000);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('gives the hyphenation points of Liang over the parsed .dic for every word of a 10-K', () => {
    // The reference: hyph_en_US.dic parsed into a map (a later line wins), matched on code points.
    const patterns = new Map<string, number[]>();
    for (const raw of read('data/hyphen/hyph_en_US.dic').split('\n').slice(1)) {
      const line = raw.trim();
      if (line === '' || /^(%|#|LEFTHYPHENMIN|RIGHTHYPHENMIN|COMPOUND)/.test(line)) continue;
      const values = [0];
      let key = '';
      for (const ch of line) {
        if (/\d/.test(ch)) values[values.length - 1] = Number(ch);
        else {
          key += ch;
          values.push(0);
        }
      }
      if (values.some((v) => v !== 0)) patterns.set(key, values);
    }
    const reference = (word: string): number[] => {
      const chars = Array.from(`.${word}.`);
      const refs = new Array<number>(chars.length + 1).fill(0);
      for (let i = 0; i < chars.length; i++) {
        for (let j = i + 1; j <= chars.length; j++) {
          const values = patterns.get(chars.slice(i, j).join(''));
          values?.forEach((v, q) => {
            if (v > refs[i + q]!) refs[i + q] = v;
          });
        }
      }
      const points: number[] = [];
      refs.forEach((v, r) => {
        if (v % 2 === 1 && r - 1 >= 2 && r - 1 <= chars.length - 4) points.push(r - 1);
      });
      return points;
    };
    const text = readFixture('filings/gme_10-K_2024-03.htm');
    const words = new Set(text.toLowerCase().match(/[\p{L}']+/gu) ?? []);
    for (const w of ['staﬀ', 'oﬃce', 'ﬁnancial', 'naïve', 'a\u{1F600}b', 'cybersecurity']) words.add(w);
    expect(words.size).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const word of words) {
      const got = hyphenationPoints(word);
      const want = reference(word);
      if (got.join() !== want.join()) wrong.push(`${word}: ${got}, want ${want}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('reads from wordlists/defaults.parsed.json the lists and matcher that parsing wordlists/*.txt gives', () => {
    const fromText: Record<string, string[]> = {};
    for (const name of DEFAULT_WORD_LIST_NAMES) fromText[name] = parseWordList(read(`wordlists/${name}.txt`));
    expect(defaultWordLists()).toEqual(fromText);
    const stored = compiledDefaultWordLists();
    const parsed = compileWordLists(fromText);
    expect(stored.names).toEqual(parsed.names);
    expect(stored.sizes).toEqual(parsed.sizes);
    expect(stored.marked?.pattern.source).toBe(parsed.marked?.pattern.source);
    expect([...(stored.marked?.words ?? [])]).toEqual([...(parsed.marked?.words ?? [])]);
    // Every node, rules included (frozen as the parser freezes them), in the same order.
    expect(stored.root).toEqual(parsed.root);
    expect([...stored.root.keys()]).toEqual([...parsed.root.keys()]);
    const rules = [...stored.root.values()].flatMap((node) => node.rules ?? []).flatMap((r) => r ?? []);
    expect(rules.length).toBeGreaterThan(40);
    expect(
      rules.every((r) => Object.isFrozen(r) && Object.isFrozen(r.before) && Object.isFrozen(r.after)),
    ).toBe(true);
    // The counts of a real MD&A agree.
    const text = readFixture('filings/gme_10-K_2024-03.htm').replace(/<[^>]+>/g, ' ');
    const tokens = words(text);
    expect(countWordListMatches(tokens, stored).counts).toEqual(countWordListMatches(tokens, parsed).counts);
    expect(countWordListMatches(tokens, stored).counts.negative).toBeGreaterThan(50);
  });
});
