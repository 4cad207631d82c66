/**
 * The compact data files the scorers read, generated from the source data beside them
 * (`npx tsx scripts/build-score-data.ts`; with `--check` it only compares and fails when stale).
 * Each is a sorted table of lines that the library searches in place, so loading one is a single
 * file read: no map of thousands of entries is built in a fresh process, and nothing is parsed
 * that a text does not look up. The three looked up by key start with a line indexing where each
 * bucket of keys begins (src/resources/indexed-lines.ts): a CMUdict or VADER lookup is one native
 * search of a bucket, and a hyphenation prefix search one native search of the buckets the
 * prefix can reach.
 *
 * - `data/cmudict/cmudict-syllables.txt`: the index line, then per CMUdict 0.7a key, in the file's
 *   order, its first pronunciation's syllable count (phones carrying a stress digit): `ABANDON 3`.
 * - `data/hyphen/hyph_en_US.patterns`: the Liang patterns of `hyph_en_US.dic` as pyphen reads them
 *   (a later line for the same key wins), sorted by key (UTF-16 code units): `key offset digits`,
 *   the digits being the non-zero span of the pattern's values from `offset` (in code points),
 *   after the index line and a line `max <n>`, the longest key in code points.
 * - `data/vader/vader_lexicon.sorted.tsv`: the index line, then VADER's lexicon as vaderSentiment
 *   reads it (first two fields, a later duplicate wins), sorted by token: `token<TAB>value` (the
 *   value as written).
 * - `data/vader/emoji.sorted.tsv`: the single-code-point emoji of `emoji_utf8_lexicon.txt` (the
 *   only keys that can match), sorted by code point: `01F600<TAB>description` (six hex digits).
 * - `wordlists/defaults.parsed.json`: the eight default word lists as the library's parser reads
 *   `wordlists/<name>.txt` (a fresh process reads this instead of running the parser).
 *
 * test/score/score-data.test.ts proves the checked-in files equal what these functions make of
 * the sources, and the scorers' goldens prove the lookups give what the parsed sources gave.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexedTable } from '../src/resources/indexed-lines.js';
import { emojiKey } from '../src/score/vader-data.js';
import {
  DEFAULT_PARSED_FILE,
  DEFAULT_WORD_LIST_NAMES,
  parseWordListEntries,
  storedEntries,
} from '../src/score/wordlists.js';
import { isWhitespaceCode } from '../src/text/chars.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Python's `str.strip()`. */
function pythonStrip(line: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && isWhitespaceCode(line.charCodeAt(a))) a++;
  while (b > a && isWhitespaceCode(line.charCodeAt(b - 1))) b--;
  return line.slice(a, b);
}

/**
 * The rows of a VADER lexicon file as vaderSentiment reads them (spec vader.md §1.1): trailing
 * newlines dropped, split on `\n`, empty lines skipped, each line stripped and split on tabs.
 */
function vaderRows(text: string): string[][] {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => pythonStrip(line).split('\t'));
}

/** Code-unit order (what `<` on strings and the in-place search use). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Key chars per bucket of the VADER lexicon's index: 28^2 buckets (3 KB) for 7,500 keys. */
const VADER_INDEX_DEPTH = 2;

/** `data/vader/vader_lexicon.sorted.tsv` from `vader_lexicon.txt`. */
export function vaderLexiconTable(source: string): string {
  const lexicon = new Map<string, string>();
  for (const row of vaderRows(source)) if (row.length >= 2) lexicon.set(row[0]!, row[1]!);
  const keys = [...lexicon.keys()].sort(byCodeUnits);
  for (const key of keys) {
    if (/[\t\n]/.test(key))
      throw new Error(`a VADER lexicon key holds a tab or newline: ${JSON.stringify(key)}`);
  }
  return indexedTable(
    keys.map((key) => `${key}\t${lexicon.get(key)!}`),
    '\t',
    'a-z',
    VADER_INDEX_DEPTH,
  );
}

/** `data/vader/emoji.sorted.tsv` from `emoji_utf8_lexicon.txt`. */
export function emojiTable(source: string): string {
  const emoji = new Map<number, string>();
  for (const row of vaderRows(source)) {
    if (row.length < 2) continue;
    const key = row[0]!;
    const cp = key.codePointAt(0);
    // Only single-code-point keys can match: the replacement walks one code point at a time.
    if (cp === undefined || String.fromCodePoint(cp) !== key) continue;
    if (row[1]!.includes('\n')) throw new Error(`an emoji description holds a newline: ${key}`);
    emoji.set(cp, row[1]!);
  }
  return [...emoji.keys()]
    .sort((a, b) => a - b)
    .map((cp) => `${emojiKey(cp)}\t${emoji.get(cp)!}\n`)
    .join('');
}

/**
 * Key chars per bucket of the CMUdict index: 28^3 buckets (an 88 KB index line) leave about a
 * dozen lines in most buckets, so a lookup scans about 100 bytes natively.
 */
const CMUDICT_INDEX_DEPTH = 3;

