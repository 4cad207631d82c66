// An exact port of canonical VADER, vaderSentiment 3.3.2 `polarity_scores` for `str` input,
// written from the project's specification (vader.md). Hutto & Gilbert (2014), ICWSM-14.
// Section numbers (§) in comments refer to that specification; the order of floating-point
// operations follows it step by step so that unrounded results are bit-identical.
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { splitWhitespace } from '../text/index.js';
import {
  columns,
  idOf,
  pieceId,
  resetTokenTableIfFull,
  VADER_MANY,
  VADER_NONE,
  VADER_ONE,
  VADER_UNRESOLVED,
} from './token-table.js';
import {
  B_DECR,
  B_INCR,
  BOOSTER,
  C_INCR,
  type EmojiLexicon,
  N_SCALAR,
  SPECIAL_CASES,
  type VaderLexicons,
  vaderLexicons,
} from './vader-data.js';
import { roundHalfEven } from './vader-python.js';
import {
  F_BOOST_DOWN,
  F_BOOST_UP,
  F_IDIOM,
  F_NEGATED,
  F_UPPER,
  resolveVaderColumns,
  W_AT,
  W_BUT,
  W_DOUBT,
  W_KIND,
  W_LEAST,
  W_NEVER,
  W_NO,
  W_NOR,
  W_OF,
  W_OR,
  W_SO,
  W_THIS,
  W_VERY,
  W_WITHOUT,
} from './vader-token.js';

/** VADER scores of one text: proportions `neg`, `neu`, `pos` (sum ≈ 1) and `compound` in [−1, 1]. */
export interface VaderScores {
  /** Share of the text's valence that is negative, 0..1. */
  readonly neg: number;
  /** Share of neutral tokens, 0..1. */
  readonly neu: number;
  /** Share of the text's valence that is positive, 0..1. */
  readonly pos: number;
  /** Normalized sum of valences, −1 (most negative) .. +1 (most positive). */
  readonly compound: number;
}

// ---------------------------------------------------------------------------------------------
// Scratch state for one text. Scoring is synchronous and never re-entered, so reusing these
// buffers avoids allocating per sentence on the document scorer's hot path. Each token is a
// token table id whose VADER columns (lexicon value, flags) are resolved once per distinct token.
let seq = new Int32Array(256); // token ids after §3 step 4
let val = new Float64Array(256); // the list S of §4
let count = 0;
let capDiffState = -1; // -1 unknown, 0 false, 1 true (§3 step 5, computed only when needed)
// The columns in use while the rules run (bound by computeValences; nothing grows meanwhile).
let lexA = new Float64Array(0);
let flagA = new Int32Array(0);
let lowA: readonly string[] = [];

function reset(): void {
  count = 0;
  capDiffState = -1;
}

function release(): void {
  // Do not keep a pathological sentence's buffers alive.
  if (seq.length > 65_536) {
    seq = new Int32Array(256);
    val = new Float64Array(256);
  }
}

function push(id: number): void {
  if (count === seq.length) {
    const grown = new Int32Array(count * 2);
    grown.set(seq);
    seq = grown;
    val = new Float64Array(count * 2);
  }
  seq[count++] = id;
}

/**
 * Replace single-code-point emoji in `raw` by their descriptions, each preceded by a space
 * (§3 step 1), and give each resulting piece its own id; returns the number of `!` the
 * descriptions add. The leading space the spec omits after U+0020 or at the start of the text
 * only ever sits next to whitespace, so adding it always and splitting afterwards gives the
 * same tokens.
 */
function expandToken(raw: string, lexicons: VaderLexicons, out: number[]): number {
  const { emoji, emojiExclaims } = lexicons;
  let text = '';
  let bangs = 0;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0xa9) continue;
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) {
      const d = raw.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const description = emoji.get(cp);
    if (description !== undefined) {
      text += `${raw.slice(from, i)} ${description}`;
      bangs += emojiExclaims.get(cp) ?? 0;
      from = i + width;
    }
    i += width - 1;
  }
  const expanded = from === 0 ? raw : text + raw.slice(from);
  for (const piece of splitWhitespace(expanded)) {
    const id = pieceId(piece);
    resolveVaderColumns(id, piece, lexicons.lexicon, true);
    out.push(id);
  }
  return bangs;
}

