import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkBoolean, checkOptions } from '../options/index.js';
import { readPackageFile, readUserFile } from '../resources/index.js';
import { appendWords, type Token, tokenize } from '../text/index.js';

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

/**
 * Word lists by name. An entry is a word or a phrase (words separated by one space), optionally
 * followed by exclusion contexts: `judgment ~ significant judgment ~ judgment calls`. See
 * `wordlists/README.md` for the context syntax (`*` for any word, `<day>`, `<year>`, `<number>`
 * and case rules such as `may ~ May <year>`).
 */
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

/** `HAS_LETTER.test(text)`, without the regex for ASCII text (every entry word is tested). */
function hasLetter(text: string): boolean {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return true;
    if (text.charCodeAt(i) > 0x7f) ascii = false;
  }
  return !ascii && HAS_LETTER.test(text);
}

/**
 * Parse the text of a word list file: one entry per line, `#` starts a comment, blank lines are
 * skipped; entries are lowercased (except the case rules of their contexts), inner whitespace
 * collapses to one space, duplicates are dropped. A line may carry exclusion contexts after `~`
 * (see `wordlists/README.md`).
 *
 * @param text - The file's text.
 * @returns The entries in file order, in their normal form (`judgment ~ significant judgment`).
 * @throws {InvalidArgumentError} When `text` is not a string, or a line's context is malformed
 *   (the message gives the line number).
 * @example
 * ```ts
 * import { parseWordList } from 'fin-tabtext/score';
 * parseWordList('# my list\nLoss\ngoing   concern\nmay ~ May <year>\n');
 * // ['loss', 'going concern', 'may ~ May <year>']
 * ```
 */
export function parseWordList(text: string): string[] {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `parseWordList(text) needs a string, got ${describeType(text)}; e.g. parseWordList('loss\\nlosses')`,
    );
  }
  return parseWordListEntries(text).map((entry) => entry.text);
}

/**
 * The entries of a word list file, parsed, deduplicated by normal form, in file order.
 *
 * @internal Also run by scripts/build-score-data.ts to make `wordlists/defaults.parsed.json`.
 */
export function parseWordListEntries(text: string): ParsedEntry[] {
  const seen = new Map<string, ParsedEntry>();
  text.split(/\r?\n/).forEach((line, i) => {
    const hash = line.indexOf('#');
    const raw = hash >= 0 ? line.slice(0, hash) : line;
    if (raw.trim() === '') return;
    const parsed = parseEntry(raw);
    if (typeof parsed === 'string') {
      throw new InvalidArgumentError(
        'text',
        `parseWordList(text): line ${i + 1} (${JSON.stringify(raw.trim())}): ${parsed}`,
      );
    }
    if (!seen.has(parsed.text)) seen.set(parsed.text, parsed);
  });
  return [...seen.values()];
}

/**
 * Read a word list file of your own (same format as `wordlists/*.txt`, see {@link parseWordList}).
 *
 * @param path - Path of a UTF-8 text file.
 * @returns The entries in file order.
 * @throws {InvalidArgumentError} When the file cannot be read (field `path`).
 * @example
 * ```ts
 * import { loadWordListFile } from 'fin-tabtext/score';
 * import { scoreText } from 'fin-tabtext';
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
 * The eight default word lists (read from the package's `wordlists/` folder on first use, then
 * cached: `wordlists/defaults.parsed.json`, the lists of `wordlists/*.txt` already parsed).
 *
 * @returns A frozen record from list name to its frozen entries.
 * @throws {FinTabTextError} With code `DATA_NOT_FOUND` when the package files are missing.
 * @example
 * ```ts
 * import { defaultWordLists } from 'fin-tabtext/score';
 * defaultWordLists().negative.includes('impairment'); // true
 * ```
 */
