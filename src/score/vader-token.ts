// One VADER token resolved once: its lexicon value and every flag the rules test (spec vader.md
// §3 step 4, §5), so the rules read fields instead of hashing strings again.
import { columns, VADER_ONE } from './token-table.js';
import { B_DECR, B_INCR, BOOSTER, IDIOM_WORDS, NEGATE, type VaderLexicon } from './vader-data.js';
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

/** Flag bits of the `flags` column; bits 8–15 hold the word code. @internal */
export const F_UPPER = 1;
/** `low` is a negation word or contains "n't". @internal */
export const F_NEGATED = 2;
/** `low` is a word of a multi-word idiom or booster key. @internal */
export const F_IDIOM = 4;
/** `low` is an intensifying booster (B_INCR). @internal */
export const F_BOOST_UP = 8;
/** `low` is a dampening booster (B_DECR). @internal */
export const F_BOOST_DOWN = 16;

/**
 * Resolve the VADER columns of token id `id` from one whitespace piece (no whitespace in it,
 * emoji already replaced): punctuation stripping, lowercasing, the lexicon and every flag the
 * rules test.
 *
 * @internal
 * @param id - The token table id to fill.
 * @param raw - The piece.
 * @param lexicon - VADER's lexicon.
 * @param mayHaveUpper - False promises that lowercasing would not change the stripped token.
 */
export function resolveVaderColumns(
  id: number,
  raw: string,
  lexicon: VaderLexicon,
  mayHaveUpper: boolean,
): void {
  const tok = stripVaderPunctuation(raw);
  const low = mayHaveUpper ? tok.toLowerCase() : tok;
  const booster = BOOSTER.get(low);
  let flags = (WORD_CODES.get(low) ?? 0) << 8;
  if (mayHaveUpper && isPythonUpper(tok)) flags |= F_UPPER;
  if (NEGATE.has(low) || low.includes("n't")) flags |= F_NEGATED;
  if (IDIOM_WORDS.has(low)) flags |= F_IDIOM;
  if (booster === B_INCR) flags |= F_BOOST_UP;
  else if (booster === B_DECR) flags |= F_BOOST_DOWN;
  const c = columns;
  c.tok[id] = tok;
  c.low[id] = low;
  c.lex[id] = lexicon.get(low) ?? Number.NaN;
  c.flags[id] = flags;
  c.vader[id] = VADER_ONE;
}
