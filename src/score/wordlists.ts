import { describeType, InvalidArgumentError } from '../errors/index.js';
import { readPackageFile, readUserFile } from '../resources/index.js';

/** Names of the eight default word lists shipped in `wordlists/`, in column order. */
export const DEFAULT_WORD_LIST_NAMES = Object.freeze([
  'negative',
  'positive',
  'certainty',
  'uncertainty',
  'risk',
  'safe',
  'fraud',
  'litigious',
] as const);

/** One of the eight default word list names. */
export type DefaultWordListName = (typeof DEFAULT_WORD_LIST_NAMES)[number];

/** Word lists by name: lowercase entries, single words or phrases of words separated by one space. */
export type WordLists = Readonly<Record<string, readonly string[]>>;

/**
 * Column names a custom word list may not take: the built-in columns of a text score record.
 */
export const RESERVED_WORD_LIST_NAMES: readonly string[] = Object.freeze([
  'word_count',
  'sentence_count',
  ...DEFAULT_WORD_LIST_NAMES,
  'polarity',
  'sentiment',
  'readability',
]);

const LIST_NAME = /^[a-z][a-z0-9_]*$/;
const HAS_LETTER = /\p{L}/u;

/**
 * Parse the text of a word list file: one entry per line, `#` starts a comment, blank lines are
 * skipped; entries are lowercased, inner whitespace collapses to one space, duplicates are dropped.
 *
 * @param text - The file's text.
 * @returns The entries in file order.
 * @throws {InvalidArgumentError} When `text` is not a string.
 * @example
 * ```ts
 * import { parseWordList } from 'fin-tabtext';
 * parseWordList('# my list\nLoss\ngoing   concern\n'); // ['loss', 'going concern']
 * ```
 */
export function parseWordList(text: string): string[] {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `parseWordList(text) needs a string, got ${describeType(text)}; e.g. parseWordList('loss\\nlosses')`,
    );
  }
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const hash = line.indexOf('#');
    const entry = normaliseEntry(hash >= 0 ? line.slice(0, hash) : line);
    if (entry !== '') seen.add(entry);
  }
  return [...seen];
}

/**
 * Read a word list file of your own (same format as `wordlists/*.txt`, see {@link parseWordList}).
 *
 * @param path - Path of a UTF-8 text file.
 * @returns The entries in file order.
 * @throws {InvalidArgumentError} When the file cannot be read (field `path`).
 * @example
 * ```ts
 * import { loadWordListFile, scoreText } from 'fin-tabtext';
 * const esg = loadWordListFile('./esg.txt');
 * ```
 */
export function loadWordListFile(path: string): string[] {
  if (typeof path !== 'string' || path === '') {
    throw new InvalidArgumentError(
      'path',
      `loadWordListFile(path) needs a file path string, got ${describeType(path)}; e.g. loadWordListFile('./esg.txt')`,
    );
  }
  let text: string;
  try {
    text = readUserFile(path);
  } catch (cause) {
    throw new InvalidArgumentError(
      'path',
      `loadWordListFile(path) cannot read ${path}: ${(cause as Error).message}; pass the path of a UTF-8 text file with one entry per line.`,
      { cause },
    );
  }
  return parseWordList(text);
}

let defaultLists: Readonly<Record<DefaultWordListName, readonly string[]>> | undefined;
let defaultCompiled: CompiledWordLists | undefined;

/**
 * The eight default word lists (read from the package's `wordlists/` folder on first use, then cached).
 *
 * @returns A frozen record from list name to its frozen entries.
 * @throws {FinTabTextError} With code `DATA_NOT_FOUND` when the package files are missing.
 * @example
 * ```ts
 * import { defaultWordLists } from 'fin-tabtext';
 * defaultWordLists().negative.includes('impairment'); // true
 * ```
 */