export function defaultWordLists(): Readonly<Record<DefaultWordListName, readonly string[]>> {
  if (defaultLists === undefined) {
    const lists = {} as Record<DefaultWordListName, readonly string[]>;
    for (const [name, entries] of Object.entries(defaultParsed())) {
      lists[name as DefaultWordListName] = Object.freeze(entries.map((entry) => entry.text));
    }
    defaultLists = Object.freeze(lists);
  }
  return defaultLists;
}

let defaultEntries: Readonly<Record<string, readonly ParsedEntry[]>> | undefined;

/**
 * The default lists, parsed: read from `wordlists/defaults.parsed.json`, which
 * scripts/build-score-data.ts makes by running {@link parseWordListEntries} on each
 * `wordlists/<name>.txt` (a test checks it is current). Reading the parse instead of running it
 * saves a fresh process most of the lists' cost: the parser, its regexes and the context rules
 * would otherwise run in the interpreter, for 2,000 entries.
 */
function defaultParsed(): Readonly<Record<string, readonly ParsedEntry[]>> {
  if (defaultEntries === undefined) {
    const stored = JSON.parse(readPackageFile(DEFAULT_PARSED_FILE)) as Record<string, StoredEntry[]>;
    const parsed: Record<string, readonly ParsedEntry[]> = {};
    for (const name of DEFAULT_WORD_LIST_NAMES) parsed[name] = stored[name]!.map(entryOfStored);
    defaultEntries = parsed;
  }
  return defaultEntries;
}

/** The package file holding the default lists' parsed entries. @internal */
export const DEFAULT_PARSED_FILE = 'wordlists/defaults.parsed.json';

/** A parsed entry as stored: an entry without contexts as its text, others whole. */
type StoredEntry = string | ParsedEntry;

/**
 * The stored form of a list's parsed entries (the text of `wordlists/defaults.parsed.json` is
 * `JSON.stringify` of a record of these, one per list).
 *
 * @internal
 */
export function storedEntries(entries: readonly ParsedEntry[]): StoredEntry[] {
  // Without contexts an entry's text is its words joined by single spaces.
  return entries.map((entry) => (entry.rules.length === 0 ? entry.text : entry));
}

function entryOfStored(entry: StoredEntry): ParsedEntry {
  if (typeof entry === 'string') {
    return { words: entry.indexOf(' ') < 0 ? [entry] : entry.split(' '), rules: NO_RULES, text: entry };
  }
  return {
    words: entry.words,
    rules: entry.rules.length === 0 ? NO_RULES : entry.rules.map(freezeRule),
    text: entry.text,
  };
}

/** A rule as the parser makes it: frozen, its word lists too. */
function freezeRule(rule: ContextRule): ContextRule {
  return Object.freeze({
    before: Object.freeze(rule.before),
    after: Object.freeze(rule.after),
    letterCase: rule.letterCase,
    numberBefore: rule.numberBefore,
    numberAfter: rule.numberAfter,
  });
}

/**
 * The default word lists compiled once (on first use) for {@link countWordListMatches}.
 *
 * @returns The cached compiled matcher of the eight default lists.
 * @example
 * ```ts
 * import { compiledDefaultWordLists, countWordListMatches } from 'fin-tabtext/score';
 * countWordListMatches(['a', 'net', 'loss'], compiledDefaultWordLists()).counts.negative; // 2
 * ```
 */
export function compiledDefaultWordLists(): CompiledWordLists {
  defaultCompiled ??= compileParsed(defaultParsed());
  return defaultCompiled;
}

