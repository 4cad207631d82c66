// One hash per token: a process-wide, bounded table from a raw whitespace token (Python
// `str.split()` piece, punctuation attached) to a small integer id, and columns indexed by id
// holding everything the scorers need about it. The hash is computed in the same pass over the
// text that finds the sentences (SentenceTokens; no string is sliced for a token already seen).
// Each scorer resolves its columns for an id once, on first need: VADER its lexicon value and
// flags (vader.ts), textstat its syllable/easy-word facts and sentence-segment shape
// (readability-textstat.ts), the word-list matcher the token's lowercase words (score-text.ts).
// Every column is a pure function of the token's text, so sharing ids across documents cannot
// change a score.
//
// Why columns rather than one object per token: ids are given in order of first appearance, so
// the frequent tokens of a text sit together at small ids and their data shares cache lines.
// Objects scattered over the heap cost a cache miss per token per field group.
import { isLineBreakCode, isWhitespaceCode } from '../text/chars.js';
import {
  endsAfterTerminators,
  endsAtLineBreak,
  isCloser,
  isTerminator,
  skipWhitespace,
} from '../text/sentences.js';

/** Slots of the open-addressing hash (linear probing); entries stay below half of it. */
const SLOT_BITS = 17;
const SLOTS = 1 << SLOT_BITS;
const MASK = SLOTS - 1;
/** Ids kept at most between resets; {@link resetTokenTableIfFull} empties a full table. */
const LIMIT = SLOTS >> 1;
/** Beyond this many ids (a pathological sentence), new tokens get ids without a slot. */
const SLOT_CEILING = (SLOTS * 3) >> 2;
/**
 * Longer tokens get a fresh id every time and no slot. URLs, rules of dashes and uuencoded lines
 * are shorter, so they are stored; the rare longer token takes a branch that optimized code has
 * not seen, which costs a deoptimization and a recompile (tens of ms of compiler time in a
 * fresh process), so the bound is as high as the one-byte length column allows.
 */
const MAX_KEY = 255;
/**
 * Ids the columns hold before they first grow: more than the distinct tokens of a typical first
 * document (the cold benchmark's 42 KB MD&A has 1,454), so the growth branches, which optimized
 * code has not seen yet, are not taken while it is scored (taking one costs a deoptimization).
 */
const INITIAL_IDS = 8192;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** VADER column states. @internal */
export const VADER_UNRESOLVED = 0;
/** The id is one VADER token. @internal */
export const VADER_ONE = 1;
/** The id expands (emoji) into the ids of `vaderMany`. @internal */
export const VADER_MANY = 2;
/** The id is no VADER token (the empty string). @internal */
export const VADER_NONE = 3;

/**
 * The columns, indexed by id. Typed arrays are replaced (grown) as ids are added, so read them
 * from this object, not from a copy kept across a lookup.
 * @internal
 */
export class TokenColumns {
  /** The raw token (a copy that does not keep the source text alive). */
  keys: string[] = [];
  /** Word-list words: count (-1 until resolved). */
  wordCount = new Int8Array(INITIAL_IDS).fill(-1);
  /** The first word (lowercase), when there is one. */
  firstWord: string[] = [];
  /** All words, when there are 2 or more. */
  moreWords: Array<readonly string[] | undefined> = [];
  /** VADER state: one of the VADER_* constants. */
  vader = new Uint8Array(INITIAL_IDS);
  /** VADER: lexicon valence of the lowercased token, NaN when absent. */
  lex = new Float64Array(INITIAL_IDS);
  /** VADER: flags, see the F_* constants of vader-token.ts; bits 8–15 the word code. */
  flags = new Int32Array(INITIAL_IDS);
  /** VADER: the token after punctuation stripping, original case. */
  tok: string[] = [];
  /** VADER: `tok` lowercased. */
  low: string[] = [];
  /** VADER: ids of the pieces of an emoji-expanded token, and the `!` its descriptions add. */
  many: Array<Int32Array | undefined> = [];
  /** VADER: `!` added by emoji descriptions. */
  bangs: number[] = [];
  /** textstat: segment shape (class runs, 2 bits each), -1 until resolved, 0 when in `runs`. */
  shape = new Int32Array(INITIAL_IDS).fill(-1);
  /** textstat: runs that do not fit in `shape`. */
  runs: Array<Uint8Array | undefined> = [];
  /** textstat: syllables << 2 | easy << 1 | fromCmudict of the cleaned word; -1 when empty. */
  info = new Int32Array(INITIAL_IDS);
  /** Word lists: the root node of the token's (only) word in `listRoot`, null when none. */
  listNode: unknown[] = [];
  /**
   * Word lists: 1 when the token holds a spelling that a case or number rule of `listRoot`'s
   * lists looks for (`May`, `effective`), 0 when not, -1 until resolved.
   */
  listMark = new Int8Array(INITIAL_IDS).fill(-1);
  /** The compiled lists' root map that `listNode` and `listMark` were resolved against. */
  listRoot: unknown = undefined;
  /** Ids in use. */
  size = 0;
}