export function defaultWordLists(): Readonly<Record<DefaultWordListName, readonly string[]>> {
  if (defaultLists === undefined) {
    const lists = {} as Record<DefaultWordListName, readonly string[]>;
    for (const name of DEFAULT_WORD_LIST_NAMES) {
      lists[name] = Object.freeze(parseWordList(readPackageFile(`wordlists/${name}.txt`)));
    }
    defaultLists = Object.freeze(lists);
  }
  return defaultLists;
}

/**
 * The default word lists compiled once (on first use) for {@link countWordListMatches}.
 *
 * @returns The cached compiled matcher of the eight default lists.
 * @example
 * ```ts
 * import { compiledDefaultWordLists, countWordListMatches } from 'fin-tabtext';
 * countWordListMatches(['a', 'net', 'loss'], compiledDefaultWordLists()).counts.negative; // 2
 * ```
 */
export function compiledDefaultWordLists(): CompiledWordLists {
  defaultCompiled ??= compileWordLists(defaultWordLists());
  return defaultCompiled;
}

/**
 * Check custom word lists that add columns to a score record: names must be column-safe
 * (`[a-z][a-z0-9_]*`) and must not take a built-in column name ({@link RESERVED_WORD_LIST_NAMES});
 * entries must be strings holding at least one letter. Entries are normalised (lowercase, single
 * spaces, duplicates dropped).
 *
 * @param lists - For example `{ esg: ['emissions', 'climate change'] }`.
 * @param field - The option name used in error messages.
 * @returns A new frozen record of normalised lists.
 * @throws {InvalidArgumentError} Naming the bad list or entry, e.g. `options.wordLists.esg[2]`.
 * @example
 * ```ts
 * import { validateCustomWordLists } from 'fin-tabtext';
 * validateCustomWordLists({ esg: ['Emissions', 'climate  change'] }); // { esg: ['emissions', 'climate change'] }
 * ```
 */
export function validateCustomWordLists(lists: WordLists, field = 'options.wordLists'): WordLists {
  const checked = checkLists(lists, field);
  for (const name of Object.keys(checked)) {
    if (RESERVED_WORD_LIST_NAMES.includes(name)) {
      throw new InvalidArgumentError(
        `${field}.${name}`,
        `${field}.${name} clashes with the built-in column "${name}"; choose another name, e.g. { my_${name}: [...] }.`,
      );
    }
  }
  return checked;
}

function checkLists(lists: WordLists, field: string): WordLists {
  if (lists === null || typeof lists !== 'object' || Array.isArray(lists)) {
    throw new InvalidArgumentError(
      field,
      `${field} must be an object of word lists, got ${describeType(lists)}; e.g. { esg: ['emissions', 'climate change'] }`,
    );
  }
  const out: Record<string, readonly string[]> = {};
  for (const [name, entries] of Object.entries(lists)) {
    if (!LIST_NAME.test(name)) {
      throw new InvalidArgumentError(
        `${field}.${name}`,
        `${field}.${name}: the list name ${JSON.stringify(name)} must match [a-z][a-z0-9_]* to be safe as a column, e.g. { esg_terms: [...] }.`,
      );
    }
    if (!Array.isArray(entries)) {
      throw new InvalidArgumentError(
        `${field}.${name}`,
        `${field}.${name} must be an array of strings, got ${describeType(entries)}; e.g. { ${name}: ['emissions'] }`,
      );
    }
    const seen = new Set<string>();
    entries.forEach((entry: unknown, i: number) => {
      if (typeof entry !== 'string' || !HAS_LETTER.test(entry)) {
        throw new InvalidArgumentError(
          `${field}.${name}[${i}]`,
          `${field}.${name}[${i}] must be a word or phrase with at least one letter, got ${typeof entry === 'string' ? JSON.stringify(entry) : describeType(entry)}.`,
        );
      }
      seen.add(normaliseEntry(entry));
    });
    out[name] = Object.freeze([...seen]);
  }
  return Object.freeze(out);
}