/** `data/cmudict/cmudict-syllables.txt` from `cmudict.0.7a` (read as latin1). */
export function cmudictSyllableTable(source: string): string {
  const out: string[] = [];
  let last = '';
  for (const line of source.split('\n')) {
    if (line.startsWith(';;;')) continue;
    const sep = line.indexOf('  ');
    if (sep === -1) continue;
    const entry = line.slice(0, sep);
    const paren = entry.indexOf('(');
    const key = paren === -1 ? entry : entry.slice(0, paren);
    if (key === last) continue;
    if (key <= last) throw new Error(`cmudict.0.7a is not sorted at ${key}`);
    last = key;
    // Syllables: phones carrying a stress digit (a digit followed by a space, CR or the end).
    const phones = line.slice(sep + 2).replace(/\r$/, '');
    const syllables = (phones.match(/\d(?= |$)/g) ?? []).length;
    out.push(`${key} ${syllables}`);
  }
  return indexedTable(out, ' ', 'A-Z', CMUDICT_INDEX_DEPTH);
}

const SKIPPED_PREFIXES = [
  '%',
  '#',
  'LEFTHYPHENMIN',
  'RIGHTHYPHENMIN',
  'COMPOUNDLEFTHYPHENMIN',
  'COMPOUNDRIGHTHYPHENMIN',
];

/**
 * The hyphenation patterns' index: every ASCII char from `'` to `z` (so `.`, which starts the
 * 2,900 keys of a word's start, and the letters) gets a symbol, two key chars per bucket: 86^2
 * buckets (30 KB) for 11,000 keys.
 */
const HYPHEN_ALPHABET = "'-z";
const HYPHEN_INDEX_DEPTH = 2;

/** `data/hyphen/hyph_en_US.patterns` from `hyph_en_US.dic` (UTF-8). */
export function hyphenPatternTable(source: string): string {
  const patterns = new Map<string, string>();
  let maxLength = 0;
  const lines = source.split('\n').slice(1); // the first line names the charset
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || SKIPPED_PREFIXES.some((p) => line.startsWith(p))) continue;
    // A digit is the value at the gap before the next letter (letters counted in code points).
    const values: number[] = [0];
    let key = '';
    for (const ch of line) {
      if (ch >= '0' && ch <= '9') values[values.length - 1] = Number(ch);
      else {
        key += ch;
        values.push(0);
      }
    }
    if (!values.some((v) => v !== 0)) continue;
    const lead = values.findIndex((v) => v !== 0);
    let tail = values.length;
    while (values[tail - 1] === 0) tail--;
    if (/\s/.test(key)) throw new Error(`a hyphenation key holds whitespace: ${JSON.stringify(key)}`);
    patterns.set(key, `${lead} ${values.slice(lead, tail).join('')}`);
    maxLength = Math.max(maxLength, values.length - 1);
  }
  const keys = [...patterns.keys()].sort(byCodeUnits);
  return indexedTable(
    keys.map((key) => `${key} ${patterns.get(key)!}`),
    ' ',
    HYPHEN_ALPHABET,
    HYPHEN_INDEX_DEPTH,
    `max ${maxLength}\n`,
  );
}

/**
 * `wordlists/defaults.parsed.json` from the eight `wordlists/<name>.txt`: each list's entries as
 * the library's own parser gives them (entries without contexts as plain strings).
 */
export function parsedDefaultWordLists(...sources: string[]): string {
  const lists: Record<string, unknown> = {};
  DEFAULT_WORD_LIST_NAMES.forEach((name, i) => {
    lists[name] = storedEntries(parseWordListEntries(sources[i]!));
  });
  return `${JSON.stringify(lists)}\n`;
}

/** Each generated file: its path, its sources, how to read them, and the generator. */
export const SCORE_DATA_FILES: ReadonlyArray<{
  readonly path: string;
  readonly sources: readonly string[];
  readonly encoding: 'utf8' | 'latin1';
  readonly generate: (...sources: string[]) => string;
}> = [
  {
    path: 'data/cmudict/cmudict-syllables.txt',
    sources: ['data/cmudict/cmudict.0.7a'],
    encoding: 'latin1',
    generate: cmudictSyllableTable,
  },
  {
    path: 'data/hyphen/hyph_en_US.patterns',
    sources: ['data/hyphen/hyph_en_US.dic'],
    encoding: 'utf8',
    generate: hyphenPatternTable,
  },
  {
    path: 'data/vader/vader_lexicon.sorted.tsv',
    sources: ['data/vader/vader_lexicon.txt'],
    encoding: 'utf8',
    generate: vaderLexiconTable,
  },
  {
    path: 'data/vader/emoji.sorted.tsv',
    sources: ['data/vader/emoji_utf8_lexicon.txt'],
    encoding: 'utf8',
    generate: emojiTable,
  },
  {
    path: DEFAULT_PARSED_FILE,
    sources: DEFAULT_WORD_LIST_NAMES.map((name) => `wordlists/${name}.txt`),
    encoding: 'utf8',
    generate: parsedDefaultWordLists,
  },
];

/** What each generated file should hold, from the sources in the repository. */
export function generateScoreData(): Array<{ path: string; text: string; encoding: 'utf8' | 'latin1' }> {
  return SCORE_DATA_FILES.map((f) => ({
    path: f.path,
    text: f.generate(...f.sources.map((source) => readFileSync(join(root, source), f.encoding))),
    encoding: f.encoding,
  }));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, text, encoding } of generateScoreData()) {
    const file = join(root, path);
    let current: string | undefined;
    try {
      current = readFileSync(file, encoding);
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    stale++;
    if (check) process.stderr.write(`${path} is out of date: run npx tsx scripts/build-score-data.ts\n`);
    else writeFileSync(file, text, encoding);
  }
  if (check && stale > 0) process.exitCode = 1;
}
