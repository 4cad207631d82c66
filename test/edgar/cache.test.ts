import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodyDigest,
  cacheFilePath,
  createFileCache,
  defaultCacheDir,
  resourceKind,
} from '../../src/edgar/index.js';
import { readFixtureBytes } from '../support/fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

describe('cacheFilePath', () => {
  it('keeps every URL inside the cache folder, whatever its path', () => {
    const nasty = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '..%2f..%2f',
      '..\\..',
      '%00',
      'C:',
      '~',
      '',
      '.git',
      'a'.repeat(300),
    );
    const segment = fc.oneof(nasty, fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.constantFrom('www', 'data'), (segments, host) => {
        const url = `https://${host}.sec.gov/${segments.map((s) => encodeURI(s)).join('/')}`;
        const parts = cacheFilePath(url);
        const full = resolve(dir, ...parts);
        expect(full.startsWith(`${resolve(dir)}${sep}`)).toBe(true);
        for (const part of parts) {
          expect(part).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
          expect(part.length).toBeLessThanOrEqual(110);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('files documents by kind, readable by name', () => {
    const url = 'https://www.sec.gov/Archives/edgar/data/320193/000032019323000077/aapl-20230701.htm';
    const parts = cacheFilePath(url);
    expect(parts.slice(0, 2)).toEqual(['v1', 'archives']);
    expect(parts[3]).toMatch(/^[0-9a-f]{24}-aapl-20230701\.htm$/);
    expect(resourceKind('https://data.sec.gov/submissions/CIK0000320193.json')).toBe('submissions');
    expect(resourceKind('https://www.sec.gov/files/company_tickers.json')).toBe('tickers');
    expect(resourceKind('https://data.sec.gov/api/xbrl/companyfacts/CIK0001640147.json')).toBe(
      'companyfacts',
    );
    expect(resourceKind('https://www.sec.gov/cgi-bin/browse-edgar')).toBe('other');
  });
});

describe('createFileCache', () => {
  const url = 'https://data.sec.gov/submissions/CIK0000320193.json';

  it('round-trips a real response and leaves no temporary file', async () => {
    const cache = createFileCache(dir);
    const body = readFixtureBytes('sec-json/submissions_CIK0000320193.json.gz');
    expect(await cache.get(url)).toBeUndefined();
    await cache.set({ url, storedAt: 123, body });
    const entry = await cache.get(url);
    expect(entry?.storedAt).toBe(123);
    expect(Buffer.from(entry!.body).equals(body)).toBe(true);
    const files = await listFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^v1[/\\]submissions[/\\]/);
  });

  it('reads a damaged entry (cut short, garbage header, other URL) as a miss, then overwrites it', async () => {
    const cache = createFileCache(dir);
    const body = readFixtureBytes('sec-json/submissions_CIK0000320193.json.gz');
    await cache.set({ url, storedAt: 1, body });
    const file = join(dir, ...cacheFilePath(url));
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length - 10));
    expect(await cache.get(url)).toBeUndefined();
    await writeFile(file, 'not a header');
    expect(await cache.get(url)).toBeUndefined();
    await writeFile(file, `${JSON.stringify({ url: 'https://x/y', storedAt: 1, bytes: 2 })}\nab`);
    expect(await cache.get(url)).toBeUndefined();
    await cache.set({ url, storedAt: 2, body });
    expect((await cache.get(url))?.storedAt).toBe(2);
  });

  it('stores the SHA-256 of the body, computing it for an entry seeded without one', async () => {
    const cache = createFileCache(dir);
    const body = readFixtureBytes('sec-json/submissions_CIK0000320193.json.gz');
    await cache.set({ url, storedAt: 1, body });
    expect((await cache.get(url))?.sha256).toBe(bodyDigest(body));
    expect(bodyDigest(body)).toMatch(/^[0-9a-f]{64}$/);
    const header = JSON.parse(
      (await readFile(join(dir, ...cacheFilePath(url)))).toString('latin1').split('\n')[0]!,
    );
    expect(header).toEqual({ url, storedAt: 1, bytes: body.length, sha256: bodyDigest(body) });
    // a digest given by the writer is stored as given: the reader (the client) checks it
    await cache.set({ url, storedAt: 2, body, sha256: 'f'.repeat(64) });
    expect((await cache.get(url))?.sha256).toBe('f'.repeat(64));
    expect(cache.pathOf?.(url)).toBe(join(dir, ...cacheFilePath(url)));
  });

  it('ignores temporary files left by a killed writer', async () => {
    const cache = createFileCache(dir);
    await cache.set({ url, storedAt: 1, body: Buffer.from('{}') });
    const file = join(dir, ...cacheFilePath(url));
    await writeFile(`${file}.999.abcdef.tmp`, 'half a wri');
    expect((await cache.get(url))?.body.length).toBe(2);
  });
});

describe('defaultCacheDir', () => {
  it('follows XDG_CACHE_HOME, then LOCALAPPDATA on Windows, ~/Library/Caches on macOS, ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux')).toBe(resolve('/xdg/fin-tabtext/edgar'));
    expect(defaultCacheDir({ LOCALAPPDATA: '/local' }, 'win32')).toBe(
      resolve('/local/fin-tabtext/Cache/edgar'),
    );
    expect(defaultCacheDir({}, 'darwin')).toMatch(/Library[/\\]Caches[/\\]fin-tabtext[/\\]edgar$/);
    expect(defaultCacheDir({}, 'linux')).toMatch(/\.cache[/\\]fin-tabtext[/\\]edgar$/);
  });
});
