import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** One cached response body. */
export interface EdgarCacheEntry {
  /** The canonical SEC URL (https://www.sec.gov/... or https://data.sec.gov/...). */
  readonly url: string;
  /** Epoch milliseconds when it was fetched. */
  readonly storedAt: number;
  /** The decompressed response body. */
  readonly body: Uint8Array;
  /**
   * Hex SHA-256 of `body`, written by the client when it stores the entry. On reading, the client
   * compares it with the body: an entry without it, or whose body does not match, is damaged and
   * counts as a miss (refetched online, an `EdgarCacheMissError` offline), never as data.
   */
  readonly sha256?: string;
}

/**
 * Where the client keeps responses, keyed by canonical SEC URL. The default is
 * {@link createFileCache}; inject your own (option `cacheStore`) to share one cache between
 * machines or keep it in memory.
 */
export interface EdgarCacheStore {
  /** The entry stored for `url`, or `undefined`. A damaged entry reads as `undefined`. */
  get(url: string): Promise<EdgarCacheEntry | undefined>;
  /**
   * Store an entry, replacing any older one. Must never leave a half-written entry behind, and
   * should keep `sha256` (the file cache computes it when absent).
   */
  set(entry: EdgarCacheEntry): Promise<void>;
  /** A human-readable location for messages, or `null`. */
  readonly location: string | null;
  /** Where the entry of `url` lives (a file path), for messages; optional. */
  pathOf?(url: string): string;
}

/** The cache folders, one per kind of SEC resource. */
export type EdgarResourceKind = 'archives' | 'submissions' | 'tickers' | 'companyfacts' | 'other';

/**
 * The kind of an SEC URL, which decides its cache folder and lifetime: `archives` (filing
 * documents and folder listings, immutable, cached forever); `submissions`, `tickers` and
 * `companyfacts` (updated by SEC, cached for `cacheTtlMs`); `other`.
 *
 * @param url - A canonical SEC URL.
 * @returns The resource kind.
 * @example
 * ```ts
 * import { resourceKind } from 'fin-tabtext/edgar';
 * resourceKind('https://data.sec.gov/submissions/CIK0000320193.json'); // 'submissions'
 * ```
 */
export function resourceKind(url: string): EdgarResourceKind {
  const path = new URL(url).pathname;
  if (path.startsWith('/Archives/')) return 'archives';
  if (path.startsWith('/submissions/')) return 'submissions';
  if (path === '/files/company_tickers.json' || path.startsWith('/files/company_tickers')) return 'tickers';
  if (path.startsWith('/api/xbrl/companyfacts/')) return 'companyfacts';
  return 'other';
}

/**
 * The relative file path of a URL inside the cache folder:
 * `v1/<kind>/<2 hex>/<24 hex>-<last path segment, sanitized>`. The hex is the SHA-256 of the
 * URL and every other character is limited to `[A-Za-z0-9._-]` (never starting with a dot), so
 * no URL can name a path outside the cache folder.
 *
 * @param url - A canonical SEC URL.
 * @returns Path segments below the cache folder.
 * @example
 * ```ts
 * import { cacheFilePath } from 'fin-tabtext/edgar';
 * cacheFilePath('https://www.sec.gov/Archives/edgar/data/320193/000032019323000077/aapl-20230701.htm');
 * // ['v1', 'archives', 'ab', 'ab12...-aapl-20230701.htm'] (hex varies)
 * ```
 */
export function cacheFilePath(url: string): string[] {
  const hash = createHash('sha256').update(url).digest('hex');
  let last = '';
  try {
    const segments = new URL(url).pathname.split('/');
    last = decodeURIComponent(segments[segments.length - 1] ?? '');
  } catch {
    last = '';
  }
  const safe = last
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  const name = safe === '' ? hash.slice(0, 24) : `${hash.slice(0, 24)}-${safe}`;
  return ['v1', resourceKind(url), hash.slice(0, 2), name];
}

