// VADER's constants and word tables (spec vader.md §1), and the lazy lexicon loader.
// Source: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
// Sentiment Analysis of Social Media Text. ICWSM-14. Lexicons: data/vader/ (MIT).
import { readPackageFile } from '../resources/index.js';
import { isWhitespaceCode } from '../text/index.js';

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

/** The parsed lexicons. */
export interface VaderLexicons {
  /** Token → mean valence; a later duplicate line wins. */
  readonly lexicon: ReadonlyMap<string, number>;
  /** Single-code-point emoji → English description (multi-code-point keys can never match). */
  readonly emoji: ReadonlyMap<number, string>;
  /** Single-code-point emoji whose description holds `!` → how many (`ON! arrow`, `UP! button`). */
  readonly emojiExclaims: ReadonlyMap<number, number>;
}

/**
 * Visit each line of a lexicon file the way the Python code reads it (§1.1): trailing newlines
 * dropped, split on `\n`, empty lines skipped, each line stripped of Python whitespace and split
 * on tabs. Only the first two fields are ever used, so they are sliced out directly instead of
 * splitting the whole line (the third and fourth fields, standard deviation and raw ratings, are
 * most of the file). `visit` receives the first field and the second (`undefined` when the line
 * has a single field).
 */
function forEachRow(text: string, visit: (first: string, second: string | undefined) => void): void {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  let pos = 0;
  while (pos <= end) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1 || eol > end) eol = end;
    let a = pos;
    let b = eol;
    pos = eol + 1;
    if (a === b) continue;
    while (a < b && isWhitespaceCode(text.charCodeAt(a))) a++;
    while (b > a && isWhitespaceCode(text.charCodeAt(b - 1))) b--;
    let tab1 = text.indexOf('\t', a);
    if (tab1 === -1 || tab1 >= b) tab1 = b;
    const first = text.slice(a, tab1);
    if (tab1 === b) {
      visit(first, undefined);
      continue;
    }
    let tab2 = text.indexOf('\t', tab1 + 1);
    if (tab2 === -1 || tab2 >= b) tab2 = b;
    visit(first, text.slice(tab1 + 1, tab2));
  }
}

/**
 * Parse the two VADER data files (spec §1.1–1.2).
 *
 * @param lexiconText - Contents of `vader_lexicon.txt`.
 * @param emojiText - Contents of `emoji_utf8_lexicon.txt`.
 * @returns The lookup maps.
 */
export function parseVaderLexicons(lexiconText: string, emojiText: string): VaderLexicons {
  const lexicon = new Map<string, number>();
  forEachRow(lexiconText, (token, value) => {
    if (value !== undefined) lexicon.set(token, Number(value));
  });
  const emoji = new Map<number, string>();
  const emojiExclaims = new Map<number, number>();
  forEachRow(emojiText, (key, description) => {
    if (description === undefined) return;
    const cp = key.codePointAt(0);
    // Only single-code-point keys can match: the replacement walks one code point at a time.
    if (cp === undefined || String.fromCodePoint(cp) !== key) return;
    emoji.set(cp, description);
    const bangs = description.split('!').length - 1;
    if (bangs > 0) emojiExclaims.set(cp, bangs);
  });
  return { lexicon, emoji, emojiExclaims };
}

let loaded: VaderLexicons | undefined;

/**
 * The shipped lexicons, read and parsed on first use (never at import time).
 *
 * @returns The cached lookup maps.
 * @throws {FinTabTextError} `DATA_NOT_FOUND` when `data/vader/` is missing from the package.
 */
export function vaderLexicons(): VaderLexicons {
  if (loaded === undefined) {
    loaded = parseVaderLexicons(
      readPackageFile('data/vader/vader_lexicon.txt'),
      readPackageFile('data/vader/emoji_utf8_lexicon.txt'),
    );
  }
  return loaded;
}