/** The table's columns (one process-wide instance). @internal */
export const columns = new TokenColumns();

const slots = new Int32Array(SLOTS); // see find()
const codes: number[] = [];

function grow<T extends Int32Array | Int8Array | Uint8Array | Uint16Array | Float64Array>(
  a: T,
  fill: number,
): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** A copy of `text[s, e)` that does not reference `text` (V8 slices of 13+ chars do). */
function copyKey(text: string, s: number, e: number): string {
  if (e - s < 13) return text.slice(s, e);
  codes.length = e - s;
  for (let k = s; k < e; k++) codes[k - s] = text.charCodeAt(k);
  return String.fromCharCode.apply(null, codes);
}

/** Give `key` a new id (without a slot). */
function newId(key: string): number {
  const c = columns;
  const id = c.size++;
  if (id === c.vader.length) {
    c.wordCount = grow(c.wordCount, -1);
    c.vader = grow(c.vader, 0);
    c.lex = grow(c.lex, 0);
    c.flags = grow(c.flags, 0);
    c.shape = grow(c.shape, -1);
    c.info = grow(c.info, 0);
    c.listMark = grow(c.listMark, -1);
  }
  c.keys[id] = key;
  return id;
}

// A slot is one int: the hash's top bits (a tag) above id + 1, 0 when free. The chars of every
// slotted key are kept in one pool (a typed array), so comparing a key reads contiguous memory,
// not a string object elsewhere on the heap. One int a slot keeps the table at 512 KB, so more of
// it stays in the CPU's caches than with the hash and the id in two.
const ID_BITS = 17;
const ID_MASK = (1 << ID_BITS) - 1;
let pool = new Uint16Array(INITIAL_IDS * 16);
let poolSize = 0;
/** Per id: where its key starts in the pool (-1 for an id without a slot). */
let keyAt = new Int32Array(INITIAL_IDS);
/** Per id: its key's length (at most MAX_KEY). */
let keyLength = new Uint8Array(INITIAL_IDS);

function find(text: string, s: number, e: number, h: number): number {
  const len = e - s;
  if (len > MAX_KEY) return newId(text.slice(s, e));
  const tag = h & ~ID_MASK;
  const table = slots;
  let slot = (h ^ (h >>> SLOT_BITS)) & MASK;
  for (;;) {
    const word = table[slot]!;
    if (word === 0) return insert(text, s, e, tag, slot);
    if ((word & ~ID_MASK) === tag) {
      const id = (word & ID_MASK) - 1;
      if (keyLength[id] === len) {
        const p = keyAt[id]!;
        let k = 0;
        while (k < len && pool[p + k] === text.charCodeAt(s + k)) k++;
        if (k === len) return id;
      }
    }
    slot = (slot + 1) & MASK;
  }
}

/** Store a new token in the free `slot` (kept apart from {@link find}, whose loop stays small). */
function insert(text: string, s: number, e: number, tag: number, slot: number): number {
  const len = e - s;
  if (columns.size >= SLOT_CEILING) return newId(text.slice(s, e));
  const id = newId(copyKey(text, s, e));
  while (id >= keyAt.length) {
    // ids without a slot may have passed it
    keyAt = grow(keyAt, 0);
    keyLength = grow(keyLength, 0);
  }
  if (poolSize + len > pool.length) pool = grow(pool, 0);
  keyAt[id] = poolSize;
  keyLength[id] = len;
  for (let k = 0; k < len; k++) pool[poolSize + k] = text.charCodeAt(s + k);
  poolSize += len;
  slots[slot] = tag | (id + 1);
  return id;
}

/**
 * Empty the table when it holds {@link LIMIT} ids or more. Ids given out before are invalid
 * afterwards, so callers reset only where they hold none (between sentences, between calls).
 *
 * @internal
 */
export function resetTokenTableIfFull(): void {
  if (columns.size < LIMIT) return;
  const c = new TokenColumns();
  Object.assign(columns, c);
  slots.fill(0);
  poolSize = 0;
}

let buffer = new Int32Array(1024);

/**
 * The sentence splitter of `SentenceScanner` (text/sentences.ts) and the whitespace split of
 * each sentence in one pass over the text: `next()` finds the next sentence, sets `start` and
 * `end`, writes the ids of its whitespace tokens (Python `str.split()` pieces) to `ids` and
 * counts its `!` and `?`.
 *
 * The rules are the splitter's, read at token ends. A sentence boundary always falls in
 * whitespace, so a sentence's tokens are exactly the whitespace pieces between its `start` and
 * `end`. The splitter reaches a `.`, `!` or `?` run at its first char and tests a boundary only
 * when the run, plus closing quotes and brackets, reaches whitespace: that is, when the token
 * ends in terminators and closers, the run being the longest one before the closers. Otherwise
 * it tests a boundary at the first line break of the whitespace after the token. After a
 * terminator run that is not a boundary, the whitespace after it is skipped whole, line breaks
 * included, as the splitter does. test/score/token-table.test.ts checks that both give the same
 * sentences and tokens on every fixture filing and on generated text.
 *
 * @internal
 */
