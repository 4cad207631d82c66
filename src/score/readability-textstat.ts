// textstat 0.7.11 readability counts (lexicon_count, sentence_count, syllable_count, the Gunning
// fog difficult-word test, polysyllabcount), ported from its documented behavior for exact parity
// with the Python tool. The one deliberate structural difference: everything is computed in one
// streaming pass over whitespace tokens, so a document can be fed in chunks.
import { readPackageFile } from '../resources/index.js';
import { codePointAt, cpLength, isPythonWordCodePoint } from '../text/chars.js';
import { splitWhitespace, syllableInfo } from '../text/index.js';
import { columns, idOf, resetTokenTableIfFull } from './token-table.js';

let easyWords: Set<string> | undefined;

/** textstat's English (Dale–Chall) easy-word set: each line of easy_words.txt, trimmed. */
function easyWordSet(): Set<string> {
  if (easyWords === undefined) {
    // One pass over the file, without the arrays of split/map/filter (this runs in a fresh process).
    const text = readPackageFile('data/textstat/easy_words.txt');
    const set = new Set<string>();
    for (let pos = 0; pos <= text.length; ) {
      let eol = text.indexOf('\n', pos);
      if (eol === -1) eol = text.length;
      const line = text.slice(pos, eol).trim();
      if (line !== '') set.add(line);
      pos = eol + 1;
    }
    easyWords = set;
  }
  return easyWords;
}

/** Per-word facts, packed: syllables << 2 | easy << 1 | fromCmudict (`word` in original case). */
function wordInfo(cleaned: string): number {
  const lower = cleaned.toLowerCase();
  const info = syllableInfo(lower);
  return (info.syllables << 2) | (easyWordSet().has(lower) ? 2 : 0) | (info.source === 'cmudict' ? 1 : 0);
}

function isTerminatorCode(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/** textstat keeps `'` only when the original text continues with t, s, d, ve, ll or re (case-sensitive). */
function keepsApostrophe(token: string, i: number): boolean {
  const next = token.charCodeAt(i + 1);
  if (next === 0x74 || next === 0x73 || next === 0x64) return true;
  const next2 = token.charCodeAt(i + 2);
  return (
    (next === 0x76 && next2 === 0x65) ||
    (next === 0x6c && next2 === 0x6c) ||
    (next === 0x72 && next2 === 0x65)
  );
}

function isPlainAsciiWord(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f))
      return false;
  }
  return true;
}

// A token's effect on the sentence-segment state machine depends only on its sequence of
// character classes, and a run of one class acts like a single character of it (each step is
// idempotent), so a token is summarized by its class runs: word (\w), terminator (. ! ?), other.
const RUN_WORD = 1;
const RUN_TERMINATOR = 2;
const RUN_OTHER = 3;
/** Runs that fit in a shape number: 2 bits each, 15 runs in 30 bits. */
const MAX_PACKED_RUNS = 15;

/** A token's class runs and its word after textstat's punctuation removal. */
interface TokenShape {
  readonly shape: number;
  readonly runs: Uint8Array | null;
  readonly cleaned: string;
}

function shapeOf(token: string): TokenShape {
  if (isPlainAsciiWord(token)) return { shape: RUN_WORD, runs: null, cleaned: token };
  const runs: number[] = [];
  let cleaned = '';
  let dropped = false;
  let i = 0;
  const n = token.length;
  while (i < n) {
    const c = token.charCodeAt(i);
    const cp = c < 0xd800 ? c : codePointAt(token, i);
    const width = cpLength(cp);
    const isWord = isPythonWordCodePoint(cp);
    const run = isWord ? RUN_WORD : isTerminatorCode(c) ? RUN_TERMINATOR : RUN_OTHER;
    if (runs.length === 0 || runs[runs.length - 1] !== run) runs.push(run);
    if (isWord || (c === 0x27 && keepsApostrophe(token, i))) {
      if (dropped) cleaned += token.slice(i, i + width);
    } else if (!dropped) {
      dropped = true;
      cleaned = token.slice(0, i);
    }
    i += width;
  }
  const word = dropped ? cleaned : token;
  if (runs.length > MAX_PACKED_RUNS) return { shape: 0, runs: Uint8Array.from(runs), cleaned: word };
  let shape = 0;
  for (let r = runs.length - 1; r >= 0; r--) shape = (shape << 2) | runs[r]!;
  return { shape, runs: null, cleaned: word };
}

/**
 * Resolve the textstat part of a token table entry: its class runs and the packed facts of its
 * cleaned word (-1 when nothing is left after punctuation removal).
 *
 * @internal
 */
export function resolveTextstatId(id: number): void {
  const { shape, runs, cleaned } = shapeOf(columns.keys[id]!);
  columns.info[id] = cleaned === '' ? -1 : wordInfo(cleaned);
  if (runs !== null) columns.runs[id] = runs;
  columns.shape[id] = shape;
}

/** One word as textstat sees it, for explanations and golden tests. */
export interface TextstatWord {
  /** The word after punctuation removal, original case. */
  readonly word: string;
  /** Its syllables. */
  readonly syllables: number;
  /** Where the count came from. */
  readonly source: 'cmudict' | 'hyphenation';
  /** Does Gunning fog (textstat) count it as complex? */
  readonly complex: boolean;
}

/** Raw counts from which every textstat formula is computed. */
export interface TextstatCounts {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  readonly complexWords: number;
  readonly polysyllables: number;
}