/**
 * Check custom word lists that add columns to a score record: names must be column-safe
 * (`[a-z][a-z0-9_]*`) and must not take a built-in column name ({@link RESERVED_WORD_LIST_NAMES});
 * entries must be strings holding at least one letter. Entries are normalized (lowercase, single
 * spaces, duplicates dropped).
 *
 * @param lists - For example `{ esg: ['emissions', 'climate change'] }`.
 * @param field - The option name used in error messages.
 * @returns A new frozen record of normalized lists.
 * @throws {InvalidArgumentError} Naming the bad list or entry, e.g. `options.wordLists.esg[2]`.
 * @example
 * ```ts
 * import { validateCustomWordLists } from 'fin-tabtext/score';
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
  return parseLists(lists, field).checked;
}

/** {@link checkLists}, also returning each list's parsed entries. */
function parseLists(
  lists: WordLists,
  field: string,
): { checked: WordLists; parsed: Record<string, readonly ParsedEntry[]> } {
  if (lists === null || typeof lists !== 'object' || Array.isArray(lists)) {
    throw new InvalidArgumentError(
      field,
      `${field} must be an object of word lists, got ${describeType(lists)}; e.g. { esg: ['emissions', 'climate change'] }`,
    );
  }
  const out: Record<string, readonly string[]> = {};
  const parsedLists: Record<string, readonly ParsedEntry[]> = {};
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
    const seen = new Map<string, ParsedEntry>();
    entries.forEach((entry: unknown, i: number) => {
      if (typeof entry !== 'string' || !hasLetter(entry)) {
        throw new InvalidArgumentError(
          `${field}.${name}[${i}]`,
          `${field}.${name}[${i}] must be a word or phrase with at least one letter, got ${typeof entry === 'string' ? JSON.stringify(entry) : describeType(entry)}.`,
        );
      }
      const parsed = parseEntry(entry);
      if (typeof parsed === 'string') {
        throw new InvalidArgumentError(
          `${field}.${name}[${i}]`,
          `${field}.${name}[${i}] (${JSON.stringify(entry)}): ${parsed}`,
        );
      }
      if (!seen.has(parsed.text)) seen.set(parsed.text, parsed);
    });
    out[name] = Object.freeze([...seen.keys()]);
    parsedLists[name] = [...seen.values()];
  }
  return { checked: Object.freeze(out), parsed: parsedLists };
}

/** One node of a compiled matcher: a word's single-word lists and the phrases that continue from it. */
export interface WordListMatchNode {
  /** Indices of the lists holding this word (at the root) or this phrase (deeper), or null. */
  lists: number[] | null;
  /** Per entry of `lists`, the exclusion contexts of that list's entry (null: none), or null when no list has any. */
  rules: Array<readonly ContextRule[] | null> | null;
  /** The entry text ending at this node, for explanations. */
  entry: string;
  /** Next words of longer phrases. */
  next: Map<string, WordListMatchNode> | null;
}

/** What a `<day>`, `<year>` or `<number>` placeholder of a context asks for next to the entry. */
export type ContextNumber = 'day' | 'year' | 'number';

/**
 * One exclusion context of an entry: an occurrence is not counted when the words around it are
 * `before` and `after` (`*` is any word), its letter case is `letterCase`, and the tokens next to it
 * are the numbers asked for.
 */
export interface ContextRule {
  /** Words right before the entry, in text order (`*` = any word). */
  readonly before: readonly string[];
  /** Words right after the entry (`*` = any word). */
  readonly after: readonly string[];
  /** `'title'` (`May`) or `'upper'` (`MAY`): the occurrence must be spelled so; `'any'` otherwise. */
  readonly letterCase: 'any' | 'title' | 'upper';
  /** A number token right before the entry, or null. */
  readonly numberBefore: ContextNumber | null;
  /** A number token right after the entry, or null. */
  readonly numberAfter: ContextNumber | null;
}

/** One entry of a list, parsed. @internal */
export interface ParsedEntry {
  /** The entry's lowercase words. */
  readonly words: readonly string[];
  readonly rules: readonly ContextRule[];
  /** The normal form: `words ~ context ~ context`. */
  readonly text: string;
}

const PLACEHOLDERS: Readonly<Record<string, ContextNumber>> = {
  '<day>': 'day',
  '<year>': 'year',
  '<number>': 'number',
};
const ANY_WORD = '*';

