// The bucket-indexed tables (src/resources/indexed-lines.ts) that CMUdict and the VADER lexicon
// are looked up in. The property test here runs from the fixed seed set in
// test/support/property-seed.ts (a vitest setup file); FC_SEED=<integer> overrides it, and
// fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndexedLine, indexedTable } from '../../src/resources/indexed-lines.js';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A table of `key<sep>value` lines over `keys`, and a map of what each key should give. */
function build(keys: readonly string[], sep: string, first: 'A' | 'a', depth: number) {
  const unique = [...new Set(keys)].sort(byCodeUnits);
  const values = new Map(unique.map((key, i) => [key, `v${i}`]));
  const table = indexedTable(
    unique.map((key) => `${key}${sep}${values.get(key)}`),
    sep,
    first,
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
    const { values, lookup } = build(keys, ' ', 'A', 3);
    for (const [key, value] of values) expect(lookup(key)).toBe(value);
    for (const miss of ['', 'AC', 'ABB', 'ABCDE', 'A.B', 'a', 'C', '\u00e9', 'A S', 'A\nB']) {
      expect(lookup(miss)).toBeUndefined();
    }
  });

  it('finds the first and the last line, and nothing in an empty table', () => {
    const { table, lookup } = build(['apple', 'zebra'], '\t', 'a', 2);
    expect(lookup('apple')).toBe('v0');
    expect(lookup('zebra')).toBe('v1');
    expect(findIndexedLine(table, '\t', 'apple')).toBe(table.indexOf('\n') + 1);
    const empty = indexedTable([], '\t', 'a', 2);
    expect(findIndexedLine(empty, '\t', 'apple')).toBe(-1);
  });

  it('rejects lines that would break the lookup', () => {
    expect(() => indexedTable(['b 1', 'a 2'], ' ', 'a', 1)).toThrow(/not sorted/);
    expect(() => indexedTable(['a 1', 'a 2'], ' ', 'a', 1)).toThrow(/not sorted or not unique/);
    expect(() => indexedTable(['a1'], ' ', 'a', 1)).toThrow(/not a key/);
    expect(() => indexedTable([' 1'], ' ', 'a', 1)).toThrow(/not a key/);
    expect(() => indexedTable(['a 1'], ' ', 'a', 5)).toThrow(/depth/);
  });

  it('agrees with a map on generated tables of any characters, at every depth (seeded)', () => {
    const char = fc.constantFrom(..."aAbBzZ09'.-_[`{~ \u00e9\u4e2d\ud83d\ude00");
    const key = fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('').replaceAll(' ', ''));
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 80 }),
        fc.array(key, { maxLength: 30 }),
        fc.constantFrom<'A' | 'a'>('A', 'a'),
        fc.integer({ min: 1, max: 3 }),
        (keys, probes, first, depth) => {
          const { values, lookup } = build(
            keys.filter((k) => k !== ''),
            ' ',
            first,
            depth,
          );
          for (const [k, v] of values) if (lookup(k) !== v) return false;
          for (const p of probes) if (lookup(p) !== values.get(p)) return false;
          return true;
        },
      ),
    );
  });
});
