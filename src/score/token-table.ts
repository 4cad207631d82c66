// One hash per token: a process-wide, bounded table from a raw whitespace token (Python
// `str.split()` piece, punctuation attached) to a small integer id, and columns indexed by id
// holding everything the scorers need about it. The hash is computed while the sentence is split
// (no string is sliced for a token already seen). Each scorer resolves its columns for an id once,
// on first need: VADER its lexicon value and flags (vader.ts), textstat its syllable/easy-word
// facts and sentence-segment shape (readability-textstat.ts), the word-list matcher the token's
// lowercase words (score-text.ts). Every column is a pure function of the token's text, so
// sharing ids across documents cannot change a score.
//
// Why columns rather than one object per token: ids are given in order of first appearance, so
// the frequent tokens of a text sit together at small ids and their data shares cache lines.
// Objects scattered over the heap cost a cache miss per token per field group.
import { isWhitespaceCode } from '../text/index.js';

/** Slots of the open-addressing hash (linear probing); entries stay below half of it. */
const SLOT_BITS = 17;
const SLOTS = 1 << SLOT_BITS;
const MASK = SLOTS - 1;
/** Ids kept at most between resets; {@link resetTokenTableIfFull} empties a full table. */
const LIMIT = SLOTS >> 1;
/** Beyond this many ids (a pathological sentence), new tokens get ids without a slot. */
const SLOT_CEILING = (SLOTS * 3) >> 2;
/** Longer tokens (URLs, rules of dashes) get a fresh id every time and no slot. */
const MAX_KEY = 48;
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
  wordCount = new Int8Array(1024).fill(-1);
  /** The first word (lowercase), when there is one. */
  firstWord: string[] = [];
  /** All words, when there are 2 or more. */
  moreWords: Array<readonly string[] | undefined> = [];
  /** VADER state: one of the VADER_* constants. */
  vader = new Uint8Array(1024);
  /** VADER: lexicon valence of the lowercased token, NaN when absent. */
  lex = new Float64Array(1024);
  /** VADER: flags, see the F_* constants of vader-token.ts; bits 8–15 the word code. */
  flags = new Int32Array(1024);
  /** VADER: the token after punctuation stripping, original case. */
  tok: string[] = [];
  /** VADER: `tok` lowercased. */
  low: string[] = [];
  /** VADER: ids of the pieces of an emoji-expanded token, and the `!` its descriptions add. */
  many: Array<Int32Array | undefined> = [];
  /** VADER: `!` added by emoji descriptions. */
  bangs: number[] = [];
  /** textstat: segment shape (class runs, 2 bits each), -1 until resolved, 0 when in `runs`. */
  shape = new Int32Array(1024).fill(-1);
  /** textstat: runs that do not fit in `shape`. */
  runs: Array<Uint8Array | undefined> = [];
  /** textstat: syllables << 2 | easy << 1 | fromCmudict of the cleaned word; -1 when empty. */
  info = new Int32Array(1024);
  /** Word lists: the root node of the token's (only) word in `listRoot`, null when none. */
  listNode: unknown[] = [];
  /**
   * Word lists: 1 when the token holds a spelling that a case or number rule of `listRoot`'s
   * lists looks for (`May`, `effective`), 0 when not, -1 until resolved.
   */
  listMark = new Int8Array(1024).fill(-1);
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
let pool = new Uint16Array(1 << 16);
let poolSize = 0;
/** Per id: where its key starts in the pool (-1 for an id without a slot). */
let keyAt = new Int32Array(1024);
/** Per id: its key's length (at most MAX_KEY). */
let keyLength = new Uint8Array(1024);

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

/** `!` and `?` counted by the last {@link scanTokens} call. @internal */
export const scanCounts = { exclaims: 0, questions: 0 };

/**
 * Split `text[start, end)` on Python whitespace (as `splitWhitespace`) and look each piece up,
 * counting `!` and `?` in the same pass (into {@link scanCounts}).
 *
 * @internal
 * @param text - The text.
 * @param start - First index.
 * @param end - Index to stop before.
 * @param out - Receives the ids from index 0 (grown when too short; the array in use is returned
 *   by {@link scanBuffer}).
 * @returns How many ids were written.
 */
export function scanTokens(text: string, start: number, end: number): number {
  let out = buffer;
  let n = 0;
  let exclaims = 0;
  let questions = 0;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c <= 0x20 ? isWhitespaceCode(c) : c >= 0x85 && isWhitespaceCode(c)) {
      i++;
      continue;
    }
    const s = i;
    let h = FNV_OFFSET;
    if (c === 0x21) exclaims++;
    else if (c === 0x3f) questions++;
    for (;;) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      if (i >= end) break;
      c = text.charCodeAt(i);
      // Letters (the common case) are above U+003F and below U+0085: two compares.
      if (c <= 0x3f) {
        if (c <= 0x20 && isWhitespaceCode(c)) break;
        if (c === 0x21) exclaims++;
        else if (c === 0x3f) questions++;
      } else if (c >= 0x85 && isWhitespaceCode(c)) break;
    }
    if (n === out.length) {
      out = grow(out, 0);
      buffer = out;
    }
    out[n++] = find(text, s, i, h);
  }
  scanCounts.exclaims = exclaims;
  scanCounts.questions = questions;
  return n;
}

let buffer = new Int32Array(1024);

/**
 * The ids written by the last {@link scanTokens} call (valid until the next call).
 * @internal
 */
export function scanBuffer(): Int32Array {
  return buffer;
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
