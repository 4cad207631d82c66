import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORD_LIST_NAMES, defaultWordLists, parseWordList } from '../../src/score/wordlists.js';

// The committed lists are the output of scripts/build-wordlists.ts, whose embeddings (about 300 MB)
// are not installed for the tests. What can be checked without them: every input that the build
// copies without the embeddings (seeds, phrases, exclusions, contexts) agrees with the committed
// output, so an input edited without a rebuild fails here.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = join(root, 'scripts', 'wordlists');

/** The build's reading of an input file: `#` comments dropped, trimmed, lowercased, spaces collapsed. */
function inputLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((l) => l !== '');
}

describe('default word lists agree with their build inputs', () => {
  const lists = defaultWordLists();

  for (const name of DEFAULT_WORD_LIST_NAMES) {
    const entries = lists[name];
    const heads = new Set(entries.map((e) => e.split(' ~ ')[0]!));
    const excludeLines = inputLines(join(inputs, 'exclude', `${name}.txt`));
    const exclude = new Set(excludeLines.filter((l) => !l.endsWith('*')));
    const excludeFamily = new Set(excludeLines.filter((l) => l.endsWith('*')).map((l) => l.slice(0, -1)));
    const seeds = inputLines(join(inputs, 'seeds', `${name}.txt`));

    it(`${name}: every seed, phrase and verbatim word is an entry unless excluded`, () => {
      expect(seeds.length).toBeGreaterThan(20);
      // A verbatim word (`!word`) or a phrase is dropped only by its own exclusion line; a word seed
      // (plain or `=word`) also by a `word*` family exclusion.
      const missing = seeds
        .filter((s) => {
          const word = s.startsWith('!') || s.startsWith('=') ? s.slice(1) : s;
          const family = !s.startsWith('!') && !s.includes(' ') && excludeFamily.has(word);
          return !exclude.has(word) && !family && !heads.has(word);
        })
        .map((s) => s.replace(/^[!=]/, ''));
      expect(missing).toEqual([]);
    });

    it(`${name}: no entry is a reviewed single-form exclusion`, () => {
      expect([...exclude].filter((e) => heads.has(e))).toEqual([]);
    });

    it(`${name}: every reviewed context line is the entry's line in the list`, () => {
      const path = join(inputs, 'contexts', `${name}.txt`);
      const contextLines = existsSync(path) ? parseWordList(readFileSync(path, 'utf8')) : [];
      const byHead = new Map(entries.map((e) => [e.split(' ~ ')[0]!, e]));
      for (const line of contextLines) expect(byHead.get(line.split(' ~ ')[0]!), line).toBe(line);
      // And no list line carries contexts that the contexts file does not hold.
      const reviewed = new Set(contextLines);
      expect(entries.filter((e) => e.includes(' ~ ') && !reviewed.has(e))).toEqual([]);
    });

    it(`${name}: the header states the entry count and the seeds file`, () => {
      const text = readFileSync(join(root, 'wordlists', `${name}.txt`), 'utf8');
      expect(text.split('\n')[0]).toBe(
        `# fin-tabtext default word list: ${name} (${entries.length} entries)`,
      );
      const header = text
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .join(' ');
      const stated = header.slice(
        header.indexOf('# Seeds:') + '# Seeds:'.length,
        header.indexOf('# Seed phrases:'),
      );
      const statedSeeds = stated.replace(/#/g, ' ').split(/\s+/).filter(Boolean);
      const singleSeeds = seeds.filter((s) => !s.includes(' '));
      expect(new Set(statedSeeds)).toEqual(new Set(singleSeeds));
    });
  }
});
