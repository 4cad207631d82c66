// Sorted tables of text lines (`key<separator>rest\n`, keys in UTF-16 code-unit order), searched
// in place: a lookup is a binary search over the file's text, so loading a table is one file read,
// with no map of thousands of entries built (and no garbage made) in a fresh process. The
// hyphenation patterns are searched so, by prefix (src/text/hyphenation.ts); tables looked up by
// exact key carry a bucket index instead (indexed-lines.ts). The tables are generated from the
// source data by scripts/build-score-data.ts.

/**
 * Compare the key of the line at `pos` (ended by `separator`) with `key[s, e)`: negative, 0 or
 * positive as the line's key sorts before, equal to or after it.
 */
function compareLineKey(
  table: string,
  pos: number,
  separator: number,
  key: string,
  s: number,
  e: number,
): number {
  const len = e - s;
  for (let k = 0; ; k++) {
    const c = table.charCodeAt(pos + k);
    const ended = c === separator;
    if (k === len) return ended ? 0 : 1;
    if (ended) return -1;
    const t = key.charCodeAt(s + k);
    if (c !== t) return c - t;
  }
}

/**
 * The start of the first line of `table[start, end)` whose key sorts at or after `key[s, e)`,
 * or `end` when there is none (a binary search over the lines).
 *
 * @internal
 * @param table - The table's text: lines `key<separator>rest`, sorted by key, each ended by `\n`.
 * @param start - Index of the first line.
 * @param end - Index just past the last line's `\n`.
 * @param separator - The char code ending a key (a tab or a space).
 * @param key - The string holding the key.
 * @param s - Start of the key in `key`.
 * @param e - End of the key in `key`.
 * @returns The index of that line's first char, or `end`.
 */
export function lowerBoundLine(
  table: string,
  start: number,
  end: number,
  separator: number,
  key: string,
  s: number,
  e: number,
): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    // The start of the line holding the midpoint (lo is a line start); lastIndexOf is native,
    // which matters in a fresh process, where a loop of charCodeAt runs in the interpreter.
    const mid = (lo + hi) >>> 1;
    const line = mid === lo ? lo : Math.max(lo, table.lastIndexOf('\n', mid - 1) + 1);
    if (compareLineKey(table, line, separator, key, s, e) < 0) lo = table.indexOf('\n', line) + 1;
    else hi = line;
  }
  return lo;
}

/** The line's key is `key[s, e)`. @internal */
export const KEY_EQUAL = 0;
/** The line's key starts with `key[s, e)` and is longer. @internal */
export const KEY_EXTENDS = 1;
/** The line's key does not start with `key[s, e)`. @internal */
export const KEY_OTHER = 2;

/**
 * How the key of the line at `pos` relates to `key[s, e)`: {@link KEY_EQUAL}, {@link KEY_EXTENDS}
 * or {@link KEY_OTHER}. On the line {@link lowerBoundLine} returns, `KEY_OTHER` means that no
 * line's key starts with `key[s, e)`, so no longer key with that start exists either.
 *
 * @internal
 */
export function lineKeyRelation(
  table: string,
  pos: number,
  separator: number,
  key: string,
  s: number,
  e: number,
): number {
  const len = e - s;
  for (let k = 0; k < len; k++) {
    if (table.charCodeAt(pos + k) !== key.charCodeAt(s + k)) return KEY_OTHER;
  }
  return table.charCodeAt(pos + len) === separator ? KEY_EQUAL : KEY_EXTENDS;
}
