// textstat 0.7.11 readability counts (lexicon_count, sentence_count, syllable_count, the Gunning
// fog difficult-word test, polysyllabcount), ported from its documented behaviour for exact parity
// with the Python tool. The one deliberate structural difference: everything is computed in one
// streaming pass over whitespace tokens, so a document can be fed in chunks.
import { readPackageFile } from '../resources/index.js';
import { codePointAt, cpLength, isPythonWordCodePoint } from '../text/chars.js';
import { splitWhitespace, syllableInfo } from '../text/index.js';

let easyWords: Set<string> | undefined;

/** textstat's English (Dale–Chall) easy-word set: each line of easy_words.txt, trimmed. */
function easyWordSet(): Set<string> {
  if (easyWords === undefined) {
    easyWords = new Set(
      readPackageFile('data/textstat/easy_words.txt')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    );
  }
  return easyWords;
}

// Per-word facts, packed: syllables << 2 | easy << 1 | fromCmudict. Keyed by the word after
// punctuation removal (original case). Cleared when large so unique-number floods stay bounded.
const wordInfoCache = new Map<string, number>();
const WORD_INFO_CACHE_LIMIT = 200_000;

function wordInfo(cleaned: string): number {
  const cached = wordInfoCache.get(cleaned);
  if (cached !== undefined) return cached;
  const lower = cleaned.toLowerCase();
  const info = syllableInfo(lower);
  const packed =
    (info.syllables << 2) | (easyWordSet().has(lower) ? 2 : 0) | (info.source === 'cmudict' ? 1 : 0);
  if (wordInfoCache.size >= WORD_INFO_CACHE_LIMIT) wordInfoCache.clear();
  wordInfoCache.set(cleaned, packed);
  return packed;
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

  private countWord(cleaned: string): void {
    const info = wordInfo(cleaned);
    const syllables = info >>> 2;
    this.words++;
    this.syllables += syllables;
    const complex = syllables >= 3 && (info & 2) === 0;
    if (complex) this.complex++;
    if (syllables >= 3) this.poly++;
    this.detail?.push({
      word: cleaned,
      syllables,
      source: (info & 1) === 1 ? 'cmudict' : 'hyphenation',
      complex,
    });
  }

  /** Add the whitespace tokens (Python `str.split()` pieces) of the next part of the text. */
  addTokens(tokens: readonly string[]): void {
    if (tokens.length > 0) this.sawText = true;
    for (const token of tokens) this.addToken(token);
  }

  /** Add one whitespace token (must contain no whitespace). */
  addToken(token: string): void {
    if (isPlainAsciiWord(token)) {
      // Fast path: letters/digits/_ only. Starts a segment if none is open, cannot end one.
      if (!this.inSegment || this.inTerminatorRun) {
        if (this.inSegment) this.endSegment();
        this.inSegment = true;
        this.segmentWords = 0;
      }
      this.segmentWords++;
      this.countWord(token);
      return;
    }
    let cleaned = '';
    let dropped = false;
    let i = 0;
    const n = token.length;
    while (i < n) {
      const c = token.charCodeAt(i);
      const cp = c < 0xd800 ? c : codePointAt(token, i);
      const width = cpLength(cp);
      const isWord = isPythonWordCodePoint(cp);
      const isTerm = isTerminatorCode(c);
      if (this.inSegment && this.inTerminatorRun && !isTerm) this.endSegment();
      if (!this.inSegment && isWord) {
        this.inSegment = true;
        this.segmentWords = 0;
      }
      if (this.inSegment) {
        if (isTerm) this.inTerminatorRun = true;
        else if (isWord) this.pieceKept = true;
      }
      if (isWord || (c === 0x27 && keepsApostrophe(token, i))) {
        if (dropped) cleaned += token.slice(i, i + width);
      } else if (!dropped) {
        dropped = true;
        cleaned = token.slice(0, i);
      }
      i += width;
    }
    if (this.inSegment) {
      if (this.pieceKept) this.segmentWords++;
      this.pieceKept = false;
      if (this.inTerminatorRun) this.endSegment();
    }
    const word = dropped ? cleaned : token;
    if (word !== '') this.countWord(word);
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