/**
 * Resolve the VADER columns of a raw whitespace token's id: the tokens canonical VADER makes of
 * it, and the `!` its emoji descriptions add.
 */
function resolveId(id: number, lexicons: VaderLexicons): void {
  const raw = columns.keys[id]!;
  let plain = raw.length > 0;
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // Emoji keys start at U+00A9 and Python whitespace at U+0085 (or is <= U+0020).
    if (c <= 0x20 || c >= 0x85) {
      plain = false;
      break;
    }
    if (c >= 65 && c <= 90) upper = true;
  }
  // U+0021–U+0084 lowercase only A–Z, so without them the token is already lowercase.
  if (plain) resolveVaderColumns(id, raw, lexicons.lexicon, upper);
  else if (raw.length > 0) {
    const many: number[] = [];
    const bangs = expandToken(raw, lexicons, many);
    columns.many[id] = Int32Array.from(many);
    columns.bangs[id] = bangs;
    columns.vader[id] = VADER_MANY;
  } else columns.vader[id] = VADER_NONE;
}

/** Push the VADER tokens of `n` raw-token ids; returns the `!` their emoji add. */
function pushIds(ids: Int32Array, n: number, lexicons: VaderLexicons): number {
  let bangs = 0;
  for (let k = 0; k < n; k++) {
    const id = ids[k]!;
    let state = columns.vader[id]!;
    if (state === VADER_UNRESOLVED) {
      resolveId(id, lexicons);
      state = columns.vader[id]!;
    }
    if (state === VADER_ONE) push(id);
    else if (state === VADER_MANY) {
      for (const piece of columns.many[id]!) push(piece);
      bangs += columns.bangs[id]!;
    }
  }
  return bangs;
}

/** §3 step 1 on a whole text, exactly as specified (the text-level path). */
function replaceEmoji(text: string, emoji: EmojiLexicon): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0xa9) i++;
  if (i === text.length) return text;
  let out = '';
  let prevSpace = true;
  for (const ch of text) {
    const description = emoji.get(ch.codePointAt(0)!);
    if (description !== undefined) {
      out += prevSpace ? description : ` ${description}`;
      prevSpace = false;
    } else {
      out += ch;
      prevSpace = ch === ' ';
    }
  }
  return out;
}

function flagsAt(i: number): number {
  return flagA[seq[i]!]!;
}

function codeAt(i: number): number {
  return flagA[seq[i]!]! >> 8;
}

function isUpperAt(i: number): boolean {
  return (flagA[seq[i]!]! & F_UPPER) !== 0;
}

function isNegatedAt(i: number): boolean {
  return (flagA[seq[i]!]! & F_NEGATED) !== 0;
}

function capDiff(): boolean {
  if (capDiffState < 0) {
    let upper = false;
    let notUpper = false;
    for (let i = 0; i < count && !(upper && notUpper); i++) {
      if (isUpperAt(i)) upper = true;
      else notUpper = true;
    }
    capDiffState = upper && notUpper ? 1 : 0;
  }
  return capDiffState === 1;
}

/** Booster contribution of the window word at index j for the current valence v (§5.4). */
function scalar(j: number, v: number): number {
  const f = flagsAt(j);
  if ((f & (F_BOOST_UP | F_BOOST_DOWN)) === 0) return 0;
  let b = (f & F_BOOST_UP) !== 0 ? B_INCR : B_DECR;
  if (v < 0) b = -b;
  if ((f & F_UPPER) !== 0 && capDiff()) b = v > 0 ? b + C_INCR : b - C_INCR;
  return b;
}

