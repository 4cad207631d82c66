import { isWhitespaceCode } from './chars.js';

/**
 * Split text on runs of whitespace exactly as Python's `str.split()` with no argument does: the
 * 29 whitespace code points of Python (not JS `\s`), empty pieces dropped. VADER and textstat both
 * tokenize this way, so the scorer splits each sentence once and feeds these raw tokens to both.
 *
 * @param text - The text to split.
 * @param start - First UTF-16 index to look at.
 * @default start 0
 * @param end - UTF-16 index to stop before.
 * @default end text.length
 * @returns The non-empty pieces, in order, punctuation untouched.
 * @example
 * ```ts
 * import { splitWhitespace } from 'fin-tabtext/score';
 * splitWhitespace('Net  sales\u0085rose 4%.'); // ['Net', 'sales', 'rose', '4%.']
 * ```
 */
export function splitWhitespace(text: string, start = 0, end: number = text.length): string[] {
  const out: string[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isWhitespaceCode(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const s = i;
    while (i < end && !isWhitespaceCode(text.charCodeAt(i))) i++;
    out.push(text.slice(s, i));
  }
  return out;
}