function normaliseEntry(entry: string): string {
  return entry.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One node of a compiled matcher: a word's single-word lists and the phrases that continue from it. */
export interface WordListMatchNode {
  /** Indices of the lists holding this word (at the root) or this phrase (deeper), or null. */
  lists: number[] | null;
  /** The entry text ending at this node, for explanations. */
  entry: string;
  /** Next words of longer phrases. */
  next: Map<string, WordListMatchNode> | null;
}

/**
 * Word lists compiled for matching: one `Map` lookup per word finds its single-word lists and the
 * phrases starting with it. Build once with {@link compileWordLists}, reuse for every document.
 */
export interface CompiledWordLists {
  /** List names in column order. */
  readonly names: readonly string[];
  /** Number of entries per list (after normalisation). */
  readonly sizes: Readonly<Record<string, number>>;
  /** @internal The matcher. */
  readonly root: ReadonlyMap<string, WordListMatchNode>;
}

/**
 * Compile word lists into a matcher. Entries are normalised (lowercase, single spaces); an entry
 * with spaces is a phrase matching consecutive words.
 *
 * @param lists - Lists by name, e.g. `defaultWordLists()` or `{ ...defaultWordLists(), esg: [...] }`.
 * @returns The compiled matcher for {@link countWordListMatches}.
 * @throws {InvalidArgumentError} When a name is not `[a-z][a-z0-9_]*` or an entry is not a word.
 * @example
 * ```ts
 * import { compileWordLists } from 'fin-tabtext';
 * const compiled = compileWordLists({ esg: ['emissions', 'climate change'] });
 * ```
 */
export function compileWordLists(lists: WordLists): CompiledWordLists {
  const checked = checkLists(lists, 'lists');
  const names = Object.keys(checked);
  const root = new Map<string, WordListMatchNode>();
  const sizes: Record<string, number> = {};
  names.forEach((name, index) => {
    const entries = checked[name]!;
    sizes[name] = entries.length;
    for (const entry of entries) {
      const parts = entry.split(' ');
      let level = root;
      let node: WordListMatchNode | undefined;
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        node = level.get(part);
        if (node === undefined) {
          node = { lists: null, entry: parts.slice(0, k + 1).join(' '), next: null };
          level.set(part, node);
        }
        if (k < parts.length - 1) {
          node.next ??= new Map();
          level = node.next;
        }
      }
      node!.lists ??= [];
      if (!node!.lists.includes(index)) node!.lists.push(index);
    }
  });
  return Object.freeze({ names: Object.freeze(names), sizes: Object.freeze(sizes), root });
}

/** Options of {@link countWordListMatches}. */
export interface CountWordListOptions {
  /**
   * Also return, per list, how many times each entry matched (for explaining a score).
   * @default false
   */
  readonly explain?: boolean;
}

/** Resolved defaults of {@link CountWordListOptions}. */
export const defaultCountWordListOptions: Readonly<Required<CountWordListOptions>> = Object.freeze({
  explain: false,
});

