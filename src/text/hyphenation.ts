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

/** Parse a hyphen/pyphen `.dic` file (first line: charset; then one Liang pattern a line). */
function parseDic(source: string): PatternTable {
  const patterns = new Map<string, Pattern>();
  let maxLength = 0;
  const lines = source.split('\n');
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li]!.trim();
    if (line === '' || SKIPPED_PREFIXES.some((p) => line.startsWith(p))) continue;
    const letters: string[] = [];
    const values: number[] = [0];
    for (const ch of line) {
      const code = ch.charCodeAt(0);
      if (code >= 0x30 && code <= 0x39) values[letters.length] = code - 0x30;
      else {
        letters.push(ch);
        values.push(0);
      }
    }
    if (values.every((v) => v === 0)) continue;
    let lead = 0;
    while (values[lead] === 0) lead++;
    let tail = values.length;
    while (values[tail - 1] === 0) tail--;
    const key = letters.join('');
    patterns.set(key, { offset: lead, values: values.slice(lead, tail) });
    if (letters.length > maxLength) maxLength = letters.length;
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
 * import { hyphenationPoints } from 'fin-tabtext';
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