const NOT_A_WORD = `the entry before "~" must be a word or phrase whose words hold a letter, e.g. "judgment ~ significant judgment"`;
const NO_RULES: readonly ContextRule[] = Object.freeze([]);

/** Parse one entry line (without comment); returns the parsed entry or an error message. */
function parseEntry(raw: string): ParsedEntry | string {
  if (raw.indexOf('~') < 0) {
    // Most entries are one word without contexts: no splitting needed.
    const word = raw.trim().toLowerCase();
    if (word !== '' && !/\s/.test(word)) {
      if (!hasLetter(word)) return NOT_A_WORD;
      return { words: [word], rules: NO_RULES, text: word };
    }
  }
  const [head = '', ...contexts] = raw.split('~');
  const words = head
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0 || !words.every(hasLetter)) return NOT_A_WORD;
  const rules: ContextRule[] = [];
  const spelled: string[] = [];
  for (const context of contexts) {
    const parsed = parseContext(words, context);
    if (typeof parsed === 'string') return parsed;
    if (!spelled.includes(parsed[1])) {
      rules.push(parsed[0]);
      spelled.push(parsed[1]);
    }
  }
  return { words, rules, text: [words.join(' '), ...spelled].join(' ~ ') };
}

function parseContext(entry: readonly string[], context: string): [ContextRule, string] | string {
  const tokens = context
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  const lower = tokens.map((t) => t.toLowerCase());
  let at = -1;
  for (let p = 0; p + entry.length <= tokens.length && at < 0; p++) {
    if (entry.every((w, k) => lower[p + k] === w)) at = p;
  }
  if (at < 0) {
    const example = `e.g. "${entry.join(' ')} ~ significant ${entry.join(' ')}"`;
    return `the context "${tokens.join(' ')}" must contain the entry "${entry.join(' ')}", ${example}`;
  }
  const form = tokens.slice(at, at + entry.length).join(' ');
  const base = entry.join(' ');
  let letterCase: ContextRule['letterCase'] = 'any';
  if (form !== base) {
    if (entry.length > 1)
      return `case rules apply to single-word entries; write "${base}" in lowercase in "${tokens.join(' ')}"`;
    if (form === form.toUpperCase()) letterCase = 'upper';
    else if (form === form[0]!.toUpperCase() + form.slice(1).toLowerCase()) letterCase = 'title';
    else
      return `"${form}" is neither Title case ("${base[0]!.toUpperCase()}${base.slice(1)}") nor upper case ("${base.toUpperCase()}")`;
  }
  const side = (
    part: readonly string[],
    where: 'before' | 'after',
  ): [string[], ContextNumber | null] | string => {
    const number = part.length === 1 ? (PLACEHOLDERS[part[0]!] ?? null) : null;
    if (number !== null) return [[], number];
    if (part.some((t) => PLACEHOLDERS[t] !== undefined)) {
      return `a number placeholder must be the only context ${where} the entry, e.g. "${base} ~ ${where === 'after' ? `${base} <year>` : `<day> ${base}`}"`;
    }
    if (part.some((t) => t !== ANY_WORD && !hasLetter(t))) {
      return `every context word must hold a letter (or be * for any word, or <day>, <year>, <number>): "${tokens.join(' ')}"`;
    }
    return [[...part], null];
  };
  const before = side(lower.slice(0, at), 'before');
  if (typeof before === 'string') return before;
  const after = side(lower.slice(at + entry.length), 'after');
  if (typeof after === 'string') return after;
  if ((before[1] !== null || after[1] !== null) && entry.length > 1) {
    return `number placeholders apply to single-word entries ("${tokens.join(' ')}")`;
  }
  if (
    before[0].length + after[0].length === 0 &&
    before[1] === null &&
    after[1] === null &&
    letterCase === 'any'
  ) {
    return `the context "${tokens.join(' ')}" is the entry alone, which would exclude every occurrence`;
  }
  const rule = freezeRule({
    before: before[0],
    after: after[0],
    letterCase,
    numberBefore: before[1],
    numberAfter: after[1],
  });
  const spelled = [...lower.slice(0, at), form, ...lower.slice(at + entry.length)].join(' ');
  return [rule, spelled];
}

