import { readPackageFile } from '../resources/index.js';

/** A parsed Liang pattern: its non-zero values and where they start in the key. */
interface Pattern {
  readonly offset: number;
  readonly values: readonly number[];
}

interface PatternTable {
  readonly patterns: Map<string, Pattern>;
  readonly maxLength: number;
}

let table: PatternTable | undefined;

const SKIPPED_PREFIXES = [
  '%',
  '#',
  'LEFTHYPHENMIN',
  'RIGHTHYPHENMIN',
  'COMPOUNDLEFTHYPHENMIN',
  'COMPOUNDRIGHTHYPHENMIN',
];

/**
 * Parse a hyphen/pyphen `.dic` file (first line: charset; then one Liang pattern a line). One
 * pass of char codes per line: a pattern's key is the line without its digits, and each digit
 * is the value at the gap before the next letter (letters counted in code points).
 */
function parseDic(source: string): PatternTable {
  const patterns = new Map<string, Pattern>();
  let maxLength = 0;
  const values: number[] = [];
  const keyCodes: number[] = [];
  let pos = source.indexOf('\n') + 1; // skip the charset line
  if (pos === 0) pos = source.length;
  while (pos < source.length) {
    let eol = source.indexOf('\n', pos);
    if (eol === -1) eol = source.length;
    const line = source.slice(pos, eol).trim();
    pos = eol + 1;
    if (line === '' || SKIPPED_PREFIXES.some((p) => line.startsWith(p))) continue;
    values.length = 0;
    values.push(0);
    keyCodes.length = 0;
    let letters = 0;
    let any = false;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) {
        values[letters] = code - 0x30;
        if (code !== 0x30) any = true;
        continue;
      }
      keyCodes.push(code);
      if (code < 0xdc00 || code > 0xdfff) {
        letters++;
        values.push(0);
      }
    }
    if (!any) continue;
    let lead = 0;
    while (values[lead] === 0) lead++;
    let tail = values.length;
    while (values[tail - 1] === 0) tail--;
    const key = String.fromCharCode.apply(null, keyCodes);
    patterns.set(key, { offset: lead, values: values.slice(lead, tail) });
    if (letters > maxLength) maxLength = letters;
  }
  return { patterns, maxLength };
}

function loadTable(): PatternTable {
  table ??= parseDic(readPackageFile('data/hyphen/hyph_en_US.dic'));
  return table;
}

/**
 * Hyphenation points of a lowercase word by Liang's algorithm over Debian's `hyph_en_US.dic`,
 * as pyphen computes them with its default margins (left 2, right 2; the file's own
 * LEFTHYPHENMIN/RIGHTHYPHENMIN lines are ignored, as pyphen ignores them).
 * Positions are code-point indexes into the word: a point `p` means a break before `word[p]`.
 *
 * @param word - A lowercase word.
 * @returns The break positions, ascending.
 * @example
 * ```ts
 * import { hyphenationPoints } from 'fin-tabtext/score';
 * hyphenationPoints('cybersecurity').length + 1; // 6
 * ```
 */
export function hyphenationPoints(word: string): number[] {
  const { patterns, maxLength } = loadTable();
  const chars = Array.from(`.${word}.`);
  const ascii = chars.length === word.length + 2;
  const padded = `.${word}.`;
  const len = chars.length;
  const refs = new Array<number>(len + 1).fill(0);
  for (let i = 0; i < len - 1; i++) {
    const last = Math.min(i + maxLength, len);
    for (let j = i + 1; j <= last; j++) {
      const key = ascii ? padded.slice(i, j) : chars.slice(i, j).join('');
      const pattern = patterns.get(key);
      if (pattern === undefined) continue;
      const { offset, values } = pattern;
      for (let q = 0; q < values.length; q++) {
        const r = i + offset + q;
        const v = values[q]!;
        if (v > refs[r]!) refs[r] = v;
      }
    }
  }
  const points: number[] = [];
  const wordLength = len - 2;
  for (let r = 0; r < refs.length; r++) {
    if (refs[r]! % 2 === 1) {
      const p = r - 1;
      if (p >= 2 && p <= wordLength - 2) points.push(p);
    }
  }
  return points;
}