/** §5.5 */
function negationCheck(i: number, v: number, k: number): number {
  if (k === 0) return isNegatedAt(i - 1) ? v * N_SCALAR : v;
  if (k === 1) {
    const w2 = codeAt(i - 2);
    const w1 = codeAt(i - 1);
    if (w2 === W_NEVER && (w1 === W_SO || w1 === W_THIS)) return v * 1.25;
    if (w2 === W_WITHOUT && w1 === W_DOUBT) return v;
    return isNegatedAt(i - 2) ? v * N_SCALAR : v;
  }
  const w3 = codeAt(i - 3);
  const w2 = codeAt(i - 2);
  const w1 = codeAt(i - 1);
  // The canonical condition reads `never … so/this` OR `so/this` directly before (§5.5, quirk 8).
  if ((w3 === W_NEVER && (w2 === W_SO || w2 === W_THIS)) || w1 === W_SO || w1 === W_THIS) return v * 1.25;
  if (w3 === W_WITHOUT && (w2 === W_DOUBT || w1 === W_DOUBT)) return v;
  return isNegatedAt(i - 3) ? v * N_SCALAR : v;
}

/** §5.6, at k = 2 only (so i ≥ 3). */
function idiomCheck(i: number, v: number): number {
  const in3 = (flagsAt(i - 3) & F_IDIOM) !== 0;
  const in2 = (flagsAt(i - 2) & F_IDIOM) !== 0;
  const in1 = (flagsAt(i - 1) & F_IDIOM) !== 0;
  const in0 = (flagsAt(i) & F_IDIOM) !== 0;
  // Tokens never contain a space, so a joined window can only be a multi-word key when each of
  // its words is an idiom word: without any, no string is built.
  if (!(in0 || in1 || in2 || in3)) return v;
  const w3 = lowA[seq[i - 3]!]!;
  const w2 = lowA[seq[i - 2]!]!;
  const w1 = lowA[seq[i - 1]!]!;
  const w0 = lowA[seq[i]!]!;
  let special: number | undefined;
  if (in1 && in0) special = SPECIAL_CASES.get(`${w1} ${w0}`);
  if (special === undefined && in2 && in1 && in0) special = SPECIAL_CASES.get(`${w2} ${w1} ${w0}`);
  if (special === undefined && in2 && in1) special = SPECIAL_CASES.get(`${w2} ${w1}`);
  if (special === undefined && in3 && in2 && in1) special = SPECIAL_CASES.get(`${w3} ${w2} ${w1}`);
  if (special === undefined && in3 && in2) special = SPECIAL_CASES.get(`${w3} ${w2}`);
  if (special !== undefined) v = special;
  if (in0 && i + 1 < count && (flagsAt(i + 1) & F_IDIOM) !== 0) {
    const w4 = lowA[seq[i + 1]!]!;
    const b1 = SPECIAL_CASES.get(`${w0} ${w4}`);
    if (b1 !== undefined) v = b1;
    if (i + 2 < count && (flagsAt(i + 2) & F_IDIOM) !== 0) {
      const b2 = SPECIAL_CASES.get(`${w0} ${w4} ${lowA[seq[i + 2]!]!}`);
      if (b2 !== undefined) v = b2;
    }
  }
  if (in3 && in2 && in1) {
    const b = BOOSTER.get(`${w3} ${w2} ${w1}`);
    if (b !== undefined) v = v + b;
  }
  if (in3 && in2) {
    const b = BOOSTER.get(`${w3} ${w2}`);
    if (b !== undefined) v = v + b;
  }
  if (in2 && in1) {
    const b = BOOSTER.get(`${w2} ${w1}`);
    if (b !== undefined) v = v + b;
  }
  return v;
}

function inLexicon(j: number): boolean {
  return !Number.isNaN(lexA[seq[j]!]!);
}

