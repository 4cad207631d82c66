import { stemmer } from 'stemmer';
import { readPackageFile } from '../resources/index.js';
import { splitSentences, words } from '../text/index.js';
import type { ResolvedTermOptions, StopWords } from './options.js';

let englishStopWords: ReadonlySet<string> | undefined;

/** The Snowball English stop words (`data/stopwords/english.txt`), read on first use. */
export function englishStopWordSet(): ReadonlySet<string> {
  if (englishStopWords === undefined) {
    const words = readPackageFile('data/stopwords/english.txt')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#'));
    englishStopWords = new Set(words);
  }
  return englishStopWords;
}

function stopWordSet(stopWords: StopWords): ReadonlySet<string> {
  if (stopWords === false) return new Set();
  if (stopWords === 'english') return englishStopWordSet();
  return new Set(stopWords.map((w) => w.toLowerCase()));
}

/** One sentence of the document, verbatim: `text === document.slice(start, end)`. */
export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A document split into sentences, each sentence reduced to term ids. */
export interface AnalyzedDocument {
  readonly sentences: readonly SentenceSpan[];
  /** Per sentence, the ids of its counted terms (Porter stems), in text order, with repeats. */
  readonly terms: readonly Int32Array[];
  /** Per sentence, the kept lowercase words (stop words and out-of-vocabulary words removed). */
  readonly keptWords: readonly (readonly string[])[];
  /** Per sentence, the number of word tokens (all words, for token budgets). */
  readonly wordCounts: Int32Array;
  /** Number of distinct term ids (ids are `0 .. termCount - 1`). */
  readonly termCount: number;
}

/**
 * Split `text` into sentences with the shared splitter and map each sentence's words to term
 * ids: lowercase word (numbers are not words), stop word removed, possessive `'s` dropped, Porter-stemmed, optionally kept only if its stem is in
 * the vocabulary. Ids are assigned in order of first appearance, so they are deterministic.
 */
export function analyze(text: string, options: ResolvedTermOptions): AnalyzedDocument {
  const sentences = splitSentences(text);
  const stop = stopWordSet(options.stopWords);
  const stemCache = new Map<string, string>();
  const stem = (word: string): string => {
    let s = stemCache.get(word);
    if (s === undefined) {
      s = stemmer(word);
      stemCache.set(word, s);
    }
    return s;
  };
  const vocabulary =
    options.vocabulary === undefined
      ? undefined
      : new Set(options.vocabulary.map((w) => stem(w.toLowerCase())));
  const ids = new Map<string, number>();
  const terms: Int32Array[] = [];
  const keptWords: string[][] = [];
  const wordCounts = new Int32Array(sentences.length);
  const buffer: number[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const tokens = words(sentences[i]!.text);
    wordCounts[i] = tokens.length;
    buffer.length = 0;
    const kept: string[] = [];
    for (const token of tokens) {
      let word = token;
      if (stop.has(word)) continue;
      // Possessives are the same term: "company's" and "companies'" count as company/companies.
      if (word.endsWith("'s")) word = word.slice(0, -2);
      else if (word.endsWith("'")) word = word.slice(0, -1);
      const s = stem(word);
      if (vocabulary !== undefined && !vocabulary.has(s)) continue;
      let id = ids.get(s);
      if (id === undefined) {
        id = ids.size;
        ids.set(s, id);
      }
      buffer.push(id);
      kept.push(word);
    }
    terms.push(Int32Array.from(buffer));
    keptWords.push(kept);
  }
  return { sentences, terms, keptWords, wordCounts, termCount: ids.size };
}

/** Sorted distinct values of `values` (a sentence's term set). */
export function distinctSorted(values: Int32Array): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i]!;
  }
  return sorted.subarray(0, m);
}