/** Result of {@link countWordListMatches}. */
export interface WordListMatches {
  /** Number of words in the input. */
  readonly totalWords: number;
  /** Matched words per list (a word covered by several matching entries counts once per list). */
  readonly counts: Readonly<Record<string, number>>;
  /** Matched words / total words per list; `null` when there are no words. */
  readonly scores: Readonly<Record<string, number | null>>;
  /** With `explain: true`: per list, each matched entry and how many times it matched. */
  readonly matches?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Count word-list matches in a text's words. Single-word entries match one word; phrase entries
 * match consecutive words and count by the number of words they cover; a word covered by several
 * entries of one list (e.g. "going" in "going concern" plus "concern") counts once for that list.
 *
 * @param words - The text's lowercase word tokens in order (e.g. `words(text)` from the tokenizer).
 * @param compiled - From {@link compileWordLists} or {@link compiledDefaultWordLists}.
 * @param options - See {@link CountWordListOptions}.
 * @returns Counts and scores (matched words / total words) per list.
 * @example
 * ```ts
 * import { compiledDefaultWordLists, countWordListMatches, words } from 'fin-tabtext';
 * const w = words('There is substantial doubt about our ability to continue as a going concern.');
 * const { counts, scores } = countWordListMatches(w, compiledDefaultWordLists());
 * counts.uncertainty; // 2 ("substantial doubt")
 * scores.negative; // 4 / 13 ("substantial doubt", "going concern")
 * ```
 */
export function countWordListMatches(
  words: readonly string[],
  compiled: CompiledWordLists,
  options: CountWordListOptions = {},
): WordListMatches {
  const explain = options.explain ?? defaultCountWordListOptions.explain;
  const { names, root } = compiled;
  const listCount = names.length;
  const counts = new Float64Array(listCount);
  // For each list, the index of the first word not yet counted: matches are found in order of
  // their first word, so the union of covered words grows only at its end.
  const coveredUntil = new Float64Array(listCount);
  const found: Array<Map<string, number>> | undefined = explain ? names.map(() => new Map()) : undefined;
  const n = words.length;

  for (let i = 0; i < n; i++) {
    const node = root.get(words[i]!);
    if (node === undefined) continue;
    const single = node.lists;
    if (single !== null) {
      for (let k = 0; k < single.length; k++) {
        const l = single[k]!;
        if (coveredUntil[l]! <= i) {
          counts[l]!++;
          coveredUntil[l] = i + 1;
        }
        if (found !== undefined) bump(found[l]!, node.entry);
      }
    }
    let next = node.next;
    let j = i + 1;
    while (next !== null && j < n) {
      const deeper = next.get(words[j]!);
      if (deeper === undefined) break;
      const hit = deeper.lists;
      if (hit !== null) {
        const end = j + 1;
        for (let k = 0; k < hit.length; k++) {
          const l = hit[k]!;
          const from = Math.max(coveredUntil[l]!, i);
          if (end > from) {
            counts[l]! += end - from;
            coveredUntil[l] = end;
          }
          if (found !== undefined) bump(found[l]!, deeper.entry);
        }
      }
      next = deeper.next;
      j++;
    }
  }

  const countRecord: Record<string, number> = {};
  const scoreRecord: Record<string, number | null> = {};
  for (let l = 0; l < listCount; l++) {
    const name = names[l]!;
    countRecord[name] = counts[l]!;
    scoreRecord[name] = n === 0 ? null : counts[l]! / n;
  }
  if (found === undefined) return { totalWords: n, counts: countRecord, scores: scoreRecord };
  const matches: Record<string, Record<string, number>> = {};
  names.forEach((name, l) => {
    matches[name] = Object.fromEntries(found[l]!);
  });
  return { totalWords: n, counts: countRecord, scores: scoreRecord, matches };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Polarity of a text from its positive and negative word-list scores (or counts):
 * `(positive − negative) / (positive + negative)`, in −1..1, and 0 when both are 0.
 *
 * @param positive - The positive score or count (>= 0).
 * @param negative - The negative score or count (>= 0).
 * @returns The polarity.
 * @throws {InvalidArgumentError} When an argument is not a finite number >= 0.
 * @example
 * ```ts
 * import { polarityFromCounts } from 'fin-tabtext';
 * polarityFromCounts(3, 1); // 0.5
 * polarityFromCounts(0, 0); // 0
 * ```
 */
export function polarityFromCounts(positive: number, negative: number): number {
  for (const [field, value] of [
    ['positive', positive],
    ['negative', negative],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new InvalidArgumentError(
        field,
        `polarityFromCounts(positive, negative) needs finite numbers >= 0, got ${field} = ${String(value)}; e.g. polarityFromCounts(3, 1)`,
      );
    }
  }
  const total = positive + negative;
  return total === 0 ? 0 : (positive - negative) / total;
}