/** §5: the valence of the lexicon token at index i. */
function valence(i: number): number {
  const base = lexA[seq[i]!]!;
  let v = base;
  // §5.2 "no" as a determiner, then "no" within three words before.
  if (codeAt(i) === W_NO && i < count - 1 && inLexicon(i + 1)) v = 0.0;
  if (
    (i > 0 && codeAt(i - 1) === W_NO) ||
    (i > 1 && codeAt(i - 2) === W_NO) ||
    (i > 2 && codeAt(i - 3) === W_NO && (codeAt(i - 1) === W_OR || codeAt(i - 1) === W_NOR))
  ) {
    v = base * N_SCALAR;
  }
  // §5.3 ALL-CAPS emphasis (v == 0 is pushed negative, as in the original).
  if (isUpperAt(i) && capDiff()) v = v > 0 ? v + C_INCR : v - C_INCR;
  // §5.4 three-word window; a lexicon word at distance d blocks that distance.
  for (let k = 0; k < 3 && i > k; k++) {
    if (inLexicon(i - k - 1)) continue;
    let s = scalar(i - k - 1, v);
    if (k === 1 && s !== 0) s = s * 0.95;
    else if (k === 2 && s !== 0) s = s * 0.9;
    v = v + s;
    v = negationCheck(i, v, k);
    if (k === 2) v = idiomCheck(i, v);
  }
  // §5.7 "least"
  if (i > 1 && codeAt(i - 1) === W_LEAST && !inLexicon(i - 1)) {
    const w2 = codeAt(i - 2);
    if (w2 !== W_AT && w2 !== W_VERY) v = v * N_SCALAR;
  } else if (i === 1 && codeAt(0) === W_LEAST && !inLexicon(0)) {
    v = v * N_SCALAR;
  }
  return v;
}

/** §4 main loop, then §5.8. */
function computeValences(): void {
  lexA = columns.lex;
  flagA = columns.flags;
  lowA = columns.low;
  let but = -1;
  for (let i = 0; i < count; i++) {
    const id = seq[i]!;
    const f = flagA[id]!;
    const code = f >> 8;
    if (but < 0 && code === W_BUT) but = i;
    if (Number.isNaN(lexA[id]!) || (f & (F_BOOST_UP | F_BOOST_DOWN)) !== 0) {
      val[i] = 0; // not a lexicon word, or a booster (which scores 0 itself)
    } else if (code === W_KIND && i < count - 1 && codeAt(i + 1) === W_OF) {
      val[i] = 0;
    } else {
      val[i] = valence(i);
    }
  }
  if (but >= 0) applyVaderButRule(val, count, but);
}

// Above this many non-zero valences the "but" quirk switches from scanning to per-value heaps,
// so that a pathological sentence stays O(n log n) rather than quadratic.
const BUT_SCAN_LIMIT = 32;

/**
 * §5.8, reproducing Python's `list.index` on a list that is modified while it is walked:
 * at step k the value x = S[k] rescales the first slot j that holds x, not necessarily k.
 * Zeros are skipped: rescaling a zero leaves every value unchanged. Exported for tests only.
 *
 * @internal
 * @param values - The valences S; modified in place.
 * @param n - How many entries of `values` are in use.
 * @param bi - Index of the first "but".
 * @param scanLimit - Up to this many non-zero values, scan; above it, use heaps (same result).
 * @returns Nothing; `values` is updated.
 */
export function applyVaderButRule(
  values: Float64Array | number[],
  n: number,
  bi: number,
  scanLimit: number = BUT_SCAN_LIMIT,
): void {
  const nonZero: number[] = [];
  for (let k = 0; k < n; k++) if (values[k] !== 0) nonZero.push(k);
  if (nonZero.length > scanLimit) {
    butRuleWithHeaps(values, nonZero, bi);
    return;
  }
  for (const k of nonZero) {
    const x = values[k]!;
    if (x === 0) continue;
    let j = k;
    for (const p of nonZero) {
      if (values[p] === x) {
        j = p;
        break;
      }
    }
    if (j < bi) values[j] = x * 0.5;
    else if (j > bi) values[j] = x * 1.5;
  }
}

