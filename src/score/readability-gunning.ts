// Gunning's own fog rules (R. Gunning, "The Technique of Clear Writing", 1952): a complex word has
// three or more syllables, excluding proper nouns, hyphenated compounds, and words that reach three
// syllables only through the suffixes -es, -ed or -ing. Sentences come from our splitter; words are
// our tokenizer's word tokens (numbers are not words).
import { isInCmudict, syllableInfo, type Token, tokenize } from '../text/index.js';
import type { TextstatCounts } from './readability-textstat.js';

/** Syllables of one word token: CMUdict, else per hyphen part, dots and apostrophes ignored. */
function gunningSyllables(lower: string): number {
  const info = syllableInfo(lower);
  if (info.source === 'cmudict') return info.syllables;
  if (lower.includes('-')) {
    let total = 0;
    for (const part of lower.split('-')) if (part !== '') total += gunningSyllables(part);
    return total;
  }
  const bare = lower.replace(/[.']/g, '');
  return bare === lower || bare === '' ? info.syllables : syllableInfo(bare).syllables;
}

const DOUBLED = /([bcdfghjklmnpqrstvwxz])\1$/;

/** Stems to try when `lower` ends in -ing, -ed or -es, most likely first. */
function suffixStems(lower: string): string[] {
  const n = lower.length;
  if (n > 5 && lower.endsWith('ing')) {
    const base = lower.slice(0, -3);
    return DOUBLED.test(base) ? [base, base.slice(0, -1), `${base}e`] : [base, `${base}e`];
  }
  if (n > 4 && lower.endsWith('ed')) {
    const stems = [lower.slice(0, -1), lower.slice(0, -2)];
    if (lower.endsWith('ied')) stems.push(`${lower.slice(0, -3)}y`);
    if (DOUBLED.test(lower.slice(0, -2))) stems.push(lower.slice(0, -3));
    return stems;
  }
  if (n > 4 && lower.endsWith('es')) {
    const stems = [lower.slice(0, -1), lower.slice(0, -2)];
    if (lower.endsWith('ies')) stems.push(`${lower.slice(0, -3)}y`);
    return stems;
  }
  return [];
}

/** Does the suffix account for the third syllable (so the word is not complex)? */
function onlyThroughSuffix(lower: string, syllables: number): boolean {
  const stems = suffixStems(lower);
  if (stems.length === 0) return false;
  for (const stem of stems) if (isInCmudict(stem)) return gunningSyllables(stem) < 3;
  // Unknown stem: -ing always adds a syllable; -ed only after t/d; -es after sibilants.
  const stem = lower.endsWith('ing')
    ? 1
    : /[td]ed$/.test(lower) || /(s|x|z|ch|sh|ce|ge|se)es$/.test(lower)
      ? 1
      : 0;
  return syllables - stem < 3;
}

function isUpperLetter(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Streaming Gunning (1952) counter: each `addSentence` call is one sentence. */
export class GunningCounter {
  private words = 0;
  private sentences = 0;
  private syllables = 0;
  private complex = 0;
  private poly = 0;

  /** Add one sentence, given its tokens (from `tokenize`). */
  addSentenceTokens(tokens: readonly Token[]): void {
    let first = true;
    for (const token of tokens) {
      if (token.kind !== 'word') continue;
      const text = token.text;
      const lower = text.toLowerCase().replace(/\u2019/g, "'");
      const syllables = gunningSyllables(lower);
      this.words++;
      this.syllables += syllables;
      if (syllables >= 3) {
        this.poly++;
        const initial = text.charAt(0);
        const properNoun = !first && isUpperLetter(initial) && text !== text.toUpperCase();
        const hyphenated = /[-\u2010\u2011]/.test(text);
        if (!properNoun && !hyphenated && !onlyThroughSuffix(lower, syllables)) this.complex++;
      }
      first = false;
    }
    if (!first) this.sentences++;
  }

  /** Add one sentence given its whitespace tokens. */
  addSentence(rawTokens: readonly string[]): void {
    const tokens: Token[] = [];
    for (const raw of rawTokens) for (const t of tokenize(raw)) tokens.push(t);
    this.addSentenceTokens(tokens);
  }

  /** The counts so far. */
  counts(): TextstatCounts {
    return {
      words: this.words,
      sentences: this.sentences,
      syllables: this.syllables,
      complexWords: this.complex,
      polysyllables: this.poly,
    };
  }
}
