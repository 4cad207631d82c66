import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Absolute path of `test/fixtures/<relative>`. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** Read a fixture as bytes; `.gz` files are decompressed. */
export function readFixtureBytes(relative: string): Buffer {
  const bytes = readFileSync(fixturePath(relative));
  return relative.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

/**
 * Read a fixture as UTF-8 text. `relative` may omit a `.gz` suffix: the compressed copy is
 * used when only it exists, so `readFixture('filings/ford_10-K_2002-03.txt')` works.
 */
export function readFixture(relative: string): string {
  try {
    return readFixtureBytes(relative).toString('utf8');
  } catch (error) {
    if (!relative.endsWith('.gz')) return readFixtureBytes(`${relative}.gz`).toString('utf8');
    throw error;
  }
}

/** Read a `.jsonl` fixture into objects. */
export function readJsonl<T = Record<string, unknown>>(relative: string): T[] {
  return readFixture(relative)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** One row of a filings manifest, with the fixture's file name (without `.gz`). */
export interface ManifestRow {
  readonly [column: string]: string;
  readonly file: string;
}

/** Parse `filings/MANIFEST-dev.tsv`, `MANIFEST-dev2.tsv` or `MANIFEST-dev3.tsv` (tab-separated, `"` quoting). */
export function readManifest(name: 'dev' | 'dev2' | 'dev3'): ManifestRow[] {
  const lines = readFixture(`filings/MANIFEST-${name}.tsv`)
    .split('\n')
    .filter((l) => l.trim() !== '');
  const unquote = (cell: string): string =>
    cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
  const header = lines[0]!.split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t').map(unquote);
    const row: Record<string, string> = {};
    header.forEach((key, i) => {
      row[key] = cells[i] ?? '';
    });
    return row as ManifestRow;
  });
}

/** File names (without `.gz`) of every filing fixture. */
export function filingFixtureNames(): string[] {
  return readdirSync(fixturePath('filings'))
    .filter((name) => name.endsWith('.gz'))
    .map((name) => name.slice(0, -3))
    .sort();
}
