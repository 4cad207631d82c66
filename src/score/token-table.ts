// One hash per token: a process-wide, bounded table from a raw whitespace token (Python
// `str.split()` piece, punctuation attached) to everything the scorers need about it. The hash
// is computed while the sentence is split (no string is sliced for a token already seen), and
// each scorer resolves its part of an entry once, on first need: VADER its lexicon entry and
// flags (vader.ts), textstat its syllable/easy-word facts and sentence-segment shape
// (readability-textstat.ts), the word-list matcher the token's lowercase words. Every part is a
// pure function of the token's text, so sharing entries across documents cannot change a score.
import { isWhitespaceCode } from '../text/index.js';

/**
 * What the scorers know about one raw whitespace token. Parts are filled lazily. The VADER
 * fields live on the entry itself (no second object to reach on the hot path); an emoji-expanded
 * token instead lists one entry (not in the table) per piece in `vaderMany`.
 * @internal
 */
export class TokenEntry {
  /** The raw token (a copy that does not keep the source text alive). */
  readonly key: string;
  /** `key` packed for comparing without reading it: chars 0–3 and 4–7, when `packed`. */
  readonly k0: number;
  /** @see k0 */
  readonly k1: number;
  /** `key` has at most 8 chars, all below U+0100. */
  readonly packed: boolean;
  /** `key.length`, kept here so a lookup need not read the string. */
  readonly len: number;
  /** Lowercase tokenizer words of the token (`appendWords`), or null until resolved. */
  words: readonly string[] | null = null;
  /** VADER: 0 unresolved, 1 the entry is one VADER token, 2 see `vaderMany`, 3 no token. */
  vader = 0;
  /** VADER: the tokens of an emoji-expanded token. */
  vaderMany: readonly TokenEntry[] | null = null;
  /** VADER: `!` added by emoji descriptions. */
  bangs = 0;
  /** VADER token after punctuation stripping (§3 step 4), original case. */
  tok = '';
  /** `tok` lowercased. */
  low = '';
  /** Lexicon valence of `low`, NaN when absent. */
  lex = Number.NaN;
  /** Python `tok.isupper()`. */
  upper = false;
  /** Booster value of `low` (never 0 for a booster), 0 when not a booster. */
  booster = 0;
  /** `low` is a negation word or contains "n't". */
  negated = false;
  /** `low` is a word of a multi-word idiom or booster key. */
  idiom = false;
  /** One of the `W_*` codes of vader-token.ts, 0 for other words. */
  code = 0;
  /** textstat: sentence-segment shape (class runs, 2 bits each), -1 until resolved. */
  shape = -1;
  /** textstat: the shape's runs when they do not fit in `shape` (shape is then 0). */
  runs: Uint8Array | null = null;
  /** textstat: syllables << 2 | easy << 1 | fromCmudict of the cleaned word; -1 when empty. */
  info = -1;

  constructor(key: string) {
    this.key = key;
    let k0 = 0;
    let k1 = 0;
    let packed = key.length <= 8;
    for (let i = 0; i < key.length && packed; i++) {
      const c = key.charCodeAt(i);
      if (c > 0xff) packed = false;
      else if (i < 4) k0 |= c << (8 * i);
      else k1 |= c << (8 * (i - 4));
    }
    this.k0 = packed ? k0 : 0;
    this.k1 = packed ? k1 : 0;
    this.packed = packed;
    this.len = key.length;
  }
}

// Open addressing, linear probing. A slot holds entry index + 1 (0 = empty) and the full hash.
const SLOT_BITS = 17;
const SLOTS = 1 << SLOT_BITS;
const MASK = SLOTS - 1;
/** Entries kept at most (load factor 1/2); the table is emptied when full, which stays correct. */
const LIMIT = SLOTS >> 1;
/** Longer tokens (URLs, rules of dashes) are resolved every time and never stored. */
const MAX_KEY = 48;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// slots[2k] is the full hash of slot k, slots[2k + 1] its entry index + 1 (0 = empty): one cache
// line holds both.
let slots: Int32Array | undefined;
let entries: TokenEntry[] = [];
const codes: number[] = [];

/** A copy of `text[s, e)` that does not reference `text` (V8 slices of 13+ chars do). */
function copyKey(text: string, s: number, e: number): string {
  if (e - s < 13) return text.slice(s, e);
  codes.length = e - s;
  for (let k = s; k < e; k++) codes[k - s] = text.charCodeAt(k);
  return String.fromCharCode.apply(null, codes);
}

function sameKey(key: string, text: string, s: number, len: number): boolean {
  if (key.length !== len) return false;
  for (let k = 0; k < len; k++) if (key.charCodeAt(k) !== text.charCodeAt(s + k)) return false;
  return true;
}

function samePacked(entry: TokenEntry, text: string, s: number, len: number): boolean {
  if (entry.len !== len) return false;
  let k0 = 0;
  let k1 = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(s + i);
    if (c > 0xff) return false;
    if (i < 4) k0 |= c << (8 * i);
    else k1 |= c << (8 * (i - 4));
  }
  return k0 === entry.k0 && k1 === entry.k1;
}

function find(text: string, s: number, e: number, h: number): TokenEntry {
  const len = e - s;
  if (len > MAX_KEY) return new TokenEntry(text.slice(s, e));
  slots ??= new Int32Array(2 * SLOTS);
  let slot = h & MASK;
  for (;;) {
    const id = slots[2 * slot + 1]!;
    if (id === 0) break;
    if (slots[2 * slot] === h) {
      const entry = entries[id - 1]!;
      if (entry.packed) {
        if (samePacked(entry, text, s, len)) return entry;
      } else if (sameKey(entry.key, text, s, len)) return entry;
    }
    slot = (slot + 1) & MASK;
  }
  if (entries.length >= LIMIT) {
    slots.fill(0);
    entries = [];
    slot = h & MASK;
  }
  const entry = new TokenEntry(copyKey(text, s, e));
  entries.push(entry);
  slots[2 * slot] = h;
  slots[2 * slot + 1] = entries.length;
  return entry;
}

/** `!` and `?` counted by the last {@link scanTokens} call. @internal */
export const scanCounts = { exclaims: 0, questions: 0 };

/**
 * Split `text[start, end)` on Python whitespace (as `splitWhitespace`) and resolve each piece to
 * its table entry, counting `!` and `?` in the same pass (into {@link scanCounts}).
 *
 * @internal
 * @param text - The text.
 * @param start - First index.
 * @param end - Index to stop before.
 * @param out - Receives the entries from index 0; it is not truncated.
 * @returns How many entries were written.
 */
export function scanTokens(text: string, start: number, end: number, out: TokenEntry[]): number {
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
    for (;;) {
      if (c === 0x21) exclaims++;
      else if (c === 0x3f) questions++;
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      if (i >= end) break;
      c = text.charCodeAt(i);
      if (c <= 0x20 ? isWhitespaceCode(c) : c >= 0x85 && isWhitespaceCode(c)) break;
    }
    out[n++] = find(text, s, i, h);
  }
  scanCounts.exclaims = exclaims;
  scanCounts.questions = questions;
  return n;
}

/**
 * The table entry of one token given as a string (any characters, whitespace included: callers
 * outside the scorer, such as `vaderCompoundOfTokens`, may pass such tokens).
 *
 * @internal
 */
export function entryOf(token: string): TokenEntry {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return find(token, 0, token.length, h);
}