export class SentenceTokens {
  /** UTF-16 index of the current sentence's first character. */
  start = 0;
  /** UTF-16 index just past the current sentence's last character. */
  end = 0;
  /** Tokens of the current sentence (their ids are `ids[0, count)`). */
  count = 0;
  /** `!` in the current sentence. */
  exclaims = 0;
  /** `?` in the current sentence. */
  questions = 0;
  /** The ids of the current sentence's tokens (valid until the next call). */
  ids: Int32Array = buffer;
  private readonly text: string;
  private pos: number;

  constructor(text: string) {
    this.text = text;
    this.pos = skipWhitespace(text, 0, text.length);
  }

  /** Move to the next sentence; `false` when there is none left. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    const sentStart = this.pos;
    if (sentStart >= n) return false;
    // Ids given out before are not used after this point: a caller holds none between sentences.
    resetTokenTableIfFull();
    let out = buffer;
    let count = 0;
    let exclaims = 0;
    let questions = 0;
    let i = sentStart; // always at a token's first char
    for (;;) {
      const ts = i;
      let c = text.charCodeAt(i);
      let h = FNV_OFFSET;
      if (c === 0x21) exclaims++;
      else if (c === 0x3f) questions++;
      for (;;) {
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        if (i >= n) break;
        c = text.charCodeAt(i);
        // Letters (the common case) are above U+003F and below U+0085: two compares.
        if (c <= 0x3f) {
          if (c <= 0x20 && isWhitespaceCode(c)) break;
          if (c === 0x21) exclaims++;
          else if (c === 0x3f) questions++;
        } else if (c >= 0x85 && isWhitespaceCode(c)) break;
      }
      const te = i;
      if (count === out.length) {
        out = grow(out, 0);
        buffer = out;
      }
      out[count++] = find(text, ts, te, h);
      if (te >= n) break;
      // The common case, decided from three chars: the token ends in an ASCII char that is neither
      // a terminator nor a closer (a letter, digit, comma, ...), and one space comes before the
      // next token. No boundary can be there.
      if (c === 0x20) {
        const last = text.charCodeAt(te - 1);
        const next = text.charCodeAt(te + 1); // NaN past the end: not taken
        if (
          next > 0x20 &&
          next < 0x85 &&
          (last > 0x3f ? last < 0x80 && last !== 0x5d : last >= 0x2c && last <= 0x3b && last !== 0x2e)
        ) {
          i = te + 1;
          continue;
        }
      }
      // Does the token end in terminators and closers?
      let p = te;
      while (p > ts && isCloser(text.charCodeAt(p - 1))) p--;
      if (p > ts && isTerminator(text.charCodeAt(p - 1))) {
        let r = p - 1;
        while (r > ts && isTerminator(text.charCodeAt(r - 1))) r--;
        const singleDot = p - r === 1 && text.charCodeAt(r) === 0x2e;
        const k = skipWhitespace(text, te, n);
        if (k >= n) break;
        if (endsAfterTerminators(text, sentStart, r, singleDot, k)) {
          return this.found(sentStart, te, k, out, count, exclaims, questions);
        }
        i = k;
        continue;
      }
      // Otherwise the first line break of the whitespace after the token, if any, is tested.
      let w = te;
      let d = text.charCodeAt(w);
      while (!isLineBreakCode(d)) {
        w++;
        if (w >= n) break;
        d = text.charCodeAt(w);
        if (!isWhitespaceCode(d)) break;
      }
      if (w >= n) break;
      if (!isLineBreakCode(d)) {
        i = w;
        continue;
      }
      const k = skipWhitespace(text, w, n);
      if (k >= n) break;
      if (endsAtLineBreak(text, sentStart, w, k)) {
        return this.found(sentStart, te, k, out, count, exclaims, questions);
      }
      i = k;
    }
    // The last sentence: every break above leaves i at the end of its last token.
    return this.found(sentStart, i, n, out, count, exclaims, questions);
  }

  private found(
    start: number,
    end: number,
    next: number,
    ids: Int32Array,
    count: number,
    exclaims: number,
    questions: number,
  ): boolean {
    this.start = start;
    this.end = end;
    this.pos = next;
    this.ids = ids;
    this.count = count;
    this.exclaims = exclaims;
    this.questions = questions;
    return true;
  }
}

/** Shrink the scan buffer after a pathological sentence. @internal */
export function releaseScanBuffer(): void {
  if (buffer.length > 65_536) buffer = new Int32Array(1024);
}

/**
 * The id of one token given as a string (any characters, whitespace included: callers outside
 * the scorer, such as `vaderCompoundOfTokens`, may pass such tokens).
 *
 * @internal
 */
export function idOf(token: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return find(token, 0, token.length, h);
}

/**
 * A fresh id for a VADER piece of an emoji-expanded token (no slot: it is reached through its
 * token's `many` column).
 *
 * @internal
 */
export function pieceId(piece: string): number {
  return newId(piece.length < 13 ? piece : copyKey(piece, 0, piece.length));
}