function heapPush(heap: number[], x: number): void {
  let i = heap.push(x) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= x) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = x;
}

function heapPop(heap: number[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && heap[right]! < heap[left]! ? right : left;
    if (heap[child]! >= last) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
}

function butRuleWithHeaps(values: Float64Array | number[], nonZero: readonly number[], bi: number): void {
  // value → min-heap of the indices that currently hold it (zeros are never keys).
  const where = new Map<number, number[]>();
  for (const k of nonZero) {
    const x = values[k]!;
    const heap = where.get(x);
    if (heap === undefined) where.set(x, [k]);
    else heapPush(heap, k);
  }
  for (const k of nonZero) {
    const x = values[k]!;
    if (x === 0) continue;
    const heap = where.get(x)!;
    const j = heap[0]!;
    if (j === bi) continue;
    const y = j < bi ? x * 0.5 : x * 1.5;
    heapPop(heap);
    if (heap.length === 0) where.delete(x);
    values[j] = y;
    if (y !== 0) {
      const target = where.get(y);
      if (target === undefined) where.set(y, [j]);
      else heapPush(target, j);
    }
  }
}

/** §6.1 */
function amplifier(exclaims: number, questions: number): number {
  const ep = Math.min(exclaims, 4) * 0.292;
  let qm = 0;
  if (questions > 1) qm = questions <= 3 ? questions * 0.18 : 0.96;
  return ep + qm;
}

/** §6.2 */
function compoundOf(amp: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum = sum + val[i]!;
  if (sum > 0) sum = sum + amp;
  else if (sum < 0) sum = sum - amp;
  const c = sum / Math.sqrt(sum * sum + 15);
  // Clamp to [-1, 1] as the original does (it never triggers: |c| < 1 for any finite sum).
  return Math.max(-1, Math.min(1, c));
}

/** §6.3 and §6.2 together. */
function scoresOf(amp: number): VaderScores {
  if (count === 0) return { neg: 0, neu: 0, pos: 0, compound: 0 };
  let posSum = 0;
  let negSum = 0;
  let neuCount = 0;
  for (let i = 0; i < count; i++) {
    const x = val[i]!;
    if (x > 0) posSum = posSum + (x + 1);
    else if (x < 0) negSum = negSum + (x - 1);
    else neuCount++;
  }
  const absNeg = Math.abs(negSum);
  if (posSum > absNeg) posSum = posSum + amp;
  else if (posSum < absNeg) negSum = negSum - amp;
  const total = posSum + Math.abs(negSum) + neuCount;
  return {
    neg: Math.abs(negSum / total),
    neu: Math.abs(neuCount / total),
    pos: Math.abs(posSum / total),
    compound: compoundOf(amp),
  };
}

function checkText(text: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      'text',
      `${fn}(text) needs \`text\` to be a string, got ${describeType(text)}. ` +
        `Call it as ${fn}('Revenue grew strongly this quarter.').`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * The four VADER scores of a text, unrounded: the exact doubles canonical vaderSentiment 3.3.2
 * computes before it rounds (bit-identical on the reference set).
 *
 * @param text - One sentence or short text. VADER is a sentence-level model: to score a
 *   document, score its sentences and average the compounds.
 * @returns `{ neg, neu, pos, compound }`, unrounded. Empty or whitespace-only text gives zeros.
 * @throws {InvalidArgumentError} When `text` is not a string (`field` is `'text'`).
 * @example
 * ```ts
 * import { vaderRawScores } from 'fin-tabtext/score';
 * vaderRawScores('good').compound; // 0.44043357076016854
 * ```
 */
export function vaderRawScores(text: string): VaderScores {
  checkText(text, 'vaderRawScores');
  const lexicons = vaderLexicons();
  resetTokenTableIfFull();
  reset();
  const t = replaceEmoji(text, lexicons.emoji);
  let exclaims = 0;
  let questions = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x21) exclaims++;
    else if (c === 0x3f) questions++;
  }
  for (const piece of splitWhitespace(t)) pushToken(piece, lexicons);
  computeValences();
  const scores = scoresOf(amplifier(exclaims, questions));
  release();
  return scores;
}

