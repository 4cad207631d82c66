// One VADER token resolved once: its lexicon value and every flag the rules test (spec vader.md
// §3 step 4, §5), so the rules read fields instead of hashing strings again.
import { TokenEntry } from './token-table.js';
import { BOOSTER, IDIOM_WORDS, NEGATE } from './vader-data.js';
import { isPythonUpper, stripVaderPunctuation } from './vader-python.js';

/** Words the rules compare against, as small codes (0: none of them). @internal */
export const W_NO = 1;
/** @internal */
export const W_OR = 2;
/** @internal */
export const W_NOR = 3;
/** @internal */
export const W_NEVER = 4;
/** @internal */
export const W_SO = 5;
/** @internal */
export const W_THIS = 6;
/** @internal */
export const W_WITHOUT = 7;
/** @internal */
export const W_DOUBT = 8;
/** @internal */
export const W_KIND = 9;
/** @internal */
export const W_OF = 10;
/** @internal */
export const W_LEAST = 11;
/** @internal */
export const W_AT = 12;
/** @internal */
export const W_VERY = 13;
/** @internal */
export const W_BUT = 14;

const WORD_CODES: ReadonlyMap<string, number> = new Map([
  ['no', W_NO],
  ['or', W_OR],
  ['nor', W_NOR],
  ['never', W_NEVER],
  ['so', W_SO],
  ['this', W_THIS],
  ['without', W_WITHOUT],
  ['doubt', W_DOUBT],
  ['kind', W_KIND],
  ['of', W_OF],
  ['least', W_LEAST],
  ['at', W_AT],
  ['very', W_VERY],
  ['but', W_BUT],
]);

/**
 * Resolve the VADER fields of `target` from one whitespace piece (no whitespace in it, emoji
 * already replaced): punctuation stripping, lowercasing, the lexicon and every flag the rules test.
 *
 * @internal
 * @param target - The entry to fill.
 * @param raw - The piece.
 * @param lexicon - VADER's lexicon.
 * @param mayHaveUpper - False promises that lowercasing would not change the stripped token.
 * @returns `target`.
 */
export function resolveVaderFields(
  target: TokenEntry,
  raw: string,
  lexicon: ReadonlyMap<string, number>,
  mayHaveUpper = true,
): TokenEntry {
  const tok = stripVaderPunctuation(raw);
  const low = mayHaveUpper ? tok.toLowerCase() : tok;
  target.tok = tok;
  target.low = low;
  target.lex = lexicon.get(low) ?? Number.NaN;
  target.upper = mayHaveUpper && isPythonUpper(tok);
  target.booster = BOOSTER.get(low) ?? 0;
  target.negated = NEGATE.has(low) || low.includes("n't");
  target.idiom = IDIOM_WORDS.has(low);
  target.code = WORD_CODES.get(low) ?? 0;
  target.vader = 1;
  return target;
}

/**
 * A VADER token of its own (not in the token table): for emoji-expanded pieces and the
 * text-level functions.
 *
 * @internal
 */
export function makeVaderToken(raw: string, lexicon: ReadonlyMap<string, number>): TokenEntry {
  return resolveVaderFields(new TokenEntry(raw), raw, lexicon);
}