function isRaw(rule: ContextRule): boolean {
  return rule.letterCase !== 'any' || rule.numberBefore !== null || rule.numberAfter !== null;
}

/**
 * Word lists compiled for matching: one `Map` lookup per word finds its single-word lists and the
 * phrases starting with it. Build once with {@link compileWordLists}, reuse for every document.
 */
export interface CompiledWordLists {
  /** List names in column order. */
  readonly names: readonly string[];
  /** Number of entries per list (after normalization). */
  readonly sizes: Readonly<Record<string, number>>;
  /** @internal The matcher. */
  readonly root: ReadonlyMap<string, WordListMatchNode>;
  /**
   * @internal Words with case or number rules: {@link appendWordListTokens} marks their occurrences
   * with what surrounds them; null when no entry has such a rule.
   */
  readonly marked: { readonly words: ReadonlySet<string>; readonly pattern: RegExp } | null;
}

// A marked token is `word` + MARK + case + number before + number after, e.g. "may\u0001t-y" for
// "May 2024". The compiled maps hold every marked variant of a marked word, so matching stays one
// lookup per word; only the rare contexts that need the marks read them.
const MARK = '\u0001';
const CASES = ['l', 't', 'u', 'm'] as const;
const NUMBERS = ['-', 'd', 'y', 'n'] as const;
const MARK_SUFFIXES: readonly string[] = CASES.flatMap((c) =>
  NUMBERS.flatMap((b) => NUMBERS.map((a) => `${MARK}${c}${b}${a}`)),
);
const SENTENCE_BREAK = '\u0000';

/**
 * Compile word lists into a matcher. Entries are normalized (lowercase, single spaces); an entry
 * with spaces is a phrase matching consecutive words; an entry's `~` contexts exclude the
 * occurrences they describe. Lines of one list for the same entry merge their contexts.
 *
 * @param lists - Lists by name, e.g. `defaultWordLists()` or `{ ...defaultWordLists(), esg: [...] }`.
 * @returns The compiled matcher for {@link countWordListMatches}.
 * @throws {InvalidArgumentError} When a name is not `[a-z][a-z0-9_]*` or an entry is not a word
 *   or has a malformed context.
 * @example
 * ```ts
 * import { compileWordLists } from 'fin-tabtext/score';
 * const compiled = compileWordLists({ esg: ['emissions', 'climate change'], legal: ['judgment ~ significant judgment'] });
 * ```
 */
export function compileWordLists(lists: WordLists): CompiledWordLists {
  return compileParsed(parseLists(lists, 'lists').parsed);
}

