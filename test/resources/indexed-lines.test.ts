// The bucket-indexed tables (src/resources/indexed-lines.ts) that CMUdict and the VADER lexicon
// are looked up in. The property test here runs from the fixed seed set in
// test/support/property-seed.ts (a vitest setup file); FC_SEED=<integer> overrides it, and
// fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findIndexedLine,
  indexedTable,
  prefixRangeEnd,
  prefixRangeStart,
} from '../../src/resources/indexed-lines.js';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A table of `key<sep>value` lines over `keys`, and a map of what each key should give. */
function build(keys: readonly string[], sep: string, alphabet: string, depth: number) {
  const unique = [...new Set(keys)].sort(byCodeUnits);
  const values = new Map(unique.map((key, i) => [key, `v${i}`]));
  const table = indexedTable(
    unique.map((key) => `${key}${sep}${values.get(key)}`),
    sep,
    alphabet,
    depth,
  );
  const lookup = (key: string): string | undefined => {
    const line = findIndexedLine(table, sep, key);
    return line < 0 ? undefined : table.slice(line + key.length + 1, table.indexOf('\n', line));
  };
  return { table, values, lookup };
}

describe('indexed tables', () => {
  it("finds each key of a table whose keys fold alike after a non-letter (A, A., A'S, A.S)", () => {
    // `A'S` sorts before `A.`, though `'` and `.` share a symbol: the bucket stops at the first
    // non-letter, so the two stay in one bucket.
    const keys = [
      'A',
      "A'S",
      'A.',
      "A.'S",
      'A.S',
      'AA',
      'AB',
      'ABA',
      'ABC',
      'ABCD',
      'B',
      'Z',
      'ZZZZ',
      '[',
      '~X',
    ];
    const { values, lookup } = build(keys, ' ', 'A-Z', 3);
    for (const [key, value] of values) expect(lookup(key)).toBe(value);
    for (const miss of ['', 'AC', 'ABB', 'ABCDE', 'A.B', 'a', 'C', '\u00e9', 'A S', 'A\nB']) {
      expect(lookup(miss)).toBeUndefined();
    }
  });

  it('finds the first and the last line, and nothing in an empty table', () => {
    const { table, lookup } = build(['apple', 'zebra'], '\t', 'a-z', 2);
    expect(lookup('apple')).toBe('v0');
    expect(lookup('zebra')).toBe('v1');
    expect(findIndexedLine(table, '\t', 'apple')).toBe(table.indexOf('\n') + 1);
    const empty = indexedTable([], '\t', 'a-z', 2);
    expect(findIndexedLine(empty, '\t', 'apple')).toBe(-1);
  });

  it('keeps a preamble between the index and the lines, and still finds every key', () => {
    const table = indexedTable(['ab 1', 'b 2'], ' ', 'a-z', 2, 'max 2\n');
    expect(table.split('\n')[1]).toBe('max 2');
    expect(findIndexedLine(table, ' ', 'ab')).toBe(table.indexOf('\nab 1') + 1);
    expect(findIndexedLine(table, ' ', 'b')).toBe(table.indexOf('\nb 2') + 1);
    expect(findIndexedLine(table, ' ', 'max')).toBe(-1);
    expect(() => indexedTable(['a 1'], ' ', 'a-z', 1, 'max 2')).toThrow(/preamble/);
  });

  it('bounds every prefix: each line whose key starts with it lies in its range (seeded)', () => {
    const char = fc.constantFrom(...".'abcxyz\u00e9\ufb01");
    const key = fc.array(char, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 60 }),
        fc.array(key, { maxLength: 20 }),
        fc.constantFrom('a-z', "'-z", '.-.'),
        fc.integer({ min: 1, max: 3 }),
        (keys, probes, alphabet, depth) => {
          const unique = [...new Set(keys)].sort(byCodeUnits);
          const table = indexedTable(
            unique.map((k) => `${k} 0`),
            ' ',
            alphabet,
            // 86^3 buckets would be too many for the wide alphabet
            alphabet === "'-z" ? Math.min(depth, 2) : depth,
            'max 5\n',
          );
          for (const probe of [
            ...probes,
            ...unique.map((k) => k.slice(0, 1)),
            ...unique.map((k) => k.slice(0, 2)),
          ]) {
            const from = prefixRangeStart(table, probe, 0, probe.length);
            const to = prefixRangeEnd(table, probe, 0, probe.length);
            if (from > to) return false;
            for (const k of unique) {
              if (!k.startsWith(probe)) continue;
              const at = table.indexOf(`\n${k} 0\n`) + 1;
              if (at < from || at >= to) return false;
            }
          }
          return true;
        },
      ),
    );
  });

  it('rejects lines that would break the lookup', () => {
    expect(() => indexedTable(['b 1', 'a 2'], ' ', 'a-z', 1)).toThrow(/not sorted/);
    expect(() => indexedTable(['a 1', 'a 2'], ' ', 'a-z', 1)).toThrow(/not sorted or not unique/);
    expect(() => indexedTable(['a1'], ' ', 'a-z', 1)).toThrow(/not a key/);
    expect(() => indexedTable([' 1'], ' ', 'a-z', 1)).toThrow(/not a key/);
    expect(() => indexedTable(['a 1'], ' ', 'a-z', 5)).toThrow(/depth/);
    expect(() => indexedTable(['a 1'], ' ', 'a', 1)).toThrow(/alphabet/);
    expect(() => indexedTable(['a 1'], ' ', 'z-a', 1)).toThrow(/alphabet/);
    expect(() => indexedTable(['a 1'], ' ', '!-~', 3)).toThrow(/buckets/);
  });

  it('agrees with a map on generated tables of any characters, at every depth (seeded)', () => {
    const char = fc.constantFrom(..."aAbBzZ09'.-_[`{~ \u00e9\u4e2d\ud83d\ude00");
    const key = fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('').replaceAll(' ', ''));
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 80 }),
        fc.array(key, { maxLength: 30 }),
        fc.constantFrom('A-Z', 'a-z', "'-z", '.-.', '0-9'),
        fc.integer({ min: 1, max: 3 }),
        (keys, probes, alphabet, depth) => {
          const { values, lookup } = build(
            keys.filter((k) => k !== ''),
            ' ',
            alphabet,
            alphabet === "'-z" ? Math.min(depth, 2) : depth,
          );
          for (const [k, v] of values) if (lookup(k) !== v) return false;
          for (const p of probes) if (lookup(p) !== values.get(p)) return false;
          return true;
        },
      ),
    );
  });
});