/**
 * VADER scores of a text, rounded exactly as canonical vaderSentiment 3.3.2 `polarity_scores`
 * rounds them: `neg`, `neu`, `pos` to 3 decimals and `compound` to 4, half to even on the
 * binary value (Python `round`).
 *
 * @param text - One sentence or short text.
 * @returns `{ neg, neu, pos, compound }`. Empty or whitespace-only text gives zeros.
 * @throws {InvalidArgumentError} When `text` is not a string (`field` is `'text'`).
 * @example
 * ```ts
 * import { vaderScores } from 'fin-tabtext/score';
 * vaderScores('The results were GREAT.');
 * // { neg: 0, neu: 0.383, pos: 0.617, compound: 0.7034 }
 * ```
 */
export function vaderScores(text: string): VaderScores {
  checkText(text, 'vaderScores');
  const raw = vaderRawScores(text);
  return {
    neg: roundHalfEven(raw.neg, 3),
    neu: roundHalfEven(raw.neu, 3),
    pos: roundHalfEven(raw.pos, 3),
    compound: roundHalfEven(raw.compound, 4),
  };
}

/** The tokens VADER scored and the valence it gave each one: see {@link vaderValences}. */
export interface VaderValences {
  /** The tokens after emoji replacement, whitespace splitting and punctuation stripping. */
  readonly tokens: readonly string[];
  /** One valence per token, after every rule including "but" (0 for a neutral token). */
  readonly valences: readonly number[];
}

/**
 * Explain a VADER score: the tokens of a text and the valence each one received (spec §3–§5),
 * the values whose normalized sum is the compound. Useful to see which words moved a sentence.
 *
 * @param text - One sentence or short text.
 * @returns The tokens and their valences, index for index.
 * @throws {InvalidArgumentError} When `text` is not a string (`field` is `'text'`).
 * @example
 * ```ts
 * import { vaderValences } from 'fin-tabtext/score';
 * vaderValences('Demand was not strong.');
 * // { tokens: ['Demand', 'was', 'not', 'strong'], valences: [-0.5, 0, 0, -1.702] } (2.3 × −0.74)
 * ```
 */
export function vaderValences(text: string): VaderValences {
  checkText(text, 'vaderValences');
  const lexicons = vaderLexicons();
  resetTokenTableIfFull();
  reset();
  for (const piece of splitWhitespace(replaceEmoji(text, lexicons.emoji))) pushToken(piece, lexicons);
  computeValences();
  const result = {
    tokens: Array.from(seq.subarray(0, count), (id) => columns.tok[id]!),
    valences: Array.from(val.subarray(0, count)),
  };
  release();
  return result;
}

/**
 * The unrounded VADER compound of a sentence that the caller has already split, for a
 * document scorer that tokenizes each sentence once and shares the tokens.
 *
 * Contract: `rawTokens` are the pieces of the sentence split on Python whitespace (the 29 code
 * points of `str.split()`: U+0009–U+000D, U+001C–U+0020, U+0085, U+00A0, U+1680,
 * U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000; not JS `\s`, which also splits on
 * U+FEFF), unchanged and in order; `exclaimCount` and `questionCount` count `!` and `?` in the
 * sentence. Emoji need no special care: they are replaced inside each token, which gives exactly
 * the tokens of canonical VADER (an emoji's description is glued only to characters of the same
 * whitespace token), and the `!` of the `ON! arrow` and `UP! button` descriptions are added here.
 * Under that contract the result equals `vaderRawScores(sentence).compound` bit for bit.
 * (Tokens holding whitespace are split again and empty tokens are skipped, as Python would.)
 *
 * @param rawTokens - The sentence's whitespace tokens, punctuation still attached.
 * @param exclaimCount - Number of `!` (U+0021) in the sentence.
 * @param questionCount - Number of `?` (U+003F) in the sentence.
 * @returns The compound score in [−1, 1], unrounded; 0 when there are no tokens.
 * @throws {InvalidArgumentError} When `rawTokens` is not an array of strings, or a count is not
 *   a non-negative integer.
 * @example
 * ```ts
 * import { vaderCompoundOfTokens } from 'fin-tabtext/score';
 * vaderCompoundOfTokens(['Great', 'quarter!'], 1, 0); // 0.6588…, same as vaderRawScores('Great quarter!')
 * ```
 */