/** {@link compileWordLists} on lists already checked and parsed. */
function compileParsed(parsed: Readonly<Record<string, readonly ParsedEntry[]>>): CompiledWordLists {
  const names = Object.keys(parsed);
  const root = new Map<string, WordListMatchNode>();
  const sizes: Record<string, number> = {};
  const marked = new Set<string>();
  const triggers = new Set<string>();
  const anyCase = new Set<string>();
  names.forEach((name, index) => {
    const entries = parsed[name]!;
    sizes[name] = entries.length;
    for (const entry of entries) {
      const parts = entry.words;
      let level = root;
      let node: WordListMatchNode | undefined;
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k]!;
        node = level.get(part);
        if (node === undefined) {
          const text = k === 0 ? part : parts.slice(0, k + 1).join(' ');
          node = { lists: null, rules: null, entry: text, next: null };
          level.set(part, node);
        }
        if (k < parts.length - 1) {
          node.next ??= new Map();
          level = node.next;
        }
      }
      const last = node!;
      last.lists ??= [];
      let slot = last.lists.indexOf(index);
      if (slot < 0) {
        slot = last.lists.push(index) - 1;
        last.rules?.push(null);
      }
      if (entry.rules.length > 0) {
        last.rules ??= last.lists.map(() => null);
        last.rules[slot] = [...(last.rules[slot] ?? []), ...entry.rules];
        for (const rule of entry.rules) {
          if (!isRaw(rule)) continue;
          marked.add(parts[0]!);
          // The spellings a sentence must hold for the rule to fire: Title or upper case rules look
          // for that spelling only (a case-sensitive search), other number rules for any case.
          const word = parts[0]!;
          if (rule.letterCase === 'title') triggers.add(word[0]!.toUpperCase() + word.slice(1));
          else if (rule.letterCase === 'upper') triggers.add(word.toUpperCase());
          else anyCase.add(word);
        }
      }
    }
  });
  if (marked.size > 0) addMarkedVariants(root, marked);
  const escapeRegExp = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = [...triggers].filter((t) => !anyCase.has(t.toLowerCase())).map(escapeRegExp);
  // Any case without the `i` flag (one flag for the whole pattern): [mM][aA][yY].
  const loose = [...anyCase].map((w) =>
    [...w]
      .map((c) =>
        c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c),
      )
      .join(''),
  );
  const pattern = new RegExp([...exact, ...loose].join('|'));
  return Object.freeze({
    names: Object.freeze(names),
    sizes: Object.freeze(sizes),
    root,
    marked: marked.size === 0 ? null : Object.freeze({ words: marked, pattern }),
  });
}

function addMarkedVariants(map: Map<string, WordListMatchNode>, marked: ReadonlySet<string>): void {
  const added: string[] = [];
  const nodes: WordListMatchNode[] = [];
  map.forEach((node, key) => {
    if (marked.has(key)) {
      for (const suffix of MARK_SUFFIXES) {
        added.push(key + suffix);
        nodes.push(node);
      }
    }
    if (node.next !== null) addMarkedVariants(node.next, marked);
  });
  for (let k = 0; k < added.length; k++) map.set(added[k]!, nodes[k]!);
}

function numberKind(token: Token | undefined): string {
  if (token === undefined) return '-';
  const t = token.text;
  if (token.kind === 'number') {
    if (/^\d{4}$/.test(t)) {
      const year = Number(t);
      return year >= 1800 && year <= 2199 ? 'y' : 'n';
    }
    if (/^\d{1,2}$/.test(t)) return Number(t) >= 1 && Number(t) <= 31 ? 'd' : 'n';
    return 'n';
  }
  if (token.kind === 'word') {
    const ordinal = /^(\d{1,2})(?:st|nd|rd|th)$/i.exec(t);
    if (ordinal !== null && Number(ordinal[1]) >= 1 && Number(ordinal[1]) <= 31) return 'd';
  }
  return '-';
}

function caseKind(text: string): string {
  if (text === text.toLowerCase()) return 'l';
  if (text === text.toUpperCase()) return 'u';
  return text.slice(1) === text.slice(1).toLowerCase() ? 't' : 'm';
}

/**
 * Append the word tokens that {@link countWordListMatches} reads for `text[start, end)`: the
 * lowercase words of the tokenizer (`appendWords`), where a word that has a case or number rule in
 * `compiled` (e.g. `may ~ May <year>`) is marked with its letter case and the numbers beside it.
 * Without such rules this is exactly `appendWords`. Call it once per sentence.
 *
 * @param out - The array to push to.
 * @param text - The text.
 * @param start - UTF-16 index to start at.
 * @param end - UTF-16 index to stop before.
 * @param compiled - The lists the tokens are for.
 * @returns The number of words appended (as `appendWords` counts them).
 * @example
 * ```ts
 * import { appendWordListTokens, compiledDefaultWordLists, countWordListMatches } from 'fin-tabtext/score';
 * const text = 'In May 2024 we repaid the notes. Rates may rise.';
 * const tokens: string[] = [];
 * appendWordListTokens(tokens, text, 0, text.length, compiledDefaultWordLists()); // 9 words
 * tokens[1]; // 'may\u0001t-y': Title case, no number before, a year after
 * countWordListMatches(tokens, compiledDefaultWordLists()).counts.uncertainty; // 1: only the modal "may"
 * ```
 */
