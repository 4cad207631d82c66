// VADER's constants and word tables (spec vader.md §1), and the lazy lexicon loader.
// Source: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
// Sentiment Analysis of Social Media Text. ICWSM-14. Lexicons: data/vader/ (MIT).
import { readPackageFile } from '../resources/index.js';
import { findIndexedLine } from '../resources/indexed-lines.js';

/** Booster (intensifier) increment. */
export const B_INCR = 0.293;
/** Booster (dampener) decrement. */
export const B_DECR = -0.293;
/** ALL-CAPS emphasis. */
export const C_INCR = 0.733;
/** Negation multiplier. */
export const N_SCALAR = -0.74;

const NEGATE_WORDS =
  "aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't " +
  "dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't " +
  "neednt needn't never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent " +
  "oughtn't shan't shouldn't uh-uh wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite";

/** The 59 negation words (lowercase, ASCII apostrophe). */
export const NEGATE: ReadonlySet<string> = new Set(NEGATE_WORDS.split(' '));

const INCREMENTS =
  'absolutely amazingly awfully completely considerable considerably decidedly deeply effing ' +
  'enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously ' +
  'flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin ' +
  'fugging greatly hella highly hugely incredible incredibly intensely major majorly more most ' +
  'particularly purely quite really remarkably so substantially thoroughly total totally tremendous ' +
  'tremendously uber unbelievably unusually utter utterly very';
const DECREMENTS =
  'almost barely hardly kinda kindof kind-of less little marginal marginally occasional occasionally ' +
  'partly scarce scarcely slight slightly somewhat sorta sortof sort-of';

/** The 84 booster keys and their values (three keys contain a space). */
export const BOOSTER: ReadonlyMap<string, number> = new Map<string, number>([
  ...INCREMENTS.split(' ').map((w): [string, number] => [w, B_INCR]),
  ...DECREMENTS.split(' ').map((w): [string, number] => [w, B_DECR]),
  ['just enough', B_DECR],
  ['kind of', B_DECR],
  ['sort of', B_DECR],
]);

/** Idioms whose value replaces the valence of a lexicon word (spec §1.6). */
export const SPECIAL_CASES: ReadonlyMap<string, number> = new Map<string, number>([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0.0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
]);

/**
 * Every word of a multi-word SPECIAL_CASES or BOOSTER key. Tokens never contain a space, so a
 * joined window can only be such a key when each of its words is in this set: checking the set
 * first skips building strings for nearly every window.
 */
export const IDIOM_WORDS: ReadonlySet<string> = new Set(
  [...SPECIAL_CASES.keys(), ...BOOSTER.keys()].filter((k) => k.includes(' ')).flatMap((k) => k.split(' ')),
);

/** VADER's lexicon: the mean valence of a token. */
export interface VaderLexicon {
  /** The token's mean valence, or `undefined` when the lexicon does not hold it. */
  get(token: string): number | undefined;
}

/** VADER's emoji lexicon: the English description of a single-code-point emoji. */
export interface EmojiLexicon {
  /** The code point's description, or `undefined` when it is no emoji key. */
  get(codePoint: number): string | undefined;
}

/** The lexicons, as lookups. */
export interface VaderLexicons {
  /** Token → mean valence; a later duplicate line of the source file wins. */
  readonly lexicon: VaderLexicon;
  /** Single-code-point emoji → English description (multi-code-point keys can never match). */
  readonly emoji: EmojiLexicon;
  /** Single-code-point emoji whose description holds `!` → how many (`ON! arrow`, `UP! button`). */
  readonly emojiExclaims: { get(codePoint: number): number | undefined };
}

/**
 * A code point as the emoji table keys it: six uppercase hex digits, so that text order is
 * numeric order.
 *
 * @internal
 */
export function emojiKey(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(6, '0');
}

/** A lookup over an indexed `key<TAB>value` table (scripts/build-score-data.ts). */
function valueAfterKey(table: string, key: string): string | undefined {
  const line = findIndexedLine(table, '\t', key);
  if (line < 0) return undefined;
  const from = line + key.length + 1;
  return table.slice(from, table.indexOf('\n', from));
}

/** Every `HEX<TAB>description` line of the emoji table as code point → description. */
function emojiMapOfTable(table: string): Map<number, string> {
  const map = new Map<number, string>();
  let line = 0;
  while (line < table.length) {
    let end = table.indexOf('\n', line);
    if (end < 0) end = table.length;
    const tab = table.indexOf('\t', line);
    if (tab > line && tab < end)
      map.set(Number.parseInt(table.slice(line, tab), 16), table.slice(tab + 1, end));
    line = end + 1;
  }
  return map;
}

/**
 * The lexicons over their sorted tables (`vader_lexicon.sorted.tsv`, `emoji.sorted.tsv`, generated
 * from the two source files by scripts/build-score-data.ts, spec §1.1–1.2): nothing is parsed up
 * front; a lexicon lookup is one native search of its bucket of the indexed table.
 *
 * @param lexiconTable - Contents of `vader_lexicon.sorted.tsv`.
 * @param emojiTable - Contents of `emoji.sorted.tsv`.
 * @returns The lookups.
 */
export function vaderLexiconsOfTables(lexiconTable: string, emojiTable: string): VaderLexicons {
  const lexicon: VaderLexicon = {
    get(token) {
      const value = valueAfterKey(lexiconTable, token);
      return value === undefined ? undefined : Number(value);
    },
  };
  // The emoji table is small (about 1,200 lines) and is asked once per character of any text
  // with a character from U+00A9 up (curly quotes, dashes), so it is a map from its first use.
  let emojiMap: Map<number, string> | undefined;
  const emoji: EmojiLexicon = {
    get(codePoint) {
      emojiMap ??= emojiMapOfTable(emojiTable);
      return emojiMap.get(codePoint);
    },
  };
  const emojiExclaims = {
    get(codePoint: number): number | undefined {
      const description = emoji.get(codePoint);
      if (description === undefined) return undefined;
      const bangs = description.split('!').length - 1;
      return bangs > 0 ? bangs : undefined;
    },
  };
  return { lexicon, emoji, emojiExclaims };
}

let loaded: VaderLexicons | undefined;

/**
 * The shipped lexicons, read on first use (never at import time).
 *
 * @returns The cached lookups.
 * @throws {FinTabTextError} `DATA_NOT_FOUND` when `data/vader/` is missing from the package.
 */
export function vaderLexicons(): VaderLexicons {
  if (loaded === undefined) {
    loaded = vaderLexiconsOfTables(
      readPackageFile('data/vader/vader_lexicon.sorted.tsv'),
      readPackageFile('data/vader/emoji.sorted.tsv'),
    );
  }
  return loaded;
}