export function vaderCompoundOfTokens(
  rawTokens: readonly string[],
  exclaimCount: number,
  questionCount: number,
): number {
  if (!Array.isArray(rawTokens)) {
    throw new InvalidArgumentError(
      'rawTokens',
      `vaderCompoundOfTokens(rawTokens, exclaimCount, questionCount) needs \`rawTokens\` to be an array ` +
        `of strings, got ${describeType(rawTokens)}. Call it as vaderCompoundOfTokens(['Great', 'quarter!'], 1, 0).`,
    );
  }
  for (const [name, value] of [
    ['exclaimCount', exclaimCount],
    ['questionCount', questionCount],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new InvalidArgumentError(
        name,
        `vaderCompoundOfTokens(rawTokens, exclaimCount, questionCount) needs \`${name}\` to be a ` +
          `non-negative integer, got ${String(value)}. Call it as vaderCompoundOfTokens(['Great', 'quarter!'], 1, 0).`,
      );
    }
  }
  for (let r = 0; r < rawTokens.length; r++) {
    const raw: unknown = rawTokens[r];
    if (typeof raw !== 'string') {
      throw new InvalidArgumentError(
        'rawTokens',
        `vaderCompoundOfTokens(rawTokens, …) needs every token to be a string, got ${describeType(raw)} ` +
          `at index ${r}. Call it as vaderCompoundOfTokens(['Great', 'quarter!'], 1, 0).`,
      );
    }
  }
  const lexicons = vaderLexicons();
  resetTokenTableIfFull();
  reset();
  let exclaims = exclaimCount;
  for (let r = 0; r < rawTokens.length; r++) exclaims += pushToken(rawTokens[r]!, lexicons);
  if (count === 0) return 0;
  computeValences();
  const compound = compoundOf(amplifier(exclaims, questionCount));
  release();
  return compound;
}

const one = new Int32Array(1);

/** Push the VADER tokens of one raw token given as a string; returns the `!` its emoji add. */
function pushToken(raw: string, lexicons: VaderLexicons): number {
  one[0] = idOf(raw);
  return pushIds(one, 1, lexicons);
}

/**
 * The unrounded VADER compound of one sentence given as token table ids (the document scorer's
 * path: no argument checks, no strings hashed again). Same contract and result as
 * {@link vaderCompoundOfTokens} on the ids' raw tokens.
 *
 * @internal
 * @param ids - The sentence's whitespace tokens, from `SentenceTokens`.
 * @param n - How many of `ids` belong to the sentence.
 * @param exclaimCount - Number of `!` in the sentence.
 * @param questionCount - Number of `?` in the sentence.
 * @returns The compound score, unrounded; 0 when there are no tokens.
 */
export function vaderCompoundOfIds(
  ids: Int32Array,
  n: number,
  exclaimCount: number,
  questionCount: number,
): number {
  const lexicons = vaderLexicons();
  reset();
  const exclaims = exclaimCount + pushIds(ids, n, lexicons);
  if (count === 0) return 0;
  computeValences();
  const compound = compoundOf(amplifier(exclaims, questionCount));
  release();
  return compound;
}