export function appendWordListTokens(
  out: string[],
  text: string,
  start: number,
  end: number,
  compiled: CompiledWordLists,
): number {
  const base = out.length;
  const n = appendWords(out, text, start, end);
  const marked = compiled.marked;
  if (marked === null || n === 0 || !marked.pattern.test(text.substring(start, end))) return n;
  // Rare: the sentence holds a marked word; tokenize it again to see case and numbers.
  const tokens = tokenize(text, start, end);
  let w = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind !== 'word') continue;
    const word = out[base + w];
    if (word !== undefined && marked.words.has(word)) {
      out[base + w] =
        `${word}${MARK}${caseKind(token.text)}${numberKind(tokens[t - 1])}${numberKind(tokens[t + 1])}`;
    }
    w++;
  }
  return n;
}

/**
 * The tokens of a whole text for {@link countWordListMatches} with `compiled`: the tokenizer's
 * lowercase words, marked for case and number rules (see {@link appendWordListTokens}). Use it
 * instead of `words(text)` when your lists have such rules (the defaults do: `May 2024` is a month).
 *
 * @param text - The text.
 * @param compiled - The compiled lists.
 * @default compiled compiledDefaultWordLists()
 * @returns The tokens.
 * @example
 * ```ts
 * import { compiledDefaultWordLists, countWordListMatches, wordListTokens } from 'fin-tabtext/score';
 * const tokens = wordListTokens('On May 31, 2024 the outlook may change.');
 * countWordListMatches(tokens, compiledDefaultWordLists()).counts.uncertainty; // 1: the month is not counted
 * ```
 */
export function wordListTokens(
  text: string,
  compiled: CompiledWordLists = compiledDefaultWordLists(),
): string[] {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `wordListTokens(text) needs a string, got ${describeType(text)}; e.g. wordListTokens('Rates may rise.')`,
    );
  }
  const out: string[] = [];
  appendWordListTokens(out, text, 0, text.length, compiled);
  return out;
}

/** The plain word of a token (a marked token without its mark). */
function plain(token: string): string {
  const mark = token.length - 4;
  return mark > 0 && token.charCodeAt(mark) === 1 ? token.slice(0, mark) : token;
}

function fits(pattern: string, token: string | undefined): boolean {
  if (token === undefined || token === SENTENCE_BREAK) return false;
  return pattern === ANY_WORD || pattern === token || pattern === plain(token);
}

function numberFits(want: ContextNumber | null, have: string): boolean {
  if (want === null) return true;
  if (want === 'number') return have !== '-';
  return have === (want === 'day' ? 'd' : 'y');
}

/** Whether one of `rules` describes the occurrence of an entry at words[i, i + len). */
function isExcluded(
  rules: readonly ContextRule[],
  words: readonly string[],
  i: number,
  len: number,
): boolean {
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const { before, after } = rule;
    let ok = i - before.length >= 0;
    for (let t = 0; ok && t < before.length; t++) ok = fits(before[t]!, words[i - before.length + t]);
    for (let t = 0; ok && t < after.length; t++) ok = fits(after[t]!, words[i + len + t]);
    if (ok && isRaw(rule)) {
      const token = words[i]!;
      const mark = token.length - 4;
      if (mark <= 0 || token.charCodeAt(mark) !== 1) ok = false;
      else {
        const c = token[mark + 1];
        ok =
          (rule.letterCase === 'any' || c === (rule.letterCase === 'title' ? 't' : 'u')) &&
          numberFits(rule.numberBefore, token[mark + 2]!) &&
          numberFits(rule.numberAfter, token[mark + 3]!);
      }
    }
    if (ok) return true;
  }
  return false;
}