/**
 * Streaming textstat counter. Feed the whitespace tokens of a text (in any chunking) in order;
 * the sentence-segment state machine (`[\p{L}\p{N}_][^.!?]*[.!?]*` segments, those of <= 2 words
 * ignored) carries over token and chunk boundaries, so the counts equal the whole-text ones.
 */
export class TextstatCounter {
  private words = 0;
  private syllables = 0;
  private complex = 0;
  private poly = 0;
  private segments = 0;
  private ignoredSegments = 0;
  private sawText = false;
  // Segment state: inside a segment, inside its closing run of . ! ?, its word count so far, and
  // whether the current whitespace piece has a kept character inside the segment.
  private inSegment = false;
  private inTerminatorRun = false;
  private segmentWords = 0;
  private pieceKept = false;
  /** When set, every word is recorded here (golden tests and explanations). */
  detail: TextstatWord[] | undefined;

  /** Mark that the text is not the empty string (a whitespace-only text has one sentence). */
  markText(): void {
    this.sawText = true;
  }

  private endSegment(): void {
    if (this.pieceKept) this.segmentWords++;
    this.pieceKept = false;
    this.segments++;
    if (this.segmentWords <= 2) this.ignoredSegments++;
    this.inSegment = false;
    this.inTerminatorRun = false;
  }

  private countWord(info: number, cleaned: string | undefined): void {
    const syllables = info >>> 2;
    this.words++;
    this.syllables += syllables;
    const complex = syllables >= 3 && (info & 2) === 0;
    if (complex) this.complex++;
    if (syllables >= 3) this.poly++;
    this.detail?.push({
      word: cleaned!,
      syllables,
      source: (info & 1) === 1 ? 'cmudict' : 'hyphenation',
      complex,
    });
  }

  /** One class run of the segment machine (the per-character rule, for a whole run). */
  private step(run: number): void {
    if (this.inSegment && this.inTerminatorRun && run !== RUN_TERMINATOR) this.endSegment();
    if (run === RUN_WORD) {
      if (!this.inSegment) {
        this.inSegment = true;
        this.segmentWords = 0;
      }
      this.pieceKept = true;
    } else if (run === RUN_TERMINATOR && this.inSegment) this.inTerminatorRun = true;
  }

  private addShape(shape: number, runs: Uint8Array | null): void {
    if (shape === RUN_WORD) {
      // Fast path, a word-only token: starts a segment if none is open, cannot end one.
      if (!this.inSegment || this.inTerminatorRun) {
        if (this.inSegment) this.endSegment();
        this.inSegment = true;
        this.segmentWords = 0;
      }
      this.segmentWords++;
      return;
    }
    if (runs !== null) for (const run of runs) this.step(run);
    else for (let s = shape; s !== 0; s >>>= 2) this.step(s & 3);
    if (this.inSegment) {
      if (this.pieceKept) this.segmentWords++;
      this.pieceKept = false;
      if (this.inTerminatorRun) this.endSegment();
    }
  }

  /** Add the whitespace tokens (Python `str.split()` pieces) of the next part of the text. */
  addTokens(tokens: readonly string[]): void {
    if (tokens.length > 0) this.sawText = true;
    for (const token of tokens) this.addToken(token);
  }

  /** Add one whitespace token (must contain no whitespace). */
  addToken(token: string): void {
    if (this.detail !== undefined) {
      const { shape, runs, cleaned } = shapeOf(token);
      this.addShape(shape, runs);
      if (cleaned !== '') this.countWord(wordInfo(cleaned), cleaned);
      return;
    }
    resetTokenTableIfFull();
    const id = idOf(token);
    if (columns.shape[id]! < 0) resolveTextstatId(id);
    const shape = columns.shape[id]!;
    this.addShape(shape, shape === 0 ? (columns.runs[id] ?? null) : null);
    const info = columns.info[id]!;
    if (info >= 0) this.countWord(info, undefined);
  }

  /**
   * Add the next whitespace tokens as token table ids (the document scorer's path).
   * @internal
   */
  addIds(ids: Int32Array, n: number): void {
    if (n > 0) this.sawText = true;
    for (let k = 0; k < n; k++) {
      const id = ids[k]!;
      if (columns.shape[id]! < 0) resolveTextstatId(id);
      const shape = columns.shape[id]!;
      this.addShape(shape, shape === 0 ? (columns.runs[id] ?? null) : null);
      const info = columns.info[id]!;
      if (info >= 0) {
        const syllables = info >>> 2;
        this.words++;
        this.syllables += syllables;
        if (syllables >= 3) {
          this.poly++;
          if ((info & 2) === 0) this.complex++;
        }
      }
    }
  }

  /** Add a chunk of raw text (split on Python whitespace here). */
  addText(text: string): void {
    if (text.length > 0) this.sawText = true;
    for (const token of splitWhitespace(text)) this.addToken(token);
  }

  /** The counts so far (does not change the state; more tokens may follow). */
  counts(): TextstatCounts {
    let segments = this.segments;
    let ignored = this.ignoredSegments;
    if (this.inSegment) {
      segments++;
      if (this.segmentWords + (this.pieceKept ? 1 : 0) <= 2) ignored++;
    }
    return {
      words: this.words,
      sentences: this.sawText ? Math.max(1, segments - ignored) : 0,
      syllables: this.syllables,
      complexWords: this.complex,
      polysyllables: this.poly,
    };
  }
}