/**
 * The default cache folder: `$XDG_CACHE_HOME/fin-tabtext/edgar` when `XDG_CACHE_HOME` is set;
 * otherwise `%LOCALAPPDATA%\fin-tabtext\Cache\edgar` on Windows,
 * `~/Library/Caches/fin-tabtext/edgar` on macOS and `~/.cache/fin-tabtext/edgar` elsewhere.
 *
 * @param env - Environment variables to read.
 * @param platform - The OS, as `process.platform` names it.
 * @returns An absolute folder path (not created).
 * @example
 * ```ts
 * import { defaultCacheDir } from 'fin-tabtext/edgar';
 * defaultCacheDir(); // '/home/jane/.cache/fin-tabtext/edgar'
 * ```
 */
export function defaultCacheDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: string = process.platform,
): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg.trim() !== '') return resolve(xdg, 'fin-tabtext', 'edgar');
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    if (local !== undefined && local.trim() !== '') return resolve(local, 'fin-tabtext', 'Cache', 'edgar');
    return resolve(homedir(), 'AppData', 'Local', 'fin-tabtext', 'Cache', 'edgar');
  }
  if (platform === 'darwin') return resolve(homedir(), 'Library', 'Caches', 'fin-tabtext', 'edgar');
  return resolve(homedir(), '.cache', 'fin-tabtext', 'edgar');
}

interface EntryHeader {
  readonly url: string;
  readonly storedAt: number;
  readonly bytes: number;
  readonly sha256?: string;
}

/**
 * Hex SHA-256 of a body: the digest the client stores with every cache entry.
 *
 * @param body - The bytes.
 * @returns 64 hex digits.
 * @example
 * ```ts
 * import { bodyDigest } from 'fin-tabtext/edgar';
 * bodyDigest(new TextEncoder().encode('{}')); // '44136fa3...'
 * ```
 */
export function bodyDigest(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * A cache in a folder: one file per URL (see {@link cacheFilePath}) holding a one-line JSON
 * header (`url`, `storedAt`, `bytes`, `sha256`; the digest is computed when the entry has none)
 * and then the body. Entries are written to a
 * temporary file and renamed into place, so a crash never leaves a partial entry; an entry whose
 * header or length does not check out reads as a miss, and the client checks `sha256` against
 * the body on every read.
 *
 * @param dir - The cache folder (created on first write).
 * @returns An {@link EdgarCacheStore}.
 * @example
 * ```ts
 * import { createFileCache } from 'fin-tabtext/edgar';
 * import { EdgarClient } from 'fin-tabtext';
 * const cacheStore = createFileCache('/data/sec-cache');
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', cacheStore });
 * ```
 */
export function createFileCache(dir: string): EdgarCacheStore {
  const root = resolve(dir);
  const fileOf = (url: string): string => join(root, ...cacheFilePath(url));
  return {
    location: root,
    pathOf: fileOf,
    async get(url: string): Promise<EdgarCacheEntry | undefined> {
      let raw: Buffer;
      try {
        raw = await readFile(fileOf(url));
      } catch {
        return undefined;
      }
      const newline = raw.indexOf(0x0a);
      if (newline < 0) return undefined;
      let header: EntryHeader;
      try {
        header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as EntryHeader;
      } catch {
        return undefined;
      }
      const body = raw.subarray(newline + 1);
      if (header.url !== url || header.bytes !== body.length || typeof header.storedAt !== 'number') {
        return undefined;
      }
      return typeof header.sha256 === 'string'
        ? { url, storedAt: header.storedAt, body, sha256: header.sha256 }
        : { url, storedAt: header.storedAt, body };
    },
    async set(entry: EdgarCacheEntry): Promise<void> {
      const file = fileOf(entry.url);
      const segments = cacheFilePath(entry.url);
      await mkdir(join(root, ...segments.slice(0, -1)), { recursive: true });
      const header: EntryHeader = {
        url: entry.url,
        storedAt: entry.storedAt,
        bytes: entry.body.length,
        // An entry stored without a digest (seeded by hand) gets one for the body it holds.
        sha256: entry.sha256 ?? bodyDigest(entry.body),
      };
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), entry.body]));
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
  };
}