/**
 * The matching loop of {@link countWordListMatches}, adding each list's matched words into
 * `counts` (and each matched entry into `found`). The document scorer passes each word's root
 * node, looked up once per distinct token, so the loop does not hash the words again.
 *
 * @internal
 * @param words - The words (see {@link countWordListMatches}).
 * @param rootNodes - Per word, `compiled.root.get(word) ?? null`; or null to look them up here.
 * @param n - How many of `words` to read.
 * @param compiled - The compiled lists.
 * @param counts - Per list (in `compiled.names` order), incremented by the matched words.
 * @param found - Per list, each matched entry's count is incremented there, when given.
 */
export function addWordListMatches(
  words: readonly string[],
  rootNodes: ReadonlyArray<WordListMatchNode | null> | null,
  n: number,
  compiled: CompiledWordLists,
  counts: Float64Array,
  found: Array<Map<string, number>> | undefined,
): void {
  const root = compiled.root;
  // For each list, the index of the first word not yet counted: matches are found in order of
  // their first word, so the union of covered words grows only at its end.
  const coveredUntil = new Float64Array(compiled.names.length);
  for (let i = 0; i < n; i++) {
    const node = rootNodes !== null ? rootNodes[i] : root.get(words[i]!);
    if (node === undefined || node === null) continue;
    const single = node.lists;
    if (single !== null) {
      const rules = node.rules;
      for (let k = 0; k < single.length; k++) {
        if (rules !== null) {
          const own = rules[k];
          if (own !== null && own !== undefined && isExcluded(own, words, i, 1)) continue;
        }
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
        const rules = deeper.rules;
        for (let k = 0; k < hit.length; k++) {
          if (rules !== null) {
            const own = rules[k];
            if (own !== null && own !== undefined && isExcluded(own, words, i, end - i)) continue;
          }
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

const COUNT_OPTION_KEYS = Object.keys(defaultCountWordListOptions);

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
 * An occurrence that one of its entry's contexts describes is not counted (for that list).
 *
 * @param words - The text's tokens in order: {@link wordListTokens} (or `words(text)` from the
 *   tokenizer, which sees no case or number rules). A `'\u0000'` token separates sentences.
 * @param compiled - From {@link compileWordLists} or {@link compiledDefaultWordLists}.
 * @param options - See {@link CountWordListOptions}.
 * @returns Counts and scores (matched words / total words) per list.
 * @throws {InvalidArgumentError} When an option is unknown or of the wrong type.
 * @example
 * ```ts
 * import { compiledDefaultWordLists, countWordListMatches, wordListTokens } from 'fin-tabtext/score';
 * const w = wordListTokens('There is substantial doubt about our ability to continue as a going concern.');
 * const { counts, scores } = countWordListMatches(w, compiledDefaultWordLists());
 * counts.uncertainty; // 2 ("substantial doubt")
 * scores.negative; // 4 / 13 ("substantial doubt", "going concern")
 * ```
 */
export function countWordListMatches(
  words: readonly string[],
  compiled: CompiledWordLists,
  options?: CountWordListOptions,
): WordListMatches {
  const checked = checkOptions('countWordListMatches', options, COUNT_OPTION_KEYS);
  const explain =
    checkBoolean('countWordListMatches', 'options.explain', checked.explain) ??
    defaultCountWordListOptions.explain;
  const { names } = compiled;
  const listCount = names.length;
  const counts = new Float64Array(listCount);
  const found: Array<Map<string, number>> | undefined = explain ? names.map(() => new Map()) : undefined;
  const n = words.length;
  addWordListMatches(words, null, n, compiled, counts, found);

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
 * import { polarityFromCounts } from 'fin-tabtext/score';
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
